/**
 * A cheap pre-filter for decisions over a small window: the bookings that can matter to an
 * availability index over `[fromMs, toMs)`. The index itself parses every booking it is given;
 * a workspace keeps years of bookings, and a decision looks at one start, so dropping the far ones
 * first by comparing ISO strings (no parsing) keeps decisions fast as history grows.
 */

import { MAX_EVENT_SPAN_MIN } from '../availability/slot-rules'
import { WORKLOAD_REACH_DAYS } from '../availability/workload'
import type { Booking, EventType, Member } from '../model/workspace'
import { instantFormat, MS_PER_DAY, MS_PER_MINUTE } from '../time/instant'

/**
 * How far around a window a booking can still matter: workload caps count starts up to
 * `WORKLOAD_REACH_DAYS` away (plus a day of zone slack), and busy spans reach out by a meeting and
 * its buffers (each at most `MAX_EVENT_SPAN_MIN`). Generous on purpose: keeping too many is only
 * slower, dropping one that matters would be wrong.
 */
export const BOOKINGS_NEAR_REACH_MS =
  (WORKLOAD_REACH_DAYS + 1) * MS_PER_DAY + 2 * MAX_EVENT_SPAN_MIN * MS_PER_MINUTE

/**
 * How far from a decided start (either way, ms) a member's own bookings can count toward its
 * workload caps: a week's worth ({@link BOOKINGS_NEAR_REACH_MS}) with a weekly cap; with only a
 * daily cap, the start's local day (its bookings start within a day and a DST hour of it: two days
 * with slack); none without caps.
 */
export function capReachMs(
  member: Pick<Member, 'maxBookingsPerDay' | 'maxBookingsPerWeek'>,
): number {
  if (member.maxBookingsPerWeek != null) return BOOKINGS_NEAR_REACH_MS
  if (member.maxBookingsPerDay != null) return 2 * MS_PER_DAY
  return 0
}

/**
 * The start instants `[from, to)` of the bookings whose busy time can touch a meeting of
 * `eventType` starting at `startMs` (what `seatIndexBuild` keeps for a decision): a booking
 * starting earlier ends by `longestBookingMs` later, and every booking's buffers are at most the
 * widest of `eventTypes` (a booking of an unknown type has none); a minute of slack each way for
 * rounding to minutes. A member without workload caps needs no other booking to decide; a capped
 * member also needs its own bookings within {@link capReachMs} (caps count them).
 */
export function decisionBusyStarts(
  startMs: number,
  eventType: EventType,
  eventTypes: readonly EventType[],
  longestBookingMs: number,
): readonly [number, number] {
  let before = 0
  let after = 0
  for (const type of eventTypes) {
    before = Math.max(before, type.bufferBeforeMinutes)
    after = Math.max(after, type.bufferAfterMinutes)
  }
  const lookBack = (eventType.bufferBeforeMinutes + after + 1) * MS_PER_MINUTE + longestBookingMs
  const lookAhead =
    (eventType.durationMinutes + eventType.bufferAfterMinutes + before + 1) * MS_PER_MINUTE
  return [startMs - lookBack, startMs + lookAhead + 1]
}

/**
 * The start instants `[from, to)` of the bookings whose busy time can touch a meeting of
 * `eventType` starting anywhere in `[fromMs, toMs]` (free starts over a window: alternatives to a
 * refused start, page availability): the union of {@link decisionBusyStarts} over those starts,
 * whose bounds move with the start. As there, a capped member also needs its own bookings within
 * {@link capReachMs} of the window.
 */
export function windowBusyStarts(
  fromMs: number,
  toMs: number,
  eventType: EventType,
  eventTypes: readonly EventType[],
  longestBookingMs: number,
): readonly [number, number] {
  const [from] = decisionBusyStarts(fromMs, eventType, eventTypes, longestBookingMs)
  const [, to] = decisionBusyStarts(toMs, eventType, eventTypes, longestBookingMs)
  return [from, to]
}

/** True for the canonical UTC form `YYYY-MM-DDTHH:mm:ss.sssZ`, whose string order is time order. */
function isCanonical(iso: string): boolean {
  return (
    iso.length === 24 &&
    iso.charCodeAt(23) === 90 /* Z */ &&
    iso.charCodeAt(19) === 46 /* . */ &&
    iso.charCodeAt(10) === 84 /* T */
  )
}

/**
 * `bookings` without those that certainly cannot affect availability in `[fromMs, toMs)`: a
 * booking is dropped only when both its instants are canonical ISO strings and it ends more than
 * {@link BOOKINGS_NEAR_REACH_MS} before the window or starts that far after it. Order is kept;
 * the input is not mutated. Throws a `RangeError` for a non-finite bound.
 */
export function bookingsNear(
  bookings: readonly Booking[],
  fromMs: number,
  toMs: number,
): readonly Booking[] {
  const low = instantFormat(fromMs - BOOKINGS_NEAR_REACH_MS)
  const high = instantFormat(toMs + BOOKINGS_NEAR_REACH_MS)
  return bookings.filter(
    (booking) =>
      !isCanonical(booking.start) ||
      !isCanonical(booking.end) ||
      (booking.end >= low && booking.start < high),
  )
}
