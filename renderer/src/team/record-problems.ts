import type { Workspace } from '../../../core/src/model/workspace'
import { workspaceValidate } from '../../../core/src/validation'

/** The workspace arrays an editor can write one record of. */
export type RecordKey =
  'members' | 'eventTypes' | 'pools' | 'panels' | 'masterPages' | 'bookingPages'

/**
 * Core's validation of `record` as it would be saved into `workspace[key]` (replacing the record
 * with the same id, or added): only the problems of that record, with paths relative to it
 * (`weeklyHours.mon.1: …`). Bookings are left out: nothing in these records is checked against them.
 */
export function recordProblems<K extends RecordKey>(
  workspace: Workspace,
  key: K,
  record: Workspace[K][number],
): string[] {
  const list = workspace[key] as readonly { id: string }[]
  const exists = list.some((r) => r.id === record.id)
  const next = exists ? list.map((r) => (r.id === record.id ? record : r)) : [...list, record]
  const index = next.findIndex((r) => r.id === record.id)
  const prefix = `${key}.${index}`
  return workspaceValidate({ ...workspace, bookings: [], [key]: next } as Workspace)
    .filter((p) => p.path === prefix || p.path.startsWith(`${prefix}.`))
    .map((p) => `${p.path.slice(prefix.length + 1) || 'record'}: ${p.message}`)
}
