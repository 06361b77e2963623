/**
 * Record builders for booking-decision tests: a small valid workspace with overridable parts.
 * Test-only (imported by `*.test.ts` files); pure data, no test framework.
 *
 * Defaults: members Europe/Berlin Monday–Friday 09:00–17:00; event type `et-call` 30 minutes
 * every 30, no buffers, no notice, 60 days ahead; now 2027-03-01T00:00:00Z (a Monday).
 */

import type {
  Assignment,
  Booking,
  Distribution,
  EventType,
  Member,
  MasterPage,
  Pool,
  Workspace,
} from '../model/workspace'
import type { BookingRequest } from './booking-types'

/** The default `now` of decision tests. */
export const FIXTURE_NOW = Date.parse('2027-03-01T00:00:00Z')

/** Epoch ms of an ISO instant (a literal in a test). */
export const ms = (iso: string): number => Date.parse(iso)

/** Epoch ms as `2027-03-15T08:00:00Z`, for readable expectations. */
export const isoShort = (at: number): string => new Date(at).toISOString().replace('.000Z', 'Z')

const NINE_TO_FIVE = [['09:00', '17:00']] as const

/** A member: Europe/Berlin, Monday–Friday 09:00–17:00, active, no caps, unless overridden. */
export function fixtureMember(id: string, fields: Partial<Member> = {}): Member {
  return {
    id,
    name: id.replace(/^m-/, '').replace(/^./, (c) => c.toUpperCase()),
    email: `${id}@example.com`,
    timeZone: 'Europe/Berlin',
    weeklyHours: {
      mon: NINE_TO_FIVE,
      tue: NINE_TO_FIVE,
      wed: NINE_TO_FIVE,
      thu: NINE_TO_FIVE,
      fri: NINE_TO_FIVE,
      sat: [],
      sun: [],
    },
    dateOverrides: [],
    active: true,
    ...fields,
  }
}

/** `et-call`: 30 minutes every 30, no buffers, no notice, 60 days ahead, unless overridden. */
export function fixtureEventType(fields: Partial<EventType> = {}): EventType {
  return {
    id: 'et-call',
    name: 'Call',
    durationMinutes: 30,
    slotIntervalMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    maxDaysAhead: 60,
    questions: [],
    ...fields,
  }
}

/** A monthly pool with automatic correction, the members at priority 1 unless given as pairs. */
export function fixturePool(
  id: string,
  distribution: Distribution,
  members: readonly (string | readonly [string, number])[],
  fields: Partial<Pool> = {},
): Pool {
  return {
    id,
    name: id,
    distribution,
    members: members.map((m) =>
      typeof m === 'string' ? { memberId: m, priority: 1 } : { memberId: m[0], priority: m[1] },
    ),
    reportingCycle: 'monthly',
    automaticCorrection: true,
    ...fields,
  }
}

/** Master page `mp-<suffix>` offering `et-call` with the given assignment. */
export function fixturePage(
  id: string,
  assignment: Assignment,
  eventTypeIds = ['et-call'],
): MasterPage {
  return { id, slug: id.replace(/^mp-/, ''), title: id, eventTypeIds, assignment }
}

/** A workspace with members ana, ben, cleo, dev, the event type and nothing else unless given. */
export function fixtureWorkspace(fields: Partial<Workspace> = {}): Workspace {
  const members = ['m-ana', 'm-ben', 'm-cleo', 'm-dev'].map((id) => fixtureMember(id))
  return {
    version: 1,
    timeZone: 'UTC',
    members,
    eventTypes: [fixtureEventType()],
    bookingPages: members.map((m) => ({
      id: `bp-${m.id.slice(2)}`,
      slug: m.id.slice(2),
      memberId: m.id,
      eventTypeIds: ['et-call'],
    })),
    pools: [],
    panels: [],
    masterPages: [],
    bookings: [],
    ...fields,
  }
}

/** A booking request for `et-call` on `masterPageId` at `start` by a customer. */
export function fixtureRequest(
  masterPageId: string,
  start: string,
  fields: Partial<BookingRequest> = {},
): BookingRequest {
  return {
    masterPageId,
    eventTypeId: 'et-call',
    startMs: Date.parse(start),
    customer: { name: 'Lee', email: 'lee@example.org', timeZone: 'America/New_York' },
    answers: {},
    createdVia: 'public',
    by: 'customer',
    ...fields,
  }
}

/** A scheduled booking of `et-call` for `hosts` at `start` (30 minutes), created at `createdAt`. */
export function fixtureBooking(
  id: string,
  hosts: readonly string[],
  start: string,
  fields: Partial<Booking> & { readonly createdAt?: string } = {},
): Booking {
  const { createdAt, ...rest } = fields
  const startMs = Date.parse(start)
  return {
    id,
    eventTypeId: 'et-call',
    masterPageId: null,
    start: new Date(startMs).toISOString(),
    end: new Date(startMs + 30 * 60_000).toISOString(),
    hostMemberIds: hosts,
    poolId: null,
    panelId: null,
    status: 'scheduled',
    customer: { name: 'Kim', email: 'kim@example.org', timeZone: 'UTC' },
    answers: {},
    createdVia: 'desktop',
    history: [{ at: createdAt ?? '2027-02-01T00:00:00.000Z', action: 'created', by: 'desk' }],
    ...rest,
  }
}

/** `state` with `booking` stored (replacing the booking with its id). */
export function fixtureStore(state: Workspace, booking: Booking): Workspace {
  const others = state.bookings.filter((b) => b.id !== booking.id)
  return { ...state, bookings: [...others, booking] }
}
