/**
 * A booking as it stood right after one of its history entries: the time, the hosts and the
 * status then. Messages are composed per history entry, and a booking can change several times
 * before its messages are derived (created and rescheduled within one second), so each message
 * must describe the booking of ITS entry, not the current one.
 *
 * Read from the history's own semantics (`../distribution/booking-history.ts`):
 * - the start after entry `i` is the `previousStart` of the first `rescheduled` entry after `i`,
 *   else the current start; the meeting's length never changes (a reschedule keeps it);
 * - the hosts after entry `i` are the current hosts with every later reassignment undone;
 * - the status after entry `i` is the one the last status-changing entry up to `i` set.
 */

import type { Booking, BookingStatus, HistoryAction } from '../model/workspace'
import { instantFormat, instantParse } from '../time/instant'

/** The booking right after one history entry. Instants are ISO UTC. */
export interface BookingMoment {
  readonly start: string
  readonly end: string
  /** One per seat, in seat order (the first is the primary). */
  readonly hostMemberIds: readonly string[]
  readonly status: BookingStatus
}

/** The status each action leaves a booking in; `null`: the action does not change it. */
const STATUS_AFTER: Readonly<Record<HistoryAction, BookingStatus | null>> = {
  created: 'scheduled',
  rescheduled: 'rescheduled',
  cancelled: 'cancelled',
  completed: 'completed',
  'no-show': 'no-show',
  reassigned: null,
  'conflict-resolved': null,
  'change-superseded': null,
}

/**
 * The booking right after `history[entryIndex]`. Lenient like `historyReplay`: a reassignment
 * that does not fit the hosts is skipped. Throws a `RangeError` for an index outside the history.
 */
export function bookingAtEntry(booking: Booking, entryIndex: number): BookingMoment {
  if (!Number.isInteger(entryIndex) || entryIndex < 0 || entryIndex >= booking.history.length) {
    throw new RangeError(`No history entry ${entryIndex} in booking ${booking.id}`)
  }
  const durationMs = instantParse(booking.end) - instantParse(booking.start)
  let start = booking.start
  for (let i = entryIndex + 1; i < booking.history.length; i++) {
    const entry = booking.history[i]
    if (entry?.action === 'rescheduled' && entry.previousStart) {
      start = entry.previousStart
      break
    }
  }
  const hosts = [...booking.hostMemberIds]
  for (let i = booking.history.length - 1; i > entryIndex; i--) {
    const entry = booking.history[i]
    if (entry?.action !== 'reassigned' || !entry.fromMemberId || !entry.toMemberId) continue
    const seat = hosts.indexOf(entry.toMemberId)
    if (seat >= 0 && !hosts.includes(entry.fromMemberId)) hosts[seat] = entry.fromMemberId
  }
  let status: BookingStatus = 'scheduled'
  for (let i = 0; i <= entryIndex; i++) {
    const action = booking.history[i]?.action
    const next = action ? STATUS_AFTER[action] : null
    if (next) status = next
  }
  const startMs = instantParse(start)
  return {
    start: instantFormat(startMs),
    end: instantFormat(startMs + durationMs),
    hostMemberIds: hosts,
    status,
  }
}

/** Actions after which a calendar copy of the booking is out of date. */
const CALENDAR_CHANGES: ReadonlySet<HistoryAction> = new Set([
  'rescheduled',
  'reassigned',
  'cancelled',
])

/**
 * The iCalendar `SEQUENCE` of the booking as of `history[entryIndex]` (the last entry when
 * omitted): how many entries up to it changed the time, the hosts or cancelled it. It grows with
 * every such change and never shrinks, so a calendar always takes the newest invitation.
 */
export function calendarSequence(booking: Booking, entryIndex?: number): number {
  const last = entryIndex ?? booking.history.length - 1
  let sequence = 0
  for (let i = 0; i <= last && i < booking.history.length; i++) {
    const action = booking.history[i]?.action
    if (action && CALENDAR_CHANGES.has(action)) sequence++
  }
  return sequence
}
