/**
 * Pooled union: the slots at which at least one of several members can take an event type, and
 * for each slot exactly WHICH members can. Each member's slots come from their own hours in their
 * own zone; ranges of different members are never merged, so every slot has a member who can
 * serve all of it.
 *
 * The result is compact (typed arrays in CSR form) so later code — round robin next-in-line,
 * pooled ranking, panels — can ask "who can serve slot t" cheaply.
 */

import type { EventType } from '../model/workspace'
import { MS_PER_MINUTE } from '../time/instant'
import { type AvailabilityIndex, availabilityIndexMember } from './availability-index'
import { type SlotRange, slotStartBounds, slotsAppendMinutes } from './slots'
import { minuteBufferCreate } from './minute-buffer'
import { slotRulesOf } from './slot-rules'

/**
 * Slots of a union. Slot `i` starts at `startsMs[i]` (epoch ms, strictly ascending); the members
 * who can serve it are `memberIndexes[offsets[i] .. offsets[i + 1])`, ascending positions in
 * `memberIds` (the order the union was asked for). Do not mutate.
 */
export interface SlotUnion {
  readonly memberIds: readonly string[]
  readonly startsMs: Float64Array
  /** Length `startsMs.length + 1`. */
  readonly offsets: Int32Array
  readonly memberIndexes: Int32Array
}

/**
 * The union of the slots of `memberIds` (all in the index) for `eventType`, within the index
 * window or `range`. Linear in the members' slots plus the window length in minutes (a counting
 * sort). Throws a `RangeError` for a member not in the index or listed twice, invalid event type
 * numbers, or a bad `range`/`nowMs`.
 */
export function slotsUnion(
  index: AvailabilityIndex,
  memberIds: readonly string[],
  eventType: EventType,
  nowMs: number,
  range?: SlotRange,
): SlotUnion {
  const rules = slotRulesOf(eventType)
  const [lo, hi] = slotStartBounds(index, rules, nowMs, range)
  if (new Set(memberIds).size !== memberIds.length) {
    throw new RangeError('A member is listed twice in the union')
  }
  const members = memberIds.map((id) => availabilityIndexMember(index, id))
  const buffer = minuteBufferCreate(members.length * 64)
  const ends = new Int32Array(members.length)
  members.forEach((member, position) => {
    slotsAppendMinutes(member, rules, lo, hi, buffer)
    ends[position] = buffer.length
  })
  const starts = buffer.data
  const span = Math.max(0, hi - lo)
  // Counting sort by start minute; members are visited in order, so each slot's list is ascending.
  const cursor = new Int32Array(span + 1)
  for (let i = 0; i < buffer.length; i++) cursor[starts[i]! - lo]! += 1
  let slotCount = 0
  for (let at = 0; at < span; at++) if (cursor[at]! > 0) slotCount++
  const startsMs = new Float64Array(slotCount)
  const offsets = new Int32Array(slotCount + 1)
  let slot = 0
  let total = 0
  for (let at = 0; at < span; at++) {
    const count = cursor[at]!
    if (count === 0) continue
    startsMs[slot] = (lo + at) * MS_PER_MINUTE
    offsets[slot] = total
    cursor[at] = total
    total += count
    slot++
  }
  offsets[slotCount] = total
  const memberIndexes = new Int32Array(total)
  let from = 0
  for (let position = 0; position < members.length; position++) {
    const to = ends[position]!
    for (let i = from; i < to; i++) {
      const at = starts[i]! - lo
      memberIndexes[cursor[at]!] = position
      cursor[at]! += 1
    }
    from = to
  }
  return { memberIds: [...memberIds], startsMs, offsets, memberIndexes }
}

/** The position of the slot starting at `startMs` in `union`, or -1. Binary search. */
export function slotUnionFind(union: SlotUnion, startMs: number): number {
  let low = 0
  let high = union.startsMs.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const at = union.startsMs[mid]!
    if (at < startMs) low = mid + 1
    else if (at > startMs) high = mid - 1
    else return mid
  }
  return -1
}

/** Positions (into `union.memberIds`, ascending) of the members who can serve slot `slot`. A view; do not mutate. */
export function slotUnionMemberIndexes(union: SlotUnion, slot: number): Int32Array {
  return union.memberIndexes.subarray(union.offsets[slot] ?? 0, union.offsets[slot + 1] ?? 0)
}

/** Ids of the members who can serve a slot starting at `startMs` (in union order); `[]` when none. */
export function slotUnionMembersAt(union: SlotUnion, startMs: number): readonly string[] {
  const slot = slotUnionFind(union, startMs)
  if (slot < 0) return []
  return Array.from(slotUnionMemberIndexes(union, slot), (position) => union.memberIds[position]!)
}

/** The union as plain objects `{ startMs, memberIds }`, ascending — for display and tests. */
export function slotUnionToList(
  union: SlotUnion,
): readonly { readonly startMs: number; readonly memberIds: readonly string[] }[] {
  return Array.from(union.startsMs, (startMs, slot) => ({
    startMs,
    memberIds: Array.from(
      slotUnionMemberIndexes(union, slot),
      (position) => union.memberIds[position]!,
    ),
  }))
}
