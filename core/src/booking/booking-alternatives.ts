/**
 * Alternatives for a refused start: the nearest free starts of the same page computation.
 */

import type { Workspace } from '../model/workspace'
import { MS_PER_DAY, MS_PER_HOUR } from '../time/instant'
import type { PageSlot } from './booking-types'
import { pageSlotOf } from './page-availability'
import type { PageRoute } from './page-route'
import { type RouteSlot, routeSlots, seatPlanCandidates } from './page-slots'
import { seatPlanFor } from './seat-plan'

/** At most this many alternatives: enough for a choice, few enough to read at once. */
export const ALTERNATIVES_MAX = 6

/** Alternatives are looked for this far before and after the refused start (a week each way). */
export const ALTERNATIVES_REACH_MS = 7 * MS_PER_DAY

/**
 * Alternatives are first looked for this far each way, nearest reach first: three hours hold
 * six free starts of a team with any room left (a refusal in a rush costs an eighth of a day
 * each way's work), a day holds them in a working week, and a window costs in proportion to its
 * length.
 */
export const ALTERNATIVES_FIRST_REACHES_MS = [3 * MS_PER_HOUR, MS_PER_DAY] as const

/**
 * The free starts of `route` nearest to `startMs` (epoch ms) within
 * ±{@link ALTERNATIVES_REACH_MS}, at most {@link ALTERNATIVES_MAX}, ascending; `startMs` itself is
 * never listed. Nearest first when choosing (ties: the earlier), computed exactly as page
 * availability is for that window.
 *
 * Without round-robin seats each start is decided by itself (`seat-fill.ts`), so the starts of a
 * few hours or a day each way are the whole window's starts there: when six lie within one,
 * nothing farther can be chosen, and the next reach (at last the week each way) is computed only
 * otherwise. A round-robin seat's
 * fall-through looks at the whole window, so such routes always compute it whole.
 *
 * `within` gives the state each window is computed on (default: `state`); it must hold every
 * booking that can matter to free starts in that window (the sync server's slice of it).
 */
export function bookingAlternatives(
  state: Workspace,
  route: PageRoute,
  startMs: number,
  nowMs: number,
  within: (fromMs: number, toMs: number) => Workspace = () => state,
): readonly PageSlot[] {
  const isPerStart =
    route.kind !== 'target' ||
    !seatPlanCandidates(seatPlanFor(state, route.target, nowMs)).some((seat) => seat.isRoundRobin)
  if (isPerStart) {
    for (const reachMs of ALTERNATIVES_FIRST_REACHES_MS) {
      // Six found within the reach: every start outside lies at least that far away, and one
      // exactly that far after loses the tie to any chosen one that far before (the earlier
      // wins).
      const near = nearestSlots(within, route, startMs, nowMs, reachMs)
      if (near.length === ALTERNATIVES_MAX) return alternativesOf(near, route)
    }
  }
  return alternativesOf(nearestSlots(within, route, startMs, nowMs, ALTERNATIVES_REACH_MS), route)
}

/** The free starts within `reachMs` of `startMs` (not itself), nearest first, at most six. */
function nearestSlots(
  within: (fromMs: number, toMs: number) => Workspace,
  route: PageRoute,
  startMs: number,
  nowMs: number,
  reachMs: number,
): readonly RouteSlot[] {
  const [fromMs, toMs] = [startMs - reachMs, startMs + reachMs]
  return routeSlots(within(fromMs, toMs), route, fromMs, toMs, nowMs)
    .filter((slot) => slot.startMs !== startMs)
    .toSorted(
      (a, b) =>
        Math.abs(a.startMs - startMs) - Math.abs(b.startMs - startMs) || a.startMs - b.startMs,
    )
    .slice(0, ALTERNATIVES_MAX)
}

/** The chosen starts in time order, as page slots. */
function alternativesOf(nearest: readonly RouteSlot[], route: PageRoute): readonly PageSlot[] {
  return nearest
    .toSorted((a, b) => a.startMs - b.startMs)
    .map((slot) => pageSlotOf(slot, route.eventType, route))
}
