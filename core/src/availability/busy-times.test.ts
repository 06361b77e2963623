import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Booking } from '../model/workspace'
import { availabilityIndexBuild } from './availability-index'
import {
  type BusyInterval,
  busyIntervalsWithin,
  busyTimesMinutes,
  busyTimesNormalize,
  busyTimesWithin,
} from './busy-times'
import { memberCanTake, memberCanTakeFromIndex } from './member-can-take'
import { slotsFromIndex } from './slots'
import { fixtureBooking, fixtureEventType, fixtureMember, fixtureState } from './test-fixtures'

const MINUTE = 60_000
const at = (iso: string): number => Date.parse(iso)
const NOW = at('2027-03-14T00:00:00Z')

describe('busyTimesNormalize', () => {
  it('sorts, drops empty intervals and merges overlapping and touching ones', () => {
    expect(
      busyTimesNormalize([
        [50, 60],
        [10, 20],
        [20, 30],
        [15, 25],
        [40, 40],
        [55, 70],
      ]),
    ).toEqual([
      [10, 30],
      [50, 70],
    ])
  })

  it('refuses a bound that is not finite', () => {
    expect(() => busyTimesNormalize([[0, Number.NaN]])).toThrow(RangeError)
  })
})

describe('busyIntervalsWithin', () => {
  const list: BusyInterval[] = [
    [0, 10],
    [20, 30],
    [40, 50],
    [60, 70],
  ]
  it.each([
    [0, 100, list],
    [10, 20, []],
    [9, 21, list.slice(0, 2)],
    [30, 41, [[40, 50]]],
    [70, 80, []],
    [-5, 0, []],
  ] as const)('[%d, %d) keeps the intervals reaching into it', (from, to, expected) => {
    expect(busyIntervalsWithin(list, from, to)).toEqual(expected)
  })

  it('slices every member and drops members left without intervals', () => {
    expect(busyTimesWithin({ a: list, b: [[100, 110]] }, 25, 45)).toEqual({
      a: [
        [20, 30],
        [40, 50],
      ],
    })
  })
})

describe('busyTimesMinutes', () => {
  it('rounds seconds outward and keeps the result merged', () => {
    const intervals: BusyInterval[] = [
      [10 * MINUTE + 5_000, 20 * MINUTE + 1_000],
      [21 * MINUTE - 500, 30 * MINUTE],
    ]
    expect(busyTimesMinutes(intervals, 0, 100)).toEqual([10, 30])
  })
})

describe('busy time in availability', () => {
  const member = fixtureMember()
  const eventType = fixtureEventType({ bufferBeforeMinutes: 10, bufferAfterMinutes: 5 })
  // Monday 2027-03-15, Berlin (UTC+1): 09:00–17:00 local is 08:00–16:00 UTC.
  const busy = { 'm-ana': [[at('2027-03-15T10:00:00Z'), at('2027-03-15T11:00:00Z')]] as const }
  const window = { fromMs: at('2027-03-15T00:00:00Z'), toMs: at('2027-03-16T00:00:00Z') }

  it('blocks the meeting with its own buffers, like a booking without buffers', () => {
    const index = availabilityIndexBuild(
      { ...fixtureState([member], [], [eventType]), busy },
      window,
    )
    const slots = slotsFromIndex(index, 'm-ana', eventType, NOW).map((ms) =>
      new Date(ms).toISOString(),
    )
    // 09:30 + 30 min + 5 min after-buffer reaches 10:05: blocked; 09:15 ends at 09:50 incl. buffer.
    expect(slots).toContain('2027-03-15T09:15:00.000Z')
    expect(slots).not.toContain('2027-03-15T09:30:00.000Z')
    expect(slots).not.toContain('2027-03-15T10:45:00.000Z')
    // 11:00 − 10 min before-buffer reaches back to 10:50: blocked; 11:15 is free.
    expect(slots).not.toContain('2027-03-15T11:00:00.000Z')
    expect(slots).toContain('2027-03-15T11:15:00.000Z')
  })

  it('says "busy-in-calendar", not "busy", when only the calendar is in the way', () => {
    const result = memberCanTake(
      { ...fixtureState([member], [], [eventType]), busy },
      {
        memberId: 'm-ana',
        eventTypeId: eventType.id,
        startMs: at('2027-03-15T10:30:00Z'),
        nowMs: NOW,
      },
    )
    expect(result).toEqual({ ok: false, reason: 'busy-in-calendar', reasons: ['busy-in-calendar'] })
  })

  it('says both when a booking and the calendar are in the way', () => {
    const booking = fixtureBooking({ start: '2027-03-15T10:30:00Z', end: '2027-03-15T11:00:00Z' })
    const result = memberCanTake(
      { ...fixtureState([member], [booking], [eventType]), busy },
      {
        memberId: 'm-ana',
        eventTypeId: eventType.id,
        startMs: at('2027-03-15T10:30:00Z'),
        nowMs: NOW,
      },
    )
    expect(result.ok ? [] : result.reasons).toEqual(['busy', 'busy-in-calendar'])
  })

  it('does not count calendar events toward workload caps', () => {
    const capped = fixtureMember({ maxBookingsPerDay: 1 })
    const index = availabilityIndexBuild(
      { ...fixtureState([capped], [], [eventType]), busy },
      window,
    )
    expect(slotsFromIndex(index, 'm-ana', eventType, NOW).length).toBeGreaterThan(0)
  })

  it('ignores busy time of other members and of members it does not know', () => {
    const index = availabilityIndexBuild(
      { ...fixtureState([member], [], [eventType]), busy: { 'm-other': busy['m-ana'] } },
      window,
    )
    expect(index.members[0]?.calendarBusy).toEqual([])
  })
})

/** Random busy intervals and bookings around one Berlin working day, on odd seconds too. */
const worldArb = fc.record({
  busy: fc.array(
    fc
      .tuple(
        fc.integer({ min: -120, max: 1600 }),
        fc.integer({ min: 1, max: 180 }), // non-empty: empty intervals are dropped, while a zero-length booking on odd seconds holds its minute

        fc.integer({ min: 0, max: 59 }),
      )
      .map(([startMin, lengthMin, seconds]): BusyInterval => {
        const start = at('2027-03-15T00:00:00Z') + startMin * MINUTE + seconds * 1000
        return [start, start + lengthMin * MINUTE]
      }),
    { maxLength: 8 },
  ),
  bookingStarts: fc.array(fc.integer({ min: 0, max: 95 }), { maxLength: 4 }),
  before: fc.constantFrom(0, 5, 15),
  after: fc.constantFrom(0, 10),
  zone: fc.constantFrom('Europe/Berlin', 'America/New_York', 'Asia/Kolkata'),
})

describe('busy time (properties)', () => {
  it('decides exactly as if each busy interval were a booking without buffers', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const member = fixtureMember({ timeZone: world.zone })
        const eventType = fixtureEventType({
          bufferBeforeMinutes: world.before,
          bufferAfterMinutes: world.after,
        })
        const bookings = world.bookingStarts.map((quarter) => {
          const start = at('2027-03-15T00:00:00Z') + quarter * 15 * MINUTE
          return fixtureBooking({
            start: new Date(start).toISOString(),
            end: new Date(start + 30 * MINUTE).toISOString(),
          })
        })
        // The oracle: each interval as a booking of an event type nobody knows (no buffers).
        const asBookings: Booking[] = world.busy.map(([start, end]) =>
          fixtureBooking({
            start: new Date(start).toISOString(),
            end: new Date(end).toISOString(),
            eventTypeId: 'et-unknown',
          }),
        )
        const window = { fromMs: at('2027-03-15T00:00:00Z'), toMs: at('2027-03-17T00:00:00Z') }
        const busy = { 'm-ana': busyTimesNormalize(world.busy) }
        const withBusy = availabilityIndexBuild(
          { ...fixtureState([member], bookings, [eventType]), busy },
          window,
        )
        const oracle = availabilityIndexBuild(
          fixtureState([member], [...bookings, ...asBookings], [eventType]),
          window,
        )
        const slots = slotsFromIndex(withBusy, 'm-ana', eventType, NOW)
        expect(slots).toEqual(slotsFromIndex(oracle, 'm-ana', eventType, NOW))
        for (let t = window.fromMs; t < window.toMs; t += 5 * MINUTE) {
          const taken = memberCanTakeFromIndex(withBusy, 'm-ana', eventType, NOW, t)
          expect(taken.ok).toBe(memberCanTakeFromIndex(oracle, 'm-ana', eventType, NOW, t).ok)
        }
        // No slot's meeting (with its buffers) overlaps a busy interval.
        for (const t of slots) {
          const from = t - world.before * MINUTE
          const to = t + (30 + world.after) * MINUTE
          for (const [start, end] of world.busy) expect(start < to && from < end).toBe(false)
        }
      }),
      { numRuns: 150 },
    )
  })
})
