import type { PoolMemberStats } from '../../../core/src/distribution'
import type { Distribution } from '../../../core/src/model/workspace'

/** Members whose net counts differ by at most this much are "even" under round robin. */
export const EVEN_SPREAD = 2

/** "Ana Silva", "Ana Silva and Ben Okafor", "Ana Silva, Ben Okafor and 3 others". */
function namesText(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ')
  const others = names.length - 2
  return `${names[0]}, ${names[1]} and ${others} ${others === 1 ? 'other' : 'others'}`
}

/**
 * One sentence for desk staff on whether a pool's cycle is shared out as its method intends:
 * round robin aims at equal counts (even when every current member's net is within
 * {@link EVEN_SPREAD} of the others'); pooled methods do not, so their sentence says what they
 * aim at instead and who has the most and the fewest. Counts are the rows' `net` (the received
 * alone when automatic correction is off). Former members are left out; `name` gives a member's
 * name.
 */
export function poolVerdict(
  distribution: Distribution,
  rows: readonly PoolMemberStats[],
  name: (memberId: string) => string,
): string {
  const members = rows.filter((row) => row.isCurrentMember)
  if (members.length === 0) return 'No members in this pool now.'
  if (members.every((row) => row.received === 0 && row.removed === 0)) {
    return 'No bookings in this cycle yet.'
  }
  const nets = members.map((row) => row.net)
  const most = Math.max(...nets)
  const fewest = Math.min(...nets)
  const withCount = (count: number) =>
    namesText(members.filter((row) => row.net === count).map((row) => name(row.memberId)))
  const extremes =
    most === fewest
      ? `every member has ${most}`
      : `most: ${withCount(most)} (${most}); fewest: ${withCount(fewest)} (${fewest})`
  if (distribution === 'round-robin') {
    if (most - fewest <= EVEN_SPREAD) {
      return most === fewest
        ? `Even: every member has ${most} this cycle.`
        : `Even: every member has between ${fewest} and ${most} this cycle.`
    }
    return (
      `Uneven so far — ${extremes}. Round robin gives each next booking to the member with ` +
      'the fewest who is free then, so the gap closes as those members are free for bookings.'
    )
  }
  const aim =
    distribution === 'pooled'
      ? 'each booking goes to the member free then who has waited longest'
      : 'each booking goes to the highest-priority member free then (among equals, the one who ' +
        'has waited longest), so higher priorities get more'
  return `Not meant to be equal: ${aim}. This cycle ${extremes}.`
}
