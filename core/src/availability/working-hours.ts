/**
 * A member's working hours — weekly wall-clock ranges per weekday plus date overrides, in the
 * member's IANA zone — as UTC time. Intervals are half-open `[start, end)` (see `intervals.ts`).
 *
 * - A date override replaces that local date's weekly hours entirely; `hours: []` is a day off.
 * - Ranges of one day may touch or overlap; they are joined. A range must not end before it starts
 *   (`22:00–02:00` is written `22:00–24:00` plus `00:00–02:00` the next day; the two join).
 * - DST follows `zone-convert.ts`: a range means the instants whose wall clock reads inside it, so
 *   09:00–17:00 stays 09:00–17:00 local, a skipped hour is no time at all, a repeated hour counts twice.
 */

import { WEEKDAYS, type LocalRange, type Member } from '../model/workspace'
import { MS_PER_MINUTE } from '../time/instant'
import { localDateParse, localDateWeekday } from '../time/local-date'
import { MINUTES_PER_DAY, wallClockParse } from '../time/wall-clock'
import { type ZoneSegment, zoneSegments } from '../time/zone'
import { zoneLocalRangeToUtcMinutes } from '../time/zone-convert'
import { intervalsClip, intervalsMerge, intervalsToPairs } from './intervals'

/** A member's hours compiled to minutes after local midnight: flat merged pairs per day. */
export interface WorkingPattern {
  /** Index 0 = Monday … 6 = Sunday (the order of `WEEKDAYS`). */
  readonly weekly: readonly (readonly number[])[]
  /** Local day number → that date's hours. */
  readonly overrides: ReadonlyMap<number, readonly number[]>
}

function compileRanges(member: Member, where: string, ranges: readonly LocalRange[]): number[] {
  const flat: number[] = []
  for (const [start, end] of ranges) {
    const from = wallClockParse(start)
    const to = wallClockParse(end)
    if (to < from) {
      throw new RangeError(
        `Member ${member.id}: ${where} range ${start}–${end} ends before it starts`,
      )
    }
    flat.push(from, to)
  }
  return intervalsMerge(flat)
}

/**
 * Compiled patterns per member object. Members are immutable values, so a member compiled once
 * never needs compiling again while the caller keeps the same object (the sync server keeps its
 * records between requests). Invisible to callers: results are identical.
 */
const COMPILED = new WeakMap<Member, WorkingPattern>()

/**
 * Compiles and validates a member's weekly hours and overrides. Throws a `RangeError` naming the
 * member for a malformed time or date, a range ending before it starts, or two overrides of one date.
 */
export function workingPatternOf(member: Member): WorkingPattern {
  let pattern = COMPILED.get(member)
  if (pattern === undefined) {
    pattern = workingPatternCompile(member)
    COMPILED.set(member, pattern)
  }
  return pattern
}

function workingPatternCompile(member: Member): WorkingPattern {
  const weekly = WEEKDAYS.map((weekday) =>
    compileRanges(member, weekday, member.weeklyHours[weekday] ?? []),
  )
  const overrides = new Map<number, readonly number[]>()
  for (const override of member.dateOverrides) {
    const day = localDateParse(override.date)
    if (overrides.has(day)) {
      throw new RangeError(`Member ${member.id}: two overrides for ${override.date}`)
    }
    overrides.set(day, compileRanges(member, override.date, override.hours))
  }
  return { weekly, overrides }
}

/**
 * Working time of `pattern` as merged UTC intervals in epoch minutes, for every local date whose
 * hours can reach `[fromMin, toMin)`, cut to that window. `segments` (the member's zone) must
 * cover `[fromMin - 1 day, toMin + 1 day)`.
 */
export function workingHoursMinutes(
  pattern: WorkingPattern,
  segments: readonly ZoneSegment[],
  fromMin: number,
  toMin: number,
): number[] {
  const utc: number[] = []
  const firstDay = Math.floor(fromMin / MINUTES_PER_DAY) - 1
  const lastDay = Math.floor(toMin / MINUTES_PER_DAY) + 1
  for (let day = firstDay; day <= lastDay; day++) {
    const ranges = pattern.overrides.get(day) ?? pattern.weekly[localDateWeekday(day)] ?? []
    const base = day * MINUTES_PER_DAY
    for (let i = 0; i + 1 < ranges.length; i += 2) {
      zoneLocalRangeToUtcMinutes(segments, base + ranges[i]!, base + ranges[i + 1]!, utc)
    }
  }
  return intervalsClip(intervalsMerge(utc), fromMin, toMin)
}

/**
 * A member's working hours inside `[fromMs, toMs)` as UTC intervals `[startMs, endMs]` (epoch ms,
 * half-open, ascending, disjoint, touching ones joined). Ignores bookings, caps and `active`.
 * Throws a `RangeError` for an invalid zone or hours, or an empty window.
 */
export function workingHoursInWindow(
  member: Member,
  fromMs: number,
  toMs: number,
): readonly (readonly [number, number])[] {
  const fromMin = Math.ceil(fromMs / MS_PER_MINUTE)
  const toMin = Math.floor(toMs / MS_PER_MINUTE)
  if (!(fromMin < toMin)) throw new RangeError(`Empty window [${fromMs}, ${toMs})`)
  const segments = zoneSegments(
    member.timeZone,
    fromMin - 2 * MINUTES_PER_DAY,
    toMin + 2 * MINUTES_PER_DAY,
  )
  const minutes = workingHoursMinutes(workingPatternOf(member), segments, fromMin, toMin)
  return intervalsToPairs(minutes, MS_PER_MINUTE)
}
