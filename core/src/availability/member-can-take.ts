/**
 * "Can member M take event type E at instant T, given the bookings and now?" — the single check
 * that booking decisions call at commit time. It tests exactly the conditions of `slots.ts`, so
 * for any T in a window: the check passes ⇔ T is among the generated slots.
 */

import type { EventType } from '../model/workspace'
import { MS_PER_DAY, MS_PER_MINUTE } from '../time/instant'
import {
  type AvailabilityIndex,
  type AvailabilityState,
  availabilityIndexBuild,
  availabilityIndexMember,
} from './availability-index'
import { intervalsCover, intervalsFind, intervalsOverlap } from './intervals'
import { slotGridContains } from './slot-grid'
import { slotRulesOf } from './slot-rules'

/**
 * Why a member cannot take a meeting, in the order they are checked:
 * `inactive`; `off-grid` (not a whole minute on the member's local slot grid); `too-soon` (before
 * now + minimum notice); `too-far-ahead` (after now + maxDaysAhead × 24 h); `outside-hours` (the
 * meeting is not inside working hours); `busy` (`[start − before, end + after)` with this event
 * type's buffers overlaps a busy booking's span widened by its own buffers); `busy-in-calendar`
 * (the same meeting span overlaps busy time in the member's own calendars); `over-daily-limit` /
 * `over-weekly-limit` (its local day / ISO week is at the cap).
 */
export type MemberCannotTakeReason =
  | 'inactive'
  | 'off-grid'
  | 'too-soon'
  | 'too-far-ahead'
  | 'outside-hours'
  | 'busy'
  | 'busy-in-calendar'
  | 'over-daily-limit'
  | 'over-weekly-limit'

/** The answer: ok, or the first failing reason plus every failing reason in check order. */
export type MemberCanTakeResult =
  | { readonly ok: true }
  | {
      readonly ok: false
      readonly reason: MemberCannotTakeReason
      readonly reasons: readonly MemberCannotTakeReason[]
    }

/**
 * Checks one instant `startMs` (epoch ms) against an index. `startMs` must lie in the index
 * window. Throws a `RangeError` for a member not in the index, invalid event type numbers, a
 * non-finite `nowMs`, or `startMs` outside the window.
 */
export function memberCanTakeFromIndex(
  index: AvailabilityIndex,
  memberId: string,
  eventType: EventType,
  nowMs: number,
  startMs: number,
): MemberCanTakeResult {
  const member = availabilityIndexMember(index, memberId)
  const rules = slotRulesOf(eventType)
  if (!Number.isFinite(nowMs)) throw new RangeError(`Bad now: ${nowMs}`)
  if (!(startMs >= index.fromMs && startMs < index.toMs)) {
    throw new RangeError('The instant must lie inside the index window')
  }
  const reasons: MemberCannotTakeReason[] = []
  const minute = startMs / MS_PER_MINUTE
  const isWholeMinute = Number.isInteger(minute)
  if (!member.isActive) reasons.push('inactive')
  if (!isWholeMinute || !slotGridContains(member.segments, minute, rules.intervalMin)) {
    reasons.push('off-grid')
  }
  if (startMs < nowMs + rules.noticeMin * MS_PER_MINUTE) reasons.push('too-soon')
  if (startMs > nowMs + rules.maxDaysAhead * MS_PER_DAY) reasons.push('too-far-ahead')
  if (isWholeMinute) {
    const end = minute + rules.durationMin
    if (!intervalsCover(member.working, minute, end)) reasons.push('outside-hours')
    // The meeting with its own buffers against each busy booking's buffered span (edge case 18).
    const spanFrom = minute - rules.beforeMin
    const spanTo = end + rules.afterMin
    if (intervalsOverlap(member.booked, spanFrom, spanTo)) reasons.push('busy')
    if (intervalsOverlap(member.calendarBusy, spanFrom, spanTo)) reasons.push('busy-in-calendar')
    if (intervalsFind(member.closedDaily, minute) >= 0) reasons.push('over-daily-limit')
    if (intervalsFind(member.closedWeekly, minute) >= 0) reasons.push('over-weekly-limit')
  }
  const [reason] = reasons
  return reason === undefined ? { ok: true } : { ok: false, reason, reasons }
}

/** A single check over workspace records. */
export interface MemberCanTakeQuery {
  readonly memberId: string
  readonly eventTypeId: string
  /** The meeting would start here, epoch ms. */
  readonly startMs: number
  readonly nowMs: number
  /** A booking to leave out of busy time and caps (the one being rescheduled or reassigned). */
  readonly excludeBookingId?: string | null
}

/**
 * Can member `memberId` take event type `eventTypeId` at `startMs`, given the records and `nowMs`?
 * Same conditions as the slot generator. Throws a `RangeError` for unknown ids, a non-finite
 * instant, and invalid records.
 */
export function memberCanTake(
  state: AvailabilityState,
  query: MemberCanTakeQuery,
): MemberCanTakeResult {
  const eventType = state.eventTypes.find((candidate) => candidate.id === query.eventTypeId)
  if (eventType === undefined) {
    throw new RangeError(`Unknown event type ${JSON.stringify(query.eventTypeId)}`)
  }
  if (!Number.isFinite(query.startMs)) throw new RangeError(`Bad instant: ${query.startMs}`)
  const index = availabilityIndexBuild(state, {
    fromMs: query.startMs,
    toMs: query.startMs + 1,
    memberIds: [query.memberId],
    excludeBookingId: query.excludeBookingId ?? null,
  })
  return memberCanTakeFromIndex(index, query.memberId, eventType, query.nowMs, query.startMs)
}
