import { describe, expect, it } from 'vitest'
import type { Booking, Panel } from '../model/workspace'
import type { PoolMemberStats } from './pool-stats'
import { poolStats } from './pool-stats'
import {
  FIXTURE_MARCH,
  fixtureBooking,
  fixtureCreated,
  fixturePool,
  fixtureReassigned,
} from './test-fixtures'

const pool = fixturePool(['m-ana', 'm-ben', 'm-cy'])

/** memberId → [received, removed, net, lastAssignedAt] */
type Row = [number, number, number, string | null]

function rows(members: readonly PoolMemberStats[]): Record<string, Row> {
  return Object.fromEntries(
    members.map((m) => [m.memberId, [m.received, m.removed, m.net, m.lastAssignedAt]]),
  )
}

describe('poolStats', () => {
  it('counts a booking by its creation instant, not its meeting time (edge case 4)', () => {
    const stats = poolStats(
      pool,
      [
        fixtureBooking('feb', ['m-ana'], '2027-02-27T10:00:00.000Z', {
          start: '2027-03-05T09:00:00.000Z',
          end: '2027-03-05T09:30:00.000Z',
        }),
        fixtureBooking('mar', ['m-ben'], '2027-03-31T23:00:00.000Z', {
          start: '2027-04-05T09:00:00.000Z',
          end: '2027-04-05T09:30:00.000Z',
        }),
      ],
      [],
      FIXTURE_MARCH,
    )
    expect(rows(stats.members)).toEqual({
      'm-ana': [0, 0, 0, '2027-02-27T10:00:00.000Z'],
      'm-ben': [1, 0, 1, '2027-03-31T23:00:00.000Z'],
      'm-cy': [0, 0, 0, null],
    })
    expect(stats.average).toBeCloseTo(1 / 3)
    expect(stats.cycle).toEqual(FIXTURE_MARCH)
  })

  it('counts reassignments, cancellations and no-shows as removals by reason (edge case 7)', () => {
    const bookings: Booking[] = [
      fixtureBooking('b1', ['m-ben'], '2027-03-02T10:00:00.000Z', {
        history: [
          fixtureCreated('2027-03-02T10:00:00.000Z'),
          fixtureReassigned('2027-03-03T10:00:00.000Z', 'm-ana', 'm-ben'),
        ],
      }),
      fixtureBooking('b2', ['m-ana'], '2027-03-04T10:00:00.000Z', {
        status: 'cancelled',
        history: [
          fixtureCreated('2027-03-04T10:00:00.000Z'),
          { at: '2027-03-05T10:00:00.000Z', action: 'cancelled', by: 'customer' },
        ],
      }),
      fixtureBooking('b3', ['m-cy'], '2027-03-06T10:00:00.000Z', { status: 'no-show' }),
      fixtureBooking('b4', ['m-cy'], '2027-03-07T10:00:00.000Z', {
        status: 'rescheduled',
        history: [
          fixtureCreated('2027-03-07T10:00:00.000Z'),
          { at: '2027-03-08T10:00:00.000Z', action: 'rescheduled', by: 'customer' },
        ],
      }),
    ]
    const stats = poolStats(pool, bookings, [], FIXTURE_MARCH)
    expect(rows(stats.members)).toEqual({
      'm-ana': [2, 2, 0, '2027-03-04T10:00:00.000Z'],
      'm-ben': [1, 0, 1, '2027-03-03T10:00:00.000Z'],
      'm-cy': [2, 1, 1, '2027-03-07T10:00:00.000Z'],
    })
    expect(stats.members.map((m) => m.removedByReason)).toEqual([
      { cancelled: 1, 'no-show': 0, 'reassigned-away': 1 },
      { cancelled: 0, 'no-show': 0, 'reassigned-away': 0 },
      { cancelled: 0, 'no-show': 1, 'reassigned-away': 0 },
    ])
    expect(stats.events.map((e) => [e.bookingId, e.memberId, e.reason])).toEqual([
      ['b1', 'm-ana', 'created'],
      ['b1', 'm-ana', 'reassigned-away'],
      ['b1', 'm-ben', 'reassigned-to'],
      ['b2', 'm-ana', 'created'],
      ['b2', 'm-ana', 'cancelled'],
      ['b3', 'm-cy', 'created'],
      ['b4', 'm-cy', 'created'],
      ['b3', 'm-cy', 'no-show'],
    ])
  })

  it('reports removals but does not subtract them without automatic correction', () => {
    const booking = fixtureBooking('b', ['m-ana'], '2027-03-02T10:00:00.000Z', {
      status: 'cancelled',
      history: [
        fixtureCreated('2027-03-02T10:00:00.000Z'),
        { at: '2027-03-03T10:00:00.000Z', action: 'cancelled', by: 'customer' },
      ],
    })
    const off = poolStats({ ...pool, automaticCorrection: false }, [booking], [], FIXTURE_MARCH)
    expect(rows(off.members)['m-ana']).toEqual([1, 1, 1, '2027-03-02T10:00:00.000Z'])
    const on = poolStats(pool, [booking], [], FIXTURE_MARCH)
    expect(rows(on.members)['m-ana']).toEqual([1, 1, 0, '2027-03-02T10:00:00.000Z'])
  })

  it('gives back a booking received last cycle and cancelled this cycle (net may go negative)', () => {
    const booking = fixtureBooking('b', ['m-ana'], '2027-02-20T10:00:00.000Z', {
      status: 'cancelled',
      history: [
        fixtureCreated('2027-02-20T10:00:00.000Z'),
        { at: '2027-03-03T10:00:00.000Z', action: 'cancelled', by: 'customer' },
      ],
    })
    const stats = poolStats(pool, [booking], [], FIXTURE_MARCH)
    expect(rows(stats.members)['m-ana']).toEqual([0, 1, -1, '2027-02-20T10:00:00.000Z'])
  })

  it('lists former members with events after current members, and leaves out idle ones (edge case 5)', () => {
    const shrunk = fixturePool(['m-cy', 'm-ana'])
    const stats = poolStats(
      shrunk,
      [
        fixtureBooking('b1', ['m-zed'], '2027-03-02T10:00:00.000Z'),
        fixtureBooking('b2', ['m-ben'], '2027-03-03T10:00:00.000Z'),
        fixtureBooking('b3', ['m-old'], '2027-01-03T10:00:00.000Z'),
      ],
      [],
      FIXTURE_MARCH,
    )
    expect(stats.members.map((m) => [m.memberId, m.isCurrentMember])).toEqual([
      ['m-cy', true],
      ['m-ana', true],
      ['m-ben', false],
      ['m-zed', false],
    ])
    expect(stats.average).toBe(0)
  })

  it('ignores other pools, pool-less bookings and assignments after the cycle for lastAssignedAt', () => {
    const stats = poolStats(
      pool,
      [
        fixtureBooking('other', ['m-ana'], '2027-03-02T10:00:00.000Z', { poolId: 'pool-b' }),
        fixtureBooking('direct', ['m-ana'], '2027-03-02T10:00:00.000Z', { poolId: null }),
        fixtureBooking('april', ['m-ana'], '2027-04-02T10:00:00.000Z'),
      ],
      [],
      FIXTURE_MARCH,
    )
    expect(rows(stats.members)['m-ana']).toEqual([0, 0, 0, null])
    expect(stats.events).toEqual([])
  })

  it('counts the panel seats the pool fills, and only those', () => {
    const panels: Panel[] = [
      { id: 'panel', name: 'Panel', seats: [{ memberId: 'm-ana' }, { poolId: 'pool-a' }] },
    ]
    const panelBooking = fixtureBooking('p1', ['m-ana', 'm-ben'], '2027-03-02T10:00:00.000Z', {
      panelId: 'panel',
      poolId: null,
    })
    const reassignedSeat = fixtureBooking('p2', ['m-ana', 'm-cy'], '2027-03-03T10:00:00.000Z', {
      panelId: 'panel',
      poolId: 'pool-a',
      history: [
        fixtureCreated('2027-03-03T10:00:00.000Z'),
        fixtureReassigned('2027-03-04T10:00:00.000Z', 'm-ben', 'm-cy'),
      ],
    })
    const unknownPanel = fixtureBooking('p3', ['m-ana'], '2027-03-03T10:00:00.000Z', {
      panelId: 'gone',
    })
    const stats = poolStats(
      pool,
      [panelBooking, reassignedSeat, unknownPanel],
      panels,
      FIXTURE_MARCH,
    )
    expect(rows(stats.members)).toEqual({
      'm-ana': [0, 0, 0, null],
      'm-ben': [2, 1, 1, '2027-03-03T10:00:00.000Z'],
      'm-cy': [1, 0, 1, '2027-03-04T10:00:00.000Z'],
    })
  })

  it('counts everything in a continuous cycle', () => {
    const stats = poolStats(
      pool,
      [
        fixtureBooking('b1', ['m-ana'], '2020-01-01T00:00:00.000Z'),
        fixtureBooking('b2', ['m-ana'], '2030-01-01T00:00:00.000Z'),
      ],
      [],
      { start: null, end: null },
    )
    expect(rows(stats.members)['m-ana']).toEqual([2, 0, 2, '2030-01-01T00:00:00.000Z'])
  })

  it('does not mutate its inputs', () => {
    const bookings = [fixtureBooking('b1', ['m-ana'], '2027-03-02T10:00:00.000Z')]
    const copy = structuredClone(bookings)
    const poolCopy = structuredClone(pool)
    poolStats(pool, bookings, [], FIXTURE_MARCH)
    expect(bookings).toEqual(copy)
    expect(pool).toEqual(poolCopy)
  })
})
