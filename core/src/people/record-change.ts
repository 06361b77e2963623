/**
 * What a write to one record does, in the role table's words (`roles.ts`): the actions a person
 * needs for it, and which fields it changes (the activity log's summary). Pure: both versions in,
 * a value out. Records are compared as plain JSON values, bookkeeping fields left out.
 */

import type { Booking, HistoryEntry } from '../model/workspace'
import type { CollectionName } from '../schema/collections'
import type { Action } from './roles'

/** Fields that never make two versions of a record different in substance. */
const BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set([
  'updatedAt',
  '_meta',
  '_rev',
  '_attachments',
  '_deleted',
])

/** A stored or pushed record: plain JSON with an id. */
export type RecordData = Readonly<Record<string, unknown>>

/** What a write does to a record. */
export type RecordWriteKind = 'create' | 'update' | 'delete'

/** JSON with object keys sorted: equal for equal values whatever the key order. */
export function jsonStable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonStable).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${jsonStable(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/**
 * The top-level fields whose values differ between `before` and `after` (bookkeeping left out),
 * sorted. With no `before`, every field `after` has; with no `after`, every field `before` had.
 */
export function recordChangedFields(
  before: RecordData | undefined,
  after: RecordData | undefined,
): readonly string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  return [...keys]
    .filter((key) => !BOOKKEEPING_FIELDS.has(key))
    .filter((key) => jsonStable(before?.[key]) !== jsonStable(after?.[key]))
    .sort()
}

/** Whether a write creates, updates or deletes its record (`before` = the stored version). */
export function recordWriteKind(
  before: RecordData | undefined,
  after: RecordData & { readonly _deleted?: unknown },
): RecordWriteKind {
  if (after._deleted === true) return 'delete'
  return before === undefined || before['_deleted'] === true ? 'create' : 'update'
}

/**
 * The actions a person needs to write `after` over `before` into `collection`. Setup records
 * (members, event types, pages, pools, panels, settings) need `setup` for any change; bookings
 * are judged by what changed ({@link bookingChangeActions}). A write that changes nothing needs
 * nothing.
 */
export function recordWriteActions(
  collection: CollectionName,
  before: RecordData | undefined,
  after: RecordData & { readonly _deleted?: unknown },
): readonly Action[] {
  const isDelete = after._deleted === true
  const isSame =
    !isDelete &&
    before !== undefined &&
    before['_deleted'] !== true &&
    recordChangedFields(before, after).length === 0
  if (isSame) return []
  if (collection !== 'bookings') return ['setup']
  // Bookings are never deleted (pushCheck refuses it); the strictest words for trying.
  if (isDelete) return ['cancel', 'setup']
  const was = before === undefined || before['_deleted'] === true ? undefined : before
  return bookingChangeActions(was as Booking | undefined, after as unknown as Booking)
}

/**
 * What a booking change is, in actions (sorted, no repeats): a new booking is `book`; a new
 * status `cancelled` or `no-show` is `cancel` or `no-show`; a new time is `reschedule` (which
 * may re-fill a busy seat); new hosts at the same time are `reassign`; a new `conflict-resolved`
 * or `change-superseded` history entry is `resolve-conflict`; any other change (customer,
 * answers, a status like `completed`, other history) is `edit-booking`.
 */
export function bookingChangeActions(
  before: Booking | undefined,
  after: Booking,
): readonly Action[] {
  if (before === undefined) return ['book']
  const actions = new Set<Action>()
  const isMoved = before.start !== after.start || before.end !== after.end
  if (isMoved) actions.add('reschedule')
  if (!isMoved && jsonStable(before.hostMemberIds) !== jsonStable(after.hostMemberIds)) {
    actions.add('reassign')
  }
  if (before.status !== after.status) {
    if (after.status === 'cancelled') actions.add('cancel')
    else if (after.status === 'no-show') actions.add('no-show')
    else if (!(after.status === 'rescheduled' && isMoved)) actions.add('edit-booking')
  }
  for (const entry of historyEntriesAdded(before.history, after.history)) {
    if (entry.action === 'conflict-resolved' || entry.action === 'change-superseded') {
      actions.add('resolve-conflict')
    }
  }
  const otherFields = recordChangedFields(
    before as unknown as RecordData,
    after as unknown as RecordData,
  ).filter((field) => !BOOKING_DECISION_FIELDS.has(field))
  if (otherFields.length > 0) actions.add('edit-booking')
  if (!historyIsKept(before.history, after.history)) actions.add('edit-booking')
  return [...actions].sort()
}

/** Fields whose changes {@link bookingChangeActions} names by themselves. */
const BOOKING_DECISION_FIELDS: ReadonlySet<string> = new Set([
  'start',
  'end',
  'hostMemberIds',
  'status',
  'history',
])

/**
 * The entries of `after` that `before` does not hold (compared as whole entries, each stored
 * entry matching at most one), in `after`'s order: what a write adds to a history.
 */
export function historyEntriesAdded(
  before: readonly HistoryEntry[],
  after: readonly HistoryEntry[],
): readonly HistoryEntry[] {
  const remaining = new Map<string, number>()
  for (const entry of before) {
    const key = jsonStable(entry)
    remaining.set(key, (remaining.get(key) ?? 0) + 1)
  }
  return after.filter((entry) => {
    const key = jsonStable(entry)
    const left = remaining.get(key) ?? 0
    if (left === 0) return true
    remaining.set(key, left - 1)
    return false
  })
}

/** True when every entry of `before` is still in `after` (history only grows). */
function historyIsKept(before: readonly HistoryEntry[], after: readonly HistoryEntry[]): boolean {
  return historyEntriesAdded(after, before).length === 0
}

/**
 * `after`'s history with the `by` of every entry it adds to `before` set to `personName`: history
 * names the authenticated person, never a name the client typed. Entries already stored keep
 * theirs. A new booking (`before` undefined) has all its entries named so.
 */
export function historyWithActor(
  before: readonly HistoryEntry[] | undefined,
  after: readonly HistoryEntry[],
  personName: string,
): readonly HistoryEntry[] {
  const added = new Set(historyEntriesAdded(before ?? [], after))
  return after.map((entry) => (added.has(entry) ? { ...entry, by: personName } : entry))
}
