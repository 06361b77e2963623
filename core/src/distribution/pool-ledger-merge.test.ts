import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Booking, HistoryEntry, Panel } from '../model/workspace'
import { bookingLedgerRows, poolLedger } from './pool-ledger'
import type { LedgerChangeGroup, PoolLedger } from './pool-ledger'
import {
  LEDGER_SOURCES_EMPTY,
  ledgerSourcesCount,
  ledgerSourcesFromGroups,
  ledgerSourcesFromRows,
  poolLedgerFromSources,
  poolLedgerMerge,
  poolLedgersWithBaseline,
} from './pool-ledger-merge'
import { fixtureBooking, fixturePool } from './test-fixtures'

const BASE_MS = Date.parse('2027-01-01T00:00:00.000Z')
const HOUR_MS = 3_600_000
const iso = (hours: number) => new Date(BASE_MS + hours * HOUR_MS).toISOString()
const MEMBERS = ['m-0', 'm-1', 'm-2', 'm-3']
const pools = [
  fixturePool(['m-0', 'm-1', 'm-2'], { id: 'pool-1' }),
  fixturePool(['m-1', 'm-2', 'm-3'], { id: 'pool-2' }),
]
/** Two definitions of the same panel: a person's seat and a pool seat, then the pools swapped. */
const PANELS_A: readonly Panel[] = [
  { id: 'panel-x', name: 'X', seats: [{ memberId: 'm-3' }, { poolId: 'pool-1' }] },
]
const PANELS_B: readonly Panel[] = [
  { id: 'panel-x', name: 'X', seats: [{ poolId: 'pool-2' }, { poolId: 'pool-1' }] },
]

interface BookingSpec {
  readonly kind: 'pool-1' | 'pool-2' | 'panel' | 'none'
  readonly hosts: readonly [number, number]
  readonly createdAt: number
  readonly reassignAt: number | null
  readonly reassignTo: number
  readonly cancelAt: number | null
  readonly endsAt: number
}

const specArb: fc.Arbitrary<BookingSpec> = fc.record({
  kind: fc.constantFrom('pool-1' as const, 'pool-2' as const, 'panel' as const, 'none' as const),
  hosts: fc.tuple(fc.nat(3), fc.nat(3)),
  createdAt: fc.nat(2000),
  reassignAt: fc.option(fc.nat(2000)),
  reassignTo: fc.nat(3),
  cancelAt: fc.option(fc.nat(2000)),
  // Meetings end around the split instant (hour 1000), also exactly at it.
  endsAt: fc.oneof(fc.nat(2000), fc.constant(1000)),
})

function bookingOf(spec: BookingSpec, index: number): Booking {
  const first = MEMBERS[spec.hosts[0]]!
  const second = MEMBERS[spec.hosts[1]]!
  const isPanel = spec.kind === 'panel'
  const hosts = isPanel ? [first, second === first ? 'm-9' : second] : [first]
  const history: HistoryEntry[] = [{ at: iso(spec.createdAt), action: 'created', by: 'customer' }]
  let hostMemberIds = hosts
  const target = MEMBERS[spec.reassignTo]!
  if (spec.reassignAt !== null && !hosts.includes(target)) {
    const from = hosts.at(-1)!
    const at = iso(Math.max(spec.createdAt, spec.reassignAt))
    history.push({ at, action: 'reassigned', by: 'x', fromMemberId: from, toMemberId: target })
    hostMemberIds = hosts.map((id) => (id === from ? target : id))
  }
  const isCancelled = spec.cancelAt !== null
  if (spec.cancelAt !== null) {
    history.push({ at: iso(Math.max(spec.createdAt, spec.cancelAt)), action: 'cancelled', by: 'x' })
  }
  return fixtureBooking(`b-${index}`, hostMemberIds, iso(spec.createdAt), {
    start: iso(spec.endsAt - 1),
    end: iso(spec.endsAt),
    poolId: spec.kind === 'pool-1' || spec.kind === 'pool-2' ? spec.kind : null,
    panelId: isPanel ? 'panel-x' : null,
    status: isCancelled ? 'cancelled' : 'scheduled',
    history,
  })
}

describe('poolLedgerMerge', () => {
  it('merges two ledgers of one pool into ascending lists, keeping equal instants', () => {
    const a: PoolLedger = {
      poolId: 'p',
      members: {
        'm-0': {
          received: [1, 5],
          removed: { cancelled: [3], 'no-show': [], 'reassigned-away': [] },
        },
      },
    }
    const b: PoolLedger = {
      poolId: 'p',
      members: {
        'm-0': {
          received: [2, 5, 9],
          removed: { cancelled: [], 'no-show': [4], 'reassigned-away': [] },
        },
        'm-1': { received: [7], removed: { cancelled: [], 'no-show': [], 'reassigned-away': [8] } },
      },
    }
    expect(poolLedgerMerge(a, b)).toEqual({
      poolId: 'p',
      members: {
        'm-0': {
          received: [1, 2, 5, 5, 9],
          removed: { cancelled: [3], 'no-show': [4], 'reassigned-away': [] },
        },
        'm-1': b.members['m-1'],
      },
    })
    expect(poolLedgerMerge(a, { poolId: 'p', members: {} })).toEqual(a)
  })

  it('refuses ledgers of different pools', () => {
    expect(() =>
      poolLedgerMerge({ poolId: 'a', members: {} }, { poolId: 'b', members: {} }),
    ).toThrow()
  })
})

describe('a baseline merged with the window', () => {
  it('equals the ledger built from all bookings, for every split and panel definition', () => {
    fc.assert(
      fc.property(
        fc.array(specArb, { maxLength: 40 }),
        fc.nat(2000),
        fc.boolean(),
        (specs, splitAt, panelsChanged) => {
          const bookings = specs.map(bookingOf)
          const split = iso(splitAt)
          const before = bookings.filter((b) => b.end < split)
          const window = bookings.filter((b) => b.end >= split)
          // The server groups every older booking's rows, knowing nothing of the desktop's panels.
          const baseline = ledgerSourcesFromRows(before.flatMap(bookingLedgerRows).toReversed())
          const panels = panelsChanged ? PANELS_B : PANELS_A
          const merged = poolLedgersWithBaseline({ pools, panels }, window, baseline)
          for (const pool of pools) {
            expect(merged[pool.id]).toEqual(poolLedger(pool, bookings, panels))
          }
        },
      ),
    )
  })

  it("from the store's grouped rows equals the baseline from the rows one by one", () => {
    fc.assert(
      fc.property(fc.array(specArb, { maxLength: 40 }), (specs) => {
        const rows = specs.map(bookingOf).flatMap(bookingLedgerRows).toReversed()
        // Grouped as the store's GROUP BY does (any pool, any panel, or neither).
        const groups = new Map<string, LedgerChangeGroup & { atMs: number[] }>()
        for (const row of rows) {
          const key = [row.memberId, row.kind, row.reason, row.seat, row.poolId, row.panelId]
          const group = groups.get(key.join('|')) ?? { ...row, atMs: [] }
          group.atMs.push(row.atMs)
          groups.set(key.join('|'), group)
        }
        expect(ledgerSourcesFromGroups(groups.values())).toEqual(ledgerSourcesFromRows(rows))
      }),
    )
  })

  it('counts a panel seat for the pool the current definition fills it from', () => {
    const panelBooking = bookingOf(
      {
        kind: 'panel',
        hosts: [3, 0],
        createdAt: 10,
        reassignAt: null,
        reassignTo: 0,
        cancelAt: null,
        endsAt: 20,
      },
      1,
    )
    const sources = ledgerSourcesFromRows(bookingLedgerRows(panelBooking))
    expect(ledgerSourcesCount(sources)).toBe(2)
    expect(Object.keys(poolLedgerFromSources('pool-1', sources, PANELS_A).members)).toEqual(['m-0'])
    expect(poolLedgerFromSources('pool-2', sources, PANELS_A).members).toEqual({})
    expect(Object.keys(poolLedgerFromSources('pool-2', sources, PANELS_B).members)).toEqual(['m-3'])
    expect(poolLedgerFromSources('pool-1', sources, []).members).toEqual({})
    expect(poolLedgerFromSources('pool-1', LEDGER_SOURCES_EMPTY, PANELS_A).members).toEqual({})
  })
})
