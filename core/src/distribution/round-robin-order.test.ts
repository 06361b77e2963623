import { describe, expect, it } from 'vitest'
import type { Booking, Member, Pool } from '../model/workspace'
import { poolStats } from './pool-stats'
import { idleCompare, roundRobinOrder } from './round-robin-order'
import {
  FIXTURE_MARCH,
  fixtureBooking,
  fixtureCreated,
  fixtureMember,
  fixturePool,
} from './test-fixtures'

const members: Member[] = ['m-ana', 'm-ben', 'm-cy', 'm-dee'].map((id) => fixtureMember(id))

function order(pool: Pool, bookings: readonly Booking[], people: readonly Member[] = members) {
  return roundRobinOrder(pool, poolStats(pool, bookings, [], FIXTURE_MARCH), people)
}

/** `count` bookings for `memberId` created on consecutive March days from `firstDay`. */
function many(memberId: string, count: number, firstDay: number): Booking[] {
  return Array.from({ length: count }, (_, i) => {
    const day = String(firstDay + i).padStart(2, '0')
    return fixtureBooking(`${memberId}-${day}`, [memberId], `2027-03-${day}T10:00:00.000Z`)
  })
}

describe('roundRobinOrder', () => {
  it('puts never-assigned members first in pool order when nobody has bookings (edge case 3)', () => {
    const line = order(fixturePool(['m-cy', 'm-ana', 'm-ben']), [])
    expect(line.map((s) => s.memberId)).toEqual(['m-cy', 'm-ana', 'm-ben'])
    expect(line[0]).toEqual({
      memberId: 'm-cy',
      order: 0,
      priority: 1,
      net: 0,
      joinedAt: null,
      entryNet: null,
      effectiveNet: 0,
      lastAssignedAt: null,
    })
  })

  it('ranks by net count, then longest since the last assignment, then pool order', () => {
    const pool = fixturePool(['m-ana', 'm-ben', 'm-cy', 'm-dee'])
    const bookings = [...many('m-ana', 2, 1), ...many('m-ben', 1, 5), ...many('m-cy', 1, 3)]
    const line = order(pool, bookings)
    expect(line.map((s) => [s.memberId, s.effectiveNet, s.lastAssignedAt])).toEqual([
      ['m-dee', 0, null],
      ['m-cy', 1, '2027-03-03T10:00:00.000Z'],
      ['m-ben', 1, '2027-03-05T10:00:00.000Z'],
      ['m-ana', 2, '2027-03-02T10:00:00.000Z'],
    ])
  })

  it('gives a cancelled booking back with automatic correction, not without', () => {
    const cancelled = fixtureBooking('x', ['m-ana'], '2027-03-01T10:00:00.000Z', {
      status: 'cancelled',
      history: [
        fixtureCreated('2027-03-01T10:00:00.000Z'),
        { at: '2027-03-09T10:00:00.000Z', action: 'cancelled', by: 'customer' },
      ],
    })
    const bookings = [cancelled, ...many('m-ben', 1, 2)]
    const on = fixturePool(['m-ana', 'm-ben'])
    expect(order(on, bookings).map((s) => [s.memberId, s.net])).toEqual([
      ['m-ana', 0],
      ['m-ben', 1],
    ])
    const off = fixturePool(['m-ana', 'm-ben'], { automaticCorrection: false })
    expect(order(off, bookings).map((s) => [s.memberId, s.net])).toEqual([
      ['m-ana', 1],
      ['m-ben', 1],
    ])
  })

  it('leaves out inactive, unknown and duplicate members (edge case 5)', () => {
    const people = [...members, fixtureMember('m-off', { active: false })]
    const pool = fixturePool(['m-off', 'm-ben', 'm-ghost', 'm-ben', 'm-ana'])
    expect(order(pool, [], people).map((s) => [s.memberId, s.order])).toEqual([
      ['m-ben', 1],
      ['m-ana', 4],
    ])
  })

  it('lets a member added mid-cycle enter at the minimum net count of the others (edge case 6)', () => {
    const pool: Pool = {
      ...fixturePool(['m-ana', 'm-ben', 'm-cy']),
      members: [
        { memberId: 'm-ana', priority: 1 },
        { memberId: 'm-ben', priority: 1, addedAt: '2027-02-01T00:00:00.000Z' },
        { memberId: 'm-cy', priority: 1, addedAt: '2027-03-10T00:00:00.000Z' },
      ],
    }
    // Before the 10th: Ana 5, Ben 4. After: Ana +1, Ben +2, Cy +1.
    const bookings = [
      ...many('m-ana', 5, 1),
      ...many('m-ben', 4, 6),
      ...many('m-ana', 1, 11),
      ...many('m-ben', 2, 12),
      ...many('m-cy', 1, 14),
    ]
    const line = order(pool, bookings)
    expect(line.map((s) => [s.memberId, s.net, s.entryNet, s.effectiveNet, s.joinedAt])).toEqual([
      ['m-cy', 1, 4, 5, '2027-03-10T00:00:00.000Z'],
      ['m-ana', 6, null, 6, null],
      ['m-ben', 6, null, 6, null],
    ])
  })

  it('measures a second newcomer against the first at the instant the second joined', () => {
    const pool: Pool = {
      ...fixturePool([]),
      members: [
        { memberId: 'm-ana', priority: 1 },
        { memberId: 'm-ben', priority: 1, addedAt: '2027-03-05T00:00:00.000Z' },
        { memberId: 'm-cy', priority: 1, addedAt: '2027-03-20T00:00:00.000Z' },
      ],
    }
    // Ana 6 before the 20th; Ben enters at Ana's 4 on the 5th, gets 1 more → 5 on the 20th;
    // Cy enters at 5 and, never assigned, goes before Ben.
    const bookings = [...many('m-ana', 4, 1), ...many('m-ben', 1, 6), ...many('m-ana', 2, 7)]
    const line = order(pool, bookings)
    expect(line.map((s) => [s.memberId, s.entryNet, s.effectiveNet])).toEqual([
      ['m-cy', 5, 5],
      ['m-ben', 4, 5],
      ['m-ana', null, 6],
    ])
  })

  it('ignores a rejoining member’s events from before they rejoined, for the line only', () => {
    const pool: Pool = {
      ...fixturePool([]),
      members: [
        { memberId: 'm-ana', priority: 1 },
        { memberId: 'm-ben', priority: 1, addedAt: '2027-03-15T00:00:00.000Z' },
      ],
    }
    const bookings = [...many('m-ana', 2, 1), ...many('m-ben', 5, 3)]
    const line = order(pool, bookings)
    expect(line.map((s) => [s.memberId, s.net, s.effectiveNet])).toEqual([
      ['m-ana', 2, 2],
      ['m-ben', 5, 2],
    ])
  })

  it('throws when the stats belong to another pool', () => {
    const stats = poolStats(fixturePool(['m-ana']), [], [], FIXTURE_MARCH)
    expect(() => roundRobinOrder(fixturePool(['m-ana'], { id: 'other' }), stats, members)).toThrow(
      RangeError,
    )
  })
})

describe('idleCompare', () => {
  const cases: readonly [string | null, string | null, number][] = [
    [null, null, 0],
    [null, '2027-03-01T00:00:00.000Z', -1],
    ['2027-03-01T00:00:00.000Z', null, 1],
    ['2027-03-01T00:00:00.000Z', '2027-03-02T00:00:00.000Z', -1],
    ['2027-03-02T00:00:00.000Z', '2027-03-01T00:00:00.000Z', 1],
  ]
  it.each(cases)('compares %s with %s', (a, b, sign) => {
    expect(Math.sign(idleCompare(a, b))).toBe(sign)
  })
})
