/**
 * The conflict decisions shared by the server and the desktop: "keep as is" (acknowledge), and
 * recording that an offline change lost to another version. Reassigning, rescheduling and
 * cancelling resolve a conflict through the ordinary booking decisions (the overlap is gone).
 */

import { historyAppend, historyAt } from '../booking/booking-history-write'
import { bookingFind } from '../booking/booking-status'
import type { BookingChange } from '../booking/booking-types'
import type { Booking, HistoryEntry, Workspace } from '../model/workspace'
import type { BusyTimes } from '../availability/busy-times'
import { bookingConflicts } from './booking-conflicts'

export interface ConflictResolveRequest {
  readonly bookingId: string
  /** The person who looked at it. */
  readonly by: string
  readonly note?: string | null
  /**
   * Keep the booking alongside exactly these overlapping bookings ("keep both" for one pair).
   * Absent (and `superseded` absent): every open conflict of the booking.
   */
  readonly withBookingIds?: readonly string[]
  /** Close the booking's superseded-change notes ("keep the current version"). */
  readonly superseded?: boolean
  /** Keep it although it meets a host's own calendar ("keep as is"). */
  readonly calendar?: boolean
}

/**
 * A person looked at conflicts of a booking and keeps it as it is. Overlaps are acknowledged by a
 * `conflict-resolved` entry naming the partners (`withBookingIds`, sorted); superseded-change
 * notes and calendar overlaps (given `state.busy`) are closed by a `conflict-resolved` entry
 * naming none. By default all of them, for every open
 * conflict of the booking; `withBookingIds` / `superseded` narrow it. Entries are dated at
 * `nowMs` (never before the last entry). `state.bookings` must hold every booking that can
 * overlap this one. Refused `not-found` for an unknown id, `not-allowed` when there is nothing
 * open to resolve (or a named booking is not in an open overlap with it). Throws a `RangeError`
 * for a non-finite `nowMs`.
 */
export function conflictResolveDecide(
  state: Pick<Workspace, 'bookings'> & { readonly busy?: BusyTimes },
  request: ConflictResolveRequest,
  nowMs: number,
): BookingChange {
  const found = bookingFind(state, request.bookingId)
  if (!found.ok) return found
  const { booking } = found
  const open = bookingConflicts(state.bookings, new Set([booking.id]), state.busy)
  const partners = new Set<string>()
  let hasSuperseded = false
  let hasCalendar = false
  for (const conflict of open) {
    if (conflict.kind === 'superseded') hasSuperseded = true
    else if (conflict.kind === 'calendar') hasCalendar = true
    else for (const id of conflict.bookingIds) if (id !== booking.id) partners.add(id)
  }
  const everything =
    request.withBookingIds === undefined &&
    request.superseded === undefined &&
    request.calendar === undefined
  const acknowledge = everything ? [...partners] : [...(request.withBookingIds ?? [])]
  // One entry naming no bookings closes superseded notes and calendar overlaps alike.
  const closeSuperseded =
    (hasSuperseded && (everything || request.superseded === true)) ||
    (hasCalendar && (everything || request.calendar === true))
  const notOpen = acknowledge.filter((id) => !partners.has(id))
  if (notOpen.length > 0) {
    const message = `This booking has no open overlap with ${notOpen.join(', ')}`
    return { ok: false, reason: 'not-allowed', message }
  }
  if (acknowledge.length === 0 && !closeSuperseded) {
    return { ok: false, reason: 'not-allowed', message: 'This booking has no open conflict' }
  }
  const at = historyAt(booking, nowMs)
  const entries: HistoryEntry[] = []
  const base = {
    at,
    action: 'conflict-resolved',
    by: request.by,
    reason: request.note ?? null,
  } as const
  if (acknowledge.length > 0) entries.push({ ...base, withBookingIds: acknowledge.toSorted() })
  if (closeSuperseded) entries.push(base)
  return { ok: true, booking: historyAppend(booking, ...entries) }
}

/** The fields in which two versions of a booking can have decided differently. */
const DECISION_FIELDS = ['start', 'end', 'hostMemberIds', 'status'] as const

/** True when `a` and `b` decided the same time, hosts and status. */
export function bookingDecisionsEqual(a: Booking, b: Booking): boolean {
  return DECISION_FIELDS.every((field) => JSON.stringify(a[field]) === JSON.stringify(b[field]))
}

/**
 * The version to keep when `local` (changed on a desktop, offline) lost to `winner` (changed
 * elsewhere meanwhile): `winner` with a `change-superseded` entry recording what `local` had
 * decided, by whoever made the local change, so the decision is shown to a person instead of
 * being dropped. `winner` unchanged when both decided the same. The entry is dated at `nowMs`
 * (never before `winner`'s last entry). Throws a `RangeError` for a non-finite `nowMs`.
 */
export function bookingSupersede(winner: Booking, local: Booking, nowMs: number): Booking {
  if (bookingDecisionsEqual(winner, local)) return winner
  const known = new Set(winner.history.map((entry) => JSON.stringify(entry)))
  const lost = local.history.filter((entry) => !known.has(JSON.stringify(entry)))
  const by = lost[lost.length - 1]?.by ?? 'desktop'
  const actions = [...new Set(lost.map((entry) => entry.action))]
  const entry: HistoryEntry = {
    at: historyAt(winner, nowMs),
    action: 'change-superseded',
    by,
    reason:
      actions.length > 0
        ? `Changed offline (${actions.join(', ')}) while it was changed elsewhere`
        : 'Changed offline while it was changed elsewhere',
    supersededVersion: {
      start: local.start,
      end: local.end,
      hostMemberIds: [...local.hostMemberIds],
      status: local.status,
    },
  }
  return historyAppend(winner, entry)
}
