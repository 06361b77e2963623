/**
 * Pooled availability: among the members free at the chosen time, who gets the booking.
 */

import type { Member, Pool } from '../model/workspace'
import { poolEligibleMembers } from './pool-eligible'
import type { PoolStats } from './pool-stats'
import { idleMsCompare } from './round-robin-order'

/** One candidate's place in a pooled ranking, with the values that put them there. */
export interface PooledStanding {
  readonly memberId: string
  /** Index in the pool's member list: the stable, last tie-break. */
  readonly order: number
  /** 1 = highest; the first key for `pooled-priority`, reported only for `pooled`. */
  readonly priority: number
  /** Last assignment through this pool (creation or reassignment instant); null = never. */
  readonly lastAssignedAt: string | null
}

/**
 * Ranks `candidates` (member ids free at the chosen time, in any order) for a pooled pool, best
 * first:
 * - `pooled`: longest idle first (oldest `lastAssignedAt`; never assigned is the most idle,
 *   product edge case 4), then pool member list order (edge case 3);
 * - `pooled-priority`: priority ascending (1 is highest), then longest idle, then list order.
 *
 * Candidates that are not eligible (not in the pool now, unknown in `members`, or inactive) are
 * left out; duplicates count once. `lastAssignedAt` comes from `stats` (`poolStats` of this pool).
 * Throws a `RangeError` for a round robin pool (use `roundRobinOrder`) or stats of another pool.
 */
export function pooledRanking(
  pool: Pool,
  candidates: readonly string[],
  stats: PoolStats,
  members: readonly Member[],
): PooledStanding[] {
  if (pool.distribution === 'round-robin') {
    throw new RangeError(`pooledRanking: pool ${pool.id} is round robin; use roundRobinOrder`)
  }
  if (stats.poolId !== pool.id) {
    throw new RangeError(`pooledRanking: stats of pool ${stats.poolId} given for ${pool.id}`)
  }
  const wanted = new Set(candidates)
  const byPriority = pool.distribution === 'pooled-priority'
  // The first row per member, as a search of the rows in order would find it.
  const rows = new Map<string, PoolStats['members'][number]>()
  for (const row of stats.members) if (!rows.has(row.memberId)) rows.set(row.memberId, row)
  const standings = poolEligibleMembers(pool, members)
    .filter((m) => wanted.has(m.memberId))
    .map((m) => {
      const lastAssignedAt = rows.get(m.memberId)?.lastAssignedAt ?? null
      const standing: PooledStanding = {
        memberId: m.memberId,
        order: m.order,
        priority: m.priority,
        lastAssignedAt,
      }
      // Instants parsed once per member, not once per comparison.
      const lastMs = lastAssignedAt === null ? null : Date.parse(lastAssignedAt)
      return { standing, priority: m.priority, lastMs, order: m.order }
    })
  return standings
    .toSorted((a, b) => pooledOrderCompare(a, b, byPriority))
    .map((ranked) => ranked.standing)
}

/** What places a member in a pooled ranking: `lastMs` is the last assignment (null = never). */
export interface PooledPlace {
  readonly priority: number
  readonly lastMs: number | null
  readonly order: number
}

/**
 * The pooled order of two members, negative when `a` comes first: with `byPriority`
 * (`pooled-priority`) priority ascending first, then longest idle, then pool list order. A total
 * order over a pool's members (orders differ).
 */
export function pooledOrderCompare(a: PooledPlace, b: PooledPlace, byPriority: boolean): number {
  return (
    (byPriority ? a.priority - b.priority : 0) ||
    idleMsCompare(a.lastMs, b.lastMs) ||
    a.order - b.order
  )
}
