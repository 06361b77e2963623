/**
 * Round robin standing: who is next in line in a pool, with the values that put them there.
 */

import type { Member, Pool } from '../model/workspace'
import { cycleEndMs, cycleStartMs } from './cycle-bounds'
import type { MemberLedger } from './pool-ledger'
import { ledgerNet } from './pool-ledger'
import type { PoolStats } from './pool-stats'
import { poolEligibleMembers } from './pool-eligible'

/** One member's place in the round robin line, with the reasons ("why did this go to Ana?"). */
export interface RoundRobinStanding {
  readonly memberId: string
  /** Index in the pool's member list: the stable, last tie-break. */
  readonly order: number
  readonly priority: number
  /** The member's own net count in the cycle (see `PoolMemberStats.net`). */
  readonly net: number
  /** `addedAt` when the member joined during the cycle, else null (established member). */
  readonly joinedAt: string | null
  /** Newcomers: the lowest effective net count of the members already there when they joined. */
  readonly entryNet: number | null
  /** The first ranking key: `net` for established members, `entryNet` + net since joining else. */
  readonly effectiveNet: number
  /** The second key: longest since the last assignment first; never assigned (null) first of all. */
  readonly lastAssignedAt: string | null
}

/**
 * The round robin line of `pool`: eligible members (active members currently in the pool; inactive,
 * unknown and former members get no new bookings) ordered by
 * 1. `effectiveNet`, ascending;
 * 2. `lastAssignedAt`, oldest first, never assigned before everyone;
 * 3. `order` (pool member list order).
 *
 * Newcomer rule (product edge case 6): a member whose `addedAt` lies after the cycle's start
 * (any `addedAt` for a continuous cycle) joined during the cycle. They enter at `entryNet`, the
 * lowest effective net count, at the instant they joined, among the eligible members already in the
 * pool then (members without `addedAt` or added before the cycle, and earlier newcomers), or 0 when
 * there were none; from then on their own events count as usual. Events from an earlier membership
 * in the same cycle do not count for the line (they stay in the statistics). So a newcomer is
 * neither flooded with catch-up bookings nor kept waiting behind the others.
 *
 * `stats` must be the statistics of this pool for the current cycle (`poolStats` or
 * `poolLedgerStats`; the line counts from `stats.ledger`, inside the cycle); `members` are the
 * workspace's members (for the `active` flag). Throws a `RangeError` when `stats` belongs to
 * another pool.
 */
export function roundRobinOrder(
  pool: Pool,
  stats: PoolStats,
  members: readonly Member[],
): RoundRobinStanding[] {
  if (stats.poolId !== pool.id) {
    throw new RangeError(`roundRobinOrder: stats of pool ${stats.poolId} given for ${pool.id}`)
  }
  const startMs = cycleStartMs(stats.cycle)
  const endMs = cycleEndMs(stats.cycle)
  const eligible = poolEligibleMembers(pool, members).map((entry) => {
    const addedMs = entry.addedAt == null ? NaN : Date.parse(entry.addedAt)
    const joinedMs = addedMs > startMs ? addedMs : -Infinity
    return { ...entry, joinedMs, ledger: stats.ledger.members[entry.memberId] }
  })
  /** `offset` plus the member's net change in `[fromMs, toMs)`, counted inside the cycle. */
  const effectiveAt = (
    ledger: MemberLedger | undefined,
    fromMs: number,
    offset: number,
    toMs: number,
  ): number =>
    offset +
    ledgerNet(ledger, Math.max(fromMs, startMs), Math.min(toMs, endMs), pool.automaticCorrection)
  // Newcomers in the order they joined, each measured against those already there.
  const entryNets = new Map<string, number>()
  for (const newcomer of eligible.filter((m) => m.joinedMs > -Infinity).toSorted(byJoined)) {
    const before = eligible.filter((m) => m.joinedMs < newcomer.joinedMs)
    const nets = before.map((m) =>
      effectiveAt(m.ledger, m.joinedMs, entryNets.get(m.memberId) ?? 0, newcomer.joinedMs),
    )
    entryNets.set(newcomer.memberId, nets.length === 0 ? 0 : Math.min(...nets))
  }
  const standings = eligible.map((m): RoundRobinStanding => {
    const row = stats.members.find((r) => r.memberId === m.memberId)
    const entryNet = entryNets.get(m.memberId) ?? null
    return {
      memberId: m.memberId,
      order: m.order,
      priority: m.priority,
      net: row?.net ?? 0,
      joinedAt: entryNet === null ? null : (m.addedAt ?? null),
      entryNet,
      effectiveNet: effectiveAt(m.ledger, m.joinedMs, entryNet ?? 0, Infinity),
      lastAssignedAt: row?.lastAssignedAt ?? null,
    }
  })
  return standings.toSorted(
    (a, b) =>
      a.effectiveNet - b.effectiveNet ||
      idleCompare(a.lastAssignedAt, b.lastAssignedAt) ||
      a.order - b.order,
  )
}

/**
 * Compares two last-assignment instants for "longest idle first": null (never assigned) before
 * any instant, older instants before newer ones. Returns a negative, zero or positive number.
 */
export function idleCompare(a: string | null, b: string | null): number {
  return idleMsCompare(a === null ? null : Date.parse(a), b === null ? null : Date.parse(b))
}

/** {@link idleCompare} of instants already parsed (epoch ms; null = never assigned). */
export function idleMsCompare(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1
  return a - b
}

function byJoined(a: { joinedMs: number; order: number }, b: { joinedMs: number; order: number }) {
  return a.joinedMs - b.joinedMs || a.order - b.order
}
