/**
 * A member's free time: working hours minus busy time minus days closed by workload caps, as UTC
 * intervals. Busy time here is each busy booking widened by its OWN event type's buffers (a new
 * meeting's buffers are a slot question, see `slots.ts`). Intervals are half-open `[start, end)`.
 */

import { MS_PER_MINUTE } from '../time/instant'
import {
  type AvailabilityIndex,
  type AvailabilityState,
  availabilityIndexBuild,
  availabilityIndexMember,
} from './availability-index'
import { intervalsClip, intervalsSubtract, intervalsToPairs } from './intervals'

/**
 * Free time of an indexed member inside the index window, as `[startMs, endMs]` pairs (epoch ms,
 * half-open, ascending, disjoint). Inactive members have none. Throws a `RangeError` for a member
 * not in the index.
 */
export function freeTimeFromIndex(
  index: AvailabilityIndex,
  memberId: string,
): readonly (readonly [number, number])[] {
  const member = availabilityIndexMember(index, memberId)
  const working = intervalsClip(member.working, index.fromMin, index.toMin)
  const free = intervalsSubtract(intervalsSubtract(working, member.busy), member.closed)
  return intervalsToPairs(free, MS_PER_MINUTE)
}

/** A free-time query over workspace records. */
export interface MemberFreeTimeQuery {
  readonly memberId: string
  /** Window `[fromMs, toMs)`, epoch ms. */
  readonly fromMs: number
  readonly toMs: number
  /** A booking to leave out of busy time and caps. */
  readonly excludeBookingId?: string | null
}

/**
 * A member's free time in a UTC window, from workspace records (see {@link freeTimeFromIndex}).
 * Throws a `RangeError` for an unknown member, a bad window, or invalid records.
 */
export function memberFreeTime(
  state: AvailabilityState,
  query: MemberFreeTimeQuery,
): readonly (readonly [number, number])[] {
  const index = availabilityIndexBuild(state, {
    fromMs: query.fromMs,
    toMs: query.toMs,
    memberIds: [query.memberId],
    excludeBookingId: query.excludeBookingId ?? null,
  })
  return freeTimeFromIndex(index, query.memberId)
}
