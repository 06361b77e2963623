import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Booking, HistoryEntry, Member, Pool } from '../model/workspace'
import { poolStats } from './pool-stats'
import { pooledRanking } from './pooled-ranking'
import { roundRobinOrder } from './round-robin-order'
import { FIXTURE_MARCH, fixtureBooking, fixtureMember, fixturePool } from './test-fixtures'

const MARCH_1_MS = Date.parse(FIXTURE_MARCH.start)
const HOUR_MS = 3_600_000

/** The instant `step` hours into March (every step fits: March has 744 hours). */
function at(step: number): string {
  return new Date(MARCH_1_MS + step * HOUR_MS).toISOString()
}

const memberIds = (n: number) => Array.from({ length: n }, (_, i) => `m-${i}`)

type Op =
  | { readonly kind: 'create'; readonly member: number }
  | {
      readonly kind: 'reassign' | 'cancel' | 'no-show'
      readonly booking: number
      readonly member: number
    }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), member: fc.nat(9) }),
  fc.record({
    kind: fc.constantFrom('reassign' as const, 'cancel' as const, 'no-show' as const),
    booking: fc.nat(40),
    member: fc.nat(9),
  }),
)

/** Applies `ops` one per hour from 1 March; impossible ops (ended booking, same member) are skipped. */
function simulate(ids: readonly string[], ops: readonly Op[]): Booking[] {
  const bookings: Booking[] = []
  ops.forEach((op, step) => {
    const member = ids[op.member % ids.length] ?? 'm-0'
    if (op.kind === 'create') {
      bookings.push(fixtureBooking(`b-${step}`, [member], at(step)))
      return
    }
    const index = op.booking % Math.max(1, bookings.length)
    const booking = bookings[index]
    if (booking === undefined || booking.status !== 'scheduled') return
    const host = booking.hostMemberIds[0] ?? ''
    let entry: HistoryEntry
    let next: Partial<Booking>
    if (op.kind === 'reassign') {
      if (host === member) return
      entry = {
        at: at(step),
        action: 'reassigned',
        by: 'x',
        fromMemberId: host,
        toMemberId: member,
      }
      next = { hostMemberIds: [member] }
    } else {
      const status = op.kind === 'cancel' ? 'cancelled' : 'no-show'
      entry = { at: at(step), action: status, by: 'x' }
      next = { status }
    }
    bookings[index] = { ...booking, ...next, history: [...booking.history, entry] }
  })
  return bookings
}

describe('distribution properties', () => {
  it('round robin with everyone free keeps received counts within one of each other', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (size, activeFlags, automaticCorrection, steps) => {
          const ids = memberIds(size)
          const members: Member[] = ids.map((id, i) =>
            fixtureMember(id, { active: i === 0 || (activeFlags[i] ?? true) }),
          )
          const active = members.filter((m) => m.active).map((m) => m.id)
          const pool = fixturePool(ids, { automaticCorrection })
          const bookings: Booking[] = []
          for (let step = 0; step < steps; step++) {
            const stats = poolStats(pool, bookings, [], FIXTURE_MARCH)
            const next = roundRobinOrder(pool, stats, members)[0]
            expect(next).toBeDefined()
            bookings.push(fixtureBooking(`b-${step}`, [next?.memberId ?? ''], at(step)))
            const after = poolStats(pool, bookings, [], FIXTURE_MARCH)
            const counts = after.members
              .filter((m) => active.includes(m.memberId))
              .map((m) => m.received)
            expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
            const inactive = after.members.filter((m) => !active.includes(m.memberId))
            expect(inactive.map((m) => m.received)).toEqual(inactive.map(() => 0))
          }
        },
      ),
    )
  })

  it('with automatic correction a cancellation moves the member forward, never back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(opArb, { maxLength: 40 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }), {
          minLength: 6,
          maxLength: 6,
        }),
        fc.nat(),
        (size, ops, joinSteps, pick) => {
          const ids = memberIds(size)
          const members = ids.map((id) => fixtureMember(id))
          const pool: Pool = {
            ...fixturePool([]),
            members: ids.map((memberId, i) => {
              const join = joinSteps[i]
              return join === undefined
                ? { memberId, priority: 1 }
                : { memberId, priority: 1, addedAt: at(join) }
            }),
          }
          const bookings = simulate(ids, ops)
          const live = bookings.flatMap((b, i) => (b.status === 'scheduled' ? [i] : []))
          fc.pre(live.length > 0)
          const index = live[pick % live.length] ?? 0
          const target = bookings[index] as Booking
          const memberId = target.hostMemberIds[0] ?? ''
          const cancelled = bookings.with(index, {
            ...target,
            status: 'cancelled',
            history: [...target.history, { at: at(ops.length), action: 'cancelled', by: 'x' }],
          })
          const before = roundRobinOrder(
            pool,
            poolStats(pool, bookings, [], FIXTURE_MARCH),
            members,
          )
          const afterStats = poolStats(pool, cancelled, [], FIXTURE_MARCH)
          const after = roundRobinOrder(pool, afterStats, members)
          const position = (line: typeof before) => line.findIndex((s) => s.memberId === memberId)
          const standing = (line: typeof before) => line[position(line)]
          expect(position(after)).toBeLessThanOrEqual(position(before))
          expect(standing(after)?.net).toBe((standing(before)?.net ?? 0) - 1)
          const others = after.filter((s) => s.memberId !== memberId)
          if (others.every((s) => s.effectiveNet > (standing(after)?.effectiveNet ?? 0))) {
            expect(after[0]?.memberId).toBe(memberId)
          }
        },
      ),
    )
  })

  it('pooled-priority never ranks a lower priority above a higher one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 8 }),
        fc.array(opArb, { maxLength: 30 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (priorities, ops, free) => {
          const ids = memberIds(priorities.length)
          const members = ids.map((id) => fixtureMember(id))
          const pool: Pool = {
            ...fixturePool([]),
            distribution: 'pooled-priority',
            members: ids.map((memberId, i) => ({ memberId, priority: priorities[i] ?? 1 })),
          }
          const stats = poolStats(pool, simulate(ids, ops), [], FIXTURE_MARCH)
          const candidates = ids.filter((_, i) => free[i])
          const ranking = pooledRanking(pool, candidates, stats, members)
          expect(ranking.map((s) => s.memberId).toSorted()).toEqual(candidates.toSorted())
          ranking.forEach((s, i) => {
            const previous = ranking[i - 1]
            if (previous === undefined) return
            expect(previous.priority).toBeLessThanOrEqual(s.priority)
            if (previous.priority === s.priority && previous.lastAssignedAt !== null) {
              expect(s.lastAssignedAt).not.toBeNull()
              expect(Date.parse(previous.lastAssignedAt)).toBeLessThanOrEqual(
                Date.parse(s.lastAssignedAt ?? ''),
              )
            }
          })
        },
      ),
    )
  })

  it('over all time, received minus removed equals the bookings still held', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(opArb, { maxLength: 50 }),
        (size, ops) => {
          const ids = memberIds(size)
          const bookings = simulate(ids, ops)
          const stats = poolStats(fixturePool(ids), bookings, [], { start: null, end: null })
          const held = new Map(ids.map((id) => [id, 0]))
          for (const b of bookings) {
            const host = b.hostMemberIds[0] ?? ''
            if (b.status === 'scheduled') held.set(host, (held.get(host) ?? 0) + 1)
          }
          for (const row of stats.members) {
            expect(row.received - row.removed).toBe(held.get(row.memberId))
            expect(row.net).toBe(row.received - row.removed)
          }
        },
      ),
    )
  })
})
