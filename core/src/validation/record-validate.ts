/**
 * The one validation every writer runs: the desktop editors before saving, the workspace import,
 * and the sync server on every replicated push. A record is first parsed with its shape
 * (`../schema/records.ts`: types, formats, lengths, ranges, known zones), then checked with the
 * semantic rules against the rest of the workspace (`workspaceValidate`'s per-collection rules).
 */

import type { Workspace } from '../model/workspace'
import { RECORD_SHAPES, workspaceShape } from '../schema/records'
import type { RecordKey } from '../schema/records'
import { shapeParse } from '../schema/shape'
import type { Shape, ShapeType } from '../schema/shape'
import { bookingsValidate } from './bookings-validate'
import { workspaceLookup } from './workspace-lookup'
import type { WorkspaceProblem } from './workspace-problem'
import { workspaceValidate } from './workspace-validate'

export type { RecordKey } from '../schema/records'

/** A record of one workspace array. */
export type WorkspaceRecord<K extends RecordKey> = ShapeType<(typeof RECORD_SHAPES)[K]>

export type RecordParse<T> =
  | { readonly ok: true; readonly record: T }
  | { readonly ok: false; readonly problems: readonly WorkspaceProblem[] }

export type WorkspaceParse =
  | { readonly ok: true; readonly workspace: Workspace }
  | { readonly ok: false; readonly problems: readonly WorkspaceProblem[] }

/**
 * Parses untrusted workspace JSON (an import): every shape problem of every record at once, with
 * paths from the workspace root (`members.2.email`); when the shape is right, every semantic
 * problem (`workspaceValidate`). The parsed workspace holds only declared fields.
 */
export function workspaceParse(input: unknown): WorkspaceParse {
  const parsed = shapeParse(workspaceShape, input)
  if (!parsed.ok) return { ok: false, problems: parsed.problems }
  const problems = workspaceValidate(parsed.value)
  return problems.length === 0 ? { ok: true, workspace: parsed.value } : { ok: false, problems }
}

/**
 * Parses `input` as a record of `workspace[key]` about to be saved (replacing the record with the
 * same id, or added). Problems have paths relative to the record (`weeklyHours.mon.1`), except
 * problems the change would cause in OTHER records (a rule naming an option the edit removed),
 * which keep their workspace path (`masterPages.0.assignment.rules.1.when.0.value`). Problems
 * other records already had before the change are not this record's and are left out.
 *
 * Bookings are checked against the setup records only (never against other bookings), so the
 * cost does not grow with history; the other kinds ignore bookings (a booking keeps what it was
 * booked with).
 */
export function recordParse<K extends RecordKey>(
  workspace: Workspace,
  key: K,
  input: unknown,
): RecordParse<WorkspaceRecord<K>> {
  const shape = shapeParse(RECORD_SHAPES[key] as Shape<unknown>, input)
  if (!shape.ok) return { ok: false, problems: shape.problems }
  const record = shape.value as WorkspaceRecord<K>
  const problems =
    key === 'bookings'
      ? bookingsValidate([record as WorkspaceRecord<'bookings'>], workspaceLookup(workspace)).map(
          (problem) => relative(problem, 'bookings.0'),
        )
      : setupRecordProblems(workspace, key, record)
  return problems.length === 0 ? { ok: true, record } : { ok: false, problems }
}

function setupRecordProblems<K extends RecordKey>(
  workspace: Workspace,
  key: K,
  record: WorkspaceRecord<K>,
): WorkspaceProblem[] {
  const list = workspace[key] as readonly { readonly id: string }[]
  const exists = list.some((r) => r.id === record.id)
  const next = exists ? list.map((r) => (r.id === record.id ? record : r)) : [...list, record]
  const index = next.findIndex((r) => r.id === record.id)
  const prefix = `${key}.${index}`
  const setupOnly = { ...workspace, bookings: [] }
  const before = new Set(
    workspaceValidate(setupOnly).map((problem) => `${problem.path}\n${problem.message}`),
  )
  const problems: WorkspaceProblem[] = []
  for (const problem of workspaceValidate({ ...setupOnly, [key]: next } as Workspace)) {
    if (problem.path === prefix || problem.path.startsWith(`${prefix}.`)) {
      problems.push(relative(problem, prefix))
    } else if (!before.has(`${problem.path}\n${problem.message}`)) {
      problems.push(problem)
    }
  }
  return problems
}

function relative(problem: WorkspaceProblem, prefix: string): WorkspaceProblem {
  return { path: problem.path.slice(prefix.length + 1) || '(record)', message: problem.message }
}

/** `path: message` lines for a person (editor lists, push refusals). */
export function problemsText(problems: readonly WorkspaceProblem[]): string[] {
  return problems.map((problem) => `${problem.path}: ${problem.message}`)
}
