import type { MemberCannotTakeReason } from '../../../core/src/availability'
import { bookingHoldsTime } from '../../../core/src/model/booking-statuses'
import type { Booking, EventType } from '../../../core/src/model/workspace'
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
 * The bookings holding time during `booking`'s meeting (not itself), earliest first, as core's
 * check sees them: each with its own event type's buffers against the meeting with its own
 * (a booking just before or after can make a member busy through the buffers between them).
 * Found once for a reassign dialog, then read per member by {@link busyWithText}.
 */
export function bookingsDuring(
  bookings: readonly Booking[],
  booking: Booking,
  eventTypes: readonly EventType[] = [],
): readonly Booking[] {
  const span = (of: Booking) => {
    const eventType = eventTypes.find((candidate) => candidate.id === of.eventTypeId)
    return [
      Date.parse(of.start) - (eventType?.bufferBeforeMinutes ?? 0) * 60_000,
      Date.parse(of.end) + (eventType?.bufferAfterMinutes ?? 0) * 60_000,
    ] as const
  }
  const [startMs, endMs] = span(booking)
  return bookings
    .filter((other) => {
      if (other.id === booking.id || !bookingHoldsTime(other)) return false
      const [otherStart, otherEnd] = span(other)
      return otherStart < endMs && startMs < otherEnd
    })
    .toSorted((a, b) => Date.parse(a.start) - Date.parse(b.start))
}

/**
 * What keeps `memberId` busy during `meeting`, from {@link bookingsDuring} it: their bookings
 * ("with Lee Park 10:00–10:30", "… and 2 more"; one that only comes too close says so: "with Lee
 * Park 11:00–11:30, too close: buffers keep time free around meetings"), or null when none does
 * (busy in their own calendar, which the reasons say).
 */
export function busyWithText(
  during: readonly Booking[],
  memberId: string,
  zone: string,
  meeting?: Booking,
): string | null {
  const clashing = during.filter((other) => other.hostMemberIds.includes(memberId))
  const [first] = clashing
  if (!first) return null
  const more = clashing.length > 1 ? ` and ${clashing.length - 1} more` : ''
  const isOnlyNear =
    meeting !== undefined &&
    clashing.every(
      (other) =>
        Date.parse(other.start) >= Date.parse(meeting.end) ||
        Date.parse(other.end) <= Date.parse(meeting.start),
    )
  return (
    `with ${first.customer.name} ${timeRangeText(first.start, first.end, zone)}${more}` +
    (isOnlyNear ? ', too close: buffers keep time free around meetings' : '')
  )
}

/**
 * Who hears of a reassignment (core's notify plan): both members by email, the customer not — an
 * internal change, their time and manage link stay as they were (product: "the customer is not
 * told about an internal reassignment"). Said before the change, so nobody guesses.
 */
export function whoIsToldText(
  fromName: string,
  toName: string | null,
  sendsEmail: boolean | null,
): string {
  const members = `${fromName} and ${toName ?? 'the member you pick'}`
  const customer =
    'The customer is not told: their time and their link stay the same (their manage page shows the new host).'
  return sendsEmail === false
    ? `${customer} This sync server sends no email: tell ${members} yourself.`
    : `${customer} ${members} get an email with a calendar update.`
}
