import type { Workspace } from '../../../core/src/model/workspace'
import { workspaceShape } from '../../../core/src/schema/records'
import { shapeParse } from '../../../core/src/schema/shape'
import { recordParse, workspaceParse } from '../../../core/src/validation'
import type { WorkspaceProblem } from '../../../core/src/validation'
import type { ImportStaging } from './import-staging'
import { eventLoopTurn } from '../event-loop-turn'

/**
 * Problems listed in a refused import's answer; the rest are only counted
 * (`problemsNotShown`). A thousand is more than a person reads and keeps the answer small even
 * when every one of 400,000 bookings has a problem.
 */
export const MAX_LISTED_PROBLEMS = 1_000

/** Staged bookings validated per step before the event loop gets a turn. */
const VALIDATE_PAGE = 1_000

/** The problems of one import: the first {@link MAX_LISTED_PROBLEMS} kept, the others counted. */
export class ImportProblems {
  private readonly kept: WorkspaceProblem[] = []
  private notShown = 0

  add(problem: WorkspaceProblem): void {
    if (this.kept.length < MAX_LISTED_PROBLEMS) this.kept.push(problem)
    else this.notShown++
  }

  addAll(problems: readonly WorkspaceProblem[]): void {
    for (const problem of problems) this.add(problem)
  }

  /** Adds `other`'s problems after these (its unlisted ones stay counted). */
  append(other: ImportProblems): void {
    this.addAll(other.kept)
    this.notShown += other.notShown
  }

  get isEmpty(): boolean {
    return this.kept.length === 0
  }

  get listed(): readonly WorkspaceProblem[] {
    return this.kept
  }

  /** How many problems exist beyond the listed ones. */
  get unlisted(): number {
    return this.notShown
  }
}

/** The setup (the workspace without bookings) parsed, or why not. */
export type SetupCheck =
  | { readonly ok: true; readonly workspace: Workspace }
  | {
      readonly ok: false
      readonly isShapeProblem: true
      readonly problems: readonly WorkspaceProblem[]
    }
  | {
      readonly ok: false
      readonly isShapeProblem: false
      readonly problems: readonly WorkspaceProblem[]
      /** The well-shaped setup, to check bookings against all the same. */
      readonly workspace: Workspace
    }

/**
 * Core's `workspaceParse` on the workspace without its bookings (`bookings: []` when the body's
 * `bookings` was streamed; a body whose `bookings` was not a list keeps it, and is refused).
 */
export function importSetupCheck(setup: unknown): SetupCheck {
  const parsed = workspaceParse(setup)
  if (parsed.ok) return parsed
  const shape = shapeParse(workspaceShape, setup)
  if (!shape.ok) return { ok: false, isShapeProblem: true, problems: parsed.problems }
  return { ok: false, isShapeProblem: false, problems: parsed.problems, workspace: shape.value }
}

/**
 * Checks every staged booking against the setup with core's `recordParse(setup, 'bookings', …)`
 * (references, times, hosts, history; never against other bookings) and reports repeated ids,
 * in body order, each with its path from the workspace root (`bookings.<index>.<field>`), as
 * `workspaceParse` would for the whole workspace. Yields the event loop between pages.
 */
export async function importBookingsValidate(
  staging: ImportStaging,
  setup: Workspace,
  problems: ImportProblems,
  afterPage: (checked: number) => Promise<void> | void = () => undefined,
): Promise<void> {
  let checked = 0
  const repeats = repeatsInOrder(staging)
  let nextRepeat = repeats.next()
  const reportRepeatsUpTo = (index: number) => {
    while (!nextRepeat.done && nextRepeat.value.index <= index) {
      const { index: at, id, firstIndex } = nextRepeat.value
      problems.add({
        path: `bookings.${at}.id`,
        message: `id ${JSON.stringify(id)} repeats bookings.${firstIndex}.id`,
      })
      nextRepeat = repeats.next()
    }
  }
  let after = -1
  for (;;) {
    const page = staging.byIndex(after, VALIDATE_PAGE)
    if (page.length === 0) break
    for (const staged of page) {
      reportRepeatsUpTo(staged.index)
      const parsed = recordParse(setup, 'bookings', JSON.parse(staged.json) as unknown)
      if (parsed.ok) continue
      for (const problem of parsed.problems) {
        const path =
          problem.path === '(record)'
            ? `bookings.${staged.index}`
            : `bookings.${staged.index}.${problem.path}`
        problems.add({ path, message: problem.message })
      }
    }
    after = page[page.length - 1]!.index
    checked += page.length
    await afterPage(checked)
    await eventLoopTurn()
  }
  reportRepeatsUpTo(Number.POSITIVE_INFINITY)
}

function* repeatsInOrder(staging: ImportStaging) {
  let after = -1
  for (;;) {
    const page = staging.repeats(after, VALIDATE_PAGE)
    if (page.length === 0) return
    yield* page
    after = page[page.length - 1]!.index
  }
}
