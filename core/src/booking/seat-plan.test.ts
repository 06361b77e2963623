import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { poolLedger, poolLedgerApply } from '../distribution/pool-ledger'
import type { Booking, Pool, Workspace } from '../model/workspace'
import type { RankedCandidate } from './booking-types'
import { seatPoolRanking } from './seat-plan'
import { fixtureBooking, fixtureMember, fixtureWorkspace } from './test-fixtures'

const MEMBERS = 10
const NOW = Date.parse('2027-03-20T12:00:00Z')
const memberId = (i: number) => `m-${i}`

/** One change to the pool's bookings: a new booking, a cancellation, or a reassignment. */
const stepArb = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    host: fc.nat(MEMBERS - 1),
    // Few distinct instants, so members often tie on their last assignment.
    hour: fc.constantFrom(-40 * 24, -24, 0, 24, 10 * 24),
  }),
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat(), hour: fc.constantFrom(0, 1) }),
  // A new members array (same members) or a later month: the ranking is counted afresh.
  fc.record({ kind: fc.constant('members' as const) }),
  fc.record({ kind: fc.constant('later' as const), days: fc.constantFrom(3, 15) }),
  fc.record({
    kind: fc.constant('reassign' as const),
    pick: fc.nat(),
    host: fc.nat(MEMBERS - 1),
    hour: fc.constantFrom(0, 1),
  }),
)

describe('seatPoolRanking of a pooled pool as its ledger changes', () => {
  it('re-places only the changed members, and equals the ranking counted afresh', () => {
    let followed = 0
    fc.assert(
      fc.property(
        fc.constantFrom('pooled' as const, 'pooled-priority' as const),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: MEMBERS, maxLength: MEMBERS }),
        fc.array(fc.boolean(), { minLength: MEMBERS, maxLength: MEMBERS }),
        fc.array(stepArb, { minLength: 1, maxLength: 25 }),
        (distribution, priorities, active, steps) => {
          const members = Array.from({ length: MEMBERS }, (_, i) =>
            fixtureMember(memberId(i), { active: active[i] || i === 0 }),
          )
          // Members 8 and 9 are not in the pool: their bookings count for no one here.
          const pool: Pool = {
            id: 'pool-p',
            name: 'P',
            distribution,
            members: members
              .slice(0, MEMBERS - 2)
              .map((m, i) => ({ memberId: m.id, priority: priorities[i] ?? 1 })),
            reportingCycle: 'monthly',
            automaticCorrection: true,
          }
          let base: Workspace = fixtureWorkspace({ members, pools: [pool], timeZone: 'UTC' })
          const bookings: Booking[] = []
          let ledger = poolLedger(pool, [], [])
          let nowMs = NOW
          let previous: { ledger: typeof ledger; ranking: readonly RankedCandidate[] } | null = null
          const at = (hour: number) => new Date(NOW - 30 * 24 * 3600_000 + hour * 3600_000)
          for (const [n, step] of steps.entries()) {
            let before: Booking | null = null
            let after: Booking
            if (step.kind === 'members' || step.kind === 'later') {
              if (step.kind === 'members') base = { ...base, members: [...base.members] }
              else nowMs += step.days * 24 * 3600_000
              previous = null
              continue
            }
            if (step.kind === 'create' || bookings.length === 0) {
              const host = step.kind === 'create' ? step.host : 0
              const hour = step.kind === 'create' ? step.hour : 0
              after = fixtureBooking(`bk-${n}`, [memberId(host)], '2027-04-01T09:00:00Z', {
                poolId: pool.id,
                createdAt: at(hour).toISOString(),
              })
              bookings.push(after)
            } else {
              const index = step.pick % bookings.length
              before = bookings[index]!
              const when = at(30 * 24 + step.hour).toISOString()
              after =
                step.kind === 'cancel'
                  ? {
                      ...before,
                      status: 'cancelled',
                      history: [...before.history, { at: when, action: 'cancelled', by: 'desk' }],
                    }
                  : {
                      ...before,
                      hostMemberIds: [memberId(step.host)],
                      history: [
                        ...before.history,
                        {
                          at: when,
                          action: 'reassigned',
                          by: 'desk',
                          fromMemberId: before.hostMemberIds[0] ?? null,
                          toMemberId: memberId(step.host),
                        },
                      ],
                    }
              bookings[index] = after
            }
            ledger = poolLedgerApply(ledger, pool, [], before, after)
            const state = { ...base, bookings: [...bookings], poolLedgers: { [pool.id]: ledger } }
            const ranking = seatPoolRanking(state, pool, nowMs)
            // Counted afresh: a copy of the pool is a pool never ranked before.
            const fresh = seatPoolRanking(state, { ...pool }, nowMs)
            expect(ranking).toEqual(fresh)
            // And counted from the bookings themselves, without a ledger.
            const { poolLedgers: _ledgers, ...withoutLedgers } = state
            expect(ranking).toEqual(seatPoolRanking(withoutLedgers, { ...pool }, nowMs))
            // Followed, not recounted: members whose entries did not change keep their places
            // (the very same objects).
            if (previous !== null) {
              const last = previous
              for (const candidate of ranking) {
                const id = candidate.memberId
                if (ledger.members[id] !== last.ledger.members[id]) continue
                expect(last.ranking).toContain(candidate)
                followed++
              }
            }
            previous = { ledger, ranking }
          }
        },
      ),
      { numRuns: 200 },
    )
    expect(followed).toBeGreaterThan(400)
  })
})
