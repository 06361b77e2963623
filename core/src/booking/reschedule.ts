/**
 * Moving a booking to another start (product edge case 13). Each seat keeps its host when the host
 * is free at the new start (the booking itself left out of busy time and caps); only a seat whose
 * host is not free is re-filled, from the source the booking came through: its pool
 * (`Booking.poolId`), or for a panel booking the pool behind that panel seat (current panel
 * definition), ranked by the pool's method at `now` and never with another host of the booking. A
 * seat with no such source (booking page, specific panel member, pool or panel since deleted)
 * cannot be re-filled. Round robin re-fills with the first member in line free at the new start
 * (no per-range fall-through: the customer keeps their host whenever possible).
 *
 * Hosts kept are not a new distribution: only a `rescheduled` entry is written. A re-filled seat
 * adds a `reassigned` entry (old host → new host), which pool statistics count as removed from
 * the old host and received by the new one.
 */

import type { Booking, EventType, HistoryEntry, Workspace } from '../model/workspace'
import { instantFormat, instantParse, MS_PER_MINUTE } from '../time/instant'
import { ALTERNATIVES_MAX, ALTERNATIVES_REACH_MS } from './booking-alternatives'
import { historyAppend, historyAt } from './booking-history-write'
import { customerNoticeRefusal } from './customer-notice'
import { OPEN_STATUSES, bookingFind } from './booking-status'
import type {
  BookingChange,
  PageSlot,
  RescheduleAvailabilityResult,
  RescheduleRequest,
  DecisionState,
} from './booking-types'
import { pageBookableWindow, startOutsideBookable } from './page-slots'
import { type SeatCandidates, type SeatFill, seatFillsSteps } from './seat-fill'
import { type Steps, stepsRun } from '../availability/steps'
import { seatPoolRanking } from './seat-plan'

/** Why a re-filled seat changed hands, in its `reassigned` history entry. */
export const RESCHEDULE_REFILL_REASON =
  'rescheduled: the previous host was not free at the new time'

/** The pool that fills seat `seat` of `booking` (its `poolId`, or the panel seat's pool). */
export function bookingSeatPoolId(state: Workspace, booking: Booking, seat: number): string | null {
  if (booking.panelId !== null) {
    const definition = state.panels.find((panel) => panel.id === booking.panelId)?.seats[seat]
    return definition !== undefined && 'poolId' in definition ? definition.poolId : null
  }
  return booking.poolId
}

/** Per seat: the host first, then the seat's pool members in ranking order (no other host). */
export function rescheduleSeats(
  state: DecisionState,
  booking: Booking,
  nowMs: number,
): SeatCandidates[] {
  const hosts = new Set(booking.hostMemberIds)
  return booking.hostMemberIds.map((host, seat) => {
    const poolId = bookingSeatPoolId(state, booking, seat)
    const pool = state.pools.find((candidate) => candidate.id === poolId)
    const others = pool === undefined ? [] : seatPoolRanking(state, pool, nowMs)
    const replacements = others.map((c) => c.memberId).filter((id) => !hosts.has(id))
    const known = state.members.some((member) => member.id === host)
    return { memberIds: known ? [host, ...replacements] : replacements, isRoundRobin: false }
  })
}

type Movable =
  | { readonly ok: true; readonly booking: Booking; readonly eventType: EventType }
  | { readonly ok: false; readonly reason: 'not-found' | 'not-allowed'; readonly message: string }

function movable(state: Workspace, bookingId: string, nowMs: number): Movable {
  const found = bookingFind(state, bookingId)
  if (!found.ok) return { ok: false, reason: 'not-found', message: found.message }
  const { booking } = found
  if (!OPEN_STATUSES.has(booking.status)) {
    return { ok: false, reason: 'not-allowed', message: `A ${booking.status} booking cannot move` }
  }
  if (instantParse(booking.end) <= nowMs) {
    return { ok: false, reason: 'not-allowed', message: 'This meeting has already ended' }
  }
  const eventType = state.eventTypes.find((candidate) => candidate.id === booking.eventTypeId)
  if (eventType === undefined) {
    return { ok: false, reason: 'not-allowed', message: 'Its event type no longer exists' }
  }
  return { ok: true, booking, eventType }
}

function* fillsInSteps(
  state: Workspace,
  booking: Booking,
  eventType: EventType,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Steps<readonly SeatFill[]> {
  const window = pageBookableWindow(eventType, fromMs, toMs, nowMs)
  if (window === null) return []
  const seats = rescheduleSeats(state, booking, nowMs)
  if (seats.some((seat) => seat.memberIds.length === 0)) return []
  return yield* seatFillsSteps(state, seats, eventType, window[0], window[1], nowMs, booking.id)
}

function fillsIn(
  state: Workspace,
  booking: Booking,
  eventType: EventType,
  fromMs: number,
  toMs: number,
  nowMs: number,
): readonly SeatFill[] {
  return stepsRun(fillsInSteps(state, booking, eventType, fromMs, toMs, nowMs))
}

function slotOf(startMs: number, eventType: EventType): PageSlot {
  const endMs = startMs + eventType.durationMinutes * MS_PER_MINUTE
  return { start: instantFormat(startMs), end: instantFormat(endMs) }
}

/**
 * The starts the manage page offers for moving `bookingId`: starts in `[fromMs, toMs)` (epoch ms)
 * allowed by the event type's notice and booking window at `nowMs`, at which every seat is kept or
 * re-filled as `rescheduleDecide` would (the same computation), each with the hosts the booking
 * would have then (`hostMemberIds`, seat order). Ascending, unique, `[start, end)` ISO UTC.
 * `not-found` for an unknown booking, `not-allowed` for a cancelled, completed or no-show booking,
 * one whose meeting has ended, or a deleted event type. Throws a `RangeError` for non-finite times
 * or a window longer than `MAX_WINDOW_DAYS`.
 */
export function rescheduleAvailability(
  state: DecisionState,
  bookingId: string,
  fromMs: number,
  toMs: number,
  nowMs: number,
): RescheduleAvailabilityResult {
  return stepsRun(rescheduleAvailabilitySteps(state, bookingId, fromMs, toMs, nowMs))
}

/**
 * {@link rescheduleAvailability} in steps (see `steps.ts`): the same result, for a caller that
 * serves others between steps. Throws like `rescheduleAvailability`, from its first step.
 */
export function* rescheduleAvailabilitySteps(
  state: DecisionState,
  bookingId: string,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Steps<RescheduleAvailabilityResult> {
  if (![fromMs, toMs, nowMs].every(Number.isFinite)) {
    throw new RangeError(`Bad range [${fromMs}, ${toMs}) or now ${nowMs}`)
  }
  const found = movable(state, bookingId, nowMs)
  if (!found.ok) return found
  const { booking, eventType } = found
  const fills = yield* fillsInSteps(state, booking, eventType, fromMs, toMs, nowMs)
  // The time the booking has now is no time to move it to.
  const currentMs = instantParse(booking.start)
  return {
    ok: true,
    slots: fills
      .filter((fill) => fill.startMs !== currentMs)
      .map((fill) => ({ ...slotOf(fill.startMs, eventType), hostMemberIds: fill.memberIds })),
  }
}

function alternatives(
  state: Workspace,
  booking: Booking,
  eventType: EventType,
  startMs: number,
  nowMs: number,
): readonly PageSlot[] {
  const reach = ALTERNATIVES_REACH_MS
  return fillsIn(state, booking, eventType, startMs - reach, startMs + reach, nowMs)
    .map((fill) => fill.startMs)
    .filter((at) => at !== startMs)
    .toSorted((a, b) => Math.abs(a - startMs) - Math.abs(b - startMs) || a - b)
    .slice(0, ALTERNATIVES_MAX)
    .toSorted((a, b) => a - b)
    .map((at) => slotOf(at, eventType))
}

/**
 * Moves booking `bookingId` to `startMs` (epoch ms) at `nowMs` (see the module comment). Refusals:
 * `not-found`; `not-allowed` (cancelled, completed, no-show, ended by `nowMs`, its event type
 * deleted, or — with `request.asCustomer` — past the customer's deadline, `customer-notice.ts`);
 * `too-soon` / `too-far-ahead` (the event type's notice and booking window apply, as when
 * booking); `slot-unavailable` when a seat can be neither kept nor re-filled; these three with up
 * to six nearest alternatives. The result keeps id, customer, answers, page, pool and panel;
 * `start`/`end` move (duration of the event type), status becomes `rescheduled`, history gains
 * `{ at, action: 'rescheduled', by, previousStart }` then one `reassigned` entry per re-filled
 * seat. Throws a `RangeError` for a non-finite `startMs` or `nowMs`.
 */
export function rescheduleDecide(
  state: DecisionState,
  request: RescheduleRequest,
  nowMs: number,
): BookingChange {
  const { startMs } = request
  if (!Number.isFinite(startMs) || !Number.isFinite(nowMs)) {
    throw new RangeError(`Bad start ${startMs} or now ${nowMs}`)
  }
  const found = movable(state, request.bookingId, nowMs)
  if (!found.ok) return found
  const { booking, eventType } = found
  if (request.asCustomer === true) {
    const late = customerNoticeRefusal(booking, eventType, nowMs, 'reschedule')
    if (late !== null) return late
  }
  // Every refusal of the start itself offers the nearest free starts, as when booking.
  const refused = (
    reason: 'too-soon' | 'too-far-ahead' | 'slot-unavailable',
    message: string,
  ): BookingChange => ({
    ok: false,
    reason,
    message,
    alternatives: alternatives(state, booking, eventType, startMs, nowMs),
  })
  const outside = startOutsideBookable(eventType, startMs, nowMs)
  if (outside === 'too-soon') return refused(outside, `${eventType.name} needs more notice`)
  if (outside === 'too-far-ahead') return refused(outside, 'That is past the booking window')
  const [fill] = fillsIn(state, booking, eventType, startMs, startMs + 1, nowMs)
  if (fill?.startMs !== startMs) return refused('slot-unavailable', 'This time is not available')
  const at = historyAt(booking, nowMs)
  const entries: HistoryEntry[] = [
    { at, action: 'rescheduled', by: request.by, previousStart: booking.start },
  ]
  booking.hostMemberIds.forEach((host, seat) => {
    const to = fill.memberIds[seat]
    if (to === undefined || to === host) return
    entries.push({
      at,
      action: 'reassigned',
      by: request.by,
      reason: RESCHEDULE_REFILL_REASON,
      fromMemberId: host,
      toMemberId: to,
      forced: false,
    })
  })
  const moved: Booking = {
    ...booking,
    start: instantFormat(startMs),
    end: instantFormat(startMs + eventType.durationMinutes * MS_PER_MINUTE),
    hostMemberIds: fill.memberIds,
    status: 'rescheduled',
  }
  return { ok: true, booking: historyAppend(moved, ...entries) }
}
