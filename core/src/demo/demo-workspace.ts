import { DateTime } from 'luxon'
import type { Booking, Member, WeeklyHours, Workspace } from '../model/workspace'

/**
 * The demo team a newcomer sees on first start: five members in five time zones, three event
 * types, two pools (round robin and pooled), a panel, booking pages, a master page with dynamic
 * rules and a few bookings in the week of `now`. Pure: every date derives from `now` (ISO UTC).
 */
export function demoWorkspace(now: string): Workspace {
  const members = DEMO_MEMBERS
  const bookings = demoBookings(now)
  return {
    version: 1,
    timeZone: 'UTC',
    members,
    eventTypes: [
      {
        id: 'et-intro',
        name: 'Intro call',
        durationMinutes: 30,
        slotIntervalMinutes: 15,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 10,
        minNoticeMinutes: 240,
        maxDaysAhead: 60,
        questions: [
          {
            id: 'region',
            label: 'Region',
            type: 'select',
            options: ['EMEA', 'AMER', 'APAC'],
            required: true,
          },
          { id: 'company', label: 'Company', type: 'text', required: false },
        ],
      },
      {
        id: 'et-demo',
        name: 'Product demo',
        durationMinutes: 60,
        slotIntervalMinutes: 30,
        bufferBeforeMinutes: 5,
        bufferAfterMinutes: 5,
        minNoticeMinutes: 1440,
        maxDaysAhead: 30,
        questions: [],
      },
      {
        id: 'et-review',
        name: 'Design review',
        durationMinutes: 45,
        slotIntervalMinutes: 15,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 15,
        minNoticeMinutes: 120,
        maxDaysAhead: 45,
        questions: [{ id: 'note', label: 'What should we review?', type: 'note', required: false }],
      },
    ],
    bookingPages: members.map((m) => ({
      id: `bp-${m.id.slice(2)}`,
      slug: m.id.slice(2),
      memberId: m.id,
      eventTypeIds: ['et-intro', 'et-demo'],
    })),
    pools: [
      {
        id: 'pool-sales',
        name: 'Sales',
        distribution: 'round-robin',
        members: [
          { memberId: 'm-ana', priority: 1 },
          { memberId: 'm-ben', priority: 1 },
          { memberId: 'm-dev', priority: 2 },
        ],
        reportingCycle: 'monthly',
        automaticCorrection: true,
      },
      {
        id: 'pool-apac',
        name: 'Solutions APAC',
        distribution: 'pooled-priority',
        members: [
          { memberId: 'm-chen', priority: 1 },
          { memberId: 'm-emma', priority: 2 },
          { memberId: 'm-dev', priority: 2 },
        ],
        reportingCycle: 'quarterly',
        automaticCorrection: true,
      },
    ],
    panels: [
      {
        id: 'panel-review',
        name: 'Design review panel',
        seats: [{ memberId: 'm-ana' }, { poolId: 'pool-apac' }],
      },
    ],
    masterPages: [
      {
        id: 'mp-sales',
        slug: 'sales',
        title: 'Talk to sales',
        eventTypeIds: ['et-intro', 'et-review'],
        assignment: {
          type: 'dynamic',
          rules: [
            {
              eventTypeId: 'et-intro',
              when: [{ questionId: 'region', op: 'equals', value: 'APAC' }],
              target: { poolId: 'pool-apac' },
            },
            { eventTypeId: 'et-intro', when: [], target: { poolId: 'pool-sales' } },
            { eventTypeId: 'et-review', when: [], target: { panelId: 'panel-review' } },
          ],
          fallback: { bookingPageId: 'bp-ana' },
        },
      },
      {
        id: 'mp-team',
        slug: 'team',
        title: 'Meet the team',
        eventTypeIds: ['et-intro', 'et-demo'],
        assignment: {
          type: 'customer-choice',
          flow: 'booking-pages-first',
          bookingPageIds: members.map((m) => `bp-${m.id.slice(2)}`),
        },
      },
    ],
    bookings,
  }
}

const WEEKDAY_9_TO_5: WeeklyHours = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
  sat: [],
  sun: [],
}

function member(id: string, name: string, timeZone: string, hours = WEEKDAY_9_TO_5): Member {
  const first = name.split(' ')[0]?.toLowerCase() ?? id
  return {
    id,
    name,
    email: `${first}@teamslot.example`,
    timeZone,
    weeklyHours: hours,
    dateOverrides: [],
    maxBookingsPerDay: 8,
    maxBookingsPerWeek: null,
    active: true,
  }
}

const DEMO_MEMBERS: readonly Member[] = [
  member('m-ana', 'Ana Silva', 'Europe/Berlin', {
    ...WEEKDAY_9_TO_5,
    tue: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
  }),
  member('m-ben', 'Ben Okafor', 'America/New_York'),
  member('m-chen', 'Chen Wei', 'Asia/Singapore'),
  member('m-dev', 'Dev Patel', 'Asia/Kolkata', { ...WEEKDAY_9_TO_5, fri: [['09:30', '14:00']] }),
  member('m-emma', 'Emma Jones', 'Australia/Sydney'),
]

/** [member, weekday of the week containing now (1 = Monday), local start, event type, minutes]. */
const DEMO_BOOKINGS: readonly (readonly [string, 1 | 2 | 3 | 4 | 5, string, string, number])[] = [
  ['m-ana', 1, '10:00', 'et-intro', 30],
  ['m-ana', 3, '14:00', 'et-demo', 60],
  ['m-ben', 2, '11:00', 'et-intro', 30],
  ['m-ben', 4, '15:30', 'et-intro', 30],
  ['m-chen', 2, '10:00', 'et-demo', 60],
  ['m-dev', 3, '09:30', 'et-intro', 30],
  ['m-emma', 4, '13:00', 'et-intro', 30],
  ['m-emma', 5, '10:00', 'et-demo', 60],
]

const DEMO_CUSTOMERS = ['Lee Park', 'Maria Gomez', 'Sam Taylor', 'Noor Haddad', 'Kai Müller']

function demoBookings(now: string): Booking[] {
  const created = DateTime.fromISO(now, { zone: 'utc' }).minus({ days: 3 }).toISO() ?? now
  return DEMO_BOOKINGS.map(([memberId, weekday, time, eventTypeId, minutes], i) => {
    const zone = DEMO_MEMBERS.find((m) => m.id === memberId)?.timeZone ?? 'UTC'
    const [hour, minute] = time.split(':').map(Number)
    const start = DateTime.fromISO(now, { zone })
      .set({ weekday, hour: hour ?? 9, minute: minute ?? 0, second: 0, millisecond: 0 })
      .toUTC()
    const customer = DEMO_CUSTOMERS[i % DEMO_CUSTOMERS.length] ?? 'Demo customer'
    return {
      id: `bk-demo-${i + 1}`,
      eventTypeId,
      masterPageId: memberId === 'm-chen' || memberId === 'm-emma' ? 'mp-team' : 'mp-sales',
      start: start.toISO() ?? now,
      end: start.plus({ minutes }).toISO() ?? now,
      hostMemberIds: [memberId],
      poolId: ['m-ana', 'm-ben', 'm-dev'].includes(memberId) ? 'pool-sales' : null,
      panelId: null,
      status: 'scheduled',
      customer: {
        name: customer,
        email: `${customer.split(' ')[0]?.toLowerCase()}@customer.example`,
        timeZone: 'Europe/London',
      },
      answers: eventTypeId === 'et-intro' ? { region: 'EMEA' } : ({} as Record<string, string>),
      createdVia: i % 3 === 0 ? 'desktop' : 'public',
      history: [{ at: created, action: 'created', by: i % 3 === 0 ? 'front desk' : 'customer' }],
    }
  })
}
