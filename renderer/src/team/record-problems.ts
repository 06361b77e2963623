import type { Workspace } from '../../../core/src/model/workspace'
import { problemsText, recordParse } from '../../../core/src/validation'
import type { RecordKey } from '../../../core/src/validation'

/** The workspace arrays an editor can write one record of. */
export type EditableKey = Exclude<RecordKey, 'bookings'>

/**
 * Core's one validation (`recordParse`: the record's shape, then its rules in the workspace) of
 * `record` as it would be saved into `workspace[key]`, as `path: message` lines (paths relative
 * to the record; problems the change would cause in other records keep their workspace path).
 * The same function decides on the sync server when the record is pushed.
 */
export function recordProblems(workspace: Workspace, key: EditableKey, record: unknown): string[] {
  const parsed = recordParse(workspace, key, record)
  return parsed.ok ? [] : problemsText(parsed.problems)
}
