import type { MemberCannotTakeReason } from '../../../core/src/availability'
import { bookingHoldsTime } from '../../../core/src/model/booking-statuses'
import type { Booking } from '../../../core/src/model/workspace'
import { timeRangeText } from '../format/datetime-format'

const REASON_TEXT: Readonly<Record<MemberCannotTakeReason, string>> = {
  inactive: 'inactive',
  'off-grid': 'not on the time grid',
  'too-soon': 'too soon',
  'too-far-ahead': 'too far ahead',
  'outside-hours': 'outside working hours',
  busy: 'busy',
  'busy-in-calendar': 'busy in their own calendar',
  'over-daily-limit': 'daily limit reached',
  'over-weekly-limit': 'weekly limit reached',
}

/** "busy, daily limit reached": why a member cannot take a booking, for people. */
export function reassignReasonsText(reasons: readonly MemberCannotTakeReason[]): string {
  return reasons.map((reason) => REASON_TEXT[reason]).join(', ')
}

/**
 * What keeps `memberId` busy during `booking`: their bookings holding time that overlap its
 * meeting ("with Lee Park 10:00–10:30", "… and 2 more"), or null when none does (busy only by the
 * buffers around a booking nearby, or by their own calendar, which the reasons say).
 */
export function busyWithText(
  bookings: readonly Booking[],
  booking: Booking,
  memberId: string,
  zone: string,
): string | null {
  const startMs = Date.parse(booking.start)
  const endMs = Date.parse(booking.end)
  const clashing = bookings
    .filter(
      (other) =>
        other.id !== booking.id &&
        other.hostMemberIds.includes(memberId) &&
        bookingHoldsTime(other) &&
        Date.parse(other.start) < endMs &&
        startMs < Date.parse(other.end),
    )
    .toSorted((a, b) => Date.parse(a.start) - Date.parse(b.start))
  const [first] = clashing
  if (!first) return null
  const more = clashing.length > 1 ? ` and ${clashing.length - 1} more` : ''
  return `with ${first.customer.name} ${timeRangeText(first.start, first.end, zone)}${more}`
}
