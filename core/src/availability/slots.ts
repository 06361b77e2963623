/**
 * Slots for one event type for one member: the instants `t` (epoch ms, whole minutes) at which
 * the member can start a new meeting `[t, t + duration)`. Intervals are half-open. A start `t` is
 * a slot when all of these hold:
 * - the member is active;
 * - `t` is on the member's local grid (`slot-grid.ts`);
 * - `now + minNotice ≤ t ≤ now + maxDaysAhead × 24 h` (both inclusive; the booking window counts
 *   24-hour days from the instant `now`, the same for every zone and DST);
 * - the meeting `[t, t + duration)` lies inside the member's working hours (buffers need not);
 * - no busy booking `b` has `[b.start − b.before, b.end + b.after)` overlapping the new meeting
 *   with its own buffers, `[t − before, t + duration + after)` (product.md edge case 18;
 *   `b.before/after` from b's own event type; touching is allowed);
 * - the local day and local ISO week of `t` are not closed by workload caps (`workload.ts`).
 * `memberCanTake` checks the same conditions for one instant; the two always agree.
 */

import type { EventType } from '../model/workspace'
import { MS_PER_DAY, MS_PER_MINUTE } from '../time/instant'
import {
  type AvailabilityIndex,
  type AvailabilityState,
  type MemberAvailability,
  availabilityIndexBuild,
  availabilityIndexMember,
} from './availability-index'
import { type MinuteBuffer, minuteBufferCreate, minuteBufferToArray } from './minute-buffer'
import { slotGridAppend } from './slot-grid'
import { type SlotRules, slotRulesOf } from './slot-rules'

/** An optional narrower slot-start range `[fromMs, toMs)` inside an index's window. */
export interface SlotRange {
  readonly fromMs: number
  readonly toMs: number
}

/**
 * The slot-start bounds `[lo, hi)` in epoch minutes: the index window (or `range` within it)
 * cut by minimum notice and the booking window. Throws a `RangeError` when `range` leaves the
 * index window or `nowMs` is not finite.
 */
export function slotStartBounds(
  index: AvailabilityIndex,
  rules: SlotRules,
  nowMs: number,
  range?: SlotRange,
): readonly [number, number] {
  if (!Number.isFinite(nowMs)) throw new RangeError(`Bad now: ${nowMs}`)
  let lo = index.fromMin
  let hi = index.toMin
  if (range !== undefined) {
    if (!(range.fromMs >= index.fromMs && range.toMs <= index.toMs && range.fromMs <= range.toMs)) {
      throw new RangeError('Slot range must lie inside the index window')
    }
    lo = Math.ceil(range.fromMs / MS_PER_MINUTE)
    hi = Math.ceil(range.toMs / MS_PER_MINUTE)
  }
  const earliest = Math.ceil((nowMs + rules.noticeMin * MS_PER_MINUTE) / MS_PER_MINUTE)
  const latest = Math.floor((nowMs + rules.maxDaysAhead * MS_PER_DAY) / MS_PER_MINUTE)
  return [Math.max(lo, earliest), Math.min(hi, latest + 1)]
}

/** Appends the grid starts of `[lo, hi)` that lie outside the merged `closed` spans. */
function appendOpenStarts(
  member: MemberAvailability,
  intervalMin: number,
  lo: number,
  hi: number,
  out: MinuteBuffer,
): void {
  const closed = member.closed
  let cursor = lo
  for (let c = 0; c < closed.length && closed[c]! < hi; c += 2) {
    if (closed[c + 1]! <= cursor) continue
    if (closed[c]! > cursor) slotGridAppend(member.segments, cursor, closed[c]!, intervalMin, out)
    cursor = closed[c + 1]!
    if (cursor >= hi) return
  }
  slotGridAppend(member.segments, cursor, hi, intervalMin, out)
}

/**
 * Appends to `out` (ascending, epoch minutes) the member's slot starts within `[lo, hi)` — the
 * kernel behind every slot function. One linear sweep over hours and busy time; no luxon.
 */
export function slotsAppendMinutes(
  member: MemberAvailability,
  rules: SlotRules,
  lo: number,
  hi: number,
  out: MinuteBuffer,
): void {
  if (!member.isActive || lo >= hi) return
  const { durationMin, beforeMin, afterMin, intervalMin } = rules
  const working = member.working
  const busy = member.busy
  let b = 0
  for (let w = 0; w < working.length; w += 2) {
    if (working[w]! >= hi) break
    const start = Math.max(working[w]!, lo)
    // The meeting must end by the end of the hours: t + duration ≤ end.
    const stop = Math.min(working[w + 1]! - durationMin + 1, hi)
    if (start >= stop) continue
    while (b < busy.length && busy[b + 1]! + beforeMin <= start) b += 2
    let cursor = start
    for (let k = b; k < busy.length; k += 2) {
      // Busy [s, e) meets the new [t − before, t + duration + after) exactly for starts t in
      // [s − after − duration + 1, e + before): the new AFTER-buffer faces a booking that comes
      // later, the new BEFORE-buffer one that came earlier.
      const blockedFrom = busy[k]! - afterMin - durationMin + 1
      if (blockedFrom >= stop) break
      const blockedTo = busy[k + 1]! + beforeMin
      if (blockedTo <= cursor) continue
      if (blockedFrom > cursor) appendOpenStarts(member, intervalMin, cursor, blockedFrom, out)
      cursor = blockedTo
      if (cursor >= stop) break
    }
    if (cursor < stop) appendOpenStarts(member, intervalMin, cursor, stop, out)
  }
}

/**
 * The slot starts (epoch ms, ascending, unique) of one indexed member for `eventType`, within the
 * index window or `range`. Throws a `RangeError` for a member not in the index, invalid event type
 * numbers, or a bad `range`/`nowMs`.
 */
export function slotsFromIndex(
  index: AvailabilityIndex,
  memberId: string,
  eventType: EventType,
  nowMs: number,
  range?: SlotRange,
): readonly number[] {
  const member = availabilityIndexMember(index, memberId)
  const rules = slotRulesOf(eventType)
  const [lo, hi] = slotStartBounds(index, rules, nowMs, range)
  const minutes = minuteBufferCreate()
  slotsAppendMinutes(member, rules, lo, hi, minutes)
  return minuteBufferToArray(minutes).map((minute) => minute * MS_PER_MINUTE)
}

/** A one-member slot query over workspace records. */
export interface MemberSlotsQuery {
  readonly memberId: string
  readonly eventTypeId: string
  readonly nowMs: number
  /** Slot starts lie in `[fromMs, toMs)`, epoch ms. */
  readonly fromMs: number
  readonly toMs: number
  /** A booking to ignore (rescheduling it). */
  readonly excludeBookingId?: string | null
}

/**
 * The slot starts (epoch ms, ascending) of one member for one event type, from workspace records.
 * Builds a one-member index; for many queries build an index once and use {@link slotsFromIndex}.
 * Throws a `RangeError` for unknown ids and invalid records or window.
 */
export function slotsForMember(
  state: AvailabilityState,
  query: MemberSlotsQuery,
): readonly number[] {
  const eventType = state.eventTypes.find((candidate) => candidate.id === query.eventTypeId)
  if (eventType === undefined) {
    throw new RangeError(`Unknown event type ${JSON.stringify(query.eventTypeId)}`)
  }
  const index = availabilityIndexBuild(state, {
    fromMs: query.fromMs,
    toMs: query.toMs,
    memberIds: [query.memberId],
    excludeBookingId: query.excludeBookingId ?? null,
  })
  return slotsFromIndex(index, query.memberId, eventType, query.nowMs)
}
