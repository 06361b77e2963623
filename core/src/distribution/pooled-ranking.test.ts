import { describe, expect, it } from 'vitest'
import type { Member, Pool } from '../model/workspace'
import { poolStats } from './pool-stats'
import { pooledRanking } from './pooled-ranking'
import { FIXTURE_MARCH, fixtureBooking, fixtureMember, fixturePool } from './test-fixtures'

const members: Member[] = [
  ...['m-ana', 'm-ben', 'm-cy', 'm-dee'].map((id) => fixtureMember(id)),
  fixtureMember('m-off', { active: false }),
]

const bookings = [
  // Ana assigned on the 5th, Ben on the 2nd (longer idle), Cy never, Dee on the 1st.
  fixtureBooking('b1', ['m-ana'], '2027-03-05T10:00:00.000Z'),
  fixtureBooking('b2', ['m-ben'], '2027-03-02T10:00:00.000Z'),
  fixtureBooking('b3', ['m-dee'], '2027-02-01T10:00:00.000Z'),
]

function pool(distribution: Pool['distribution']): Pool {
  return {
    ...fixturePool([]),
    distribution,
    members: [
      { memberId: 'm-ana', priority: 1 },
      { memberId: 'm-ben', priority: 2 },
      { memberId: 'm-cy', priority: 2 },
      { memberId: 'm-dee', priority: 3 },
      { memberId: 'm-off', priority: 1 },
    ],
  }
}

function rank(distribution: Pool['distribution'], candidates: string[]) {
  const p = pool(distribution)
  return pooledRanking(p, candidates, poolStats(p, bookings, [], FIXTURE_MARCH), members)
}

describe('pooledRanking', () => {
  const cases: readonly [string, Pool['distribution'], string[], string[]][] = [
    [
      'pooled: never assigned first, then the oldest last assignment (edge case 4)',
      'pooled',
      ['m-ana', 'm-ben', 'm-cy', 'm-dee'],
      ['m-cy', 'm-dee', 'm-ben', 'm-ana'],
    ],
    [
      'pooled-priority: priority 1 first, then longest idle within a level',
      'pooled-priority',
      ['m-dee', 'm-ben', 'm-cy', 'm-ana'],
      ['m-ana', 'm-cy', 'm-ben', 'm-dee'],
    ],
    ['only free candidates are ranked', 'pooled', ['m-ana', 'm-ben'], ['m-ben', 'm-ana']],
    [
      'inactive, unknown and duplicate candidates are left out (edge case 5)',
      'pooled-priority',
      ['m-off', 'm-ghost', 'm-ben', 'm-ben'],
      ['m-ben'],
    ],
    ['no candidates, no ranking', 'pooled', [], []],
  ]

  it.each(cases)('%s', (_, distribution, candidates, expected) => {
    expect(rank(distribution, candidates).map((s) => s.memberId)).toEqual(expected)
  })

  it('breaks ties between never-assigned members by pool order (edge case 3)', () => {
    const p = fixturePool(['m-dee', 'm-ben', 'm-ana'], { distribution: 'pooled' })
    const stats = poolStats(p, [], [], FIXTURE_MARCH)
    expect(pooledRanking(p, ['m-ana', 'm-ben', 'm-dee'], stats, members)).toEqual([
      { memberId: 'm-dee', order: 0, priority: 1, lastAssignedAt: null },
      { memberId: 'm-ben', order: 1, priority: 1, lastAssignedAt: null },
      { memberId: 'm-ana', order: 2, priority: 1, lastAssignedAt: null },
    ])
  })

  it('reports the values that ranked each candidate', () => {
    expect(rank('pooled-priority', ['m-ben', 'm-dee'])).toEqual([
      { memberId: 'm-ben', order: 1, priority: 2, lastAssignedAt: '2027-03-02T10:00:00.000Z' },
      { memberId: 'm-dee', order: 3, priority: 3, lastAssignedAt: '2027-02-01T10:00:00.000Z' },
    ])
  })

  it('throws for a round robin pool or stats of another pool', () => {
    const p = pool('pooled')
    const stats = poolStats(p, [], [], FIXTURE_MARCH)
    expect(() => pooledRanking(pool('round-robin'), [], stats, members)).toThrow(RangeError)
    expect(() => pooledRanking({ ...p, id: 'other' }, [], stats, members)).toThrow(RangeError)
  })
})
