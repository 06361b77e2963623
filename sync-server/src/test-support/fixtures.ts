import type { EventType, Member, Workspace } from '../../../core/src/model/workspace'

/** Wednesday 2027-03-10, 08:00 UTC: the fixed "now" of the server API tests. */
export const FIXTURE_NOW = '2027-03-10T08:00:00.000Z'
/** A free start on Thursday 2027-03-11 for every fixture member (10:00 UTC). */
export const FREE_START = '2027-03-11T10:00:00.000Z'

const weekdays = (range: [string, string]) => ({
  mon: [range],
  tue: [range],
  wed: [range],
  thu: [range],
  fri: [range],
  sat: [],
  sun: [],
})

export function fixtureMember(id: string, name: string, timeZone = 'UTC'): Member {
  return {
    id,
    name,
    email: `${id}@example.com`,
    timeZone,
    weeklyHours: weekdays(['09:00', '17:00']),
    dateOverrides: [],
    maxBookingsPerDay: null,
    maxBookingsPerWeek: null,
    active: true,
  }
}

export const FIXTURE_EVENT: EventType = {
  id: 'et-call',
  name: 'Call',
  durationMinutes: 30,
  slotIntervalMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minNoticeMinutes: 60,
  maxDaysAhead: 30,
  questions: [
    { id: 'region', label: 'Region', type: 'select', options: ['EMEA', 'AMER'], required: false },
  ],
}

/**
 * Five members in UTC (09:00–17:00 weekdays) and one master page per assignment kind:
 * `solo` (static → Ana's booking page), `pooled` (static → pooled pool of Ben, Cai, Dee),
 * `rr` (static → round robin of the same three), `routed` (dynamic: region EMEA → pooled,
 * fallback Ana), `team` (customer choice, booking pages first), `panel` (Ana + one of the pooled).
 */
export function fixtureWorkspace(): Workspace {
  const members = [
    fixtureMember('m-ana', 'Ana Silva'),
    fixtureMember('m-ben', 'Ben Okafor'),
    fixtureMember('m-cai', 'Cai Wong'),
    fixtureMember('m-dee', 'Dee Ross'),
    fixtureMember('m-eve', 'Eve Adams'),
  ]
  const three = ['m-ben', 'm-cai', 'm-dee'].map((memberId) => ({ memberId, priority: 1 }))
  return {
    version: 1,
    timeZone: 'UTC',
    members,
    eventTypes: [FIXTURE_EVENT],
    bookingPages: members.map((m) => ({
      id: `bp-${m.id.slice(2)}`,
      slug: m.id.slice(2),
      memberId: m.id,
      eventTypeIds: ['et-call'],
    })),
    pools: [
      {
        id: 'pool-pooled',
        name: 'Pooled',
        distribution: 'pooled',
        members: three,
        reportingCycle: 'monthly',
        automaticCorrection: true,
      },
      {
        id: 'pool-rr',
        name: 'Round robin',
        distribution: 'round-robin',
        members: three,
        reportingCycle: 'monthly',
        automaticCorrection: true,
      },
    ],
    panels: [
      { id: 'panel-duo', name: 'Duo', seats: [{ memberId: 'm-ana' }, { poolId: 'pool-pooled' }] },
    ],
    masterPages: [
      {
        id: 'mp-solo',
        slug: 'solo',
        title: 'Solo',
        eventTypeIds: ['et-call'],
        assignment: { type: 'static', target: { bookingPageId: 'bp-ana' } },
      },
      {
        id: 'mp-pooled',
        slug: 'pooled',
        title: 'Pooled',
        eventTypeIds: ['et-call'],
        assignment: { type: 'static', target: { poolId: 'pool-pooled' } },
      },
      {
        id: 'mp-rr',
        slug: 'rr',
        title: 'Round robin',
        eventTypeIds: ['et-call'],
        assignment: { type: 'static', target: { poolId: 'pool-rr' } },
      },
      {
        id: 'mp-routed',
        slug: 'routed',
        title: 'Routed',
        eventTypeIds: ['et-call'],
        assignment: {
          type: 'dynamic',
          rules: [
            {
              eventTypeId: 'et-call',
              when: [{ questionId: 'region', op: 'equals', value: 'EMEA' }],
              target: { poolId: 'pool-pooled' },
            },
          ],
          fallback: { bookingPageId: 'bp-ana' },
        },
      },
      {
        id: 'mp-team',
        slug: 'team',
        title: 'Team',
        eventTypeIds: ['et-call'],
        assignment: {
          type: 'customer-choice',
          flow: 'booking-pages-first',
          bookingPageIds: ['bp-ana', 'bp-ben'],
        },
      },
      {
        id: 'mp-panel',
        slug: 'panel',
        title: 'Panel',
        eventTypeIds: ['et-call'],
        assignment: { type: 'static', target: { panelId: 'panel-duo' } },
      },
    ],
    bookings: [],
  }
}

/** A public booking body for the fixture event type. */
export function bookingBody(start = FREE_START, extra: Record<string, unknown> = {}) {
  return {
    eventTypeId: 'et-call',
    start,
    customer: { name: 'Lee Park', email: 'lee@example.org', timeZone: 'America/New_York' },
    answers: {},
    ...extra,
  }
}

/** A booking as an offline desktop would push it through replication. */
export function desktopBooking(id: string, memberId: string, start: string, end: string) {
  return {
    id,
    eventTypeId: 'et-call',
    masterPageId: null,
    start,
    end,
    hostMemberIds: [memberId],
    poolId: null,
    panelId: null,
    status: 'scheduled',
    customer: { name: 'Walk In', email: 'walk@example.org', timeZone: 'UTC' },
    answers: {},
    createdVia: 'desktop',
    history: [{ at: '2027-03-10T07:00:00.000Z', action: 'created', by: 'front desk' }],
    manageToken: null,
    conflict: null,
    idempotencyKey: null,
    updatedAt: '2027-03-10T07:00:00.000Z',
    _deleted: false,
  }
}
