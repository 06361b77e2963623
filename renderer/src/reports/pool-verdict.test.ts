import { describe, expect, it } from 'vitest'
import { fixtureBooking } from '../../../core/src/booking/test-fixtures'
import { cycleBounds, poolLedger, poolLedgerStats } from '../../../core/src/distribution'
import type { Member, Pool } from '../../../core/src/model/workspace'
import { poolVerdict, poolVerdictFor } from './pool-verdict'
import type { VerdictInput } from './pool-verdict'

const NAMES: Record<string, string> = {
  ana: 'Ana Silva',
  ben: 'Ben Okafor',
  dev: 'Dev Patel',
  eve: 'Eve Stone',
  fay: 'Fay Lund',
}
const name = (id: string) => NAMES[id] ?? id

function verdict(
  distribution: VerdictInput['distribution'],
  counts: Record<string, number>,
  fields: Partial<VerdictInput> = {},
): string {
  return poolVerdict({
    distribution,
    counts: Object.entries(counts).map(([memberId, count]) => ({ memberId, count })),
    hasBookings: true,
    isCurrent: true,
    isCorrected: true,
    name,
    ...fields,
  })
}

describe('poolVerdict', () => {
  it('calls a round robin even within two bookings, and says who is behind otherwise', () => {
    expect(verdict('round-robin', { ana: 5, ben: 5 })).toBe(
      'Even: every member has 5 net bookings this cycle.',
    )
    expect(verdict('round-robin', { ana: 18, ben: 16 }, { isCorrected: false })).toBe(
      'Even: every member has between 16 and 18 bookings received this cycle.',
    )
    expect(verdict('round-robin', { ana: 18, ben: 24, dev: 16 })).toBe(
      'Uneven so far — most net bookings: Ben Okafor (24); fewest: Dev Patel (16). Round robin gives each ' +
        'next booking to whoever has the fewest and is free then, so it evens out as long as ' +
        'Dev Patel is free when customers book.',
    )
  })

  it('judges an earlier cycle as done, not "so far"', () => {
    expect(verdict('round-robin', { ana: 9, ben: 2 }, { isCurrent: false })).toBe(
      'Uneven — most net bookings: Ana Silva (9); fewest: Ben Okafor (2). Round robin gave each booking to ' +
        'whoever had the fewest and was free then.',
    )
    expect(verdict('round-robin', { ana: 0 }, { isCurrent: false, hasBookings: false })).toBe(
      'No bookings in this cycle.',
    )
    expect(verdict('round-robin', { ana: 0 }, { hasBookings: false })).toBe(
      'No bookings in this cycle yet.',
    )
  })

  it('says pooled methods do not aim at equal counts, and names the most and the fewest', () => {
    expect(verdict('pooled', { ana: 25, ben: 3, dev: 3, eve: 3, fay: 7 })).toBe(
      'Not meant to be equal: each booking goes to the member free then who has waited longest. ' +
        'So far this cycle, most net bookings: Ana Silva (25); fewest: Ben Okafor, Dev Patel and ' +
        'Eve Stone (3).',
    )
    expect(verdict('pooled-priority', { ana: 4, ben: 4 }, { isCurrent: false })).toBe(
      'Not meant to be equal: each booking goes to the highest-priority member free then (among ' +
        'equals, the one who has waited longest), so higher priorities get more. In this cycle, ' +
        'every member has 4 net bookings.',
    )
    expect(verdict('pooled', { ana: -1, ben: 2, dev: 5, eve: 0 })).toContain(
      'fewest: Ana Silva (−1)',
    )
  })
})

describe('poolVerdictFor, on the statistics the card shows', () => {
  const member = (id: string, active = true): Member =>
    ({ id, name: name(id), active }) as unknown as Member
  const pool = (distribution: Pool['distribution'], ids: readonly string[]): Pool => ({
    id: 'pool-sales',
    name: 'Sales',
    distribution,
    members: ids.map((memberId) => ({ memberId, priority: 1 })),
    reportingCycle: 'monthly',
    automaticCorrection: true,
  })
  const NOW = Date.parse('2027-03-20T12:00:00Z')
  const booked = (id: string, host: string, day: number) =>
    fixtureBooking(id, [host], `2027-03-${String(day).padStart(2, '0')}T10:00:00Z`, {
      poolId: 'pool-sales',
      createdAt: `2027-03-${String(day).padStart(2, '0')}T09:00:00.000Z`,
    })
  const judge = (p: Pool, members: readonly Member[], bookings: ReturnType<typeof booked>[]) => {
    const stats = poolLedgerStats(p, poolLedger(p, bookings, []), cycleBounds('monthly', NOW))
    return poolVerdictFor(p, stats, members, true)
  }

  it('leaves inactive members out: they get no bookings, so they are not "behind"', () => {
    const rr = pool('round-robin', ['ana', 'ben', 'dev'])
    const team = [member('ana'), member('ben'), member('dev', false)]
    const bookings = [booked('b1', 'ana', 2), booked('b2', 'ben', 3), booked('b3', 'ana', 4)]
    expect(judge(rr, team, bookings)).toBe(
      'Even: every member has between 1 and 2 net bookings this cycle.',
    )
    // With Dev active, Dev's 0 against Ana's 2 is still even; a third for Ana is not.
    const active = [member('ana'), member('ben'), member('dev')]
    expect(judge(rr, active, [...bookings, booked('b4', 'ana', 5)])).toMatch(
      /^Uneven so far — most net bookings: Ana Silva \(3\); fewest: Dev Patel \(0\)\./,
    )
    const pooled = pool('pooled', ['ana', 'ben', 'dev'])
    expect(judge(pooled, team, bookings)).toContain(
      'most net bookings: Ana Silva (2); fewest: Ben Okafor (1)',
    )
  })

  it('counts a round-robin newcomer from where they joined, and says so', () => {
    const rr: Pool = {
      ...pool('round-robin', ['ana', 'ben']),
      members: [
        { memberId: 'ana', priority: 1 },
        { memberId: 'ben', priority: 1, addedAt: '2027-03-15T00:00:00.000Z' },
      ],
    }
    const bookings = [booked('b1', 'ana', 2), booked('b2', 'ana', 3), booked('b3', 'ana', 4)]
    // Ben joined after Ana's three: he enters at her count, so the line is even.
    expect(judge(rr, [member('ana'), member('ben')], bookings)).toBe(
      'Even: every member has 3 net bookings this cycle (a member who joined during the cycle ' +
        'counts from the lowest count when they joined).',
    )
  })
})
