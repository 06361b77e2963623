/**
 * Which bookings are in conflict: a pure function of the bookings themselves, never a stored mark,
 * so no crash, import or malformed field can hide one. Two kinds:
 *
 * - **overlap**: two time-holding bookings of one member whose meetings `[start, end)` overlap
 *   (see `bookingOverlaps`), unless a person acknowledged the pair ("keep both"): a
 *   `conflict-resolved` history entry of either booking naming the other in `withBookingIds`,
 *   dated at or after the last `rescheduled` or `reassigned` entry of both. A move after the
 *   acknowledgement (either booking rescheduled or reassigned) makes the pair a conflict again.
 * - **superseded**: a desktop changed the booking offline while it changed elsewhere, and the
 *   other version won (the desktop's conflict handler records what it had decided as a
 *   `change-superseded` history entry). Open until a later `conflict-resolved` entry that names
 *   no bookings (a "keep both" for an overlap does not close it).
 * - **calendar** (given members' busy times, issue 11): an open booking (scheduled or
 *   rescheduled) whose meeting `[start, end)` overlaps busy time in a host's own calendar — a desk
 *   booking decided offline on busy times that were out of date, or an event the member put in
 *   their calendar after the booking. The server derives it from what it knows at commit (the
 *   re-check), desktops from what they last synced. Open unless a `conflict-resolved` entry
 *   naming no bookings ("keep as is") is dated at or after the booking's last move.
 *
 * Resolving means changing the bookings (reassign, reschedule, cancel: the overlap is gone) or
 * acknowledging them with `conflictResolveDecide` (`./conflict-resolve.ts`).
 */

import { type BusyTimes, busyIntervalsWithin, busyTimesOf } from '../availability/busy-times'
import type { Booking, SupersededVersion } from '../model/workspace'
import { instantParse } from '../time/instant'
import { bookingOverlaps } from './booking-overlaps'

/** One thing a person has to look at. */
export type BookingConflict =
  | {
      readonly kind: 'overlap'
      readonly memberId: string
      /** Sorted. */
      readonly bookingIds: readonly [string, string]
    }
  | {
      readonly kind: 'superseded'
      readonly bookingId: string
      /** Index of the `change-superseded` entry in the booking's history. */
      readonly entryIndex: number
      readonly at: string
      readonly by: string
      /** What the change that lost had decided. */
      readonly version: SupersededVersion
      readonly note: string | null
    }
  | {
      readonly kind: 'calendar'
      readonly bookingId: string
      readonly memberId: string
      /** The first busy interval of the member's calendars that the meeting overlaps (ISO UTC). */
      readonly busyStart: string
      readonly busyEnd: string
    }

/** Actions that move a booking in time or between members (an acknowledgement before them lapses). */
const MOVES = new Set(['rescheduled', 'reassigned'])

function lastMoveMs(booking: Booking): number {
  let last = -Infinity
  for (const entry of booking.history) {
    if (MOVES.has(entry.action)) last = Math.max(last, instantParse(entry.at))
  }
  return last
}

/**
 * Acknowledged pairs `a|b` (ids sorted) with the latest acknowledgement instant (epoch ms), from
 * every `conflict-resolved` entry's `withBookingIds`.
 */
function acknowledgements(bookings: readonly Booking[]): Map<string, number> {
  const acknowledged = new Map<string, number>()
  for (const booking of bookings) {
    for (const entry of booking.history) {
      if (entry.action !== 'conflict-resolved') continue
      const atMs = instantParse(entry.at)
      for (const other of entry.withBookingIds ?? []) {
        const key = [booking.id, other].sort().join('|')
        acknowledged.set(key, Math.max(acknowledged.get(key) ?? -Infinity, atMs))
      }
    }
  }
  return acknowledged
}

/**
 * The `change-superseded` entries of `booking` not followed by a `conflict-resolved` entry that
 * names no bookings.
 */
export function supersededOpen(booking: Booking): BookingConflict[] {
  const open: BookingConflict[] = []
  booking.history.forEach((entry, entryIndex) => {
    if (entry.action === 'conflict-resolved' && (entry.withBookingIds ?? []).length === 0) {
      open.length = 0
    }
    if (entry.action !== 'change-superseded' || !entry.supersededVersion) return
    open.push({
      kind: 'superseded',
      bookingId: booking.id,
      entryIndex,
      at: entry.at,
      by: entry.by,
      version: entry.supersededVersion,
      note: entry.reason ?? null,
    })
  })
  return open
}

/** Statuses whose bookings can still meet a member's calendar (not closed). */
const OPEN_STATUSES: ReadonlySet<Booking['status']> = new Set(['scheduled', 'rescheduled'])

/** The latest `conflict-resolved` entry naming no bookings ("keep as is"), epoch ms. */
function keptAsIsMs(booking: Booking): number {
  let last = -Infinity
  for (const entry of booking.history) {
    if (entry.action === 'conflict-resolved' && (entry.withBookingIds ?? []).length === 0) {
      last = Math.max(last, instantParse(entry.at))
    }
  }
  return last
}

/** The booking's calendar conflicts: per host, the first busy interval its meeting overlaps. */
export function calendarConflictsOf(booking: Booking, busy: BusyTimes): BookingConflict[] {
  if (!OPEN_STATUSES.has(booking.status)) return []
  const startMs = instantParse(booking.start)
  const endMs = instantParse(booking.end)
  const conflicts: BookingConflict[] = []
  for (const memberId of booking.hostMemberIds) {
    const [first] = busyIntervalsWithin(busyTimesOf(busy, memberId), startMs, endMs)
    if (first === undefined) continue
    conflicts.push({
      kind: 'calendar',
      bookingId: booking.id,
      memberId,
      busyStart: new Date(first[0]).toISOString(),
      busyEnd: new Date(first[1]).toISOString(),
    })
  }
  const keptMs = keptAsIsMs(booking)
  if (keptMs > -Infinity && keptMs >= lastMoveMs(booking)) return []
  return conflicts
}

/**
 * Every open conflict among `bookings`: overlaps (ordered by member, then ids) not acknowledged,
 * then superseded changes and, given members' `busy` times, calendar overlaps (ordered by booking
 * id). With `onlyInvolving`, only the conflicts involving one of those booking ids. O(n log n + k)
 * for n bookings and k overlaps; bookings outside the given list are not seen, so pass every
 * booking that can overlap the ones of interest. Throws a `RangeError` for a malformed instant.
 */
export function bookingConflicts(
  bookings: readonly Booking[],
  onlyInvolving?: ReadonlySet<string>,
  busy?: BusyTimes,
): BookingConflict[] {
  const acknowledged = acknowledgements(bookings)
  const byId = new Map(bookings.map((booking) => [booking.id, booking]))
  const conflicts: BookingConflict[] = []
  for (const overlap of bookingOverlaps(bookings, onlyInvolving)) {
    const ackMs = acknowledged.get(overlap.bookingIds.join('|'))
    if (ackMs !== undefined) {
      const [a, b] = overlap.bookingIds.map((id) => byId.get(id))
      const movedMs = Math.max(a ? lastMoveMs(a) : -Infinity, b ? lastMoveMs(b) : -Infinity)
      if (ackMs >= movedMs) continue
    }
    conflicts.push({ kind: 'overlap', memberId: overlap.memberId, bookingIds: overlap.bookingIds })
  }
  const ordered = bookings.toSorted((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  for (const booking of ordered) {
    if (onlyInvolving && !onlyInvolving.has(booking.id)) continue
    conflicts.push(...supersededOpen(booking))
    if (busy !== undefined) conflicts.push(...calendarConflictsOf(booking, busy))
  }
  return conflicts
}

/** The booking ids a conflict involves. */
export function conflictBookingIds(conflict: BookingConflict): readonly string[] {
  return conflict.kind === 'overlap' ? conflict.bookingIds : [conflict.bookingId]
}

/** Conflicts by the booking ids they involve (an overlap is listed under both bookings). */
export function conflictsByBooking(
  conflicts: readonly BookingConflict[],
): ReadonlyMap<string, readonly BookingConflict[]> {
  const byBooking = new Map<string, BookingConflict[]>()
  for (const conflict of conflicts) {
    for (const id of conflictBookingIds(conflict)) {
      const list = byBooking.get(id) ?? []
      list.push(conflict)
      byBooking.set(id, list)
    }
  }
  return byBooking
}
