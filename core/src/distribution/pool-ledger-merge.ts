/**
 * Pool ledgers split in two and merged back: a desktop keeps only a window of bookings, so it
 * counts pool statistics from a BASELINE (the seat changes of every booking whose meeting ended
 * before the window, computed by the server) merged with the ledger of its own window's bookings.
 *
 * The baseline is kept as {@link LedgerSources}: seat changes grouped by what decides the pool
 * they count for (a pool booking's pool; a panel booking's panel and seat), not as finished pool
 * ledgers, because a panel booking counts for the pool its panel's CURRENT definition fills the
 * seat from (`poolCountsSeat`): a desktop that changes a panel's seats, or adds a pool, assembles
 * each pool's baseline from the sources under its own panels, exactly as a ledger built from all
 * bookings would.
 */

import type { RemovalReason } from './booking-history'
import type {
  BookingLedgerRow,
  LedgerChangeGroup,
  MemberLedger,
  MemberLedgersBuilding,
  PoolLedger,
} from './pool-ledger'
import {
  memberLedgersAdd,
  memberLedgersSorted,
  poolLedger,
  poolLedgerFromChanges,
} from './pool-ledger'
import type { Booking, Panel, Pool } from '../model/workspace'

/** Member id → that member's seat changes (as in a `PoolLedger`). */
export type MemberLedgers = Readonly<Record<string, MemberLedger>>

/**
 * Seat changes grouped by what decides their pool:
 * - `pools[poolId]`: bookings through that pool without a panel (every seat counts for it);
 * - `panelSeats[panelId][seat]`: seat `seat` (0-based) of bookings of that panel.
 * Bookings with neither count for no pool and are not kept.
 */
export interface LedgerSources {
  readonly pools: Readonly<Record<string, MemberLedgers>>
  readonly panelSeats: Readonly<Record<string, Readonly<Record<string, MemberLedgers>>>>
}

/** No seat changes at all. */
export const LEDGER_SOURCES_EMPTY: LedgerSources = { pools: {}, panelSeats: {} }

const REMOVAL_REASONS: readonly RemovalReason[] = ['cancelled', 'no-show', 'reassigned-away']

/**
 * {@link ledgerSourcesFromRows} of every change the groups hold (`LedgerChangeGroup`: a store's
 * `GROUP BY` of its seat-change rows), built without one object per change.
 */
export function ledgerSourcesFromGroups(groups: Iterable<LedgerChangeGroup>): LedgerSources {
  const pools = new Map<string, MemberLedgersBuilding>()
  const seats = new Map<string, Map<number, MemberLedgersBuilding>>()
  for (const group of groups) {
    let members: MemberLedgersBuilding | undefined
    if (group.panelId !== null) {
      const byPanel = seats.get(group.panelId) ?? new Map<number, MemberLedgersBuilding>()
      seats.set(group.panelId, byPanel)
      members = byPanel.get(group.seat) ?? {}
      byPanel.set(group.seat, members)
    } else if (group.poolId !== null) {
      members = pools.get(group.poolId) ?? {}
      pools.set(group.poolId, members)
    }
    if (members) memberLedgersAdd(members, group)
  }
  return {
    pools: Object.fromEntries(
      [...pools].map(([id, members]) => [id, memberLedgersSorted(members)]),
    ),
    panelSeats: Object.fromEntries(
      [...seats].map(([panelId, bySeat]) => [
        panelId,
        Object.fromEntries(
          [...bySeat].map(([seat, members]) => [String(seat), memberLedgersSorted(members)]),
        ),
      ]),
    ),
  }
}

/** Groups stored seat-change rows (`bookingLedgerRows`, any order) into {@link LedgerSources}. */
export function ledgerSourcesFromRows(rows: Iterable<BookingLedgerRow>): LedgerSources {
  const pools = new Map<string, BookingLedgerRow[]>()
  const seats = new Map<string, Map<number, BookingLedgerRow[]>>()
  for (const row of rows) {
    if (row.panelId !== null) {
      const byPanel = seats.get(row.panelId) ?? new Map<number, BookingLedgerRow[]>()
      seats.set(row.panelId, byPanel)
      const list = byPanel.get(row.seat) ?? []
      byPanel.set(row.seat, list)
      list.push(row)
    } else if (row.poolId !== null) {
      const list = pools.get(row.poolId) ?? []
      pools.set(row.poolId, list)
      list.push(row)
    }
  }
  const membersOf = (list: readonly BookingLedgerRow[]) => poolLedgerFromChanges('', list).members
  return {
    pools: Object.fromEntries([...pools].map(([id, list]) => [id, membersOf(list)])),
    panelSeats: Object.fromEntries(
      [...seats].map(([panelId, bySeat]) => [
        panelId,
        Object.fromEntries([...bySeat].map(([seat, list]) => [String(seat), membersOf(list)])),
      ]),
    ),
  }
}

/**
 * Two ledgers of the same pool as one: every member's instants of both, each list ascending
 * (equal instants are all kept: two bookings may change hands at the same millisecond). Pure; the
 * result equals the ledger built from the union of the two ledgers' bookings. Throws when the
 * pools differ.
 */
export function poolLedgerMerge(a: PoolLedger, b: PoolLedger): PoolLedger {
  if (a.poolId !== b.poolId) {
    throw new Error(`cannot merge the ledgers of pools ${a.poolId} and ${b.poolId}`)
  }
  return { poolId: a.poolId, members: memberLedgersMerge(a.members, b.members) }
}

/** {@link poolLedgerMerge} of the per-member lists alone. */
export function memberLedgersMerge(a: MemberLedgers, b: MemberLedgers): MemberLedgers {
  if (Object.keys(b).length === 0) return a
  if (Object.keys(a).length === 0) return b
  const members: Record<string, MemberLedger> = { ...a }
  for (const [memberId, theirs] of Object.entries(b)) {
    const ours = members[memberId]
    if (ours === undefined) {
      members[memberId] = theirs
      continue
    }
    const removed = {} as Record<RemovalReason, readonly number[]>
    for (const reason of REMOVAL_REASONS) {
      removed[reason] = sortedMerge(ours.removed[reason], theirs.removed[reason])
    }
    members[memberId] = { received: sortedMerge(ours.received, theirs.received), removed }
  }
  return members
}

/**
 * The ledger of `poolId` from `sources` under `panels` (the current definitions): its pool
 * bookings' changes, plus every panel seat that is filled from the pool. Sources of panels missing
 * from `panels` count for no pool (as `poolCountsSeat` says).
 */
export function poolLedgerFromSources(
  poolId: string,
  sources: LedgerSources,
  panels: readonly Panel[],
): PoolLedger {
  let members: MemberLedgers = sources.pools[poolId] ?? {}
  for (const panel of panels) {
    const bySeat = sources.panelSeats[panel.id]
    if (bySeat === undefined) continue
    panel.seats.forEach((seat, index) => {
      const counted = bySeat[String(index)]
      if (counted !== undefined && 'poolId' in seat && seat.poolId === poolId) {
        members = memberLedgersMerge(members, counted)
      }
    })
  }
  return { poolId, members }
}

/** The seat changes a set of sources holds (for sizes and tests). */
export function ledgerSourcesCount(sources: LedgerSources): number {
  let count = 0
  const add = (members: MemberLedgers) => {
    for (const member of Object.values(members)) {
      count += member.received.length
      for (const reason of REMOVAL_REASONS) count += member.removed[reason].length
    }
  }
  Object.values(sources.pools).forEach(add)
  for (const bySeat of Object.values(sources.panelSeats)) Object.values(bySeat).forEach(add)
  return count
}

/** Two ascending lists as one ascending list (a new array unless one side is empty). */
function sortedMerge(a: readonly number[], b: readonly number[]): readonly number[] {
  if (b.length === 0) return a
  if (a.length === 0) return b
  const out = new Array<number>(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x <= y) {
      out[k++] = x
      i++
    } else {
      out[k++] = y
      j++
    }
  }
  while (i < a.length) out[k++] = a[i++]!
  while (j < b.length) out[k++] = b[j++]!
  return out
}

/**
 * Every pool's ledger (by pool id) from `baseline` — the seat changes of the bookings whose
 * meeting ended before some instant — and `bookings`, which must be exactly the bookings ending at
 * or after that instant (each booking counted once, in one part or the other). Equal to
 * `poolLedger` of all bookings, pool by pool, under the same `panels`.
 */
export function poolLedgersWithBaseline(
  state: { readonly pools: readonly Pool[]; readonly panels: readonly Panel[] },
  bookings: readonly Booking[],
  baseline: LedgerSources,
): Record<string, PoolLedger> {
  const ledgers: Record<string, PoolLedger> = {}
  for (const pool of state.pools) {
    ledgers[pool.id] = poolLedgerMerge(
      poolLedgerFromSources(pool.id, baseline, state.panels),
      poolLedger(pool, bookings, state.panels),
    )
  }
  return ledgers
}
