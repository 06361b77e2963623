import { poolEligibleMembers, roundRobinOrder } from '../../../core/src/distribution'
import type { PoolStats, RoundRobinStanding } from '../../../core/src/distribution'
import type { Distribution, Member, Pool } from '../../../core/src/model/workspace'

/** Members whose counts differ by at most this much are "even" under round robin. */
export const EVEN_SPREAD = 2

/** One member's count in the sentence. */
export interface VerdictCount {
  readonly memberId: string
  /**
   * Round robin: the member's place in the line (`effectiveNet`: a newcomer counts from the
   * lowest count when they joined); pooled methods: the net (or received) bookings of the cycle.
   */
  readonly count: number
  /** Joined the pool during the cycle (round robin's newcomer rule applies). */
  readonly isNewcomer?: boolean
}

/** What {@link poolVerdict} judges. */
export interface VerdictInput {
  readonly distribution: Distribution
  /** The counts of the members who can get bookings now (active, in the pool): inactive and
   * former members get none, so they are not judged. */
  readonly counts: readonly VerdictCount[]
  /** Whether anyone received or lost a booking in the cycle. */
  readonly hasBookings: boolean
  /** The cycle holding today (else an earlier one: nothing is "so far"). */
  readonly isCurrent: boolean
  /** Automatic correction on: counts are net of the removed. */
  readonly isCorrected: boolean
  readonly name: (memberId: string) => string
}

/** "Ana Silva", "Ana Silva and Ben Okafor", "Ana, Ben and Dev", "Ana, Ben and 3 others". */
function namesText(names: readonly string[]): string {
  if (names.length <= 1) return names.join('')
  if (names.length <= 3) return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
  return `${names[0]}, ${names[1]} and ${names.length - 2} others`
}

/** A count as the card writes it (a true minus sign). */
function countText(count: number): string {
  return count < 0 ? `−${-count}` : String(count)
}

/**
 * One sentence for desk staff on whether a pool's cycle is shared out as its method intends.
 * Round robin aims at equal counts: even when every member who can get bookings is within
 * {@link EVEN_SPREAD} of the others (by the line's own count, so a newcomer is not "behind");
 * otherwise it names the most and the fewest. Pooled methods do not aim at equal counts, so their
 * sentence says what they aim at and who has the most and the fewest.
 */
export function poolVerdict(input: VerdictInput): string {
  const { distribution, counts, hasBookings, isCurrent, isCorrected, name } = input
  if (counts.length === 0) return 'No member of this pool can get bookings now.'
  if (!hasBookings)
    return isCurrent ? 'No bookings in this cycle yet.' : 'No bookings in this cycle.'
  const noun = isCorrected ? 'net bookings' : 'bookings received'
  const values = counts.map((c) => c.count)
  const most = Math.max(...values)
  const fewest = Math.min(...values)
  const who = (count: number) =>
    namesText(counts.filter((c) => c.count === count).map((c) => name(c.memberId)))
  const extremes =
    most === fewest
      ? `every member has ${countText(most)} ${noun}`
      : `most ${noun}: ${who(most)} (${countText(most)}); fewest: ${who(fewest)} (${countText(fewest)})`
  if (distribution === 'round-robin') {
    const newcomers = counts.some((c) => c.isNewcomer)
      ? ' (a member who joined during the cycle counts from the lowest count when they joined)'
      : ''
    if (most - fewest <= EVEN_SPREAD) {
      const range =
        most === fewest ? countText(most) : `between ${countText(fewest)} and ${countText(most)}`
      return `Even: every member has ${range} ${noun} this cycle${newcomers}.`
    }
    return isCurrent
      ? `Uneven so far — ${extremes}${newcomers}. Round robin gives each next booking to whoever ` +
          `has the fewest and is free then, so it evens out as long as ${who(fewest)} ` +
          `${counts.filter((c) => c.count === fewest).length === 1 ? 'is' : 'are'} free when ` +
          'customers book.'
      : `Uneven — ${extremes}${newcomers}. Round robin gave each booking to whoever had the ` +
          'fewest and was free then.'
  }
  const aim =
    distribution === 'pooled'
      ? 'each booking goes to the member free then who has waited longest'
      : 'each booking goes to the highest-priority member free then (among equals, the one who ' +
        'has waited longest), so higher priorities get more'
  return `Not meant to be equal: ${aim}. ${isCurrent ? 'So far this cycle' : 'In this cycle'}, ${extremes}.`
}

/**
 * {@link poolVerdict} of `pool`'s cycle `stats`: round robin judged by its line as it stood at the
 * cycle's end (`roundRobinOrder`: eligible members, newcomers from their entry count), pooled
 * methods by the net of the members who can get bookings now (active, in the pool).
 */
export function poolVerdictFor(
  pool: Pool,
  stats: PoolStats,
  members: readonly Member[],
  isCurrent: boolean,
  /** The round-robin line of `stats`, when the caller has it already. */
  standings: readonly RoundRobinStanding[] = pool.distribution === 'round-robin'
    ? roundRobinOrder(pool, stats, members)
    : [],
): string {
  const names = new Map(members.map((member) => [member.id, member.name]))
  const eligible = new Set(poolEligibleMembers(pool, members).map((entry) => entry.memberId))
  return poolVerdict({
    distribution: pool.distribution,
    counts:
      pool.distribution === 'round-robin'
        ? standings.map((standing) => ({
            memberId: standing.memberId,
            count: standing.effectiveNet,
            isNewcomer: standing.joinedAt !== null,
          }))
        : stats.members
            .filter((row) => eligible.has(row.memberId))
            .map((row) => ({ memberId: row.memberId, count: row.net })),
    hasBookings: stats.members.some((row) => row.received > 0 || row.removed > 0),
    isCurrent,
    isCorrected: pool.automaticCorrection,
    name: (id) => names.get(id) ?? 'a former member',
  })
}
