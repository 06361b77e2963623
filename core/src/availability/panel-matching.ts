/**
 * Seat-to-member matching for panels: give every seat a DIFFERENT member from the seat's
 * candidates (a maximum bipartite matching, by augmenting paths — Kuhn's algorithm).
 */

/**
 * An assignment `result[seat] = member` using distinct members, or `null` when none exists.
 * `candidates[seat]` lists the members (integers in `0 … memberCount − 1`) who may fill that seat,
 * most preferred first: seats are matched in order and try candidates in order, so with no
 * contention every seat gets its first free candidate. O(seats × edges). Throws a `RangeError`
 * for a candidate outside `0 … memberCount − 1`.
 */
export function panelMatch(
  candidates: readonly (readonly number[])[],
  memberCount: number,
): number[] | null {
  const seatOf = new Int32Array(memberCount).fill(-1)
  const memberOf = new Int32Array(candidates.length).fill(-1)
  const visited = new Int32Array(memberCount).fill(-1)

  const augment = (seat: number, round: number): boolean => {
    for (const member of candidates[seat] ?? []) {
      if (!(member >= 0 && member < memberCount)) {
        throw new RangeError(`Candidate ${member} outside 0…${memberCount - 1}`)
      }
      if (visited[member] === round) continue
      visited[member] = round
      const holder = seatOf[member]!
      if (holder < 0 || augment(holder, round)) {
        seatOf[member] = seat
        memberOf[seat] = member
        return true
      }
    }
    return false
  }

  for (let seat = 0; seat < candidates.length; seat++) {
    if (!augment(seat, seat)) return null
  }
  return Array.from(memberOf)
}
