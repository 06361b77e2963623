/**
 * What an availability request costs, in member-days: the members whose calendars it reads times
 * the days it covers. The computation's work grows with both (an index per member and day, then
 * the starts of each day), so a server can budget clients by cost rather than by request count.
 */

import type { Target, Workspace } from '../model/workspace'
import { MS_PER_DAY } from '../time/instant'
import type { PageAvailabilityQuery } from './booking-types'
import { pageRouteResolve } from './page-route'
import { bookingSeatPoolId } from './reschedule'

/** Whole days in `[fromMs, toMs)`, rounded up; at least 1. */
function daysIn(fromMs: number, toMs: number): number {
  return Math.max(1, Math.ceil((toMs - fromMs) / MS_PER_DAY))
}

/** Members a target's availability reads: a booking page's one, a pool's listed, every seat's. */
function targetMemberCount(state: Workspace, target: Target): number {
  const poolSize = (poolId: string) =>
    state.pools.find((pool) => pool.id === poolId)?.members.length ?? 0
  if ('poolId' in target) return poolSize(target.poolId)
  if ('bookingPageId' in target) return 1
  const panel = state.panels.find((candidate) => candidate.id === target.panelId)
  return (panel?.seats ?? []).reduce(
    (sum, seat) => sum + ('poolId' in seat ? poolSize(seat.poolId) : 1),
    0,
  )
}

/**
 * The cost of `pageAvailability` for `query`, in member-days: the members whose calendars it
 * reads (a booking page's member; a pool's listed members; for a panel, each seat's — one for a
 * member seat, the pool's for a pool seat; for find member by time, the members of the page's
 * booking pages) times the days of `[fromMs, toMs)` rounded up; at least 1 (a refused query,
 * which computes nothing, costs 1).
 */
export function pageAvailabilityCost(state: Workspace, query: PageAvailabilityQuery): number {
  const resolved = pageRouteResolve(state, query, false)
  if (!resolved.ok) return 1
  const { route } = resolved
  const members =
    route.kind === 'find-member-by-time'
      ? new Set(route.bookingPages.map((page) => page.memberId)).size
      : targetMemberCount(state, route.target)
  return Math.max(1, members) * daysIn(query.fromMs, query.toMs)
}

/**
 * The cost of `rescheduleAvailability`, in member-days: per seat of the booking its host plus
 * the members of the pool that would re-fill it, times the days of `[fromMs, toMs)` rounded up;
 * at least 1 (an unknown booking costs 1).
 */
export function rescheduleAvailabilityCost(
  state: Workspace,
  bookingId: string,
  fromMs: number,
  toMs: number,
): number {
  const booking = state.bookings.find((candidate) => candidate.id === bookingId)
  if (booking === undefined) return 1
  const members = booking.hostMemberIds.reduce((sum, _host, seat) => {
    const poolId = bookingSeatPoolId(state, booking, seat)
    const pool = state.pools.find((candidate) => candidate.id === poolId)
    return sum + 1 + (pool?.members.length ?? 0)
  }, 0)
  return Math.max(1, members) * daysIn(fromMs, toMs)
}
