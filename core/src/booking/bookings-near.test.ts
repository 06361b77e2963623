import { describe, expect, it } from 'vitest'
import { bookingsNear, capCountStarts } from './bookings-near'
import { fixtureBooking, ms } from './test-fixtures'

describe('bookingsNear', () => {
  const from = ms('2027-03-15T08:00:00Z')
  const to = from + 1

  it('drops only bookings far before or after the window, keeping order', () => {
    const bookings = [
      fixtureBooking('bk-far-before', ['m-ana'], '2027-03-01T08:00:00Z'),
      fixtureBooking('bk-week-before', ['m-ana'], '2027-03-08T08:00:00Z'),
      fixtureBooking('bk-same', ['m-ana'], '2027-03-15T08:00:00Z'),
      fixtureBooking('bk-week-after', ['m-ana'], '2027-03-22T08:00:00Z'),
      fixtureBooking('bk-far-after', ['m-ana'], '2027-04-15T08:00:00Z'),
    ]
    expect(bookingsNear(bookings, from, to).map((b) => b.id)).toEqual([
      'bk-week-before',
      'bk-same',
      'bk-week-after',
    ])
  })

  it('keeps bookings whose instants are not in canonical form (the index parses them)', () => {
    const odd = {
      ...fixtureBooking('bk-odd', ['m-ana'], '2027-01-01T08:00:00Z'),
      start: '2027-01-01T09:00:00+01:00',
    }
    expect(bookingsNear([odd], from, to)).toHaveLength(1)
  })
})

describe('capCountStarts', () => {
  const iso = (range: readonly [number, number] | null) =>
    range?.map((at) => new Date(at).toISOString())
  const berlin = { timeZone: 'Europe/Berlin', maxBookingsPerDay: null, maxBookingsPerWeek: null }
  const wednesday = ms('2027-03-17T10:00:00Z')

  it('is nothing for a member without caps', () => {
    expect(capCountStarts(berlin, wednesday, wednesday)).toBeNull()
  })

  it("is the member's local day with a daily cap", () => {
    expect(iso(capCountStarts({ ...berlin, maxBookingsPerDay: 3 }, wednesday, wednesday))).toEqual([
      '2027-03-16T23:00:00.000Z',
      '2027-03-17T23:00:00.000Z',
    ])
    // Just after local midnight in Sydney (UTC+11) is the previous day in UTC.
    const sydney = { ...berlin, timeZone: 'Australia/Sydney', maxBookingsPerDay: 1 }
    const at = ms('2027-03-16T13:30:00Z')
    expect(iso(capCountStarts(sydney, at, at))).toEqual([
      '2027-03-16T13:00:00.000Z',
      '2027-03-17T13:00:00.000Z',
    ])
  })

  it('includes the day a start at local midnight opens (the upper bound is a start too)', () => {
    const midnight = ms('2027-03-16T23:00:00Z')
    const daily = { ...berlin, maxBookingsPerDay: 1 }
    expect(iso(capCountStarts(daily, midnight, midnight))).toEqual([
      '2027-03-16T23:00:00.000Z',
      '2027-03-17T23:00:00.000Z',
    ])
    const beforeMidnight = midnight - 60_000
    expect(iso(capCountStarts(daily, beforeMidnight, midnight))).toEqual([
      '2027-03-15T23:00:00.000Z',
      '2027-03-17T23:00:00.000Z',
    ])
  })

  it("is the member's local ISO week (Monday to Sunday) with a weekly cap, DST included", () => {
    const weekly = { ...berlin, maxBookingsPerWeek: 10 }
    expect(iso(capCountStarts(weekly, wednesday, wednesday))).toEqual([
      '2027-03-14T23:00:00.000Z',
      '2027-03-21T23:00:00.000Z',
    ])
    // The week of 28 March 2027, when Berlin moves to summer time: 167 hours.
    const sunday = ms('2027-03-28T12:00:00Z')
    expect(iso(capCountStarts(weekly, sunday, sunday))).toEqual([
      '2027-03-21T23:00:00.000Z',
      '2027-03-28T22:00:00.000Z',
    ])
  })

  it('covers every day (or week) of a window of starts', () => {
    const daily = { ...berlin, maxBookingsPerDay: 2 }
    const from = ms('2027-03-17T10:00:00Z')
    const to = ms('2027-03-19T22:30:00Z')
    expect(iso(capCountStarts(daily, from, to))).toEqual([
      '2027-03-16T23:00:00.000Z',
      '2027-03-19T23:00:00.000Z',
    ])
    expect(
      iso(capCountStarts({ ...daily, maxBookingsPerWeek: 9 }, from, ms('2027-03-23T08:00:00Z'))),
    ).toEqual(['2027-03-14T23:00:00.000Z', '2027-03-28T22:00:00.000Z'])
  })
})
