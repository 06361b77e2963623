/**
 * What a customer sees on a master page: the free starts of one event type in a range.
 */

import type { EventType } from '../model/workspace'
import { instantFormat, MS_PER_MINUTE } from '../time/instant'
import type {
  PageAvailabilityQuery,
  PageAvailabilityResult,
  PageSlot,
  DecisionState,
} from './booking-types'
import { type PageRoute, pageRouteResolve } from './page-route'
import { type RouteSlot, routeSlotsSteps } from './page-slots'
import { type Steps, stepsRun } from '../availability/steps'

/** A route slot as the public API shows it (`[start, end)` ISO UTC). */
export function pageSlotOf(slot: RouteSlot, eventType: EventType, route: PageRoute): PageSlot {
  const start = instantFormat(slot.startMs)
  const end = instantFormat(slot.startMs + eventType.durationMinutes * MS_PER_MINUTE)
  const assignment = route.masterPage.assignment
  const isFindMember =
    assignment.type === 'customer-choice' && assignment.flow === 'find-member-by-time'
  if (slot.bookingPageIds !== undefined) return { start, end, bookingPageIds: slot.bookingPageIds }
  if (isFindMember && route.kind === 'target' && 'bookingPageId' in route.target) {
    return { start, end, bookingPageIds: [route.target.bookingPageId] }
  }
  return { start, end }
}

/**
 * The slots a customer sees on master page `query.masterPageId` for `query.eventTypeId`: starts in
 * `[fromMs, toMs)` (epoch ms) that are free at `nowMs`, ascending and unique, each
 * `[start, start + duration)` in ISO UTC. Per the page's assignment:
 * - customer choice: the chosen booking page's member (`booking-page-required` without one,
 *   except find member by time, which shows the union over the page's booking pages with the
 *   pages free at each start in `bookingPageIds`);
 * - rules (static, or dynamic routed on `query.answers`): a booking page → its member; a pool →
 *   round robin: the slots of the first member in line order who has at least one slot in the
 *   range (fall-through per range, product edge case 1) — with `query.dayZone`, per local day of
 *   that zone, so a day where the next in line has no time offers the next after them; pooled
 *   and pooled-priority: the union over the pool's eligible members; a panel → starts where every
 *   seat can be filled by distinct members (`seat-fill.ts`).
 * Refusals: `unknown-page`, `unknown-event-type` (not on the page), `unknown-booking-page`,
 * `booking-page-required`, `invalid-answers` (with problems; missing required answers are not
 * refused here, only at booking). An empty or reversed range gives no slots. Throws a `RangeError`
 * for non-finite times, a range longer than `MAX_WINDOW_DAYS`, or invalid records.
 */
export function pageAvailability(
  state: DecisionState,
  query: PageAvailabilityQuery,
  nowMs: number,
): PageAvailabilityResult {
  return stepsRun(pageAvailabilitySteps(state, query, nowMs))
}

/**
 * {@link pageAvailability} in steps (see `steps.ts`): the same result, computed a group of members
 * and then a day of starts at a time, so a server can serve other requests between steps. Throws
 * like `pageAvailability`, from its first step.
 */
export function* pageAvailabilitySteps(
  state: DecisionState,
  query: PageAvailabilityQuery,
  nowMs: number,
): Steps<PageAvailabilityResult> {
  if (![query.fromMs, query.toMs, nowMs].every(Number.isFinite)) {
    throw new RangeError(`Bad range [${query.fromMs}, ${query.toMs}) or now ${nowMs}`)
  }
  const resolved = pageRouteResolve(state, query, false)
  if (!resolved.ok) return resolved
  const { route } = resolved
  const slots = yield* routeSlotsSteps(
    state,
    route,
    query.fromMs,
    query.toMs,
    nowMs,
    query.dayZone ?? undefined,
  )
  return { ok: true, slots: slots.map((slot) => pageSlotOf(slot, route.eventType, route)) }
}
