/**
 * The distribution methods in one exhaustive table: how each ranks a pool's members for the next
 * booking, what customers are offered, and whether priorities mean anything. A new method must be
 * added here (the `Record<Distribution, …>` makes the compiler say so) before anything can use it;
 * no method silently falls back to another's ranking.
 */

import type { Distribution, Member, Pool } from '../model/workspace'
import type { PoolStats } from './pool-stats'
import { poolEligibleMembers } from './pool-eligible'
import { pooledRanking } from './pooled-ranking'
import { roundRobinOrder } from './round-robin-order'

/** One member's place in a method's ranking (most preferred first). */
export interface MethodStanding {
  readonly memberId: string
  readonly priority: number
  readonly lastAssignedAt: string | null
  /** Round robin: net bookings in the cycle (incl. the newcomer rule). */
  readonly net?: number
}

export interface DistributionMethod {
  /** For people. */
  readonly label: string
  /** One sentence for people choosing a method. */
  readonly description: string
  /**
   * What customers are offered: `next-in-line` = only the first member in the ranking who has a
   * slot in the requested range (falling through in line order); `union` = every eligible
   * member's slots.
   */
  readonly offers: 'next-in-line' | 'union'
  /** True when the pool members' priorities change the ranking. */
  readonly usesPriority: boolean
  /** The eligible members, most preferred first, from the pool's statistics of the current cycle. */
  readonly rank: (pool: Pool, stats: PoolStats, members: readonly Member[]) => MethodStanding[]
}

function pooledRank(pool: Pool, stats: PoolStats, members: readonly Member[]): MethodStanding[] {
  const eligible = poolEligibleMembers(pool, members).map((entry) => entry.memberId)
  return pooledRanking(pool, eligible, stats, members).map((standing) => ({
    memberId: standing.memberId,
    priority: standing.priority,
    lastAssignedAt: standing.lastAssignedAt,
  }))
}

export const DISTRIBUTION_METHODS: Readonly<Record<Distribution, DistributionMethod>> = {
  'round-robin': {
    label: 'Round robin',
    description:
      'Equal distribution: the member with the fewest bookings this cycle is next in line.',
    offers: 'next-in-line',
    usesPriority: false,
    rank: (pool, stats, members) =>
      roundRobinOrder(pool, stats, members).map((standing) => ({
        memberId: standing.memberId,
        priority: standing.priority,
        lastAssignedAt: standing.lastAssignedAt,
        net: standing.effectiveNet,
      })),
  },
  pooled: {
    label: 'Pooled availability',
    description:
      "Customers see everyone's free times; the booking goes to the free member idle longest.",
    offers: 'union',
    usesPriority: false,
    rank: pooledRank,
  },
  'pooled-priority': {
    label: 'Pooled with priority',
    description:
      "Customers see everyone's free times; the free member with the highest priority gets it.",
    offers: 'union',
    usesPriority: true,
    rank: pooledRank,
  },
}
