import { describe, expect, it } from 'vitest'
import { bookingsNear } from './bookings-near'
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
