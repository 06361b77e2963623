/**
 * The free starts of a resolved page route over a window, with who would take each one — shared
 * by page availability, booking alternatives and the benchmarks. Starts are epoch ms, ascending,
 * unique; the window is half-open `[fromMs, toMs)`.
 */

import { slotUnionMemberIndexes, slotsUnion } from '../availability/slot-union'
import type { EventType, Workspace } from '../model/workspace'
import { MS_PER_DAY, MS_PER_MINUTE } from '../time/instant'
import type { PageRoute } from './page-route'
import { type SeatCandidates, seatIndexBuild, seatsFill } from './seat-fill'
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
  const earliest = nowMs + eventType.minNoticeMinutes * MS_PER_MINUTE
  // One ms past the last allowed instant, so the inclusive limit stays inside the half-open window.
  const latestEnd = nowMs + eventType.maxDaysAhead * MS_PER_DAY + 1
  const from = Math.max(fromMs, earliest)
  const to = Math.min(toMs, latestEnd)
  return from < to ? [from, to] : null
}

function findMemberSlots(
  state: Workspace,
  route: Extract<PageRoute, { kind: 'find-member-by-time' }>,
  fromMs: number,
  toMs: number,
  nowMs: number,
): RouteSlot[] {
  const known = new Set(state.members.map((member) => member.id))
  const pages = route.bookingPages.filter((page) => known.has(page.memberId))
  const memberIds = [...new Set(pages.map((page) => page.memberId))]
  if (memberIds.length === 0) return []
  const seats = [{ memberIds, isRoundRobin: false }]
  const index = seatIndexBuild(state, seats, fromMs, toMs)
  const union = slotsUnion(index, memberIds, route.eventType, nowMs)
  const slots: RouteSlot[] = []
  for (let slot = 0; slot < union.startsMs.length; slot++) {
    const free = new Set(Array.from(slotUnionMemberIndexes(union, slot), (at) => memberIds[at]!))
    const open = pages.filter((page) => free.has(page.memberId))
    slots.push({
      startMs: union.startsMs[slot]!,
      memberIds: [open[0]!.memberId],
      bookingPageIds: open.map((page) => page.id),
    })
  }
  return slots
}

/**
 * The free starts of `route` in `[fromMs, toMs)` at `nowMs`, from the records. Throws a
 * `RangeError` for a non-finite or too long window (see `availabilityIndexBuild`) and invalid
 * records.
 */
export function routeSlots(
  state: Workspace,
  route: PageRoute,
  fromMs: number,
  toMs: number,
  nowMs: number,
): readonly RouteSlot[] {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || !Number.isFinite(nowMs)) {
    throw new RangeError(`Bad window [${fromMs}, ${toMs}) or now ${nowMs}`)
  }
  const window = pageBookableWindow(route.eventType, fromMs, toMs, nowMs)
  if (window === null) return []
  const [from, to] = window
  if (route.kind === 'find-member-by-time') {
    return findMemberSlots(state, route, from, to, nowMs)
  }
  const seats = seatPlanCandidates(seatPlanFor(state, route.target, nowMs))
  if (seats.length === 0 || seats.some((seat) => seat.memberIds.length === 0)) return []
  const index = seatIndexBuild(state, seats, from, to)
  return seatsFill(index, seats, route.eventType, nowMs)
}
