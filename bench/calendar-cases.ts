/**
 * Calendar busy-time benchmark group (issue 11): the 100-member pooled union of
 * `availability-cases.ts`, once without calendars and once where every member has a busy calendar
 * of 500 events over a year (as the sync server holds them: a year of merged intervals per
 * member, sliced to the request's reach by binary search before the decision, as
 * `BookingService.state` does). Target: with calendars within 2× of without. Also the server's
 * background cost of reading one such calendar: expanding a 500-event `.ics` (a weekly series
 * with exceptions plus single events) with ical.js into busy intervals.
 */

import { availabilityIndexBuild } from '../core/src/availability/availability-index'
import {
  type BusyInterval,
  type BusyTimes,
  busyTimesNormalize,
  busyTimesWithin,
} from '../core/src/availability/busy-times'
import { slotsUnion } from '../core/src/availability/slot-union'
import { BOOKINGS_NEAR_REACH_MS } from '../core/src/booking/bookings-near'
import { icsBusyIntervals } from '../sync-server/src/calendars/ics-busy'
import { prngCreate } from './prng'
import { type BenchCase, benchRegisterGroup } from './registry'
import { generateTeam } from './team-generator'

const MEMBERS = 100
const EVENTS_PER_MEMBER = 500
const DAY_MS = 86_400_000
/** The year of calendar events: the team's 60-day window lies inside it. */
const YEAR_FROM = Date.parse('2027-01-01T00:00:00Z')

/** 500 events per member over a year: 30–120 minutes between 06:00 and 20:00 UTC. */
export function calendarBusyGenerate(memberIds: readonly string[], seed = 11): BusyTimes {
  const rng = prngCreate(seed)
  const busy: Record<string, readonly BusyInterval[]> = {}
  for (const id of memberIds) {
    const intervals: BusyInterval[] = []
    for (let i = 0; i < EVENTS_PER_MEMBER; i++) {
      const start = YEAR_FROM + rng.int(0, 364) * DAY_MS + rng.int(24, 80) * 15 * 60_000
      intervals.push([start, start + rng.int(2, 8) * 15 * 60_000])
    }
    busy[id] = busyTimesNormalize(intervals)
  }
  return busy
}

/** The timed computation: busy time sliced to the request's reach, the index, the pooled union. */
export function calendarPooledRun(withCalendars: boolean): () => number {
  const team = generateTeam(MEMBERS)
  const busy = withCalendars ? calendarBusyGenerate(team.memberIds) : {}
  return () => {
    const reach = BOOKINGS_NEAR_REACH_MS
    const state = {
      ...team.state,
      busy: busyTimesWithin(busy, team.fromMs - reach, team.toMs + reach),
    }
    const index = availabilityIndexBuild(state, { fromMs: team.fromMs, toMs: team.toMs })
    return slotsUnion(index, team.memberIds, team.eventType, team.nowMs).startsMs.length
  }
}

function pooledCase(withCalendars: boolean): BenchCase {
  return {
    name: withCalendars ? 'pooled-union-with-calendars' : 'pooled-union-no-calendars',
    size: MEMBERS,
    prepare: () => calendarPooledRun(withCalendars),
  }
}

/** A Google-shaped export of 500 busy occurrences: 50 weekly series of 8 (with exceptions), 100 single events. */
function calendarText(): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Bench//EN']
  const stamp = '20270101T000000Z'
  const day = (offset: number) =>
    new Date(YEAR_FROM + offset * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '')
  for (let s = 0; s < 50; s++) {
    const first = day(s * 7)
    lines.push(
      'BEGIN:VEVENT',
      `UID:series-${s}@bench`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=Europe/Berlin:${first}T${String(8 + (s % 9)).padStart(2, '0')}0000`,
      `DTEND;TZID=Europe/Berlin:${first}T${String(9 + (s % 9)).padStart(2, '0')}0000`,
      'RRULE:FREQ=WEEKLY;COUNT=9',
      `EXDATE;TZID=Europe/Berlin:${day(s * 7 + 14)}T${String(8 + (s % 9)).padStart(2, '0')}0000`,
      'SUMMARY:Weekly',
      'END:VEVENT',
    )
  }
  for (let e = 0; e < 100; e++) {
    const at = day(e * 3)
    lines.push(
      'BEGIN:VEVENT',
      `UID:single-${e}@bench`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${at}T130000Z`,
      `DTEND:${at}T140000Z`,
      'SUMMARY:Single',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.join('\r\n')
}

function readCase(): BenchCase {
  return {
    name: 'read-500-event-ics',
    size: EVENTS_PER_MEMBER,
    prepare: () => {
      const text = calendarText()
      return () => {
        const result = icsBusyIntervals(text, {
          memberZone: 'Europe/Berlin',
          fromMs: YEAR_FROM - DAY_MS,
          toMs: YEAR_FROM + 400 * DAY_MS,
        })
        if (!result.ok) throw new Error(result.message)
        return result.events
      }
    },
  }
}

benchRegisterGroup({
  name: 'calendars',
  cases: () => [pooledCase(false), pooledCase(true), readCase()],
})
