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
import { localDateWeekStart } from '../time/local-date'
import { MINUTES_PER_DAY } from '../time/wall-clock'
import { zoneSegments } from '../time/zone'
import { zoneLocalMinuteOf, zoneLocalRangeToUtcMinutes } from '../time/zone-convert'

/**
 * How far around a window a booking can still matter: workload caps count starts up to
 * `WORKLOAD_REACH_DAYS` away (plus a day of zone slack), and busy spans reach out by a meeting and
 * its buffers (each at most `MAX_EVENT_SPAN_MIN`). Generous on purpose: keeping too many is only
 * slower, dropping one that matters would be wrong.
 */
export const BOOKINGS_NEAR_REACH_MS =
  (WORKLOAD_REACH_DAYS + 1) * MS_PER_DAY + 2 * MAX_EVENT_SPAN_MIN * MS_PER_MINUTE

/** Zone segments are looked up this far around the starts: a week's start, and a day of offset. */
const CAP_SEGMENT_REACH_MIN = 9 * MINUTES_PER_DAY

/**
 * The start instants `[from, to)` (epoch ms) of a capped member's own bookings that its workload
 * caps count for starts in `[fromMs, toMs]`: the member's local days holding those starts (a daily
 * cap), or the local ISO weeks holding them (a weekly cap) — the days `workloadClosedMinutes`
 * counts bookings on, each booking on the local day of its start. Null for a member without caps.
 * Bookings outside may be left out of the decision's state; a wider range is only slower. Throws
 * a `RangeError` for an unknown zone or non-finite bounds.
 */
export function capCountStarts(
  member: Pick<Member, 'timeZone' | 'maxBookingsPerDay' | 'maxBookingsPerWeek'>,
  fromMs: number,
  toMs: number,
): readonly [number, number] | null {
  const isWeekly = member.maxBookingsPerWeek != null
  if (!isWeekly && member.maxBookingsPerDay == null) return null
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) {
    throw new RangeError(`Bad window [${fromMs}, ${toMs}]`)
  }
  // Whole minutes around both ends: the index counts a start's minute (busy.ts).
  const fromMin = Math.floor(fromMs / MS_PER_MINUTE)
  const toMin = Math.ceil(toMs / MS_PER_MINUTE)
  // The segments an availability index over `[fromMs, toMs + 1)` asks for (a decision's), so the
  // zone's one-entry memo serves both; they reach 9 days past both ends, a week and a day of
  // offset more than these days need.
  const segments = zoneSegments(
    member.timeZone,
    Math.ceil(fromMs / MS_PER_MINUTE) - CAP_SEGMENT_REACH_MIN,
    Math.ceil((toMs + 1) / MS_PER_MINUTE) + CAP_SEGMENT_REACH_MIN,
  )
  let firstDay = Math.floor(zoneLocalMinuteOf(segments, fromMin) / MINUTES_PER_DAY)
  let lastDay = Math.floor(zoneLocalMinuteOf(segments, toMin) / MINUTES_PER_DAY)
  if (isWeekly) {
    firstDay = localDateWeekStart(firstDay)
    lastDay = localDateWeekStart(lastDay) + 6
  }
  // The UTC minutes whose local time falls on those days, first piece to last (a DST hour that
  // repeats can make several pieces; whatever lies between them is kept too).
  const pieces: number[] = []
  zoneLocalRangeToUtcMinutes(
    segments,
    firstDay * MINUTES_PER_DAY,
    (lastDay + 1) * MINUTES_PER_DAY,
    pieces,
  )
  const [first] = pieces
  const last = pieces.at(-1)
  if (first === undefined || last === undefined) return null
  return [first * MS_PER_MINUTE, last * MS_PER_MINUTE]
}

/**
 * The start instants `[from, to)` of the bookings whose busy time can touch a meeting of
 * `eventType` starting at `startMs` (what `seatIndexBuild` keeps for a decision): a booking
 * starting earlier ends by `longestBookingMs` later, and every booking's buffers are at most the
 * widest of `eventTypes` (a booking of an unknown type has none); a minute of slack each way for
 * rounding to minutes. A member without workload caps needs no other booking to decide; a capped
 * member also needs its own bookings within {@link capCountStarts} (caps count them).
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
 * {@link capCountStarts} of the window.
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
