/**
 * Sets of instants as sorted half-open intervals — THE interval convention of availability/:
 * an interval `[start, end)` contains `start` and not `end`, so `[09:00, 10:00)` and
 * `[10:00, 11:00)` touch without overlapping, and an interval with `end <= start` is empty.
 *
 * For speed the intervals are flat number arrays `[s0, e0, s1, e1, …]` of integers (availability
 * uses epoch minutes). "Merged" means ascending, non-empty, and neither overlapping nor touching
 * (`e_i < s_{i+1}`). Every function returns a new array and leaves its inputs alone.
 */

/** Flat half-open intervals `[s0, e0, s1, e1, …]`. */
export type FlatIntervals = readonly number[]

function isMergedAlready(intervals: FlatIntervals): boolean {
  for (let i = 0; i + 1 < intervals.length; i += 2) {
    if (!(intervals[i]! < intervals[i + 1]!)) return false
    if (i >= 2 && !(intervals[i - 1]! < intervals[i]!)) return false
  }
  return true
}

/**
 * The merged form of any flat intervals: sorted by start, overlapping and touching ones joined,
 * empty ones dropped. Throws a `RangeError` when the array has an odd length.
 */
export function intervalsMerge(intervals: FlatIntervals): number[] {
  if (intervals.length % 2 !== 0) throw new RangeError('Flat intervals need an even length')
  if (isMergedAlready(intervals)) return intervals.slice()
  const order: number[] = []
  for (let i = 0; i < intervals.length; i += 2) {
    if (intervals[i]! < intervals[i + 1]!) order.push(i)
  }
  order.sort((a, b) => intervals[a]! - intervals[b]!)
  const merged: number[] = []
  for (const i of order) {
    const start = intervals[i]!
    const end = intervals[i + 1]!
    const last = merged.length - 1
    if (last > 0 && start <= merged[last]!) merged[last] = Math.max(merged[last]!, end)
    else merged.push(start, end)
  }
  return merged
}

/** `a` or `b`, both merged; the result is merged. Linear: one pass over both. */
export function intervalsUnion(a: FlatIntervals, b: FlatIntervals): number[] {
  if (b.length === 0) return a.slice()
  if (a.length === 0) return b.slice()
  const union: number[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const fromA = j >= b.length || (i < a.length && a[i]! <= b[j]!)
    const start = fromA ? a[i]! : b[j]!
    const end = fromA ? a[i + 1]! : b[j + 1]!
    if (fromA) i += 2
    else j += 2
    const last = union.length - 1
    if (last > 0 && start <= union[last]!) union[last] = Math.max(union[last]!, end)
    else union.push(start, end)
  }
  return union
}

/** `a` minus `b`, both merged; the result is merged. */
export function intervalsSubtract(a: FlatIntervals, b: FlatIntervals): number[] {
  const result: number[] = []
  let j = 0
  for (let i = 0; i < a.length; i += 2) {
    let cursor = a[i]!
    const end = a[i + 1]!
    while (j < b.length && b[j + 1]! <= cursor) j += 2
    for (let k = j; k < b.length && b[k]! < end; k += 2) {
      if (b[k]! > cursor) result.push(cursor, b[k]!)
      cursor = Math.max(cursor, b[k + 1]!)
      if (cursor >= end) break
    }
    if (cursor < end) result.push(cursor, end)
  }
  return result
}

/** `a` intersected with `b`, both merged; the result is merged. */
export function intervalsIntersect(a: FlatIntervals, b: FlatIntervals): number[] {
  const result: number[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!, b[j]!)
    const end = Math.min(a[i + 1]!, b[j + 1]!)
    if (start < end) result.push(start, end)
    if (a[i + 1]! <= b[j + 1]!) i += 2
    else j += 2
  }
  return result
}

/** Merged `intervals` cut to `[from, to)`. */
export function intervalsClip(intervals: FlatIntervals, from: number, to: number): number[] {
  return intervalsIntersect(intervals, from < to ? [from, to] : [])
}

/**
 * The offset (even index) of the interval of merged `intervals` that contains `point`, or -1.
 * Binary search: O(log n).
 */
export function intervalsFind(intervals: FlatIntervals, point: number): number {
  let low = 0
  let high = intervals.length / 2 - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    if (point < intervals[2 * mid]!) high = mid - 1
    else if (point >= intervals[2 * mid + 1]!) low = mid + 1
    else return 2 * mid
  }
  return -1
}

/** True when `[start, end)` (non-empty) lies inside one interval of merged `intervals`. */
export function intervalsCover(intervals: FlatIntervals, start: number, end: number): boolean {
  const at = intervalsFind(intervals, start)
  return at >= 0 && end <= intervals[at + 1]!
}

/** True when some interval of merged `intervals` overlaps `[start, end)` (touching is not overlapping). */
export function intervalsOverlap(intervals: FlatIntervals, start: number, end: number): boolean {
  let low = 0
  let high = intervals.length / 2 - 1
  // First interval whose end is after `start`; it overlaps when it begins before `end`.
  while (low <= high) {
    const mid = (low + high) >> 1
    if (intervals[2 * mid + 1]! <= start) low = mid + 1
    else high = mid - 1
  }
  return 2 * low < intervals.length && intervals[2 * low]! < end && start < end
}

/** Flat intervals as `[start, end]` pairs, each bound multiplied by `scale` (60 000 turns epoch minutes into epoch ms). */
export function intervalsToPairs(
  intervals: FlatIntervals,
  scale: number,
): readonly (readonly [number, number])[] {
  const pairs: (readonly [number, number])[] = []
  for (let i = 0; i + 1 < intervals.length; i += 2) {
    pairs.push([intervals[i]! * scale, intervals[i + 1]! * scale])
  }
  return pairs
}
