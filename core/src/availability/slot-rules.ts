/**
 * The slot-shaping numbers of an event type, validated once and kept in minutes.
 */

import type { EventType } from '../model/workspace'

/**
 * Longest meeting or buffer (minutes) availability supports: one day. Indexes reach this far
 * past their window so a slot starting at the window's end still sees its hours and neighbours.
 */
export const MAX_EVENT_SPAN_MIN = 1440

/** Everything slot generation needs from an event type, in whole minutes (days for the window). */
export interface SlotRules {
  /** Meeting length, 1–1440. */
  readonly durationMin: number
  /** Spacing of start times on the member's local grid, 1–1440. */
  readonly intervalMin: number
  /** Kept free before the meeting, 0–1440. */
  readonly beforeMin: number
  /** Kept free after the meeting, 0–1440. */
  readonly afterMin: number
  /** No slot starts before now + this, ≥ 0. */
  readonly noticeMin: number
  /** No slot starts after now + this many 24-hour days, ≥ 0. */
  readonly maxDaysAhead: number
}

function wholeIn(
  eventType: EventType,
  field: keyof SlotRules,
  value: number,
  min: number,
  max: number,
): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `Event type ${eventType.id}: ${field} must be a whole number in ${min}–${max}, got ${value}`,
    )
  }
  return value
}

/**
 * The {@link SlotRules} of an event type. Throws a `RangeError` naming the event type when a
 * number is not a whole number in its range (durations and buffers up to one day).
 */
export function slotRulesOf(eventType: EventType): SlotRules {
  const max = MAX_EVENT_SPAN_MIN
  return {
    durationMin: wholeIn(eventType, 'durationMin', eventType.durationMinutes, 1, max),
    intervalMin: wholeIn(eventType, 'intervalMin', eventType.slotIntervalMinutes, 1, max),
    beforeMin: wholeIn(eventType, 'beforeMin', eventType.bufferBeforeMinutes, 0, max),
    afterMin: wholeIn(eventType, 'afterMin', eventType.bufferAfterMinutes, 0, max),
    noticeMin: wholeIn(
      eventType,
      'noticeMin',
      eventType.minNoticeMinutes,
      0,
      Number.MAX_SAFE_INTEGER,
    ),
    maxDaysAhead: wholeIn(eventType, 'maxDaysAhead', eventType.maxDaysAhead, 0, 100_000),
  }
}
