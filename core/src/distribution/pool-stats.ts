/**
 * Pool statistics per member and reporting cycle, derived from bookings alone: no counters are
 * stored, so the numbers can always be recomputed and never drift from the bookings.
 */

import type { Booking, Panel, Pool } from '../model/workspace'
import type { RemovalReason } from './booking-history'
import { historyReplay } from './booking-history'
import type { CycleBounds } from './cycle-bounds'
import { cycleContains, cycleEndMs } from './cycle-bounds'

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
  /** Every event in the cycle, by instant (ties keep booking order, then history order). */
  readonly events: readonly PoolEvent[]
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
): PoolStats {
  const panelById = new Map(panels.map((panel) => [panel.id, panel] as const))
  const endMs = cycleEndMs(cycle)
  const events: PoolEvent[] = []
  const lastAssigned = new Map<string, { at: string; atMs: number }>()
  for (const booking of bookings) {
    const seats = poolSeats(booking, pool.id, panelById)
    if (seats.length === 0) continue
    for (const change of historyReplay(booking).changes) {
      if (!seats.includes(change.seat)) continue
      if (change.kind === 'received' && change.atMs < endMs) {
        const known = lastAssigned.get(change.memberId)
        if (known === undefined || change.atMs > known.atMs) {
          lastAssigned.set(change.memberId, { at: change.at, atMs: change.atMs })
        }
      }
      if (!cycleContains(cycle, change.atMs)) continue
      const { at, atMs, memberId, kind, reason } = change
      events.push({ at, atMs, bookingId: booking.id, memberId, kind, reason })
    }
  }
  const sorted = events.toSorted((a, b) => a.atMs - b.atMs)
  const currentIds = [...new Set(pool.members.map((m) => m.memberId))]
  const formerIds = [...new Set(sorted.map((e) => e.memberId))]
    .filter((id) => !currentIds.includes(id))
    .sort()
  const tallies = new Map<string, Tally>()
  for (const event of sorted) {
    const tally = tallies.get(event.memberId) ?? emptyTally()
    if (event.kind === 'received') tally.received++
    else if (event.reason !== 'created' && event.reason !== 'reassigned-to') {
      tally.removedByReason[event.reason]++
    }
    tallies.set(event.memberId, tally)
  }
  const row = (memberId: string, isCurrentMember: boolean): PoolMemberStats => {
    const { received, removedByReason } = tallies.get(memberId) ?? emptyTally()
    const removed = Object.values(removedByReason).reduce((sum, n) => sum + n, 0)
    const net = pool.automaticCorrection ? received - removed : received
    const lastAssignedAt = lastAssigned.get(memberId)?.at ?? null
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
    events: sorted,
  }
}

interface Tally {
  received: number
  removedByReason: Record<RemovalReason, number>
}

function emptyTally(): Tally {
  return { received: 0, removedByReason: { cancelled: 0, 'no-show': 0, 'reassigned-away': 0 } }
}

/** Seat indexes of `booking` that `poolId` fills (see `poolStats`). */
function poolSeats(
  booking: Booking,
  poolId: string,
  panelById: ReadonlyMap<string, Panel>,
): number[] {
  if (booking.panelId !== null) {
    const panel = panelById.get(booking.panelId)
    if (panel === undefined) return []
    return panel.seats.flatMap((seat, i) => ('poolId' in seat && seat.poolId === poolId ? [i] : []))
  }
  return booking.poolId === poolId ? booking.hostMemberIds.map((_, i) => i) : []
}
