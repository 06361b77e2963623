import { DateTime } from 'luxon'
import type { Booking, Member, WeeklyHours, Workspace } from '../model/workspace'

/**
 * The demo team a newcomer sees on first start: five members in five time zones, three event
 * types, two pools (round robin and pooled with priority), a panel, booking pages, a master page
 * with dynamic rules, and bookings from two weeks before `now` to a week after it — today and
 * this week included, on weekends too (Ben works Saturdays, Chen Sundays) — some completed, one
 * cancelled, one no-show, one reassigned, one panel review a week. No member is booked twice.
 * Pure: every date derives from `now` (ISO UTC).
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
  member('m-ben', 'Ben Okafor', 'America/New_York', {
    ...WEEKDAY_9_TO_5,
    sat: [['10:00', '14:00']],
  }),
  member('m-chen', 'Chen Wei', 'Asia/Singapore', {
    ...WEEKDAY_9_TO_5,
    sun: [['10:00', '14:00']],
  }),
  member('m-dev', 'Dev Patel', 'Asia/Kolkata', { ...WEEKDAY_9_TO_5, fri: [['09:30', '14:00']] }),
  member('m-emma', 'Emma Jones', 'Australia/Sydney'),
]

/** Days before and after today (in each member's zone) that carry bookings. */
const DAYS_BEFORE = 14
const DAYS_AFTER = 7
/** The local starts a member's day may hold (all inside every demo member's hours). */
const DAY_SLOTS = ['10:00', '13:00'] as const

const DEMO_CUSTOMERS = [
  'Lee Park',
  'Maria Gomez',
  'Sam Taylor',
  'Noor Haddad',
  'Kai Müller',
  'Ines Duarte',
  'Tom Becker',
  'Aisha Khan',
  'Yuki Sato',
  'Omar Farouk',
  'Lena Novak',
  'Raj Mehta',
  'Sofia Rossi',
] as const

const POOL_OF: Readonly<Record<string, string | null>> = {
  'm-ana': 'pool-sales',
  'm-ben': 'pool-sales',
  'm-dev': 'pool-sales',
  'm-chen': 'pool-apac',
  'm-emma': 'pool-apac',
}

function iso(dt: DateTime): string {
  return dt.toUTC().toISO() ?? ''
}

interface Planned {
  readonly memberId: string
  readonly start: DateTime
  readonly eventTypeId: 'et-intro' | 'et-demo'
}

/** One or two bookings on each working day of each member, deterministic from the day. */
function plannedBookings(now: DateTime): Planned[] {
  const planned: Planned[] = []
  DEMO_MEMBERS.forEach((m, memberIndex) => {
    const today = now.setZone(m.timeZone).startOf('day')
    for (let offset = -DAYS_BEFORE; offset <= DAYS_AFTER; offset++) {
      const day = today.plus({ days: offset })
      const weekday = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const)[day.weekday - 1]!
      if (m.weeklyHours[weekday].length === 0) continue
      const seed = Math.abs(day.ordinal * 7 + memberIndex * 3 + day.year)
      DAY_SLOTS.forEach((time, slot) => {
        // Today everyone has both; other days one or two.
        if (offset !== 0 && slot === 1 && seed % 3 === 0) return
        const [hour = 10, minute = 0] = time.split(':').map(Number)
        const start = day.set({ hour, minute })
        // Ana's Tuesday lunch break starts at 12:00: keep her 10:00 meeting short.
        const isShortOnly =
          (m.id === 'm-ana' && weekday === 'tue') || weekday === 'sat' || weekday === 'sun'
        const eventTypeId = !isShortOnly && (seed + slot) % 3 === 0 ? 'et-demo' : 'et-intro'
        planned.push({ memberId: m.id, start, eventTypeId })
      })
    }
  })
  return planned
}

/** Created three days before the meeting, but never after `now`. */
function createdAt(start: DateTime, now: DateTime): DateTime {
  const threeDaysBefore = start.minus({ days: 3 })
  return threeDaysBefore < now ? threeDaysBefore : now.minus({ hours: 2 })
}

const EVENT_MINUTES = { 'et-intro': 30, 'et-demo': 60 } as const

function demoBookings(nowIso: string): Booking[] {
  const now = DateTime.fromISO(nowIso, { zone: 'utc' })
  const planned = plannedBookings(now).toSorted((a, b) => a.start.toMillis() - b.start.toMillis())
  const bookings: Booking[] = planned.map((plan, i) => {
    const end = plan.start.plus({ minutes: EVENT_MINUTES[plan.eventTypeId] })
    const customerName = DEMO_CUSTOMERS[i % DEMO_CUSTOMERS.length]!
    const poolId = plan.eventTypeId === 'et-intro' ? (POOL_OF[plan.memberId] ?? null) : null
    const isDesk = i % 4 === 0
    const by = isDesk ? 'front desk' : 'customer'
    const host = DEMO_MEMBERS.find((m) => m.id === plan.memberId)!
    const reason =
      poolId === 'pool-sales'
        ? `Rule 2 (Intro call) sends it to pool Sales: round robin — ${host.name} was next in line.`
        : poolId === 'pool-apac'
          ? `Rule 1 (Intro call, Region is APAC) sends it to pool Solutions APAC: pooled with priority — of those free, ${host.name} had the highest priority.`
          : isDesk
            ? `Chosen at the desk: ${host.name}'s booking page.`
            : `The customer chose ${host.name}'s booking page.`
    const history: Booking['history'][number][] = [
      { at: iso(createdAt(plan.start, now)), action: 'created', by, reason },
    ]
    const isPast = end <= now
    if (isPast) history.push({ at: iso(end), action: 'completed', by: 'system' })
    return {
      id: `bk-demo-${i + 1}`,
      eventTypeId: plan.eventTypeId,
      masterPageId: poolId === null ? 'mp-team' : 'mp-sales',
      start: iso(plan.start),
      end: iso(end),
      hostMemberIds: [plan.memberId],
      poolId,
      panelId: null,
      status: isPast ? 'completed' : 'scheduled',
      customer: {
        name: customerName,
        email: `${customerName.split(' ')[0]!.toLowerCase()}.${i + 1}@customer.example`,
        timeZone: i % 2 === 0 ? 'Europe/London' : 'America/Chicago',
      },
      answers: (plan.eventTypeId === 'et-intro'
        ? { region: poolId === 'pool-apac' ? 'APAC' : 'EMEA', company: `Company ${i + 1}` }
        : {}) as Record<string, string>,
      createdVia: isDesk ? 'desktop' : 'public',
      history,
    }
  })
  return [...withStories(bookings, now), ...panelReviews(now)]
}

/** A cancelled, a no-show and a reassigned booking, so the details panel has stories to tell. */
function withStories(bookings: readonly Booking[], now: DateTime): Booking[] {
  const future = bookings.filter((b) => DateTime.fromISO(b.start) > now.plus({ days: 1 }))
  const past = bookings.filter((b) => b.status === 'completed')
  const cancelled = future.at(-1)?.id
  const noShow = past.at(-3)?.id
  const reassigned = future.find((b) => b.hostMemberIds[0] === 'm-ana' && b.poolId !== null)?.id
  /** Between the booking's last entry and now: history stays in order and in the past. */
  const afterLast = (b: Booking) => {
    const last = DateTime.fromISO(b.history.at(-1)!.at)
    return iso(last.plus({ milliseconds: Math.floor(now.diff(last).toMillis() / 2) }))
  }
  return bookings.map((b) => {
    if (b.id === cancelled) {
      const at = afterLast(b)
      return {
        ...b,
        status: 'cancelled',
        history: [
          ...b.history,
          { at, action: 'cancelled', by: 'customer', reason: 'Plans changed' },
        ],
      }
    }
    if (b.id === noShow) {
      const at = afterLast(b)
      return {
        ...b,
        status: 'no-show',
        history: [...b.history, { at, action: 'no-show', by: 'front desk' }],
      }
    }
    if (b.id === reassigned) {
      const at = afterLast(b)
      return {
        ...b,
        history: [
          ...b.history,
          {
            at,
            action: 'reassigned',
            by: 'front desk',
            reason: 'Ben is on leave',
            fromMemberId: 'm-ben',
            toMemberId: 'm-ana',
            forced: false,
          },
        ],
      }
    }
    return b
  })
}

/**
 * One design review a week on Wednesday at 09:00 Berlin: Ana (fixed seat) with Chen from the
 * APAC pool (16:00 or 15:00 in Singapore, after Chen's last meeting of the day).
 */
function panelReviews(now: DateTime): Booking[] {
  const berlinToday = now.setZone('Europe/Berlin').startOf('day')
  const weeks = [-1, 0, 1]
  return weeks.map((week, i) => {
    const start = berlinToday.plus({ weeks: week }).set({ weekday: 3, hour: 9, minute: 0 })
    const end = start.plus({ minutes: 45 })
    const isPast = end <= now
    const history: Booking['history'][number][] = [
      {
        at: iso(createdAt(start, now)),
        action: 'created',
        by: 'customer',
        reason:
          'Rule 3 (Design review) sends it to panel Design review panel: seat 1: Ana Silva (fixed seat); seat 2: pooled with priority — of those free, Chen Wei had the highest priority (1).',
      },
    ]
    if (isPast) history.push({ at: iso(end), action: 'completed', by: 'system' })
    return {
      id: `bk-demo-review-${i + 1}`,
      eventTypeId: 'et-review',
      masterPageId: 'mp-sales',
      start: iso(start),
      end: iso(end),
      hostMemberIds: ['m-ana', 'm-chen'],
      poolId: null,
      panelId: 'panel-review',
      status: isPast ? 'completed' : 'scheduled',
      customer: {
        name: 'Priya Nair',
        email: `priya.${i + 1}@customer.example`,
        timeZone: 'Asia/Kolkata',
      },
      answers: { note: 'The new onboarding screens' },
      createdVia: 'public',
      history,
    }
  })
}
