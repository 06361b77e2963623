/**
 * Teamslot's own deterministic benchmark team (seeded, no Math.random): members over six zones,
 * Monday–Friday hours with variety (split days, short Fridays, some Saturdays), a few days off and
 * custom days, some workload caps, and about three bookings per member per working day over a
 * 60-day window from 2027-03-01. Member i depends only on (seed, i), so the first 10 members of
 * the 1000-member team are the 10-member team.
 */

import type {
  Booking,
  BookingStatus,
  DateOverride,
  EventType,
  LocalRange,
  Member,
  Weekday,
  WeeklyHours,
} from '../core/src/model/workspace'
import type { AvailabilityState } from '../core/src/availability/availability-index'
import { instantFormat, MS_PER_DAY } from '../core/src/time/instant'
import { localDateFormat, localDateParse, localDateWeekday } from '../core/src/time/local-date'
import { wallClockFormat, wallClockParse } from '../core/src/time/wall-clock'
import { zoneLocalToUtc } from '../core/src/time/zone-convert'
import { type Prng, prngCreate } from './prng'

export const TEAM_WINDOW_START = '2027-03-01'
export const TEAM_WINDOW_DAYS = 60
export const TEAM_NOW = '2027-03-01T06:00:00Z'
const PANEL_SIZE = 5

const ZONES: readonly (readonly [string, number])[] = [
  ['America/New_York', 25],
  ['Europe/London', 20],
  ['Europe/Berlin', 20],
  ['America/Los_Angeles', 15],
  ['Asia/Kolkata', 10],
  ['Australia/Sydney', 10],
]

type Pattern = Partial<Record<Weekday, readonly LocalRange[]>>
const WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']
const every = (ranges: readonly LocalRange[], days = WORKDAYS): Pattern =>
  Object.fromEntries(days.map((day) => [day, ranges]))

const PATTERNS: readonly (readonly [Pattern, number])[] = [
  [every([['09:00', '17:00']]), 45],
  [every([['08:00', '16:00']]), 10],
  [every([['10:00', '18:30']]), 10],
  [
    every([
      ['09:00', '12:00'],
      ['13:00', '17:30'],
    ]),
    20,
  ],
  [{ ...every([['09:00', '17:00']], ['mon', 'tue', 'wed', 'thu']), fri: [['09:00', '13:00']] }, 10],
  [{ ...every([['09:00', '17:00']]), sat: [['10:00', '14:00']] }, 5],
]

const EMPTY_WEEK: WeeklyHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }
const WEEKDAY_KEYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

/** The benchmark event: 30 minutes every 15, 5/5-minute buffers, 4 hours' notice. */
export const TEAM_EVENT_TYPE: EventType = {
  id: 'et-bench',
  name: 'Bench call',
  durationMinutes: 30,
  slotIntervalMinutes: 15,
  bufferBeforeMinutes: 5,
  bufferAfterMinutes: 5,
  minNoticeMinutes: 240,
  maxDaysAhead: TEAM_WINDOW_DAYS,
  questions: [],
}

export interface GeneratedTeam {
  readonly state: AvailabilityState
  readonly eventType: EventType
  readonly nowMs: number
  readonly fromMs: number
  readonly toMs: number
  readonly memberIds: readonly string[]
  /** The first five members (London or Berlin, active), for the all-must-attend panel. */
  readonly panelMemberIds: readonly string[]
}

function rangesOn(
  hours: WeeklyHours,
  overrides: readonly DateOverride[],
  day: number,
): readonly LocalRange[] {
  const date = localDateFormat(day)
  const override = overrides.find((candidate) => candidate.date === date)
  return override?.hours ?? hours[WEEKDAY_KEYS[localDateWeekday(day)] ?? 'mon']
}

function makeBookings(
  rng: Prng,
  member: Member,
  days: readonly number[],
  counter: { n: number },
): Booking[] {
  const bookings: Booking[] = []
  for (const day of days) {
    const ranges = rangesOn(member.weeklyHours, member.dateOverrides, day)
    if (ranges.length === 0) continue
    const taken: [number, number][] = []
    const want = rng.int(2, 4)
    for (let tries = 0; taken.length < want && tries < 40; tries++) {
      const range = ranges[rng.int(0, ranges.length - 1)]
      if (range === undefined) continue
      const from = wallClockParse(range[0])
      const to = wallClockParse(range[1])
      const duration = [30, 45, 60][rng.int(0, 2)] ?? 30
      const steps = Math.floor((to - from - duration) / 15)
      if (steps < 0) continue
      const start = from + 15 * rng.int(0, steps)
      if (taken.some(([s, e]) => start < e && start + duration > s)) continue
      taken.push([start, start + duration])
    }
    taken.sort((a, b) => a[0] - b[0])
    for (const [start, end] of taken) {
      const date = localDateFormat(day)
      const startMs = zoneLocalToUtc(member.timeZone, date, wallClockFormat(start))[0]
      const endMs = zoneLocalToUtc(member.timeZone, date, wallClockFormat(end))[0]
      if (startMs === undefined || endMs === undefined) continue
      const status: BookingStatus = rng.chance(0.05) ? 'cancelled' : 'scheduled'
      counter.n += 1
      bookings.push({
        id: `bk-${counter.n}`,
        eventTypeId: TEAM_EVENT_TYPE.id,
        masterPageId: null,
        start: instantFormat(startMs),
        end: instantFormat(endMs),
        hostMemberIds: [member.id],
        poolId: null,
        panelId: null,
        status,
        customer: { name: 'Customer', email: 'customer@example.org', timeZone: 'UTC' },
        answers: {},
        createdVia: 'public',
        history: [],
      })
    }
  }
  return bookings
}

function makeMember(seed: number, index: number, days: readonly number[]): Member {
  const rng = prngCreate(Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77))
  // The first five members form the benchmark panel: European zones, always active.
  const isPanel = index < PANEL_SIZE
  const timeZone = rng.weighted(
    isPanel ? ZONES.filter(([zone]) => zone.startsWith('Europe/')) : ZONES,
  )
  const weeklyHours: WeeklyHours = { ...EMPTY_WEEK, ...rng.weighted(PATTERNS) }
  const workdays = days.filter((day) => rangesOn(weeklyHours, [], day).length > 0)
  const overrides = new Map<number, readonly LocalRange[]>()
  for (let i = rng.int(2, 4); i > 0; i--)
    overrides.set(workdays[rng.int(0, workdays.length - 1)] ?? 0, [])
  if (rng.chance(0.25)) {
    const start = rng.int(8, 11) * 60
    overrides.set(workdays[rng.int(0, workdays.length - 1)] ?? 0, [
      [wallClockFormat(start), wallClockFormat(start + rng.int(3, 6) * 60)],
    ])
  }
  return {
    id: `m-${String(index + 1).padStart(4, '0')}`,
    name: `Member ${index + 1}`,
    email: `member${index + 1}@example.com`,
    timeZone,
    weeklyHours,
    dateOverrides: [...overrides]
      .sort(([a], [b]) => a - b)
      .map(([day, hours]) => ({ date: localDateFormat(day), hours })),
    maxBookingsPerDay: rng.chance(0.1) ? 4 : null,
    maxBookingsPerWeek: rng.chance(0.05) ? 15 : null,
    active: isPanel || !rng.chance(0.02),
  }
}

/** The team of `size` members (seed 7 unless given), with its bookings and benchmark parameters. */
export function generateTeam(size: number, seed = 7): GeneratedTeam {
  const first = localDateParse(TEAM_WINDOW_START)
  const days = Array.from({ length: TEAM_WINDOW_DAYS }, (_, i) => first + i)
  const members: Member[] = []
  const bookings: Booking[] = []
  const counter = { n: 0 }
  for (let i = 0; i < size; i++) {
    const member = makeMember(seed, i, days)
    members.push(member)
    const rng = prngCreate(Math.imul(seed, 0x27d4eb2f) ^ Math.imul(i + 1, 0x165667b1))
    bookings.push(...makeBookings(rng, member, days, counter))
  }
  const fromMs = first * MS_PER_DAY
  return {
    state: { members, eventTypes: [TEAM_EVENT_TYPE], bookings },
    eventType: TEAM_EVENT_TYPE,
    nowMs: Date.parse(TEAM_NOW),
    fromMs,
    toMs: fromMs + TEAM_WINDOW_DAYS * MS_PER_DAY,
    memberIds: members.map((member) => member.id),
    panelMemberIds: members.slice(0, PANEL_SIZE).map((member) => member.id),
  }
}
