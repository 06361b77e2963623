const hours = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
  sat: [],
  sun: [],
}

/** A member record for end-to-end workspaces. */
export function e2eMember(id: string, name: string, timeZone: string) {
  return {
    id,
    name,
    email: `${id}@e2e.example`,
    timeZone,
    weeklyHours: hours,
    dateOverrides: [],
    active: true,
  }
}

/** A small v1 workspace: two members in different zones, one event type. */
export function smallWorkspace() {
  return {
    version: 1,
    members: [
      e2eMember('m-ana', 'Ana Silva', 'Europe/Berlin'),
      e2eMember('m-ben', 'Ben Okafor', 'America/New_York'),
    ],
    eventTypes: [
      {
        id: 'et-intro',
        name: 'Intro call',
        durationMinutes: 30,
        slotIntervalMinutes: 15,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        minNoticeMinutes: 0,
        maxDaysAhead: 60,
        questions: [],
      },
    ],
    bookingPages: [],
    pools: [],
    panels: [],
    masterPages: [],
    bookings: [],
  }
}

/**
 * A bookable workspace on the real clock: three members in different zones with hours on every
 * day (so a slot exists whenever the test runs), a round-robin pool and a dynamic master page.
 */
export function bookingWorkspace() {
  const everyDay = [['00:00', '24:00']]
  const always = {
    mon: everyDay,
    tue: everyDay,
    wed: everyDay,
    thu: everyDay,
    fri: everyDay,
    sat: everyDay,
    sun: everyDay,
  }
  const member = (id: string, name: string, timeZone: string) => ({
    ...e2eMember(id, name, timeZone),
    weeklyHours: always,
  })
  return {
    version: 1,
    members: [
      member('m-ana', 'Ana Silva', 'Europe/Berlin'),
      member('m-ben', 'Ben Okafor', 'America/New_York'),
      member('m-dev', 'Dev Patel', 'Asia/Kolkata'),
    ],
    eventTypes: [
      {
        id: 'et-intro',
        name: 'Intro call',
        durationMinutes: 30,
        slotIntervalMinutes: 30,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        minNoticeMinutes: 60,
        maxDaysAhead: 30,
        questions: [
          {
            id: 'region',
            label: 'Region',
            type: 'select',
            options: ['EMEA', 'AMER'],
            required: true,
          },
        ],
      },
    ],
    bookingPages: [
      { id: 'bp-ana', slug: 'ana', memberId: 'm-ana', eventTypeIds: ['et-intro'] },
      { id: 'bp-ben', slug: 'ben', memberId: 'm-ben', eventTypeIds: ['et-intro'] },
    ],
    pools: [
      {
        id: 'pool-sales',
        name: 'Sales',
        distribution: 'round-robin',
        members: [
          { memberId: 'm-ana', priority: 1 },
          { memberId: 'm-ben', priority: 1 },
          { memberId: 'm-dev', priority: 1 },
        ],
        reportingCycle: 'monthly',
        automaticCorrection: true,
      },
    ],
    panels: [],
    masterPages: [
      {
        id: 'mp-sales',
        slug: 'sales',
        title: 'Talk to sales',
        eventTypeIds: ['et-intro'],
        assignment: {
          type: 'dynamic',
          rules: [
            {
              eventTypeId: 'et-intro',
              when: [{ questionId: 'region', op: 'equals', value: 'EMEA' }],
              target: { poolId: 'pool-sales' },
            },
          ],
          fallback: { bookingPageId: 'bp-ana' },
        },
      },
      {
        id: 'mp-team',
        slug: 'team',
        title: 'Meet the team',
        eventTypeIds: ['et-intro'],
        assignment: {
          type: 'customer-choice',
          flow: 'find-member-by-time',
          bookingPageIds: ['bp-ana', 'bp-ben'],
        },
      },
    ],
    bookings: [],
  }
}

/** Tomorrow (UTC) at `HH:mm`, as an ISO instant. */
export function tomorrowAt(time: string): string {
  const day = new Date(Date.now() + 24 * 3600_000).toISOString().slice(0, 10)
  return new Date(`${day}T${time}:00.000Z`).toISOString()
}

/**
 * The calendar board's workspace: Ana, Ben and Cai in UTC, available all day every day; tomorrow
 * 10:00 Lee Park is booked with Ana and Sam Taylor with Ben; Cai has a public page `cai`.
 */
export function boardWorkspace() {
  const base = bookingWorkspace()
  const everyDay = [['00:00', '24:00']]
  const always = {
    mon: everyDay,
    tue: everyDay,
    wed: everyDay,
    thu: everyDay,
    fri: everyDay,
    sat: everyDay,
    sun: everyDay,
  }
  const member = (id: string, name: string) => ({
    ...e2eMember(id, name, 'UTC'),
    weeklyHours: always,
  })
  const booking = (id: string, host: string, customer: string) => ({
    id,
    eventTypeId: 'et-call',
    masterPageId: null,
    start: tomorrowAt('10:00'),
    end: tomorrowAt('10:30'),
    hostMemberIds: [host],
    poolId: null,
    panelId: null,
    status: 'scheduled',
    customer: { name: customer, email: `${id}@example.org`, timeZone: 'UTC' },
    answers: {},
    createdVia: 'desktop',
    history: [
      { at: new Date(Date.now() - 3600_000).toISOString(), action: 'created', by: 'front desk' },
    ],
  })
  return {
    ...base,
    members: [
      member('m-ana', 'Ana Silva'),
      member('m-ben', 'Ben Okafor'),
      member('m-cai', 'Cai Wong'),
    ],
    eventTypes: [
      { ...base.eventTypes[0], id: 'et-call', name: 'Call', questions: [], minNoticeMinutes: 0 },
    ],
    bookingPages: [
      { id: 'bp-cai', slug: 'cai-wong', memberId: 'm-cai', eventTypeIds: ['et-call'] },
    ],
    pools: [],
    masterPages: [
      {
        id: 'mp-cai',
        slug: 'cai',
        title: 'Cai',
        eventTypeIds: ['et-call'],
        assignment: { type: 'static', target: { bookingPageId: 'bp-cai' } },
      },
    ],
    bookings: [booking('bk-lee', 'm-ana', 'Lee Park'), booking('bk-sam', 'm-ben', 'Sam Taylor')],
  }
}
