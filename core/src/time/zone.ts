/**
 * IANA time zones: validation, and the zone's UTC offset over time as a list of constant-offset
 * segments. This is the only place in core/ that asks luxon about zone rules; everything else
 * converts with integer arithmetic over these segments.
 *
 * Units: epoch minutes (whole minutes since 1970-01-01T00:00Z) for segment bounds, minutes east of
 * UTC for offsets (New York in winter is -300). Segments are half-open `[startMin, endMin)`.
 *
 * Zone rules are facts, so results are memoised per zone (per UTC day, plus the last segment list
 * asked for). The memo is invisible to callers: every function here is pure.
 */

import { IANAZone } from 'luxon'

/** A stretch of time `[startMin, endMin)` (epoch minutes) during which a zone keeps one offset. */
export interface ZoneSegment {
  readonly startMin: number
  readonly endMin: number
  /** Minutes east of UTC: local wall-clock minute = UTC minute + offsetMin. */
  readonly offsetMin: number
}

/** Offsets are sampled this often (minutes); no zone changes its offset twice within 6 hours. */
const SAMPLE_STEP_MIN = 360
/** Memo bound per zone (UTC days, about 137 years); past it the memo starts over. */
const MAX_CACHED_DAYS = 50_000

interface DayOffsets {
  /** Offset at the UTC day's first minute. */
  readonly atStart: number
  /** Changes strictly inside the day, flat pairs `[atMin, newOffsetMin, …]`, ascending. */
  readonly changes: readonly number[]
}

interface ZoneMemo {
  readonly zone: IANAZone
  readonly days: Map<number, DayOffsets>
  last: {
    readonly fromMin: number
    readonly toMin: number
    readonly segments: ZoneSegment[]
  } | null
}

const memos = new Map<string, ZoneMemo>()

/** Answers of {@link zoneIsValid}: luxon builds an Intl formatter per check (~0.2 ms each). */
const validity = new Map<string, boolean>()
/** Zone names are few; anything beyond this is junk input, so the cache starts over. */
const VALIDITY_CACHE_LIMIT = 2000

/** True when `zone` is an IANA zone name this runtime knows (`Europe/Berlin`, `UTC`). Never throws. */
export function zoneIsValid(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0) return false
  let valid = validity.get(zone)
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone)
    if (validity.size >= VALIDITY_CACHE_LIMIT) validity.clear()
    validity.set(zone, valid)
  }
  return valid
}

function memoFor(zone: string): ZoneMemo {
  const known = memos.get(zone)
  if (known !== undefined) return known
  if (!zoneIsValid(zone)) throw new RangeError(`Unknown IANA time zone: ${JSON.stringify(zone)}`)
  const memo: ZoneMemo = { zone: IANAZone.create(zone), days: new Map(), last: null }
  memos.set(zone, memo)
  return memo
}

/** Whole minutes east of UTC (historic local-mean-time seconds are rounded away). */
function rawOffset(zone: IANAZone, minute: number): number {
  return Math.round(zone.offset(minute * 60_000))
}

/** The first minute in `(lo, hi]` whose offset equals `hi`'s, given `lo` and `hi` differ. */
function changeMinute(zone: IANAZone, lo: number, hi: number, hiOffset: number): number {
  let low = lo
  let high = hi
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2)
    if (rawOffset(zone, mid) === hiOffset) high = mid
    else low = mid
  }
  return high
}

function dayOffsets(memo: ZoneMemo, utcDay: number): DayOffsets {
  const known = memo.days.get(utcDay)
  if (known !== undefined) return known
  const start = utcDay * 1440
  const atStart = rawOffset(memo.zone, start)
  const changes: number[] = []
  let previous = atStart
  for (let at = start + SAMPLE_STEP_MIN; at <= start + 1440; at += SAMPLE_STEP_MIN) {
    const offset = rawOffset(memo.zone, at)
    if (offset !== previous) {
      const changeAt = changeMinute(memo.zone, at - SAMPLE_STEP_MIN, at, offset)
      if (changeAt < start + 1440) changes.push(changeAt, offset)
      previous = offset
    }
  }
  if (memo.days.size >= MAX_CACHED_DAYS) memo.days.clear()
  const result: DayOffsets = { atStart, changes }
  memo.days.set(utcDay, result)
  return result
}

/**
 * The constant-offset segments of `zone` covering `[fromMin, toMin)` (epoch minutes), ascending
 * and contiguous: the first starts at `fromMin`, the last ends at `toMin`, neighbours differ in
 * offset. Throws a `RangeError` for an unknown zone or an empty or non-integer range.
 */
export function zoneSegments(zone: string, fromMin: number, toMin: number): readonly ZoneSegment[] {
  if (!Number.isInteger(fromMin) || !Number.isInteger(toMin) || fromMin >= toMin) {
    throw new RangeError(`Bad segment range [${fromMin}, ${toMin})`)
  }
  const memo = memoFor(zone)
  const last = memo.last
  if (last !== null && last.fromMin === fromMin && last.toMin === toMin) return last.segments
  const segments: ZoneSegment[] = []
  let segmentStart = fromMin
  let offset = NaN
  const change = (at: number, next: number): void => {
    if (next === offset) return
    if (at > segmentStart) segments.push({ startMin: segmentStart, endMin: at, offsetMin: offset })
    segmentStart = Math.max(at, fromMin)
    offset = next
  }
  for (let day = Math.floor(fromMin / 1440); day * 1440 < toMin; day++) {
    const offsets = dayOffsets(memo, day)
    change(day * 1440, offsets.atStart)
    for (let i = 0; i < offsets.changes.length; i += 2) {
      const at = offsets.changes[i] ?? 0
      if (at >= toMin) break
      change(at, offsets.changes[i + 1] ?? 0)
    }
  }
  segments.push({ startMin: segmentStart, endMin: toMin, offsetMin: offset })
  memo.last = { fromMin, toMin, segments }
  return segments
}

/**
 * The segment of `segments` containing epoch minute `minute`, found by binary search. Throws a
 * `RangeError` when the segments do not cover it (ask {@link zoneSegments} for a wider range).
 */
export function zoneSegmentAt(segments: readonly ZoneSegment[], minute: number): ZoneSegment {
  let low = 0
  let high = segments.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const segment = segments[mid]
    if (segment === undefined) break
    if (minute < segment.startMin) high = mid - 1
    else if (minute >= segment.endMin) low = mid + 1
    else return segment
  }
  throw new RangeError(`Epoch minute ${minute} lies outside the zone segments`)
}

/** Minutes east of UTC in `zone` at instant `ms` (epoch ms). Throws a `RangeError` for an unknown zone. */
export function zoneOffsetAt(zone: string, ms: number): number {
  const minute = Math.floor(ms / 60_000)
  return zoneSegmentAt(zoneSegments(zone, minute, minute + 1), minute).offsetMin
}
