/**
 * Wall-clock rules ↔ UTC instants: the one place that turns "09:00 on 2027-03-14 in
 * America/New_York" into epoch time and back. Every interval is half-open `[start, end)`.
 *
 * Semantics across DST (a local range means exactly the instants whose wall clock reads inside it):
 * - a local time in a skipped hour does not exist: `02:00–03:00` on New York's spring-forward day
 *   is empty, `01:30–02:30` is the 30 minutes `01:30–02:00` EST;
 * - a repeated local hour yields two distinct instants: `01:30` on New York's fall-back day is
 *   05:30Z (EDT) and 06:30Z (EST); a range covering it covers both passes;
 * - `"24:00"` ends a day: it is the next date's local midnight.
 * So `09:00–17:00` is 09:00–17:00 local on DST days too.
 *
 * The ms functions are for callers; the epoch-minute functions are the integer kernels that
 * availability uses in its loops with segments from {@link zoneSegments}.
 */

import { localDateFormat, localDateParse, localDateWeekday } from './local-date'
import { MS_PER_MINUTE } from './instant'
import { MINUTES_PER_DAY, wallClockFormat, wallClockParse } from './wall-clock'
import { type ZoneSegment, zoneSegmentAt, zoneSegments } from './zone'

/** Zone offsets lie within ±1 day, so this margin around a local day always covers its instants. */
const DAY_MARGIN_MIN = MINUTES_PER_DAY

/**
 * Appends to `out` the UTC pieces (flat epoch-minute pairs `[s, e, …]`, ascending, abutting pieces
 * joined) of the local wall-clock range `[localFrom, localTo)`, given in local epoch minutes
 * (local day number × 1440 + minute of day). `segments` must cover the instants concerned; pieces
 * outside them are silently cut off. Mutates only `out`.
 */
export function zoneLocalRangeToUtcMinutes(
  segments: readonly ZoneSegment[],
  localFrom: number,
  localTo: number,
  out: number[],
): void {
  for (const segment of segments) {
    const start = Math.max(segment.startMin, localFrom - segment.offsetMin)
    const end = Math.min(segment.endMin, localTo - segment.offsetMin)
    if (start >= end) continue
    if (out.length > 0 && out[out.length - 1] === start) out[out.length - 1] = end
    else out.push(start, end)
  }
}

/** The local epoch minute (local day × 1440 + minute of day) of UTC epoch minute `minute`. Throws a `RangeError` when `segments` do not cover it. */
export function zoneLocalMinuteOf(segments: readonly ZoneSegment[], minute: number): number {
  return minute + zoneSegmentAt(segments, minute).offsetMin
}

function segmentsAroundDay(zone: string, dayNumber: number): readonly ZoneSegment[] {
  return zoneSegments(
    zone,
    dayNumber * MINUTES_PER_DAY - DAY_MARGIN_MIN,
    (dayNumber + 2) * MINUTES_PER_DAY + DAY_MARGIN_MIN,
  )
}

/**
 * The UTC instants (epoch ms, ascending) at which the wall clock in `zone` reads `time`
 * (`"HH:mm"`, `"24:00"` = next midnight) on local `date` (`"YYYY-MM-DD"`): none in a skipped hour,
 * two in a repeated hour, otherwise one. Throws a `RangeError` for a bad zone, date or time.
 */
export function zoneLocalToUtc(zone: string, date: string, time: string): readonly number[] {
  const day = localDateParse(date)
  const local = day * MINUTES_PER_DAY + wallClockParse(time)
  const instants: number[] = []
  for (const segment of segmentsAroundDay(zone, day)) {
    const minute = local - segment.offsetMin
    if (minute >= segment.startMin && minute < segment.endMin) instants.push(minute * MS_PER_MINUTE)
  }
  return instants
}

/**
 * The UTC intervals (epoch ms, half-open, ascending, disjoint) during which the wall clock in
 * `zone` reads inside `[start, end)` on local `date`. Usually one interval; empty when the range
 * lies in a skipped hour; two when it starts inside a repeated hour but does not cover all of it.
 * Throws a `RangeError` for a bad zone, date or time, or when `start > end`.
 */
export function zoneRangeToUtc(
  zone: string,
  date: string,
  start: string,
  end: string,
): readonly (readonly [number, number])[] {
  const day = localDateParse(date)
  const from = wallClockParse(start)
  const to = wallClockParse(end)
  if (from > to) throw new RangeError(`Range ends before it starts: ${start}–${end}`)
  const flat: number[] = []
  const base = day * MINUTES_PER_DAY
  zoneLocalRangeToUtcMinutes(segmentsAroundDay(zone, day), base + from, base + to, flat)
  const intervals: (readonly [number, number])[] = []
  for (let i = 0; i + 1 < flat.length; i += 2) {
    intervals.push([(flat[i] ?? 0) * MS_PER_MINUTE, (flat[i + 1] ?? 0) * MS_PER_MINUTE])
  }
  return intervals
}

/** The wall-clock reading of an instant in a zone. */
export interface ZoneLocalTime {
  /** Local date `"YYYY-MM-DD"`. */
  readonly date: string
  /** Local time `"HH:mm"` (seconds dropped). */
  readonly time: string
  /** Minutes after local midnight on the wall clock, 0–1439. */
  readonly minuteOfDay: number
  /** ISO weekday: 0 = Monday … 6 = Sunday. */
  readonly weekday: number
  /** Minutes east of UTC at that instant. */
  readonly offsetMin: number
}

/** The wall-clock reading in `zone` of instant `ms` (epoch ms). Throws a `RangeError` for a bad zone or a non-finite instant. */
export function zoneUtcToLocal(zone: string, ms: number): ZoneLocalTime {
  if (!Number.isFinite(ms)) throw new RangeError(`Not an instant: ${ms}`)
  const minute = Math.floor(ms / MS_PER_MINUTE)
  const offsetMin = zoneSegmentAt(zoneSegments(zone, minute, minute + 1), minute).offsetMin
  const local = minute + offsetMin
  const day = Math.floor(local / MINUTES_PER_DAY)
  const minuteOfDay = local - day * MINUTES_PER_DAY
  return {
    date: localDateFormat(day),
    time: wallClockFormat(minuteOfDay),
    minuteOfDay,
    weekday: localDateWeekday(day),
    offsetMin,
  }
}

/**
 * The instants of local date `date` (`YYYY-MM-DD`) in `zone`: `[fromMs, toMs)` from its first
 * instant to the next day's (23 or 25 hours on DST days; a midnight the zone skips starts the day
 * at the first instant it has). Throws a `RangeError` for a bad zone or date.
 */
export function zoneDayRange(zone: string, date: string): readonly [number, number] {
  const spans = zoneRangeToUtc(zone, date, '00:00', '24:00')
  return [Math.min(...spans.map(([from]) => from)), Math.max(...spans.map(([, to]) => to))]
}

/**
 * `[fromMs, toMs)` cut at the local midnights of `zone`: one `[from, to)` piece per local day it
 * touches, in order, abutting, together exactly the range (days as {@link zoneDayRange} gives
 * them). Empty for an empty range. Throws a `RangeError` for a bad zone or non-finite bounds.
 */
export function zoneDayPieces(
  zone: string,
  fromMs: number,
  toMs: number,
): readonly (readonly [number, number])[] {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) {
    throw new RangeError(`Bad range [${fromMs}, ${toMs})`)
  }
  const pieces: (readonly [number, number])[] = []
  let day = localDateParse(zoneUtcToLocal(zone, fromMs).date)
  for (let at = fromMs; at < toMs; day++) {
    const end = Math.min(toMs, zoneDayRange(zone, localDateFormat(day))[1])
    if (end > at) pieces.push([at, end])
    at = Math.max(at, end)
  }
  return pieces
}
