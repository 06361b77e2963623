/**
 * The workspace of `npm run bench:history` (issue 9): a 100-member team and N bookings over five
 * years, deterministic for (N, seed, now). No Math.random, no clock: `now` is an argument.
 *
 * Setup: 100 members over six zones with weekly hours (split days, short Fridays, some Saturdays),
 * a few future days off and custom days, some workload caps, two inactive; four event types with
 * buffers; a pooled pool of all 100 members, a round-robin pool, a pooled-with-priority pool, a
 * two-seat panel (a fixed lead and a seat from the priority pool); a booking page per member; one
 * master page for each kind of target (static pool, dynamic rules, panel, customer choice).
 *
 * Bookings are split in two parts so that only history grows with N:
 * - the PRESENT, identical at every N ≥ 10,000 (same ids, times and histories): 3,500 future
 *   bookings up to the 90-day booking window, most of them in the next weeks (density falling off
 *   like exp(−days/25)), and 2,500 in the last 21 days;
 * - HISTORY, the remaining N − 6,000, uniform over the 1,735 days before that (so past and future
 *   span five years). At 400,000 that is ~3.2 bookings per member and working day.
 * Below 10,000 the present shrinks in proportion (for tests).
 *
 * Every booking lies inside its host's working hours on a per-member grid of whole local hours:
 * one booking per member and hour cell, so no member is ever double-booked (cancelled bookings
 * hold their cell too). Histories follow core's semantics (`distribution/booking-history.ts`) and
 * what the server's decisions write: created (with a reason); some reassigned to a member free and
 * within hours at that time; some rescheduled; cancelled; no-show (also after completion);
 * completed at the meeting's end by `system` for past meetings; future bookings scheduled,
 * rescheduled or cancelled. Daily and weekly caps are respected.
 */

import type {
  Booking,
  BookingPage,
  BookingStatus,
  EventType,
  HistoryEntry,
  LocalRange,
  MasterPage,
  Member,
  Panel,
  Pool,
  Weekday,
  WeeklyHours,
  Workspace,
} from '../../core/src/model/workspace'
import { instantFormat, MS_PER_DAY, MS_PER_MINUTE } from '../../core/src/time/instant'
import { localDateFormat, localDateWeekday } from '../../core/src/time/local-date'
import { wallClockFormat, wallClockParse } from '../../core/src/time/wall-clock'
import { zoneLocalToUtc, zoneUtcToLocal } from '../../core/src/time/zone-convert'
import { type Prng, prngCreate } from '../prng'

/** Bump whenever the generated data or the way stores are filled changes: cached stores are keyed by it (2: filled with the booking index tables; 3: and with the notification progress a running server holds; 4: the ledger groups index; 5: that index with `end_ms`, for the desktop's baseline; 6: compact index keys, `ik:` columns). */
export const HISTORY_GENERATOR_VERSION = 6
export const HISTORY_MEMBERS = 100
/** Days of booking window (the pooled page's event type `maxDaysAhead`). */
export const HISTORY_FUTURE_DAYS = 90
/** Days before now held by the present's recent part. */
export const HISTORY_RECENT_DAYS = 21
/** Five years in all: history reaches this many days back. */
export const HISTORY_PAST_DAYS = 5 * 365 - HISTORY_FUTURE_DAYS
/** The present at N ≥ 10,000. */
export const HISTORY_PRESENT = { future: 3500, recent: 2500 } as const
const PRESENT_FULL_AT = 10_000
/** Future bookings fall off like exp(−days / this). */
const FUTURE_DECAY_DAYS = 25
const HOUR_MS = 60 * MS_PER_MINUTE
const QUARTER_MS = 15 * MS_PER_MINUTE
const DEFAULT_SEED = 9

export const HISTORY_IDS = {
  poolAll: 'pool-all',
  poolSales: 'pool-sales',
  poolExperts: 'pool-experts',
  panel: 'panel-interview',
  pageTeam: 'mp-team',
  pageSales: 'mp-sales',
  pageInterview: 'mp-interview',
  pagePeople: 'mp-people',
  /** Slug of the 100-member pooled master page. */
  teamSlug: 'team',
  intro: 'et-intro',
  demo: 'et-demo',
  panelEvent: 'et-panel',
  checkin: 'et-checkin',
} as const

const ZONES: readonly (readonly [string, number])[] = [
  ['America/New_York', 25],
  ['Europe/London', 20],
  ['Europe/Berlin', 20],
  ['America/Los_Angeles', 15],
  ['Asia/Kolkata', 10],
  ['Australia/Sydney', 10],
]
const CUSTOMER_ZONES = ['Europe/London', 'America/Chicago', 'Asia/Tokyo', 'Europe/Paris', 'UTC']

type Pattern = Partial<Record<Weekday, readonly LocalRange[]>>
const WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']
const WEEKDAY_KEYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
const every = (ranges: readonly LocalRange[], days = WORKDAYS): Pattern =>
  Object.fromEntries(days.map((day) => [day, ranges]))
const PATTERNS: readonly (readonly [Pattern, number])[] = [
  [every([['09:00', '17:00']]), 45],
  [every([['08:00', '16:00']]), 10],
  [every([['10:00', '18:00']]), 10],
  [
    every([
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ]),
    20,
  ],
  [{ ...every([['09:00', '17:00']], ['mon', 'tue', 'wed', 'thu']), fri: [['09:00', '13:00']] }, 10],
  [{ ...every([['09:00', '17:00']]), sat: [['10:00', '14:00']] }, 5],
]
const EMPTY_WEEK: WeeklyHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }

const EVENT_TYPES: readonly EventType[] = [
  {
    id: HISTORY_IDS.intro,
    name: 'Intro call',
    durationMinutes: 30,
    slotIntervalMinutes: 15,
    bufferBeforeMinutes: 5,
    bufferAfterMinutes: 10,
    minNoticeMinutes: 240,
    maxDaysAhead: HISTORY_FUTURE_DAYS,
    questions: [{ id: 'company', label: 'Company', type: 'text', required: false }],
  },
  {
    id: HISTORY_IDS.demo,
    name: 'Product demo',
    durationMinutes: 45,
    slotIntervalMinutes: 15,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 15,
    minNoticeMinutes: 1440,
    maxDaysAhead: 60,
    questions: [
      {
        id: 'region',
        label: 'Region',
        type: 'select',
        options: ['EMEA', 'AMER', 'APAC'],
        required: true,
      },
    ],
  },
  {
    id: HISTORY_IDS.panelEvent,
    name: 'Interview',
    durationMinutes: 60,
    slotIntervalMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 1440,
    maxDaysAhead: 60,
    questions: [{ id: 'role', label: 'Role', type: 'text', required: false }],
  },
  {
    id: HISTORY_IDS.checkin,
    name: 'Check-in',
    durationMinutes: 30,
    slotIntervalMinutes: 30,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 60,
    maxDaysAhead: 30,
    questions: [],
  },
]

/** The team and its pages (no bookings), as of `nowMs` (future days off are relative to it). */
export function historySetup(nowMs: number, seed = DEFAULT_SEED): Workspace {
  const today = Math.floor(nowMs / MS_PER_DAY)
  const members = Array.from({ length: HISTORY_MEMBERS }, (_, i) => makeMember(seed, i, today))
  const ids = members.map((m) => m.id)
  // The round-robin pool: the first 24 members of the Americas; the priority pool: 12 members
  // of Europe (the panel's lead, member 1, excluded so the panel's two seats always differ).
  const americas = members.filter((m) => m.timeZone.startsWith('America/')).slice(0, 24)
  const europe = members.filter((m) => m.timeZone.startsWith('Europe/') && m.id !== ids[0])
  const experts = europe.slice(0, 12)
  const pools: Pool[] = [
    {
      id: HISTORY_IDS.poolAll,
      name: 'Everyone',
      distribution: 'pooled',
      members: ids.map((memberId) => ({ memberId, priority: 1 })),
      reportingCycle: 'monthly',
      automaticCorrection: true,
    },
    {
      id: HISTORY_IDS.poolSales,
      name: 'Sales Americas',
      distribution: 'round-robin',
      members: americas.map((m) => ({ memberId: m.id, priority: 1 })),
      reportingCycle: 'monthly',
      automaticCorrection: true,
    },
    {
      id: HISTORY_IDS.poolExperts,
      name: 'Experts Europe',
      distribution: 'pooled-priority',
      members: experts.map((m, i) => ({ memberId: m.id, priority: i < 4 ? 1 : 2 })),
      reportingCycle: 'quarterly',
      automaticCorrection: false,
    },
  ]
  const panels: Panel[] = [
    {
      id: HISTORY_IDS.panel,
      name: 'Interview panel',
      seats: [{ memberId: ids[0] ?? 'm-001' }, { poolId: HISTORY_IDS.poolExperts }],
    },
  ]
  const bookingPages: BookingPage[] = members.map((m, i) => ({
    id: `bp-${String(i + 1).padStart(3, '0')}`,
    slug: `member-${i + 1}`,
    memberId: m.id,
    eventTypeIds: [HISTORY_IDS.checkin, HISTORY_IDS.intro],
  }))
  const masterPages: MasterPage[] = [
    {
      id: HISTORY_IDS.pageTeam,
      slug: HISTORY_IDS.teamSlug,
      title: 'Talk to the team',
      eventTypeIds: [HISTORY_IDS.intro],
      assignment: { type: 'static', target: { poolId: HISTORY_IDS.poolAll } },
    },
    {
      id: HISTORY_IDS.pageSales,
      slug: 'sales',
      title: 'Product demo',
      eventTypeIds: [HISTORY_IDS.demo],
      assignment: {
        type: 'dynamic',
        rules: [
          {
            eventTypeId: HISTORY_IDS.demo,
            when: [{ questionId: 'region', op: 'equals', value: 'APAC' }],
            target: { poolId: HISTORY_IDS.poolExperts },
          },
          {
            eventTypeId: HISTORY_IDS.demo,
            when: [],
            target: { poolId: HISTORY_IDS.poolSales },
          },
        ],
        fallback: { bookingPageId: bookingPages[0]?.id ?? 'bp-001' },
      },
    },
    {
      id: HISTORY_IDS.pageInterview,
      slug: 'interview',
      title: 'Interview',
      eventTypeIds: [HISTORY_IDS.panelEvent],
      assignment: { type: 'static', target: { panelId: HISTORY_IDS.panel } },
    },
    {
      id: HISTORY_IDS.pagePeople,
      slug: 'people',
      title: 'Book a person',
      eventTypeIds: [HISTORY_IDS.checkin, HISTORY_IDS.intro],
      assignment: {
        type: 'customer-choice',
        flow: 'booking-pages-first',
        bookingPageIds: bookingPages.map((page) => page.id),
      },
    },
  ]
  return {
    version: 1,
    timeZone: 'Europe/Berlin',
    members,
    eventTypes: [...EVENT_TYPES],
    bookingPages,
    pools,
    panels,
    masterPages,
    bookings: [],
  }
}

function makeMember(seed: number, index: number, today: number): Member {
  const rng = prngCreate(Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77))
  // Member 1 leads the interview panel: Europe, always active.
  const timeZone = rng.weighted(
    index === 0 ? ZONES.filter(([zone]) => zone.startsWith('Europe/')) : ZONES,
  )
  const weeklyHours: WeeklyHours = { ...EMPTY_WEEK, ...rng.weighted(PATTERNS) }
  const overrides = new Map<number, readonly LocalRange[]>()
  for (let i = rng.int(2, 4); i > 0; i--) overrides.set(today + rng.int(1, HISTORY_FUTURE_DAYS), [])
  if (rng.chance(0.25)) {
    const start = rng.int(8, 11) * 60
    overrides.set(today + rng.int(1, HISTORY_FUTURE_DAYS), [
      [wallClockFormat(start), wallClockFormat(start + rng.int(3, 6) * 60)],
    ])
  }
  return {
    id: `m-${String(index + 1).padStart(3, '0')}`,
    name: `Member ${index + 1}`,
    email: `member${index + 1}@example.com`,
    timeZone,
    weeklyHours,
    dateOverrides: [...overrides]
      .sort(([a], [b]) => a - b)
      .map(([day, hours]) => ({ date: localDateFormat(day), hours })),
    maxBookingsPerDay: rng.chance(0.1) ? 5 : null,
    maxBookingsPerWeek: rng.chance(0.05) ? 22 : null,
    // Two members have left (index 50 and 80); the panel lead never.
    active: index !== 50 && index !== 80,
  }
}

/** How many bookings of each part a store of `total` bookings has. */
export function historyParts(total: number): {
  readonly future: number
  readonly recent: number
  readonly history: number
} {
  const scale = Math.min(1, total / PRESENT_FULL_AT)
  const future = Math.round(HISTORY_PRESENT.future * scale)
  const recent = Math.round(HISTORY_PRESENT.recent * scale)
  return { future, recent, history: Math.max(0, total - future - recent) }
}

/** A stored booking document's server fields, as the public booking endpoint writes them. */
export interface HistoryBookingDoc extends Booking {
  readonly updatedAt: string
  readonly manageToken: string | null
  readonly idempotencyKey: null
  readonly requestHash: null
}

type Kind = 'team' | 'sales' | 'apac' | 'panel' | 'page'
const KINDS: readonly (readonly [Kind, number])[] = [
  ['team', 55],
  ['sales', 17],
  ['apac', 5],
  ['panel', 5],
  ['page', 18],
]

/** Per-member occupancy (15-minute quarters) and per-day/week counts, shared by all parts. */
class Calendar {
  private readonly quarters: Uint8Array[]
  private readonly days: Uint8Array[]
  private readonly weeks: Uint8Array[]
  readonly baseMs: number
  private readonly baseDay: number

  constructor(members: number, firstDay: number, dayCount: number) {
    this.baseDay = firstDay
    this.baseMs = firstDay * MS_PER_DAY
    this.quarters = Array.from({ length: members }, () => new Uint8Array(dayCount * 96))
    this.days = Array.from({ length: members }, () => new Uint8Array(dayCount))
    this.weeks = Array.from({ length: members }, () => new Uint8Array(Math.ceil(dayCount / 7) + 2))
  }

  private quarter(ms: number): number {
    return Math.floor((ms - this.baseMs) / QUARTER_MS)
  }

  /** True when member `m`'s hour cell starting at `startMs` is free (and inside the calendar). */
  isFree(m: number, startMs: number): boolean {
    const q = this.quarter(startMs)
    const cells = this.quarters[m]
    if (!cells || q < 0 || q + 4 > cells.length) return false
    return cells[q] === 0 && cells[q + 1] === 0 && cells[q + 2] === 0 && cells[q + 3] === 0
  }

  underCaps(m: number, member: Member, localDay: number): boolean {
    const d = localDay - this.baseDay
    const perDay = this.days[m]?.[d] ?? 255
    const perWeek = this.weeks[m]?.[this.weekIndex(localDay)] ?? 255
    return (
      perDay < Math.min(250, member.maxBookingsPerDay ?? 250) &&
      perWeek < Math.min(250, member.maxBookingsPerWeek ?? 250)
    )
  }

  take(m: number, startMs: number, localDay: number): void {
    const q = this.quarter(startMs)
    this.quarters[m]?.fill(1, q, q + 4)
    const days = this.days[m]
    const weeks = this.weeks[m]
    const d = localDay - this.baseDay
    const w = this.weekIndex(localDay)
    if (days) days[d] = (days[d] ?? 0) + 1
    if (weeks) weeks[w] = (weeks[w] ?? 0) + 1
  }

  private weekIndex(localDay: number): number {
    // Monday-based weeks: day 0 (1970-01-01) was a Thursday.
    return Math.floor((localDay + 3) / 7) - Math.floor((this.baseDay + 3) / 7)
  }
}

interface Ctx {
  readonly ws: Workspace
  readonly nowMs: number
  readonly today: number
  readonly calendar: Calendar
  readonly memberIndex: ReadonlyMap<string, number>
  readonly overrides: readonly ReadonlyMap<number, readonly LocalRange[]>[]
  readonly activeIds: readonly string[]
  readonly pool: (id: string) => readonly string[]
  readonly names: ReadonlyMap<string, string>
}

/** The day part a booking is placed in. */
type Part = 'future' | 'recent' | 'history'

/**
 * Every booking of a store with `total` bookings, in write order: the present's future part, its
 * recent part, then history (oldest-written first, so a replication pull from the start meets
 * future bookings first). Lazily: nothing but the calendars is held between bookings.
 */
export function* historyBookings(
  setup: Workspace,
  total: number,
  nowMs: number,
  seed = DEFAULT_SEED,
): Generator<HistoryBookingDoc> {
  const today = Math.floor(nowMs / MS_PER_DAY)
  const firstDay = today - HISTORY_PAST_DAYS - 2
  const calendar = new Calendar(
    setup.members.length,
    firstDay,
    HISTORY_PAST_DAYS + HISTORY_FUTURE_DAYS + 5,
  )
  const memberIndex = new Map(setup.members.map((m, i) => [m.id, i]))
  const poolMembers = new Map(setup.pools.map((p) => [p.id, p.members.map((e) => e.memberId)]))
  const ctx: Ctx = {
    ws: setup,
    nowMs,
    today,
    calendar,
    memberIndex,
    overrides: setup.members.map(
      (m) => new Map(m.dateOverrides.map((o) => [localDayOf(o.date), o.hours] as const)),
    ),
    activeIds: setup.members.filter((m) => m.active).map((m) => m.id),
    pool: (id) => poolMembers.get(id) ?? [],
    names: new Map(setup.members.map((m) => [m.id, m.name])),
  }
  const parts = historyParts(total)
  const streams: readonly (readonly [Part, number, string, number])[] = [
    ['future', parts.future, 'f', 0x1f],
    ['recent', parts.recent, 'r', 0x2e],
    ['history', parts.history, 'h', 0x3d],
  ]
  for (const [part, count, prefix, salt] of streams) {
    // The present's streams depend on the seed only, history's on the size too.
    const rng = prngCreate(
      Math.imul(seed, 0x27d4eb2f) ^ Math.imul(salt, 0x165667b1) ^ (part === 'history' ? total : 0),
    )
    for (let n = 1; n <= count; n++) {
      yield placeBooking(ctx, rng, part, `bk-${prefix}${String(n).padStart(6, '0')}`)
    }
  }
}

/** The whole workspace (setup and every booking) — for tests and small sizes. */
export function historyWorkspace(total: number, nowMs: number, seed = DEFAULT_SEED): Workspace {
  const setup = historySetup(nowMs, seed)
  const bookings: Booking[] = []
  for (const doc of historyBookings(setup, total, nowMs, seed)) bookings.push(bookingRecord(doc))
  return { ...setup, bookings }
}

/** The workspace record of a generated document (server fields and `updatedAt` dropped). */
export function bookingRecord(doc: HistoryBookingDoc): Booking {
  const {
    updatedAt: _updatedAt,
    manageToken: _manageToken,
    idempotencyKey: _key,
    requestHash: _hash,
    ...booking
  } = doc
  return booking
}

function localDayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return Math.floor(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / MS_PER_DAY)
}

/** A local day number in the part's range (the member's own calendar date). */
function pickDay(rng: Prng, ctx: Ctx, part: Part): number {
  if (part === 'future') {
    const span = 1 - Math.exp(-HISTORY_FUTURE_DAYS / FUTURE_DECAY_DAYS)
    const days = -FUTURE_DECAY_DAYS * Math.log(1 - rng.next() * span)
    return ctx.today + Math.min(HISTORY_FUTURE_DAYS - 1, Math.floor(days))
  }
  if (part === 'recent') return ctx.today - rng.int(0, HISTORY_RECENT_DAYS)
  return ctx.today - HISTORY_RECENT_DAYS - rng.int(1, HISTORY_PAST_DAYS - HISTORY_RECENT_DAYS)
}

function inPart(ctx: Ctx, part: Part, startMs: number, endMs: number): boolean {
  if (part === 'future') return startMs >= ctx.nowMs + HOUR_MS
  const recentFrom = ctx.nowMs - HISTORY_RECENT_DAYS * MS_PER_DAY
  if (endMs > ctx.nowMs - MS_PER_MINUTE) return false
  return part === 'recent' ? startMs >= recentFrom : startMs < recentFrom
}

function rangesOn(ctx: Ctx, m: number, member: Member, day: number): readonly LocalRange[] {
  // Days off and custom days are future plans; past days follow the weekly hours.
  const override = day > ctx.today ? ctx.overrides[m]?.get(day) : undefined
  return override ?? member.weeklyHours[WEEKDAY_KEYS[localDateWeekday(day)] ?? 'mon']
}

/** The whole-hour cells (minute of day) of a day's ranges. */
function cellsOf(ranges: readonly LocalRange[]): number[] {
  const cells: number[] = []
  for (const [from, to] of ranges) {
    const end = wallClockParse(to)
    for (let t = Math.ceil(wallClockParse(from) / 60) * 60; t + 60 <= end; t += 60) cells.push(t)
  }
  return cells
}

/** True when member `m` works the hour from `startMs` (its own zone) and is free then. */
function canTake(ctx: Ctx, memberId: string, startMs: number): boolean {
  const m = ctx.memberIndex.get(memberId)
  const member = m === undefined ? undefined : ctx.ws.members[m]
  if (m === undefined || !member || !ctx.calendar.isFree(m, startMs)) return false
  const local = zoneUtcToLocal(member.timeZone, startMs)
  const day = localDayOf(local.date)
  if (!ctx.calendar.underCaps(m, member, day)) return false
  const from = local.minuteOfDay
  return rangesOn(ctx, m, member, day).some(
    ([s, e]) => wallClockParse(s) <= from && from + 60 <= wallClockParse(e),
  )
}

function takeCell(ctx: Ctx, memberId: string, startMs: number): void {
  const m = ctx.memberIndex.get(memberId) ?? -1
  const member = ctx.ws.members[m]
  if (!member) return
  ctx.calendar.take(m, startMs, localDayOf(zoneUtcToLocal(member.timeZone, startMs).date))
}

/** The first active member of `pool` (from a random place on) who is not a host and can take the hour. */
function firstFree(
  ctx: Ctx,
  rng: Prng,
  pool: readonly string[],
  hosts: readonly string[],
  startMs: number,
): string | undefined {
  const offset = rng.int(0, pool.length - 1)
  for (let i = 0; i < pool.length; i++) {
    const id = pool[(i + offset) % pool.length] ?? ''
    if (!hosts.includes(id) && ctx.activeIds.includes(id) && canTake(ctx, id, startMs)) return id
  }
  return undefined
}

function pickFrom<T>(rng: Prng, items: readonly T[]): T {
  const item = items[rng.int(0, items.length - 1)]
  if (item === undefined) throw new RangeError('pickFrom() needs items')
  return item
}

interface Placement {
  readonly kind: Kind
  readonly startMs: number
  readonly hosts: readonly string[]
}

function place(ctx: Ctx, rng: Prng, part: Part): Placement {
  for (let tries = 0; tries < 500; tries++) {
    const kind = rng.weighted(KINDS)
    const candidates =
      kind === 'team' || kind === 'page'
        ? part === 'history'
          ? ctx.ws.members.map((m) => m.id)
          : ctx.activeIds
        : kind === 'sales'
          ? ctx.pool(HISTORY_IDS.poolSales)
          : kind === 'apac'
            ? ctx.pool(HISTORY_IDS.poolExperts)
            : [ctx.ws.members[0]?.id ?? '']
    const hostId = pickFrom(rng, candidates)
    const m = ctx.memberIndex.get(hostId) ?? -1
    const member = ctx.ws.members[m]
    if (!member) continue
    const day = pickDay(rng, ctx, part)
    const cells = cellsOf(rangesOn(ctx, m, member, day))
    if (cells.length === 0) continue
    const minute = pickFrom(rng, cells)
    const startMs = zoneLocalToUtc(
      member.timeZone,
      localDateFormat(day),
      wallClockFormat(minute),
    )[0]
    if (startMs === undefined || !inPart(ctx, part, startMs, startMs + HOUR_MS)) continue
    if (!ctx.calendar.isFree(m, startMs) || !ctx.calendar.underCaps(m, member, day)) continue
    const hosts = [hostId]
    if (kind === 'panel') {
      const expert = firstFree(ctx, rng, ctx.pool(HISTORY_IDS.poolExperts), hosts, startMs)
      if (expert === undefined) continue
      hosts.push(expert)
    }
    return { kind, startMs, hosts }
  }
  throw new Error(`no free cell found for a ${part} booking (is the store too full?)`)
}

const DURATION: Readonly<Record<Kind, number>> = {
  team: 30,
  sales: 45,
  apac: 45,
  panel: 60,
  page: 30,
}
const EVENT_OF: Readonly<Record<Kind, string>> = {
  team: HISTORY_IDS.intro,
  sales: HISTORY_IDS.demo,
  apac: HISTORY_IDS.demo,
  panel: HISTORY_IDS.panelEvent,
  page: HISTORY_IDS.checkin,
}
const PAGE_OF: Readonly<Record<Kind, string>> = {
  team: HISTORY_IDS.pageTeam,
  sales: HISTORY_IDS.pageSales,
  apac: HISTORY_IDS.pageSales,
  panel: HISTORY_IDS.pageInterview,
  page: HISTORY_IDS.pagePeople,
}
const POOL_OF: Readonly<Record<Kind, string | null>> = {
  team: HISTORY_IDS.poolAll,
  sales: HISTORY_IDS.poolSales,
  apac: HISTORY_IDS.poolExperts,
  panel: null,
  page: null,
}

function createdReason(ctx: Ctx, kind: Kind, hostId: string): string {
  const who = ctx.names.get(hostId) ?? hostId
  switch (kind) {
    case 'team':
      return `Static rule → pool Everyone: pooled, ${who} had been idle longest`
    case 'sales':
      return `Rule 2 (Product demo) → pool Sales Americas: round robin, ${who} was next in line`
    case 'apac':
      return `Rule 1 (Product demo, Region = APAC) → pool Experts Europe: pooled with priority, ${who} had the highest priority`
    case 'panel':
      return `Static rule → panel Interview panel: ${who} (fixed seat)`
    case 'page':
      return `Customer choice → ${who}'s booking page`
  }
}

/** `count` sorted instants strictly inside `(fromMs, toMs)`, on whole minutes. */
function instantsBetween(rng: Prng, fromMs: number, toMs: number, count: number): number[] {
  const lo = Math.floor(fromMs / MS_PER_MINUTE) + 1
  const hi = Math.ceil(toMs / MS_PER_MINUTE) - 1
  const out: number[] = []
  for (let i = 0; i < count; i++) out.push(rng.int(lo, Math.max(lo, hi)) * MS_PER_MINUTE)
  return out.sort((a, b) => a - b)
}

function token(rng: Prng): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  let out = ''
  for (let i = 0; i < 32; i++) out += chars[rng.int(0, 63)]
  return out
}

function placeBooking(ctx: Ctx, rng: Prng, part: Part, id: string): HistoryBookingDoc {
  const { kind, startMs, hosts: original } = place(ctx, rng, part)
  for (const host of original) takeCell(ctx, host, startMs)
  const endMs = startMs + DURATION[kind] * MS_PER_MINUTE
  const isPast = part !== 'future'
  const isDesk = rng.chance(0.1)
  const by = isDesk ? 'Front desk' : 'customer'
  // Created 2 hours to 30 days before the meeting (mostly days), never after now.
  const leadMs = 2 * HOUR_MS + Math.floor(rng.next() * rng.next() * 30 * MS_PER_DAY)
  const createdMs = Math.min(startMs - leadMs, ctx.nowMs - 10 * MS_PER_MINUTE)
  // Changes before the meeting happen before it (and before now for future meetings).
  const changesUntil = Math.min(startMs, ctx.nowMs)
  const history: HistoryEntry[] = [
    {
      at: instantFormat(createdMs),
      action: 'created',
      by,
      reason: createdReason(ctx, kind, original[0] ?? ''),
    },
  ]
  const [reassignAt = 0, rescheduleAt = 0, cancelAt = 0] = instantsBetween(
    rng,
    createdMs,
    changesUntil,
    3,
  )
  const hosts = [...original]
  // Reassignments: the last seat (a panel's pool seat) moves to a member free then.
  if (kind !== 'page' && rng.chance(0.06)) {
    const seat = hosts.length - 1
    const pool = ctx.pool(kind === 'panel' ? HISTORY_IDS.poolExperts : (POOL_OF[kind] ?? ''))
    const to = firstFree(ctx, rng, pool, hosts, startMs)
    if (to !== undefined) {
      takeCell(ctx, to, startMs)
      history.push({
        at: instantFormat(reassignAt),
        action: 'reassigned',
        by: 'Front desk',
        reason: rng.chance(0.5) ? 'Out sick' : null,
        fromMemberId: hosts[seat] ?? null,
        toMemberId: to,
        forced: false,
      })
      hosts[seat] = to
    }
  }
  const r = rng.next()
  let status: BookingStatus
  const rescheduled = (): HistoryEntry => ({
    at: instantFormat(rescheduleAt),
    action: 'rescheduled',
    by: rng.chance(0.5) ? 'customer' : 'Front desk',
    previousStart: instantFormat(startMs - rng.int(-7, 7) * MS_PER_DAY - 2 * HOUR_MS),
  })
  if (r < 0.09) {
    status = 'cancelled'
    history.push({
      at: instantFormat(cancelAt),
      action: 'cancelled',
      by: rng.chance(0.7) ? 'customer' : 'Front desk',
      reason: rng.chance(0.4) ? 'Something came up' : null,
    })
  } else if (!isPast) {
    if (r < 0.16) history.push(rescheduled())
    status = r < 0.16 ? 'rescheduled' : 'scheduled'
  } else {
    if (r < 0.2) history.push(rescheduled())
    const completed: HistoryEntry = { at: instantFormat(endMs), action: 'completed', by: 'system' }
    const noShowMs = Math.min(endMs + rng.int(5, 240) * MS_PER_MINUTE, ctx.nowMs - MS_PER_MINUTE)
    const noShow: HistoryEntry = {
      at: instantFormat(noShowMs),
      action: 'no-show',
      by: 'Front desk',
      reason: null,
    }
    if (r >= 0.2 && r < 0.24) {
      status = 'no-show'
      history.push(noShow)
    } else if (r >= 0.24 && r < 0.26) {
      status = 'no-show'
      history.push(completed, noShow)
    } else {
      status = 'completed'
      history.push(completed)
    }
  }
  const n = Number(id.slice(-6))
  const event = EVENT_OF[kind]
  const answers: Record<string, string> =
    kind === 'sales'
      ? { region: rng.chance(0.5) ? 'AMER' : 'EMEA' }
      : kind === 'apac'
        ? { region: 'APAC' }
        : kind === 'team' && rng.chance(0.5)
          ? { company: `Company ${rng.int(1, 5000)}` }
          : {}
  const last = history[history.length - 1]
  return {
    id,
    eventTypeId: event,
    masterPageId: PAGE_OF[kind],
    start: instantFormat(startMs),
    end: instantFormat(endMs),
    hostMemberIds: hosts,
    poolId: POOL_OF[kind],
    panelId: kind === 'panel' ? HISTORY_IDS.panel : null,
    status,
    customer: {
      name: `Customer ${id.slice(3, 4).toUpperCase()}${n}`,
      email: `customer.${id.slice(3)}@example.org`,
      timeZone: pickFrom(rng, CUSTOMER_ZONES),
    },
    answers,
    createdVia: isDesk ? 'desktop' : 'public',
    history,
    updatedAt: last?.at ?? instantFormat(createdMs),
    manageToken: token(rng),
    idempotencyKey: null,
    requestHash: null,
  }
}
