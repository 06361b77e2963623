/**
 * The slot grid: which instants may start a slot. Start times are aligned in the member's LOCAL
 * wall-clock time, counted from each local midnight: with a 15-minute interval, slots start at
 * :00/:15/:30/:45 on the member's wall clock (in Asia/Kolkata, +05:30, that is :30/:45/:00/:15 UTC),
 * and with an interval that does not divide a day (25 min) the grid restarts at every local
 * midnight. On a fall-back day both passes of a repeated grid time are on the grid (distinct
 * instants); a skipped hour has no grid times.
 *
 * Units: epoch minutes; ranges are half-open `[lo, hi)`.
 */

import { MINUTES_PER_DAY } from '../time/wall-clock'
import type { ZoneSegment } from '../time/zone'
import { zoneLocalMinuteOf } from '../time/zone-convert'
import { type MinuteBuffer, minuteBufferReserve } from './minute-buffer'

function segmentIndexAt(segments: readonly ZoneSegment[], minute: number): number {
  let low = 0
  let high = segments.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (segments[mid]!.startMin <= minute) low = mid
    else high = mid - 1
  }
  return low
}

/**
 * Appends to `out`, ascending, every grid instant in `[lo, hi)` for a grid of `intervalMin`
 * minutes. `segments` must cover `[lo, hi)`. Mutates only `out`.
 */
export function slotGridAppend(
  segments: readonly ZoneSegment[],
  lo: number,
  hi: number,
  intervalMin: number,
  out: MinuteBuffer,
): void {
  let data = minuteBufferReserve(out, Math.ceil((hi - lo) / intervalMin) + 2)
  let length = out.length
  let k = segmentIndexAt(segments, lo)
  let from = lo
  while (from < hi && k < segments.length) {
    const segment = segments[k]!
    const offset = segment.offsetMin
    const end = Math.min(segment.endMin, hi)
    const local = from + offset
    let dayStart = Math.floor(local / MINUTES_PER_DAY) * MINUTES_PER_DAY
    let minuteOfDay = Math.ceil((local - dayStart) / intervalMin) * intervalMin
    if (minuteOfDay >= MINUTES_PER_DAY) {
      dayStart += MINUTES_PER_DAY
      minuteOfDay = 0
    }
    let start = dayStart + minuteOfDay - offset
    while (start < end) {
      if (length === data.length) {
        out.length = length
        data = minuteBufferReserve(out, 1)
      }
      data[length++] = start
      minuteOfDay += intervalMin
      if (minuteOfDay >= MINUTES_PER_DAY) {
        dayStart += MINUTES_PER_DAY
        minuteOfDay = 0
      }
      start = dayStart + minuteOfDay - offset
    }
    from = end
    k++
  }
  out.length = length
}

/** True when epoch minute `minute` is on the local grid of `intervalMin` minutes. `segments` must cover it. */
export function slotGridContains(
  segments: readonly ZoneSegment[],
  minute: number,
  intervalMin: number,
): boolean {
  const local = zoneLocalMinuteOf(segments, minute)
  const minuteOfDay = local - Math.floor(local / MINUTES_PER_DAY) * MINUTES_PER_DAY
  return minuteOfDay % intervalMin === 0
}
