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

function tally(
  rows: Map<string | null, { total: number; byStatus: Record<BookingStatus, number> }>,
  id: string | null,
  booking: Booking,
) {
  const row = rows.get(id) ?? { total: 0, byStatus: zeroStatuses() }
  row.total += 1
  row.byStatus[booking.status] += 1
  rows.set(id, row)
}

function sorted(
  rows: Map<string | null, { total: number; byStatus: Record<BookingStatus, number> }>,
  order: readonly (string | null)[],
): CountRow[] {
  const rank = new Map(order.map((id, i) => [id, i]))
  return [...rows.entries()]
    .map(([id, row]) => ({ id, total: row.total, byStatus: row.byStatus }))
    .toSorted(
      (a, b) =>
        b.total - a.total ||
        (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity) ||
        String(a.id).localeCompare(String(b.id)),
    )
}

/**
 * Counts of the bookings whose meeting starts in `[fromMs, toMs)` (epoch ms), per host member,
 * event type and master page, each with a breakdown by status. Rows are sorted by total
 * (descending), then in workspace order; ids no longer in the workspace keep their rows (their
 * history stays in reports). Throws a `RangeError` for a non-finite bound.
 */
export function bookingCounts(
  workspace: Pick<Workspace, 'bookings' | 'members' | 'eventTypes' | 'masterPages'>,
  fromMs: number,
  toMs: number,
): BookingCounts {
  if (Number.isNaN(fromMs) || Number.isNaN(toMs))
    throw new RangeError(`Bad range [${fromMs}, ${toMs})`)
  const byMember = new Map<
    string | null,
    { total: number; byStatus: Record<BookingStatus, number> }
  >()
  const byEventType = new Map<
    string | null,
    { total: number; byStatus: Record<BookingStatus, number> }
  >()
  const byPage = new Map<
    string | null,
    { total: number; byStatus: Record<BookingStatus, number> }
  >()
  const byStatus = zeroStatuses()
  let total = 0
  for (const booking of workspace.bookings) {
    const start = instantParse(booking.start)
    if (start < fromMs || start >= toMs) continue
    total += 1
    byStatus[booking.status] += 1
    for (const memberId of new Set(booking.hostMemberIds)) tally(byMember, memberId, booking)
    tally(byEventType, booking.eventTypeId, booking)
    tally(byPage, booking.masterPageId, booking)
  }
  return {
    total,
    byStatus,
    byMember: sorted(
      byMember,
      workspace.members.map((m) => m.id),
    ),
    byEventType: sorted(
      byEventType,
      workspace.eventTypes.map((e) => e.id),
    ),
    byPage: sorted(
      byPage,
      workspace.masterPages.map((p) => p.id),
    ),
  }
}
