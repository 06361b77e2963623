/**
 * Workload caps: `maxBookingsPerDay` / `maxBookingsPerWeek` per member, counted in the member's
 * LOCAL calendar. Once a local day (or local ISO week, Monday–Sunday) holds as many bookings as
 * its cap, that whole day (or week) is closed: no new booking may start in it.
 *
 * Counted: the member's busy bookings (any status but `cancelled`, see `busy.ts`) of any event
 * type, each on the local date of its start; a panel booking counts for every host. A cap of
 * `null` or absent means no cap; `0` closes every day (or week).
 */

import type { Member } from '../model/workspace'
import { localDateWeekStart } from '../time/local-date'
import { MINUTES_PER_DAY } from '../time/wall-clock'
import type { ZoneSegment } from '../time/zone'
import { zoneLocalMinuteOf, zoneLocalRangeToUtcMinutes } from '../time/zone-convert'
import { intervalsMerge } from './intervals'

/** A member's caps; `null` = none. */
export interface WorkloadCaps {
  readonly perDay: number | null
  readonly perWeek: number | null
}

function capOf(member: Member, name: string, value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`Member ${member.id}: ${name} must be a whole number ≥ 0, got ${value}`)
  }
  return value
}

/** The caps of a member. Throws a `RangeError` naming the member when a cap is not a whole number ≥ 0. */
export function workloadCapsOf(member: Member): WorkloadCaps {
  return {
    perDay: capOf(member, 'maxBookingsPerDay', member.maxBookingsPerDay),
    perWeek: capOf(member, 'maxBookingsPerWeek', member.maxBookingsPerWeek),
  }
}

/** Where caps close a member's calendar: UTC spans of whole local days, merged flat epoch minutes. */
export interface WorkloadClosed {
  /** Local days at their daily cap. */
  readonly daily: readonly number[]
  /** Local days in a week at its weekly cap. */
  readonly weekly: readonly number[]
}

/** Bookings are counted this far (days) around the window: a whole ISO week plus a day of zone slack. */
export const WORKLOAD_REACH_DAYS = 8

/**
 * The closed spans for slot starts in `[fromMin, toMin)` (epoch minutes). `bookingStarts` are the
 * start minutes of the member's counted bookings (at least those within {@link WORKLOAD_REACH_DAYS}
 * of the window); `segments` (the member's zone) must cover them and the window.
 */
export function workloadClosedMinutes(
  caps: WorkloadCaps,
  bookingStarts: readonly number[],
  segments: readonly ZoneSegment[],
  fromMin: number,
  toMin: number,
): WorkloadClosed {
  if ((caps.perDay === null && caps.perWeek === null) || fromMin >= toMin) {
    return { daily: [], weekly: [] }
  }
  const firstDay = Math.floor(zoneLocalMinuteOf(segments, fromMin) / MINUTES_PER_DAY)
  const lastDay = Math.floor(zoneLocalMinuteOf(segments, toMin - 1) / MINUTES_PER_DAY)
  const base = localDateWeekStart(firstDay)
  const counts = new Int32Array(localDateWeekStart(lastDay) + 7 - base)
  for (const start of bookingStarts) {
    const at = Math.floor(zoneLocalMinuteOf(segments, start) / MINUTES_PER_DAY) - base
    if (at >= 0 && at < counts.length) counts[at]! += 1
  }
  const daily: number[] = []
  const weekly: number[] = []
  let weekTotal = 0
  for (let day = firstDay; day <= lastDay; day++) {
    const at = day - base
    if (day === firstDay || at % 7 === 0) {
      const weekStart = at - (at % 7)
      weekTotal = 0
      for (let i = weekStart; i < weekStart + 7; i++) weekTotal += counts[i]!
    }
    const local = day * MINUTES_PER_DAY
    if (caps.perDay !== null && counts[at]! >= caps.perDay) {
      zoneLocalRangeToUtcMinutes(segments, local, local + MINUTES_PER_DAY, daily)
    }
    if (caps.perWeek !== null && weekTotal >= caps.perWeek) {
      zoneLocalRangeToUtcMinutes(segments, local, local + MINUTES_PER_DAY, weekly)
    }
  }
  return { daily: intervalsMerge(daily), weekly: intervalsMerge(weekly) }
}
