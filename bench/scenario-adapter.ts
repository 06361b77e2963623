/**
 * Adapter from the shared `peer-bench-scenario/v1` format (../shared/bench/README.md) to
 * Teamslot's workspace records, so the same engine runs on the shared yardstick.
 *
 * Mapping: weekly hours `days` 0..6 (0 = Sunday) → `WeeklyHours` keys; overrides `ranges: []` →
 * a day off; every existing booking becomes a scheduled booking of an event type carrying
 * `existingBookingBuffers`; the window's "t + duration ≤ window.end" becomes a slot-start window
 * ending `duration − 1` minutes before `window.end` (slot starts are whole minutes).
 */

import type { Booking, EventType, LocalRange, Member, Weekday } from '../core/src/model/workspace'
import type { AvailabilityState } from '../core/src/availability/availability-index'
import { MS_PER_DAY, MS_PER_MINUTE, instantParse } from '../core/src/time/instant'

/** The parts of a scenario file the adapter reads. */
export interface Scenario {
  readonly schema: 'peer-bench-scenario/v1'
  readonly now: string
  readonly window: { readonly start: string; readonly end: string }
  readonly event: {
    readonly durationMinutes: number
    readonly slotIntervalMinutes: number
    readonly beforeBufferMinutes: number
    readonly afterBufferMinutes: number
    readonly minimumNoticeMinutes: number
    readonly existingBookingBuffers: {
      readonly beforeMinutes: number
      readonly afterMinutes: number
    }
  }
  readonly roundRobin: { readonly memberIds: readonly (number | string)[] }
  readonly collective: { readonly memberIds: readonly (number | string)[] }
  readonly members: readonly {
    readonly id: number | string
    readonly timeZone: string
    readonly weeklyHours: readonly {
      readonly days: readonly number[]
      readonly start: string
      readonly end: string
    }[]
    readonly dateOverrides: readonly {
      readonly date: string
      readonly ranges: readonly { readonly start: string; readonly end: string }[]
    }[]
    readonly bookings: readonly { readonly start: string; readonly end: string }[]
  }[]
}

/** A scenario as Teamslot records plus the query parameters. */
export interface AdaptedScenario {
  readonly state: AvailabilityState
  readonly eventType: EventType
  readonly nowMs: number
  /** Slot-start window `[fromMs, toMs)`. */
  readonly fromMs: number
  readonly toMs: number
  readonly poolMemberIds: readonly string[]
  readonly collectiveMemberIds: readonly string[]
}

/** Scenario weekday numbers (0 = Sunday) to workspace weekday keys. */
const DAY_KEYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/** Checks the schema tag and converts. Throws an `Error` for another schema. */
export function scenarioAdapt(input: unknown): AdaptedScenario {
  const scenario = input as Scenario
  if (scenario?.schema !== 'peer-bench-scenario/v1') {
    throw new Error('Not a peer-bench-scenario/v1 file')
  }
  const event = scenario.event
  const nowMs = instantParse(scenario.now)
  const fromMs = instantParse(scenario.window.start)
  const endMs = instantParse(scenario.window.end)
  const eventType: EventType = {
    id: 'et-scenario',
    name: 'Scenario event',
    durationMinutes: event.durationMinutes,
    slotIntervalMinutes: event.slotIntervalMinutes,
    bufferBeforeMinutes: event.beforeBufferMinutes,
    bufferAfterMinutes: event.afterBufferMinutes,
    minNoticeMinutes: event.minimumNoticeMinutes,
    // The scenario has no booking window: reach past the end of its window.
    maxDaysAhead: Math.ceil((endMs - nowMs) / MS_PER_DAY) + 1,
    questions: [],
  }
  const existing: EventType = {
    ...eventType,
    id: 'et-scenario-existing',
    bufferBeforeMinutes: event.existingBookingBuffers.beforeMinutes,
    bufferAfterMinutes: event.existingBookingBuffers.afterMinutes,
  }
  const members: Member[] = []
  const bookings: Booking[] = []
  for (const source of scenario.members) {
    const id = String(source.id)
    const weekly: Record<Weekday, LocalRange[]> = {
      mon: [],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [],
      sun: [],
    }
    for (const rule of source.weeklyHours) {
      for (const day of rule.days) weekly[DAY_KEYS[day] ?? 'sun'].push([rule.start, rule.end])
    }
    members.push({
      id,
      name: `Member ${id}`,
      email: `member-${id}@example.com`,
      timeZone: source.timeZone,
      weeklyHours: weekly,
      dateOverrides: source.dateOverrides.map((override) => ({
        date: override.date,
        hours: override.ranges.map((range): LocalRange => [range.start, range.end]),
      })),
      active: true,
    })
    source.bookings.forEach((booking, i) => {
      bookings.push({
        id: `${id}-${i}`,
        eventTypeId: existing.id,
        masterPageId: null,
        start: booking.start,
        end: booking.end,
        hostMemberIds: [id],
        poolId: null,
        panelId: null,
        status: 'scheduled',
        customer: { name: 'Customer', email: 'customer@example.org', timeZone: 'UTC' },
        answers: {},
        createdVia: 'public',
        history: [],
      })
    })
  }
  return {
    state: { members, eventTypes: [eventType, existing], bookings },
    eventType,
    nowMs,
    fromMs,
    toMs: endMs - (event.durationMinutes - 1) * MS_PER_MINUTE,
    poolMemberIds: scenario.roundRobin.memberIds.map(String),
    collectiveMemberIds: scenario.collective.memberIds.map(String),
  }
}
