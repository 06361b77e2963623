/**
 * Panel records: meetings whose seats are specific members or pools, each filled by a different
 * person.
 */

import type { Panel } from '../model/workspace'
import type { WorkspaceLookup } from './workspace-lookup'
import type { WorkspaceProblem } from './workspace-problem'
import { unknownMessage } from './workspace-problem'

/**
 * Problems with each panel, at `panels.${index}…`:
 * - every seat's member or pool exists (a non-empty seat list is the panel shape's);
 * - one pool cannot fill two seats of a panel (product edge case 12), nor one member two seats;
 * - when the seats are otherwise fine, distinct members must be able to fill all of them at once
 *   (ignoring availability and the `active` flag: `[{ memberId: ana }, { poolId: p }]` where `p`
 *   holds only Ana can never be booked).
 */
export function panelsValidate(
  panels: readonly Panel[],
  lookup: WorkspaceLookup,
): WorkspaceProblem[] {
  return panels.flatMap((panel, index) => {
    const path = `panels.${index}`
    const problems: WorkspaceProblem[] = []
    panel.seats.forEach((seat, s) => {
      const at = `${path}.seats.${s}`
      if ('memberId' in seat && !lookup.members.has(seat.memberId)) {
        problems.push({ path: `${at}.memberId`, message: unknownMessage('member', seat.memberId) })
      } else if ('poolId' in seat && !lookup.pools.has(seat.poolId)) {
        problems.push({ path: `${at}.poolId`, message: unknownMessage('pool', seat.poolId) })
      }
    })
    const firstSeat = new Map<string, number>()
    panel.seats.forEach((seat, s) => {
      const [field, kind, id] =
        'poolId' in seat
          ? (['poolId', 'pool', seat.poolId] as const)
          : (['memberId', 'member', seat.memberId] as const)
      const seen = firstSeat.get(`${kind}:${id}`)
      if (seen === undefined) {
        firstSeat.set(`${kind}:${id}`, s)
        return
      }
      const message = `${kind} ${JSON.stringify(id)} already fills seats.${seen}; one ${kind} cannot fill two seats`
      problems.push({ path: `${path}.seats.${s}.${field}`, message })
    })
    if (problems.length === 0 && !panelCanSeat(panel, lookup)) {
      const message = 'no set of distinct members can fill every seat'
      problems.push({ path: `${path}.seats`, message })
    }
    return problems
  })
}

/** True when each seat can get a different member (bipartite matching by augmenting paths). */
function panelCanSeat(panel: Panel, lookup: WorkspaceLookup): boolean {
  const candidates = panel.seats.map((seat) =>
    'memberId' in seat
      ? [seat.memberId]
      : [...new Set((lookup.pools.get(seat.poolId)?.members ?? []).map((m) => m.memberId))],
  )
  const seatOf = new Map<string, number>()
  const assign = (seat: number, visited: Set<string>): boolean => {
    for (const memberId of candidates[seat] ?? []) {
      if (visited.has(memberId)) continue
      visited.add(memberId)
      const holder = seatOf.get(memberId)
      if (holder === undefined || assign(holder, visited)) {
        seatOf.set(memberId, seat)
        return true
      }
    }
    return false
  }
  return candidates.every((_, seat) => assign(seat, new Set()))
}
