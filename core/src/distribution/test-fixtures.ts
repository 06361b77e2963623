/**
 * Record builders for distribution tests: small valid records with overridable fields.
 * Test-only (imported by `*.test.ts` files); pure data, no test framework.
 */

import type { Booking, HistoryEntry, Member, Pool } from '../model/workspace'

/** A created entry by the customer at `at`. */
export function fixtureCreated(at: string): HistoryEntry {
  return { at, action: 'created', by: 'customer' }
}

/** A reassignment entry from one member to another at `at`. */
export function fixtureReassigned(at: string, from: string, to: string): HistoryEntry {
  return { at, action: 'reassigned', by: 'manager', fromMemberId: from, toMemberId: to }
}

/**
 * A scheduled 30-minute booking through `pool-a` for `hosts`, created at `createdAt` (the meeting
 * is on 2027-03-20 09:00Z unless overridden).
 */
export function fixtureBooking(
  id: string,
  hosts: readonly string[],
  createdAt: string,
  fields: Partial<Booking> = {},
): Booking {
  return {
    id,
    eventTypeId: 'et-intro',
    masterPageId: null,
    start: '2027-03-20T09:00:00.000Z',
    end: '2027-03-20T09:30:00.000Z',
    hostMemberIds: hosts,
    poolId: 'pool-a',
    panelId: null,
    status: 'scheduled',
    customer: { name: 'Lee', email: 'lee@example.org', timeZone: 'UTC' },
    answers: {},
    createdVia: 'public',
    history: [fixtureCreated(createdAt)],
    ...fields,
  }
}

/** An active member in UTC, Monday–Friday 09:00–17:00. */
export function fixtureMember(id: string, fields: Partial<Member> = {}): Member {
  const nineToFive = [['09:00', '17:00']] as const
  return {
    id,
    name: id,
    email: `${id}@example.com`,
    timeZone: 'UTC',
    weeklyHours: {
      mon: nineToFive,
      tue: nineToFive,
      wed: nineToFive,
      thu: nineToFive,
      fri: nineToFive,
      sat: [],
      sun: [],
    },
    dateOverrides: [],
    active: true,
    ...fields,
  }
}

/** `pool-a`, round robin, monthly, automatic correction on, the given members at priority 1. */
export function fixturePool(memberIds: readonly string[], fields: Partial<Pool> = {}): Pool {
  return {
    id: 'pool-a',
    name: 'Pool A',
    distribution: 'round-robin',
    members: memberIds.map((memberId) => ({ memberId, priority: 1 })),
    reportingCycle: 'monthly',
    automaticCorrection: true,
    ...fields,
  }
}

/** March 2027 in UTC. */
export const FIXTURE_MARCH = {
  start: '2027-03-01T00:00:00.000Z',
  end: '2027-04-01T00:00:00.000Z',
} as const
