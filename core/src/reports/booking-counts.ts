/**
 * Bookings counted per member, event type and page over a range of meeting starts, by status:
 * what a manager reads in Reports ("how many did Ana take this month, how many were no-shows").
 */

import type { Booking, BookingStatus, Workspace } from '../model/workspace'
import { BOOKING_STATUSES } from '../schema/records'
import { instantParse } from '../time/instant'

/** Counts for one row: every booking, and per status. */
export interface CountRow {
  /** The record id (`null` for bookings without a page). */
  readonly id: string | null
  readonly total: number
  readonly byStatus: Readonly<Record<BookingStatus, number>>
}

export interface BookingCounts {
  /** Bookings whose meeting starts in `[fromMs, toMs)`. */
  readonly total: number
  readonly byStatus: Readonly<Record<BookingStatus, number>>
  /** A panel booking counts once for each of its hosts. */
  readonly byMember: readonly CountRow[]
  readonly byEventType: readonly CountRow[]
  /** By master page; bookings made without one under `id: null`. */
  readonly byPage: readonly CountRow[]
}

function zeroStatuses(): Record<BookingStatus, number> {
  return Object.fromEntries(BOOKING_STATUSES.map((s) => [s, 0])) as Record<BookingStatus, number>
}

type Row = { total: number; byStatus: Record<BookingStatus, number> }

/** Counts being gathered ({@link bookingTallyCreate}); read them with {@link bookingTallyResult}. */
export interface BookingTally {
  total: number
  readonly byStatus: Record<BookingStatus, number>
  readonly byMember: Map<string | null, Row>
  readonly byEventType: Map<string | null, Row>
  readonly byPage: Map<string | null, Row>
}

export function bookingTallyCreate(): BookingTally {
  return {
    total: 0,
    byStatus: zeroStatuses(),
    byMember: new Map(),
    byEventType: new Map(),
    byPage: new Map(),
  }
}

function rowAdd(
  rows: Map<string | null, Row>,
  id: string | null,
  total: number,
  byStatus: Readonly<Partial<Record<BookingStatus, number>>>,
) {
  const row = rows.get(id) ?? { total: 0, byStatus: zeroStatuses() }
  row.total += total
  for (const status of BOOKING_STATUSES) row.byStatus[status] += byStatus[status] ?? 0
  rows.set(id, row)
}

/** What a count reads of a booking. */
export type BookingTallied = Pick<
  Booking,
  'start' | 'status' | 'hostMemberIds' | 'eventTypeId' | 'masterPageId'
>

/**
 * Counts `booking` into `tally` when its meeting starts in `[fromMs, toMs)` (epoch ms): once in
 * all, once per host member (a panel booking once for each), event type and page.
 */
export function bookingTallyAdd(
  tally: BookingTally,
  booking: BookingTallied,
  fromMs: number,
  toMs: number,
): void {
  const start = instantParse(booking.start)
  if (start < fromMs || start >= toMs) return
  const one = { [booking.status]: 1 }
  tally.total += 1
  tally.byStatus[booking.status] += 1
  for (const memberId of new Set(booking.hostMemberIds)) rowAdd(tally.byMember, memberId, 1, one)
  rowAdd(tally.byEventType, booking.eventTypeId, 1, one)
  rowAdd(tally.byPage, booking.masterPageId, 1, one)
}

/**
 * Adds counts made elsewhere to `tally` (the sync server's of the part of a range before a
 * desktop's window): the two must count disjoint bookings.
 */
export function bookingTallyAddCounts(tally: BookingTally, counts: BookingCounts): void {
  tally.total += counts.total
  for (const status of BOOKING_STATUSES) tally.byStatus[status] += counts.byStatus[status] ?? 0
  for (const row of counts.byMember) rowAdd(tally.byMember, row.id, row.total, row.byStatus)
  for (const row of counts.byEventType) rowAdd(tally.byEventType, row.id, row.total, row.byStatus)
  for (const row of counts.byPage) rowAdd(tally.byPage, row.id, row.total, row.byStatus)
}

function sorted(rows: Map<string | null, Row>, order: readonly (string | null)[]): CountRow[] {
  const rank = new Map(order.map((id, i) => [id, i]))
  return [...rows.entries()]
    .map(([id, row]) => ({ id, total: row.total, byStatus: { ...row.byStatus } }))
    .toSorted(
      (a, b) =>
        b.total - a.total ||
        (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) ||
        String(a.id).localeCompare(String(b.id)),
    )
}

/**
 * The counts of `tally`, rows sorted by total (descending), then in workspace order; ids no
 * longer in the workspace keep their rows (their history stays in reports).
 */
export function bookingTallyResult(
  tally: BookingTally,
  workspace: Pick<Workspace, 'members' | 'eventTypes' | 'masterPages'>,
): BookingCounts {
  return {
    total: tally.total,
    byStatus: { ...tally.byStatus },
    byMember: sorted(
      tally.byMember,
      workspace.members.map((m) => m.id),
    ),
    byEventType: sorted(
      tally.byEventType,
      workspace.eventTypes.map((e) => e.id),
    ),
    byPage: sorted(
      tally.byPage,
      workspace.masterPages.map((p) => p.id),
    ),
  }
}

/**
 * Counts of the bookings whose meeting starts in `[fromMs, toMs)` (epoch ms), per host member,
 * event type and master page, each with a breakdown by status (see {@link bookingTallyResult}).
 * Throws a `RangeError` for a non-finite bound.
 */
export function bookingCounts(
  workspace: Pick<Workspace, 'bookings' | 'members' | 'eventTypes' | 'masterPages'>,
  fromMs: number,
  toMs: number,
): BookingCounts {
  if (Number.isNaN(fromMs) || Number.isNaN(toMs))
    throw new RangeError(`Bad range [${fromMs}, ${toMs})`)
  const tally = bookingTallyCreate()
  for (const booking of workspace.bookings) bookingTallyAdd(tally, booking, fromMs, toMs)
  return bookingTallyResult(tally, workspace)
}
