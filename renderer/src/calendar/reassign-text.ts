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
 * The bookings holding time during `booking`'s meeting (overlapping it; not itself), earliest
 * first: found once for a reassign dialog, then read per member by {@link busyWithText}.
 */
export function bookingsDuring(bookings: readonly Booking[], booking: Booking): readonly Booking[] {
  const startMs = Date.parse(booking.start)
  const endMs = Date.parse(booking.end)
  return bookings
    .filter(
      (other) =>
        other.id !== booking.id &&
        bookingHoldsTime(other) &&
        Date.parse(other.start) < endMs &&
        startMs < Date.parse(other.end),
    )
    .toSorted((a, b) => Date.parse(a.start) - Date.parse(b.start))
}

/**
 * What keeps `memberId` busy during a meeting, from {@link bookingsDuring} it: their bookings
 * ("with Lee Park 10:00–10:30", "… and 2 more"), or null when none overlaps (busy only by the
 * buffers around a booking nearby, or by their own calendar, which the reasons say).
 */
export function busyWithText(
  during: readonly Booking[],
  memberId: string,
  zone: string,
): string | null {
  const clashing = during.filter((other) => other.hostMemberIds.includes(memberId))
  const [first] = clashing
  if (!first) return null
  const more = clashing.length > 1 ? ` and ${clashing.length - 1} more` : ''
  return `with ${first.customer.name} ${timeRangeText(first.start, first.end, zone)}${more}`
}
