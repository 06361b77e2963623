/**
 * Busy time from members' own calendars (issue 11): plain data in the decision state, consumed by
 * availability exactly like a booking WITHOUT buffers — a new meeting's own buffers still face it —
 * that does not count toward workload caps (it is not a booking). Titles never get here: an
 * interval is two numbers.
 *
 * Per member id, half-open `[startMs, endMs)` pairs in epoch ms, sorted by start, non-empty and
 * merged (neither overlapping nor touching) — {@link busyTimesNormalize} makes any list so.
 */

import { partitionPoint } from '../model/partition-point'
import { MS_PER_MINUTE } from '../time/instant'

/** One busy interval `[startMs, endMs)`, epoch ms. */
export type BusyInterval = readonly [startMs: number, endMs: number]

/** Busy intervals per member id, each list sorted and merged. */
export type BusyTimes = Readonly<Record<string, readonly BusyInterval[]>>

/**
 * Sorts, drops empty intervals and merges overlapping or touching ones. Throws a `RangeError` for
 * a non-finite bound. Never mutates its input.
 */
export function busyTimesNormalize(intervals: readonly BusyInterval[]): BusyInterval[] {
  for (const [start, end] of intervals) {
    if (!Number.isFinite(start) || !Number.isFinite(end)) {
      throw new RangeError(`Bad busy interval [${start}, ${end})`)
    }
  }
  const sorted = intervals.filter(([start, end]) => start < end).toSorted((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1]
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

/** Index of the first interval of a sorted, merged list whose end is after `fromMs`. */
function firstEndingAfter(intervals: readonly BusyInterval[], fromMs: number): number {
  return partitionPoint(intervals.length, (i) => intervals[i]![1] <= fromMs)
}

/**
 * The intervals of one sorted, merged list that reach into `[fromMs, toMs)`, whole (not cut), by
 * binary search: the cost follows the intervals returned, not the list.
 */
export function busyIntervalsWithin(
  intervals: readonly BusyInterval[],
  fromMs: number,
  toMs: number,
): readonly BusyInterval[] {
  const first = firstEndingAfter(intervals, fromMs)
  let last = first
  while (last < intervals.length && intervals[last]![0] < toMs) last++
  return first === 0 && last === intervals.length ? intervals : intervals.slice(first, last)
}

/** {@link busyIntervalsWithin} for every member; members left without intervals are dropped. */
export function busyTimesWithin(busy: BusyTimes, fromMs: number, toMs: number): BusyTimes {
  const within: Record<string, readonly BusyInterval[]> = {}
  for (const [memberId, intervals] of Object.entries(busy)) {
    const kept = busyIntervalsWithin(intervals, fromMs, toMs)
    if (kept.length > 0) within[memberId] = kept
  }
  return within
}

/** A member's intervals (none when the member has no entry; never a prototype property). */
export function busyTimesOf(
  busy: BusyTimes | undefined,
  memberId: string,
): readonly BusyInterval[] {
  return busy !== undefined && Object.hasOwn(busy, memberId) ? (busy[memberId] ?? []) : []
}

/**
 * One member's busy intervals reaching into `[fromMin, toMin)` as flat merged epoch-minute
 * intervals (see `intervals.ts`), seconds rounded outward (start down, end up) like bookings.
 */
export function busyTimesMinutes(
  intervals: readonly BusyInterval[],
  fromMin: number,
  toMin: number,
): number[] {
  const flat: number[] = []
  for (const [start, end] of busyIntervalsWithin(
    intervals,
    fromMin * MS_PER_MINUTE,
    toMin * MS_PER_MINUTE,
  )) {
    const startMin = Math.floor(start / MS_PER_MINUTE)
    const endMin = Math.ceil(end / MS_PER_MINUTE)
    const last = flat.length - 1
    // Rounding outward can make neighbours touch: keep the result merged.
    if (last > 0 && startMin <= flat[last]!) flat[last] = Math.max(flat[last]!, endMin)
    else flat.push(startMin, endMin)
  }
  return flat
}

/** A member's busy-time record as the sync server stores and replicates it (`memberbusy`). */
export interface MemberBusyRecord {
  readonly id: string
  readonly calendars: readonly { readonly intervals: readonly number[] }[]
}

/**
 * Busy times from the stored records: per member, the union of every calendar's last good
 * intervals (flat `[s0, e0, …]` epoch ms), sorted and merged. Members without intervals are left
 * out. Throws a `RangeError` for a flat list of odd length.
 */
export function busyTimesFromRecords(records: Iterable<MemberBusyRecord>): BusyTimes {
  const busy: Record<string, readonly BusyInterval[]> = {}
  for (const record of records) {
    const pairs: BusyInterval[] = []
    for (const calendar of record.calendars) {
      const flat = calendar.intervals
      if (flat.length % 2 !== 0) throw new RangeError('Flat intervals need an even length')
      for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!])
    }
    const merged = busyTimesNormalize(pairs)
    if (merged.length > 0) busy[record.id] = merged
  }
  return busy
}
