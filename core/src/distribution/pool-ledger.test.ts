import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Booking, HistoryEntry, Panel } from '../model/workspace'
import { cycleBounds } from './cycle-bounds'
import {
  bookingLedgerRows,
  ledgerCount,
  ledgerLastBefore,
  panelsById,
  poolCountsSeat,
  poolLedger,
  poolLedgerApply,
  poolLedgerApplyMany,
  poolLedgerFromChanges,
  poolLedgersFromGroups,
} from './pool-ledger'
import type { LedgerChangeGroup, PoolLedger } from './pool-ledger'
import { poolLedgerStats, poolStats } from './pool-stats'
import { roundRobinOrder } from './round-robin-order'
import { FIXTURE_MARCH, fixtureBooking, fixtureMember, fixturePool } from './test-fixtures'

const MARCH_1_MS = Date.parse(FIXTURE_MARCH.start)
const HOUR_MS = 3_600_000
const at = (step: number) => new Date(MARCH_1_MS + step * HOUR_MS).toISOString()
const ids = ['m-0', 'm-1', 'm-2', 'm-3']
const PANEL: Panel = {
  id: 'panel-x',
  name: 'X',
  seats: [{ memberId: 'm-3' }, { poolId: 'pool-1' }],
}

type Op =
  | { readonly kind: 'create'; readonly member: number; readonly panel: boolean }
  | { readonly kind: 'reassign' | 'cancel'; readonly booking: number; readonly member: number }

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), member: fc.nat(2), panel: fc.boolean() }),
  fc.record({
    kind: fc.constantFrom('reassign' as const, 'cancel' as const),
    booking: fc.nat(30),
    member: fc.nat(2),
  }),
)

/** Each op as (booking before, booking after), one per hour, over pool-1 and a panel seat. */
function steps(ops: readonly Op[]): { before: Booking | null; after: Booking }[] {
  const bookings: Booking[] = []
  const out: { before: Booking | null; after: Booking }[] = []
  ops.forEach((op, step) => {
    const member = ids[op.member] ?? 'm-0'
    if (op.kind === 'create') {
      const base = fixtureBooking(`b-${step}`, op.panel ? ['m-3', member] : [member], at(step))
      const booking: Booking = op.panel
        ? { ...base, poolId: 'pool-1', panelId: PANEL.id }
        : { ...base, poolId: 'pool-1' }
      bookings.push(booking)
      out.push({ before: null, after: booking })
      return
    }
    const index = op.booking % Math.max(1, bookings.length)
    const booking = bookings[index]
    if (booking === undefined || booking.status !== 'scheduled') return
    const host = booking.hostMemberIds.at(-1) ?? ''
    let entry: HistoryEntry
    let next: Partial<Booking>
    if (op.kind === 'reassign') {
      if (booking.hostMemberIds.includes(member)) return
      entry = {
        at: at(step),
        action: 'reassigned',
        by: 'x',
        fromMemberId: host,
        toMemberId: member,
      }
      next = { hostMemberIds: booking.hostMemberIds.map((id) => (id === host ? member : id)) }
    } else {
      entry = { at: at(step), action: 'cancelled', by: 'x' }
      next = { status: 'cancelled' }
    }
    const after = { ...booking, ...next, history: [...booking.history, entry] }
    bookings[index] = after
    out.push({ before: booking, after })
  })
  return out
}

const pool = fixturePool(ids.slice(0, 3), { id: 'pool-1' })
const members = ids.map((id) => fixtureMember(id))

describe('pool ledgers', () => {
  it('counts and finds the last instant by binary search', () => {
    const times = [10, 20, 20, 30]
    expect(ledgerCount(times, 10, 30)).toBe(3)
    expect(ledgerCount(times, 21, 100)).toBe(1)
    expect(ledgerCount(times, 30, 10)).toBe(0)
    expect(ledgerLastBefore(times, 20)).toBe(10)
    expect(ledgerLastBefore(times, 5)).toBeNull()
  })

  it('kept one change at a time equals the ledger built from the bookings, and from stored rows', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        let incremental = poolLedger(pool, [], [PANEL])
        const latest = new Map<string, Booking>()
        for (const { before, after } of steps(ops)) {
          incremental = poolLedgerApply(incremental, pool, [PANEL], before, after)
          latest.set(after.id, after)
        }
        const bookings = [...latest.values()]
        const fromScratch = poolLedger(pool, bookings, [PANEL])
        expect(incremental).toEqual(fromScratch)
        const byId = panelsById([PANEL])
        const rows = bookings
          .flatMap(bookingLedgerRows)
          .filter((row) => poolCountsSeat(pool.id, row, byId))
        expect(poolLedgerFromChanges(pool.id, rows.toReversed())).toEqual(fromScratch)
      }),
    )
  })

  it('kept a bulk of changes at a time equals one change at a time, and never edits its input', () => {
    /** The ledger with every list frozen: an edit in place would throw. */
    const frozen = (ledger: PoolLedger): PoolLedger => {
      for (const member of Object.values(ledger.members)) {
        Object.freeze(member.received)
        Object.values(member.removed).forEach((list) => Object.freeze(list))
      }
      return Object.freeze(ledger)
    }
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 60 }),
        (ops, bulkSizes) => {
          const changes = steps(ops)
          // The same booking may change more than once in a bulk (created, then reassigned).
          let oneByOne = poolLedger(pool, [], [PANEL])
          let bulked = oneByOne
          for (let at = 0, bulk = 0; at < changes.length; bulk++) {
            const size = bulkSizes[bulk % bulkSizes.length] ?? 1
            const part = changes.slice(at, at + size)
            at += size
            const input = frozen(bulked)
            const before = structuredClone(input)
            bulked = poolLedgerApplyMany(input, pool, [PANEL], part)
            expect(input).toEqual(before)
            for (const { before: was, after } of part) {
              oneByOne = poolLedgerApply(oneByOne, pool, [PANEL], was, after)
            }
            expect(bulked).toEqual(oneByOne)
            // Members no seat change of the bulk names keep their ledger object, not a copy.
            const named = new Set(
              part
                .flatMap(({ before: was, after }) =>
                  [was, after].flatMap((b) => (b ? bookingLedgerRows(b) : [])),
                )
                .map((row) => row.memberId),
            )
            for (const [memberId, member] of Object.entries(input.members)) {
              if (!named.has(memberId)) expect(bulked.members[memberId]).toBe(member)
            }
          }
        },
      ),
    )
  })

  it('built from grouped stored rows equals the ledger built from the bookings', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const latest = new Map<string, Booking>()
        for (const { after } of steps(ops)) latest.set(after.id, after)
        const bookings = [...latest.values()]
        // Group every stored row (any pool, any panel) as the store's GROUP BY does.
        const groups = new Map<string, LedgerChangeGroup & { atMs: number[] }>()
        for (const row of bookings.flatMap(bookingLedgerRows).toReversed()) {
          const key = [row.memberId, row.kind, row.reason, row.seat, row.poolId, row.panelId].join(
            '|',
          )
          const group = groups.get(key) ?? { ...row, atMs: [] }
          group.atMs.push(row.atMs)
          groups.set(key, group)
        }
        const ledgers = poolLedgersFromGroups([pool.id, 'pool-other'], groups.values(), [PANEL])
        expect(ledgers[pool.id]).toEqual(poolLedger(pool, bookings, [PANEL]))
        expect(ledgers['pool-other']).toEqual({ poolId: 'pool-other', members: {} })
      }),
    )
  })

  it('gives the same statistics and round robin line as replaying the bookings', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { maxLength: 60 }),
        fc.constantFrom('monthly' as const, 'continuous' as const),
        fc.nat(800),
        (ops, reportingCycle, nowStep) => {
          const latest = new Map<string, Booking>()
          for (const { after } of steps(ops)) latest.set(after.id, after)
          const bookings = [...latest.values()]
          const rr = { ...pool, reportingCycle }
          const cycle = cycleBounds(reportingCycle, MARCH_1_MS + nowStep * HOUR_MS)
          const replayed = poolStats(rr, bookings, [PANEL], cycle)
          const counted = poolLedgerStats(rr, poolLedger(rr, bookings, [PANEL]), cycle)
          expect(counted.members).toEqual(replayed.members)
          expect(counted.average).toBe(replayed.average)
          expect(roundRobinOrder(rr, counted, members)).toEqual(
            roundRobinOrder(rr, replayed, members),
          )
        },
      ),
    )
  })
})
