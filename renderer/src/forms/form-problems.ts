import type { Workspace } from '../../../core/src/model/workspace'
import type { WorkspaceProblem } from '../../../core/src/validation'

/**
 * Core's validation problems, ready for a form: each kept at its path (relative to the record, as
 * `recordParse` returns it) so the field it concerns can show it, with ids in the message
 * replaced by the names people know (a person never sees `pool-b1ca28d3`).
 */
export interface FormProblems {
  /** Every problem, in core's order. */
  readonly all: readonly WorkspaceProblem[]
  /** Messages exactly at `path`. */
  at(path: string): readonly string[]
  /** Messages at `path` or anything inside it. */
  under(path: string): readonly string[]
}

export const NO_PROBLEMS: FormProblems = formProblems([])

/** Wraps problems (already readable) for a form. */
export function formProblems(problems: readonly WorkspaceProblem[]): FormProblems {
  return {
    all: problems,
    at: (path) => problems.filter((p) => p.path === path).map((p) => p.message),
    under: (path) =>
      problems
        .filter((p) => p.path === path || p.path.startsWith(`${path}.`))
        .map((p) => p.message),
  }
}

/** Every record id of the workspace with the name people know it by. */
export function workspaceNames(workspace: Workspace): ReadonlyMap<string, string> {
  const names = new Map<string, string>()
  for (const m of workspace.members) names.set(m.id, m.name)
  for (const e of workspace.eventTypes) {
    names.set(e.id, e.name)
    for (const q of e.questions) if (!names.has(q.id)) names.set(q.id, q.label)
  }
  for (const p of workspace.pools) names.set(p.id, p.name)
  for (const p of workspace.panels) names.set(p.id, p.name)
  for (const p of workspace.masterPages) names.set(p.id, p.title)
  const memberName = new Map(workspace.members.map((m) => [m.id, m.name]))
  for (const b of workspace.bookingPages) {
    names.set(b.id, `${memberName.get(b.memberId) ?? 'a member'}'s page /${b.slug}`)
  }
  return names
}

/**
 * A message for people: quoted ids become quoted names (`unknown pool "Sales"`), and a repeat's
 * pointer to where the value first appeared (`repeats eventTypeIds.0`) becomes plain words.
 */
export function problemMessageForPeople(
  message: string,
  names: ReadonlyMap<string, string>,
): string {
  return message
    .replace(/"([^"]+)"/g, (quoted, id: string) => {
      const name = names.get(id)
      return name === undefined ? quoted : `“${name}”`
    })
    .replace(/ repeats [A-Za-z0-9_.]+/, ' is listed twice')
    .replace(
      / already fills seats\.(\d+)/,
      (_, seat: string) => ` already fills seat ${Number(seat) + 1}`,
    )
}

/**
 * A decision's refusal for people: quoted or bare ids of known records become names
 * (`m-cai cannot take this booking: busy` → `Cai Wong cannot take this booking: busy`).
 */
export function decisionMessageForPeople(
  message: string,
  names: ReadonlyMap<string, string>,
): string {
  return problemMessageForPeople(message, names).replace(/[A-Za-z0-9_.:|-]+/g, (token) =>
    /[-\d]/.test(token) ? (names.get(token) ?? token) : token,
  )
}

/** The problems with readable messages. */
export function problemsForPeople(
  problems: readonly WorkspaceProblem[],
  names: ReadonlyMap<string, string>,
): WorkspaceProblem[] {
  return problems.map((p) => ({ path: p.path, message: problemMessageForPeople(p.message, names) }))
}
