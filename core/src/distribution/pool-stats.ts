/**
 * Pool statistics per member and reporting cycle, derived from bookings alone (through the pool's
 * ledger, `./pool-ledger.ts`): no counters are stored, so the numbers can always be recomputed and
 * never drift from the bookings.
 */

import type { Booking, Panel, Pool } from '../model/workspace'
import type { RemovalReason } from './booking-history'
import type { CycleBounds } from './cycle-bounds'
import { cycleContains, cycleEndMs, cycleStartMs } from './cycle-bounds'
import type { BookingLedgerRow, PoolLedger } from './pool-ledger'
import {
  bookingLedgerRows,
  ledgerCount,
  ledgerLastBefore,
  panelsById,
  poolCountsSeat,
  poolLedger,
} from './pool-ledger'

/** One seat of a booking changing hands through a pool, inside the cycle. */
export interface PoolEvent {
  readonly at: string
  /** `at` in epoch ms. */
  readonly atMs: number
  readonly bookingId: string
  readonly memberId: string
  readonly kind: 'received' | 'removed'
  readonly reason: 'created' | 'reassigned-to' | RemovalReason
}

/** One member's numbers in one pool and cycle; counts are numbers of seat changes. */
export interface PoolMemberStats {
  readonly memberId: string
  /** In the pool's member list now; former members appear only when they have events in the cycle. */
  readonly isCurrentMember: boolean
  /** Bookings received in the cycle (created for them, or reassigned to them). */
  readonly received: number
  /** Bookings removed in the cycle, the sum of `removedByReason`. */
  readonly removed: number
  readonly removedByReason: Readonly<Record<RemovalReason, number>>
  /** `received - removed` with automatic correction (may be negative), else `received`. */
  readonly net: number
  /** Latest instant the member received a booking through this pool before the cycle's end. */
  readonly lastAssignedAt: string | null
}

/** A pool's statistics for one cycle: the admin API's `/pools/{id}/stats` plus the events. */
export interface PoolStats {
  readonly poolId: string
  readonly cycle: CycleBounds
  readonly automaticCorrection: boolean
  /** Current members in pool order, then former members with events in the cycle by id. */
  readonly members: readonly PoolMemberStats[]
  /** Mean `net` over the pool's current members (0 for a pool without members). */
  readonly average: number
  /** The ledger the numbers were counted from (all time; the round robin line reads it too). */
  readonly ledger: PoolLedger
  /**
   * Every event in the cycle, by instant (ties keep booking order, then history order); only when
   * computed from bookings (`poolStats`), not from a ledger alone (`poolLedgerStats`).
   */
  readonly events?: readonly PoolEvent[]
}

/**
 * Statistics of `pool` over `cycle` (see `cycleBounds`), from `bookings` read under the history
 * semantics of `historyReplay`. Which seats of a booking belong to the pool:
 * - a booking with a `panelId` counts the seats whose definition in `panels` is `{ poolId: pool.id }`
 *   (its `poolId` is ignored; a booking of a panel missing from `panels` counts for no pool). The
 *   current panel definition is used, so changing a panel's seats re-attributes its old bookings;
 * - any other booking whose `poolId` is `pool.id` counts its host.
 *
 * An event counts in the cycle when the instant of its history entry lies in `[start, end)`:
 * "received" at creation or reassignment time (not meeting time, product edge case 4), "removed"
 * at cancellation, no-show or reassignment time. `lastAssignedAt` looks at all "received" instants
 * before the cycle's end, not only those in the cycle, because it feeds longest-idle ranking; it
 * counts assignments even if the booking was later removed. Inputs are never mutated.
 */
export function poolStats(
  pool: Pool,
  bookings: readonly Booking[],
  panels: readonly Panel[],
  cycle: CycleBounds,
): PoolStats & { readonly events: readonly PoolEvent[] } {
  return {
    ...poolLedgerStats(pool, poolLedger(pool, bookings, panels), cycle),
    events: poolEvents(pool, bookings, panels, cycle),
  }
}

const REMOVAL_REASONS: readonly RemovalReason[] = ['cancelled', 'no-show', 'reassigned-away']

/**
 * Rows already counted per ledger entry (entries are immutable: a ledger change makes new ones
 * for the members it touches), with what they were counted for.
 */
const LEDGER_ROWS = new WeakMap<object, LedgerRowMemo>()

interface LedgerRowMemo {
  readonly startMs: number
  readonly endMs: number
  readonly isCurrentMember: boolean
  readonly automaticCorrection: boolean
  readonly row: PoolMemberStats
}

/**
 * The statistics of `pool` over `cycle` counted from its ledger (see `poolStats` for what counts):
 * the same numbers at O(members × log events), without the event list.
 */
export function poolLedgerStats(pool: Pool, ledger: PoolLedger, cycle: CycleBounds): PoolStats {
  const startMs = cycleStartMs(cycle)
  const endMs = cycleEndMs(cycle)
  const count = (times: readonly number[] | undefined) =>
    times === undefined ? 0 : ledgerCount(times, startMs, endMs)
  const currentIds = [...new Set(pool.members.map((m) => m.memberId))]
  const isCurrent = new Set(currentIds)
  const hasEvents = (memberId: string) => {
    const entry = ledger.members[memberId]
    return (
      entry !== undefined &&
      (count(entry.received) > 0 || REMOVAL_REASONS.some((r) => count(entry.removed[r]) > 0))
    )
  }
  const formerIds = Object.keys(ledger.members)
    .filter((id) => !isCurrent.has(id) && hasEvents(id))
    .sort()
  const row = (memberId: string, isCurrentMember: boolean): PoolMemberStats => {
    const entry = ledger.members[memberId]
    // A ledger change replaces only the entries it touches: the others' rows are reused. (An
    // entry is one member's: the row's member id comes with it.)
    const { automaticCorrection } = pool
    const memo = entry === undefined ? undefined : LEDGER_ROWS.get(entry)
    if (
      memo !== undefined &&
      memo.row.memberId === memberId &&
      memo.startMs === startMs &&
      memo.endMs === endMs &&
      memo.isCurrentMember === isCurrentMember &&
      memo.automaticCorrection === automaticCorrection
    ) {
      return memo.row
    }
    const row = ledgerRow(memberId, isCurrentMember)
    if (entry !== undefined) {
      LEDGER_ROWS.set(entry, { startMs, endMs, isCurrentMember, automaticCorrection, row })
    }
    return row
  }
  const ledgerRow = (memberId: string, isCurrentMember: boolean): PoolMemberStats => {
    const entry = ledger.members[memberId]
    const received = count(entry?.received)
    const removedByReason = {
      cancelled: count(entry?.removed.cancelled),
      'no-show': count(entry?.removed['no-show']),
      'reassigned-away': count(entry?.removed['reassigned-away']),
    }
    const removed = REMOVAL_REASONS.reduce((sum, reason) => sum + removedByReason[reason], 0)
    const net = pool.automaticCorrection ? received - removed : received
    const lastMs = entry === undefined ? null : ledgerLastBefore(entry.received, endMs)
    const lastAssignedAt = lastMs === null ? null : new Date(lastMs).toISOString()
    return { memberId, isCurrentMember, received, removed, removedByReason, net, lastAssignedAt }
  }
  const current = currentIds.map((id) => row(id, true))
  const average =
    current.length === 0 ? 0 : current.reduce((sum, m) => sum + m.net, 0) / current.length
  return {
    poolId: pool.id,
    cycle,
    automaticCorrection: pool.automaticCorrection,
    members: [...current, ...formerIds.map((id) => row(id, false))],
    average,
    ledger,
  }
}

/** Every event of `pool` in `cycle`, by instant (ties keep booking order, then history order). */
export function poolEvents(
  pool: Pool,
  bookings: readonly Booking[],
  panels: readonly Panel[],
  cycle: CycleBounds,
): PoolEvent[] {
  const rows = bookings
    .filter((booking) => booking.poolId === pool.id || booking.panelId !== null)
    .flatMap(bookingLedgerRows)
  return poolEventsFromRows(pool, rows, panels, cycle)
}

/** {@link poolEvents} from stored seat-change rows (`bookingLedgerRows`), in row order for ties. */
export function poolEventsFromRows(
  pool: Pool,
  rows: Iterable<BookingLedgerRow>,
  panels: readonly Panel[],
  cycle: CycleBounds,
): PoolEvent[] {
  const byId = panelsById(panels)
  const events: PoolEvent[] = []
  for (const row of rows) {
    if (!poolCountsSeat(pool.id, row, byId) || !cycleContains(cycle, row.atMs)) continue
    const { atMs, bookingId, memberId, kind, reason } = row
    events.push({ at: new Date(atMs).toISOString(), atMs, bookingId, memberId, kind, reason })
  }
  return events.toSorted((a, b) => a.atMs - b.atMs)
}
