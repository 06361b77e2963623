/**
 * Alternatives for a refused start: the nearest free starts of the same page computation.
 */

import type { Workspace } from '../model/workspace'
import { MS_PER_DAY } from '../time/instant'
import type { PageSlot } from './booking-types'
import { pageSlotOf } from './page-availability'
import type { PageRoute } from './page-route'
import { routeSlots } from './page-slots'

/** At most this many alternatives: enough for a choice, few enough to read at once. */
export const ALTERNATIVES_MAX = 6

/** Alternatives are looked for this far before and after the refused start (a week each way). */
export const ALTERNATIVES_REACH_MS = 7 * MS_PER_DAY

/**
 * The free starts of `route` nearest to `startMs` (epoch ms) within
 * ±{@link ALTERNATIVES_REACH_MS}, at most {@link ALTERNATIVES_MAX}, ascending; `startMs` itself is
 * never listed. Nearest first when choosing (ties: the earlier), computed exactly as page
 * availability is for that window.
 */
export function bookingAlternatives(
  state: Workspace,
  route: PageRoute,
  startMs: number,
  nowMs: number,
): readonly PageSlot[] {
  const slots = routeSlots(
    state,
    route,
    startMs - ALTERNATIVES_REACH_MS,
    startMs + ALTERNATIVES_REACH_MS,
    nowMs,
  ).filter((slot) => slot.startMs !== startMs)
  return slots
    .toSorted(
      (a, b) =>
        Math.abs(a.startMs - startMs) - Math.abs(b.startMs - startMs) || a.startMs - b.startMs,
    )
    .slice(0, ALTERNATIVES_MAX)
    .toSorted((a, b) => a.startMs - b.startMs)
    .map((slot) => pageSlotOf(slot, route.eventType, route))
}
