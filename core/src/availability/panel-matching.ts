/**
 * Seat-to-member matching for panels: give every seat a DIFFERENT member from the seat's
 * candidates (a maximum bipartite matching, by augmenting paths — Kuhn's algorithm).
 */

/**
 * An assignment `result[seat] = member` using distinct members, or `null` when none exists.
 * `candidates[seat]` lists the members (integers in `0 … memberCount − 1`) who may fill that seat,
 * most preferred first. Seats are filled in order; each takes its first candidate still free, and
 * only when none is free does an augmenting path move earlier seats to other candidates — so with
 * no contention every seat gets its first free candidate. O(seats × edges). Throws a `RangeError`
 * for a candidate outside `0 … memberCount − 1`.
 */
export function panelMatch(
  candidates: readonly (readonly number[])[],
  memberCount: number,
): number[] | null {
  const seatOf = new Int32Array(memberCount).fill(-1)
  const memberOf = new Int32Array(candidates.length).fill(-1)
  const visited = new Int32Array(memberCount).fill(-1)

  const take = (seat: number, member: number): true => {
    seatOf[member] = seat
    memberOf[seat] = member
    return true
  }

  const augment = (seat: number, round: number): boolean => {
    const list = candidates[seat] ?? []
    for (const member of list) {
      if (!(member >= 0 && member < memberCount)) {
        throw new RangeError(`Candidate ${member} outside 0…${memberCount - 1}`)
      }
      if (seatOf[member] === -1) return take(seat, member)
    }
    for (const member of list) {
      if (visited[member] === round) continue
      visited[member] = round
      if (augment(seatOf[member]!, round)) return take(seat, member)
    }
    return false
  }

  for (let seat = 0; seat < candidates.length; seat++) {
    if (!augment(seat, seat)) return null
  }
  return Array.from(memberOf)
}
