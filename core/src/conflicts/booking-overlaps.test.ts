import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Booking, BookingStatus } from '../model/workspace'
import { bookingOverlaps } from './booking-overlaps'

function booking(
  id: string,
  hosts: string[],
  start: string,
  end: string,
  status: BookingStatus = 'scheduled',
): Booking {
  return {
    id,
    eventTypeId: 'et',
    masterPageId: null,
    start,
    end,
    hostMemberIds: hosts,
    poolId: null,
    panelId: null,
    status,
    customer: { name: 'C', email: 'c@example.com', timeZone: 'UTC' },
    answers: {},
    createdVia: 'desktop',
    history: [],
  }
}

describe('bookingOverlaps', () => {
  it('finds two overlapping bookings of one member', () => {
    const result = bookingOverlaps([
      booking('b1', ['m-ana'], '2027-03-15T09:00:00.000Z', '2027-03-15T09:30:00.000Z'),
      booking('b2', ['m-ana'], '2027-03-15T09:15:00.000Z', '2027-03-15T09:45:00.000Z'),
    ])
    expect(result).toEqual([{ memberId: 'm-ana', bookingIds: ['b1', 'b2'] }])
  })

  it('does not count touching meetings, other members, or cancelled bookings', () => {
    expect(
      bookingOverlaps([
        booking('b1', ['m-ana'], '2027-03-15T09:00:00.000Z', '2027-03-15T09:30:00.000Z'),
        booking('b2', ['m-ana'], '2027-03-15T09:30:00.000Z', '2027-03-15T10:00:00.000Z'),
        booking('b3', ['m-ben'], '2027-03-15T09:00:00.000Z', '2027-03-15T09:30:00.000Z'),
        booking(
          'b4',
          ['m-ana'],
          '2027-03-15T09:10:00.000Z',
          '2027-03-15T09:20:00.000Z',
          'cancelled',
        ),
      ]),
    ).toEqual([])
  })

  it('checks every host of a panel booking', () => {
    const result = bookingOverlaps([
      booking('panel', ['m-ana', 'm-ben'], '2027-03-15T09:00:00.000Z', '2027-03-15T10:00:00.000Z'),
      booking('solo', ['m-ben'], '2027-03-15T09:45:00.000Z', '2027-03-15T10:15:00.000Z'),
    ])
    expect(result).toEqual([{ memberId: 'm-ben', bookingIds: ['panel', 'solo'] }])
  })

  it('limits the answer to pairs involving the given bookings', () => {
    const all = [
      booking('a', ['m'], '2027-03-15T09:00:00.000Z', '2027-03-15T10:00:00.000Z'),
      booking('b', ['m'], '2027-03-15T09:30:00.000Z', '2027-03-15T10:30:00.000Z'),
      booking('c', ['m'], '2027-03-15T10:15:00.000Z', '2027-03-15T11:00:00.000Z'),
    ]
    expect(bookingOverlaps(all, new Set(['c']))).toEqual([
      { memberId: 'm', bookingIds: ['b', 'c'] },
    ])
  })

  it('agrees with a brute-force pairwise check', () => {
    const arb = fc.array(
      fc.record({
        host: fc.constantFrom('m1', 'm2', 'm3'),
        start: fc.integer({ min: 0, max: 40 }),
        length: fc.integer({ min: 1, max: 8 }),
        cancelled: fc.boolean(),
      }),
      { maxLength: 25 },
    )
    fc.assert(
      fc.property(arb, (rows) => {
        const base = Date.parse('2027-03-15T00:00:00.000Z')
        const iso = (q: number) => new Date(base + q * 15 * 60_000).toISOString()
        const bookings = rows.map((r, i) =>
          booking(
            `b${String(i).padStart(2, '0')}`,
            [r.host],
            iso(r.start),
            iso(r.start + r.length),
            r.cancelled ? 'cancelled' : 'scheduled',
          ),
        )
        const expected: string[] = []
        rows.forEach((a, i) =>
          rows.forEach((b, j) => {
            if (j <= i || a.host !== b.host || a.cancelled || b.cancelled) return
            if (a.start < b.start + b.length && b.start < a.start + a.length) {
              expected.push(`${a.host}:${[bookings[i]!.id, bookings[j]!.id].sort().join(',')}`)
            }
          }),
        )
        const actual = bookingOverlaps(bookings).map(
          (o) => `${o.memberId}:${o.bookingIds.join(',')}`,
        )
        expect(actual.sort()).toEqual(expected.sort())
      }),
    )
  })
})
