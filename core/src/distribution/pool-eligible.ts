/**
 * Which pool members may receive new bookings (product edge case 5).
 */

import type { Member, Pool } from '../model/workspace'

/** A pool member who may receive new bookings, with their place in the pool's member list. */
export interface EligiblePoolMember {
  readonly memberId: string
  readonly priority: number
  readonly addedAt: string | null
  /** Index in `pool.members`: the stable tie-break of every distribution method. */
  readonly order: number
}

/** The last answer per pool object, with the members array it was computed for. */
const ELIGIBLE = new WeakMap<
  Pool,
  { readonly members: readonly Member[]; readonly eligible: readonly EligiblePoolMember[] }
>()

/**
 * The members of `pool` who may receive new bookings: listed in the pool now, known in `members`,
 * and active. In pool order; a member listed twice counts once, at their first place. Former and
 * inactive members keep their history in `poolStats` but are never offered new bookings.
 * Records are immutable values: the answer for the same pool and members objects is kept (every
 * decision ranks the pool again). Do not mutate the result.
 */
export function poolEligibleMembers(
  pool: Pool,
  members: readonly Member[],
): readonly EligiblePoolMember[] {
  const kept = ELIGIBLE.get(pool)
  if (kept?.members === members) return kept.eligible
  const active = new Set(members.filter((m) => m.active).map((m) => m.id))
  const seen = new Set<string>()
  const eligible: EligiblePoolMember[] = []
  pool.members.forEach((entry, order) => {
    if (seen.has(entry.memberId)) return
    seen.add(entry.memberId)
    if (!active.has(entry.memberId)) return
    const { memberId, priority } = entry
    eligible.push({ memberId, priority, addedAt: entry.addedAt ?? null, order })
  })
  ELIGIBLE.set(pool, { members, eligible })
  return eligible
}
