/**
 * The free starts of a resolved page route over a window, with who would take each one — shared
 * by page availability, booking alternatives and the benchmarks. Starts are epoch ms, ascending,
 * unique; the window is half-open `[fromMs, toMs)`.
 */

import { availabilityIndexBuildSteps } from '../availability/availability-index'
import { slotUnionMemberIndexes, slotsUnion } from '../availability/slot-union'
import { type Steps, stepsRun } from '../availability/steps'
import type { EventType, Workspace } from '../model/workspace'
import { MS_PER_DAY, MS_PER_MINUTE } from '../time/instant'
import { zoneIsValid } from '../time/zone'
import { zoneDayPieces } from '../time/zone-convert'
import type { PageRoute } from './page-route'
import { bookingsNear } from './bookings-near'
import { FILL_STEP_MS, type SeatCandidates, seatFillsSteps, seatsHaveCandidates } from './seat-fill'
import { type SeatMethod, type SeatPlan, seatPlanFor } from './seat-plan'
import { DISTRIBUTION_METHODS } from '../distribution/distribution-methods'
import type { Distribution } from '../model/workspace'

function seatOffersNextInLine(method: SeatMethod): boolean {
  return (
    Object.hasOwn(DISTRIBUTION_METHODS, method) &&
    DISTRIBUTION_METHODS[method as Distribution].offers === 'next-in-line'
  )
}

/** One free start of a route. */
export interface RouteSlot {
  readonly startMs: number
  /** Who would fill each seat (one id for a pool or booking page). */
  readonly memberIds: readonly string[]
  /** Find member by time: the booking pages whose member is free then, in page order. */
  readonly bookingPageIds?: readonly string[]
}

/** The seats of a plan as candidate lists (round-robin seats offer only the next in line). */
export function seatPlanCandidates(plan: SeatPlan): SeatCandidates[] {
  return plan.seats.map((seat) => ({
    memberIds: seat.ranking.map((candidate) => candidate.memberId),
    isRoundRobin: seat.poolId !== null && seatOffersNextInLine(seat.method),
  }))
}

/**
 * `[fromMs, toMs)` cut to the starts the event type allows at `nowMs` (minimum notice and booking
 * window, both inclusive), or null when nothing is left. Keeps indexes small when a page asks far
 * past the booking window.
 */
export function pageBookableWindow(
  eventType: EventType,
  fromMs: number,
  toMs: number,
  nowMs: number,
): readonly [number, number] | null {
  const { earliestMs, latestMs } = bookableBounds(eventType, nowMs)
  const from = Math.max(fromMs, earliestMs)
  // One ms past the last allowed instant, so the inclusive limit stays inside the half-open window.
  const to = Math.min(toMs, latestMs + 1)
  return from < to ? [from, to] : null
}

/** The first and last start the event type allows at `nowMs`: its minimum notice and booking window. */
function bookableBounds(
  eventType: EventType,
  nowMs: number,
): { readonly earliestMs: number; readonly latestMs: number } {
  return {
    earliestMs: nowMs + eventType.minNoticeMinutes * MS_PER_MINUTE,
    latestMs: nowMs + eventType.maxDaysAhead * MS_PER_DAY,
  }
}

/**
 * Why the event type does not allow a start at `startMs` at `nowMs` — `too-soon` (within its
 * minimum notice) or `too-far-ahead` (past its booking window) — or null when it does: the bounds
 * {@link pageBookableWindow} cuts to, for a decision about one start.
 */
export function startOutsideBookable(
  eventType: EventType,
  startMs: number,
  nowMs: number,
): 'too-soon' | 'too-far-ahead' | null {
  const { earliestMs, latestMs } = bookableBounds(eventType, nowMs)
  if (startMs < earliestMs) return 'too-soon'
  return startMs > latestMs ? 'too-far-ahead' : null
}

function* findMemberSlotsSteps(
  state: Workspace,
  route: Extract<PageRoute, { kind: 'find-member-by-time' }>,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Steps<RouteSlot[]> {
  const known = new Set(state.members.map((member) => member.id))
  const pages = route.bookingPages.filter((page) => known.has(page.memberId))
  const memberIds = [...new Set(pages.map((page) => page.memberId))]
  if (memberIds.length === 0) return []
  const index = yield* availabilityIndexBuildSteps(
    { ...state, bookings: bookingsNear(state.bookings, fromMs, toMs) },
    { fromMs, toMs, memberIds },
  )
  const slots: RouteSlot[] = []
  // Each start stands alone: a day of starts per step.
  for (let from = fromMs; from < toMs; from += FILL_STEP_MS) {
    yield
    const range = { fromMs: from, toMs: Math.min(toMs, from + FILL_STEP_MS) }
    const union = slotsUnion(index, memberIds, route.eventType, nowMs, range)
    for (let slot = 0; slot < union.startsMs.length; slot++) {
      const free = new Set(Array.from(slotUnionMemberIndexes(union, slot), (at) => memberIds[at]!))
      const open = pages.filter((page) => free.has(page.memberId))
      slots.push({
        startMs: union.startsMs[slot]!,
        memberIds: [open[0]!.memberId],
        bookingPageIds: open.map((page) => page.id),
      })
    }
  }
  return slots
}

/**
 * The free starts of `route` in `[fromMs, toMs)` at `nowMs`, from the records. With `dayZone`, a
 * round-robin seat falls through per local day of that zone (each day offers the first member in
 * line with a time that day, as a calendar of days shows it); without, over the whole range.
 * Throws a `RangeError` for a non-finite or too long window (see `availabilityIndexBuild`), a bad
 * `dayZone` and invalid records.
 */
export function routeSlots(
  state: Workspace,
  route: PageRoute,
  fromMs: number,
  toMs: number,
  nowMs: number,
  dayZone?: string,
): readonly RouteSlot[] {
  return stepsRun(routeSlotsSteps(state, route, fromMs, toMs, nowMs, dayZone))
}

/**
 * {@link routeSlots} in steps (see `steps.ts`; `seatFillsSteps` says why the result is the same):
 * for a caller that serves others between steps. Throws like `routeSlots`, from its first step.
 */
export function* routeSlotsSteps(
  state: Workspace,
  route: PageRoute,
  fromMs: number,
  toMs: number,
  nowMs: number,
  dayZone?: string,
): Steps<readonly RouteSlot[]> {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || !Number.isFinite(nowMs)) {
    throw new RangeError(`Bad window [${fromMs}, ${toMs}) or now ${nowMs}`)
  }
  if (dayZone !== undefined && !zoneIsValid(dayZone)) {
    throw new RangeError(`Unknown time zone ${JSON.stringify(dayZone)}`)
  }
  const window = pageBookableWindow(route.eventType, fromMs, toMs, nowMs)
  if (window === null) return []
  const [from, to] = window
  if (route.kind === 'find-member-by-time') {
    return yield* findMemberSlotsSteps(state, route, from, to, nowMs)
  }
  const seats = seatPlanCandidates(seatPlanFor(state, route.target, nowMs))
  if (!seatsHaveCandidates(seats)) return []
  if (dayZone === undefined || !seats.some((seat) => seat.isRoundRobin)) {
    return yield* seatFillsSteps(state, seats, route.eventType, from, to, nowMs)
  }
  // Round robin per day: each local day is a range of its own (the fills of other methods depend
  // on the start alone, so they are the same either way).
  const slots: RouteSlot[] = []
  for (const [dayFrom, dayTo] of zoneDayPieces(dayZone, from, to)) {
    slots.push(...(yield* seatFillsSteps(state, seats, route.eventType, dayFrom, dayTo, nowMs)))
  }
  return slots
}
