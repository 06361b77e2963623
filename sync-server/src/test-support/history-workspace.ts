/**
 * A deterministic 100-member workspace with as many bookings as asked, for the import tests and
 * the import benchmark (`bench/import/`): years of history without holding it. Booking `i`
 * depends only on `i`; its JSON is about 600 bytes. Every booking is valid against the setup.
 */
import type { Booking, Member, Workspace } from '../../../core/src/model/workspace'

/** Members of the generated team. */
export const HISTORY_MEMBERS = 100
/** Bookings share starts in groups of {@link HISTORY_MEMBERS} (one per member), 11 hours apart. */
const STEP_MS = 11 * 3_600_000
/** The first start: 400,000 bookings then reach into 2027 (5 years, most of them past). */
const FIRST_START_MS = Date.parse('2022-01-03T09:00:00.000Z')
const MINUTE_MS = 60_000
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney']

const memberId = (m: number) => `m-${String(m).padStart(3, '0')}`

function member(m: number): Member {
  const hours = [['09:00', '17:00']] as const
  return {
    id: memberId(m),
    name: `Member ${m}`,
    email: `member${m}@example.com`,
    timeZone: ZONES[m % ZONES.length]!,
    weeklyHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] },
    dateOverrides: [],
    maxBookingsPerDay: null,
    maxBookingsPerWeek: null,
    active: true,
  }
}

/** The setup: 100 members, one event type, a page each, a round-robin pool, one master page. */
export function historySetup(): Workspace {
  const members = Array.from({ length: HISTORY_MEMBERS }, (_, m) => member(m))
  return {
    version: 1,
    timeZone: 'Europe/Berlin',
    members,
    eventTypes: [
      {
        id: 'et-call',
        name: 'Call',
        durationMinutes: 30,
        slotIntervalMinutes: 30,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        minNoticeMinutes: 60,
        maxDaysAhead: 60,
        questions: [
          {
            id: 'region',
            label: 'Region',
            type: 'select',
            options: ['EMEA', 'AMER', 'APAC'],
            required: false,
          },
        ],
      },
    ],
    bookingPages: members.map((m) => ({
      id: `bp-${m.id}`,
      slug: `p-${m.id.slice(2)}`,
      memberId: m.id,
      eventTypeIds: ['et-call'],
    })),
    pools: [
      {
        id: 'pool-all',
        name: 'Everyone',
        distribution: 'round-robin',
        members: members.map((m) => ({ memberId: m.id, priority: 1 })),
        reportingCycle: 'monthly',
        automaticCorrection: true,
      },
    ],
    panels: [],
    masterPages: [
      {
        id: 'mp-team',
        slug: 'team',
        title: 'Talk to us',
        eventTypeIds: ['et-call'],
        assignment: { type: 'static', target: { poolId: 'pool-all' } },
      },
    ],
    bookings: [],
  }
}

/** Booking `i` of the history: host `i mod 100`, every tenth cancelled, most through the pool. */
export function historyBooking(i: number): Booking {
  const startMs = FIRST_START_MS + Math.floor(i / HISTORY_MEMBERS) * STEP_MS
  const start = new Date(startMs).toISOString()
  const end = new Date(startMs + 30 * MINUTE_MS).toISOString()
  const createdAt = new Date(startMs - 2 * 24 * 60 * MINUTE_MS).toISOString()
  const isCancelled = i % 10 === 9
  const isPooled = i % 4 !== 0
  return {
    id: `bk-${String(i).padStart(8, '0')}`,
    eventTypeId: 'et-call',
    masterPageId: isPooled ? 'mp-team' : null,
    start,
    end,
    hostMemberIds: [memberId(i % HISTORY_MEMBERS)],
    poolId: isPooled ? 'pool-all' : null,
    panelId: null,
    status: isCancelled ? 'cancelled' : 'scheduled',
    customer: {
      name: `Customer ${i}`,
      email: `customer${i}@example.org`,
      timeZone: ZONES[i % ZONES.length]!,
    },
    answers: { region: ['EMEA', 'AMER', 'APAC'][i % 3]! },
    createdVia: isPooled ? 'public' : 'desktop',
    history: [
      { at: createdAt, action: 'created', by: isPooled ? 'customer' : 'front desk' },
      ...(isCancelled
        ? [
            {
              at: new Date(startMs - 60 * MINUTE_MS).toISOString(),
              action: 'cancelled' as const,
              by: 'customer',
              reason: 'cannot make it',
            },
          ]
        : []),
    ],
  }
}

/**
 * The workspace JSON with `count` bookings (`historyBooking(0 … count − 1)`), as text chunks of
 * about `chunkBookings` bookings each, generated as they are pulled (nothing else is held).
 * `transform` may replace or drop (undefined) booking `i` (to plant problems).
 */
export function* historyWorkspaceText(
  count: number,
  options: {
    readonly chunkBookings?: number
    readonly setup?: Workspace
    readonly transform?: (booking: Booking, i: number) => unknown
  } = {},
): Generator<string> {
  const head = JSON.stringify({ ...(options.setup ?? historySetup()), bookings: [] })
  yield head.slice(0, -2)
  const per = options.chunkBookings ?? 500
  let isFirst = true
  for (let from = 0; from < count; from += per) {
    const parts: string[] = []
    for (let i = from; i < Math.min(count, from + per); i++) {
      const booking = options.transform
        ? options.transform(historyBooking(i), i)
        : historyBooking(i)
      if (booking !== undefined) parts.push(JSON.stringify(booking))
    }
    if (parts.length === 0) continue
    yield (isFirst ? '' : ',') + parts.join(',')
    isFirst = false
  }
  yield ']}'
}
