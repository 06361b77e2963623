/**
 * Record builders for availability tests: small valid workspace records with overridable fields.
 * Test-only (imported by `*.test.ts` files); pure data, no test framework.
 */

import type {
  Booking,
  EventType,
  LocalRange,
  Member,
  Weekday,
  WeeklyHours,
} from '../model/workspace'
import type { AvailabilityState } from './availability-index'
import { slotsForMember } from './slots'

/** Weekly hours with the given days set and every other day off. */
export function fixtureWeekly(days: Partial<Record<Weekday, readonly LocalRange[]>>): WeeklyHours {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [], ...days }
}

const NINE_TO_FIVE: readonly LocalRange[] = [['09:00', '17:00']]

/** A member: Europe/Berlin, Monday–Friday 09:00–17:00, active, no caps, unless overridden. */
export function fixtureMember(fields: Partial<Member> = {}): Member {
  return {
    id: 'm-ana',
    name: 'Ana',
    email: 'ana@example.com',
    timeZone: 'Europe/Berlin',
    weeklyHours: fixtureWeekly({
      mon: NINE_TO_FIVE,
      tue: NINE_TO_FIVE,
      wed: NINE_TO_FIVE,
      thu: NINE_TO_FIVE,
      fri: NINE_TO_FIVE,
    }),
    dateOverrides: [],
    active: true,
    ...fields,
  }
}

/** An event type: 30 minutes every 15, no buffers, no notice, a year ahead, unless overridden. */
export function fixtureEventType(fields: Partial<EventType> = {}): EventType {
  return {
    id: 'et-call',
    name: 'Call',
    durationMinutes: 30,
    slotIntervalMinutes: 15,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    maxDaysAhead: 365,
    questions: [],
    ...fields,
  }
}

let bookingCounter = 0

/** A scheduled booking of `et-call` for `m-ana`, unless overridden; `start`/`end` are required. */
export function fixtureBooking(fields: Partial<Booking> & Pick<Booking, 'start' | 'end'>): Booking {
  bookingCounter += 1
  return {
    id: `bk-${bookingCounter}`,
    eventTypeId: 'et-call',
    masterPageId: null,
    hostMemberIds: ['m-ana'],
    poolId: null,
    panelId: null,
    status: 'scheduled',
    customer: { name: 'Lee', email: 'lee@example.org', timeZone: 'UTC' },
    answers: {},
    createdVia: 'public',
    history: [],
    ...fields,
  }
}

/** A state of the given records; the event type list defaults to one {@link fixtureEventType}. */
export function fixtureState(
  members: readonly Member[],
  bookings: readonly Booking[] = [],
  eventTypes: readonly EventType[] = [fixtureEventType()],
): AvailabilityState {
  return { members, bookings, eventTypes }
}

/** Epoch ms as `2027-03-15T09:00:00Z` (no milliseconds), for readable expectations. */
export function fixtureIso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z')
}

/** One member's slot query for {@link fixtureSlots}; `now` defaults to 2027-01-01T00:00:00Z. */
export interface FixtureSlotsCase {
  readonly member: Member
  readonly from: string
  readonly to: string
  readonly now?: string
  readonly eventType?: Partial<EventType>
  readonly bookings?: readonly Booking[]
  readonly otherEventTypes?: readonly EventType[]
  readonly excludeBookingId?: string
}

/** The member's slot starts for `fixtureEventType(c.eventType)` as ISO strings, ascending. */
export function fixtureSlots(c: FixtureSlotsCase): string[] {
  const eventType = fixtureEventType(c.eventType)
  const state = fixtureState([c.member], c.bookings ?? [], [
    eventType,
    ...(c.otherEventTypes ?? []),
  ])
  return slotsForMember(state, {
    memberId: c.member.id,
    eventTypeId: eventType.id,
    nowMs: Date.parse(c.now ?? '2027-01-01T00:00:00Z'),
    fromMs: Date.parse(c.from),
    toMs: Date.parse(c.to),
    excludeBookingId: c.excludeBookingId ?? null,
  }).map(fixtureIso)
}
