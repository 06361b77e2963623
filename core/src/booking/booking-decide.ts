/**
 * A new booking: re-check everything at commit time with the page availability computation
 * (rule 1: a slot shown is a slot bookable; rule 2: a start taken meanwhile is refused, or — for
 * pools — given to another free member), pick the hosts and explain why.
 */

import { emailHasShape } from '../model/email-shape'
import { ID_PATTERN, type Booking, type Customer, type Workspace } from '../model/workspace'
import { instantFormat, MS_PER_MINUTE } from '../time/instant'
import { zoneIsValid } from '../time/zone'
import { answersCanonical } from '../routing/answers-validate'
import { explanationBuild } from './assignment-explanation'
import { bookingAlternatives } from './booking-alternatives'
import { historyCreated } from './booking-history-write'
import type {
  BookingDecision,
  BookingRequest,
  DecisionContext,
  FieldProblem,
  DecisionState,
} from './booking-types'
import { type PageRoute, pageRouteResolve } from './page-route'
import { routeSlots, seatPlanCandidates, startOutsideBookable } from './page-slots'
import { masterPageIdIsLink } from './public-page'
import { seatIndexBuild, seatsFillAt, seatsHaveCandidates } from './seat-fill'
import { seatPlanFor } from './seat-plan'

/** Zone names already checked (luxon builds an `Intl.DateTimeFormat` per check); bounded. */
const zoneChecks = new Map<string, boolean>()
const ZONE_CHECKS_MAX = 1000

function isKnownZone(zone: string): boolean {
  const known = zoneChecks.get(zone)
  if (known !== undefined) return known
  const isValid = zoneIsValid(zone)
  if (zoneChecks.size < ZONE_CHECKS_MAX) zoneChecks.set(zone, isValid)
  return isValid
}

function customerProblems(customer: Customer): FieldProblem[] {
  const problems: FieldProblem[] = []
  if (typeof customer.name !== 'string' || customer.name.trim() === '') {
    problems.push({ path: 'customer.name', message: 'Name is required' })
  }
  if (typeof customer.email !== 'string' || !emailHasShape(customer.email)) {
    problems.push({ path: 'customer.email', message: 'A valid e-mail address is required' })
  }
  if (typeof customer.timeZone !== 'string' || !isKnownZone(customer.timeZone)) {
    problems.push({ path: 'customer.timeZone', message: 'An IANA time zone is required' })
  }
  return problems
}

function checkContext(state: Workspace, request: BookingRequest, bookingId: string): void {
  if (typeof bookingId !== 'string' || !ID_PATTERN.test(bookingId)) {
    throw new RangeError(`Bad booking id ${JSON.stringify(bookingId)}`)
  }
  if (state.bookings.some((booking) => booking.id === bookingId)) {
    throw new RangeError(`Booking id ${bookingId} is already used`)
  }
  if (!Number.isFinite(request.startMs)) throw new RangeError(`Bad start: ${request.startMs}`)
}

/** The route a find-member-by-time booking takes once a member free at `startMs` is picked. */
function memberPicked(
  state: Workspace,
  route: PageRoute,
  startMs: number,
  nowMs: number,
): Extract<PageRoute, { kind: 'target' }> | null {
  if (route.kind === 'target') return route
  const [slot] = routeSlots(state, route, startMs, startMs + 1, nowMs)
  const bookingPageId = slot?.startMs === startMs ? slot.bookingPageIds?.[0] : undefined
  if (bookingPageId === undefined) return null
  const { masterPage, eventType } = route
  return {
    kind: 'target',
    masterPage,
    eventType,
    matched: { kind: 'customer-choice' },
    target: { bookingPageId },
    rule: null,
  }
}

/**
 * Decides a new booking at `request.startMs` (epoch ms) on a master page, at `ctx.nowMs`, with id
 * `ctx.bookingId`. Checks in order: page, event type on the page, booking page (customer choice),
 * answers and customer fields (`invalid-answers`, every problem; required questions must be
 * answered), `too-soon` (before now + minimum notice), `too-far-ahead` (after now + booking
 * window),
 * then the start itself with the page availability computation over `[start, start + 1 ms)`:
 * - booking page (chosen or routed): its member must be free;
 * - find member by time: the chosen booking page's member, or without a choice the first of the
 *   page's booking pages (page order) whose member is free;
 * - round robin: the first member in line order free then; pooled: the longest idle free member;
 *   pooled-priority: the highest priority free member, ties longest idle; panel: distinct members
 *   per seat, each pool seat preferring its method's ranking (see `seat-fill.ts`).
 * So when the member shown is taken meanwhile, a pool gives the start to the next free member, and
 * a fixed target (booking page, specific panel member, or nobody free) is refused with
 * `slot-unavailable` and up to six nearest free starts as `alternatives`; a start within the event
 * type's notice (`too-soon`) or past its booking window (`too-far-ahead`) gets them too.
 *
 * The booking: status `scheduled`, hosts one per seat in seat order, `poolId` (pool target) or
 * `panelId` (panel target), `history: [{ at: now, action: 'created', by }]`, answers in
 * canonical form (`answersCanonical`: trimmed, blanks dropped, select answers spelled as their
 * option). Throws a `RangeError` for a malformed or used booking id, non-finite times, and
 * invalid records.
 */
export function bookingDecide(
  state: DecisionState,
  request: BookingRequest,
  ctx: DecisionContext,
): BookingDecision {
  checkContext(state, request, ctx.bookingId)
  const { nowMs } = ctx
  const { startMs } = request
  const customer = customerProblems(request.customer)
  const resolved = pageRouteResolve(state, request, true)
  if (!resolved.ok) {
    const problems = [...(resolved.problems ?? []), ...customer]
    return problems.length > 0 && resolved.reason === 'invalid-answers'
      ? { ...resolved, problems }
      : resolved
  }
  if (customer.length > 0) {
    return {
      ok: false,
      reason: 'invalid-answers',
      message: 'Some customer details are missing or invalid',
      problems: customer,
    }
  }
  const { route } = resolved
  const eventType = route.eventType
  // Every refusal of the start itself offers the nearest free starts: a time shown to the customer
  // can also pass its notice while they fill in the form.
  const refused = (
    reason: 'too-soon' | 'too-far-ahead' | 'slot-unavailable',
    message: string,
  ): BookingDecision => ({
    ok: false,
    reason,
    message,
    alternatives: bookingAlternatives(state, route, startMs, nowMs, ctx.stateWithin),
  })
  const outside = startOutsideBookable(eventType, startMs, nowMs)
  if (outside === 'too-soon') return refused(outside, `${eventType.name} needs more notice`)
  if (outside === 'too-far-ahead') {
    return refused(
      outside,
      `${eventType.name} can be booked at most ${eventType.maxDaysAhead} days ahead`,
    )
  }
  const unavailable = () => refused('slot-unavailable', 'This time is no longer available')
  const picked = memberPicked(state, route, startMs, nowMs)
  if (picked === null) return unavailable()
  const plan = seatPlanFor(state, picked.target, nowMs)
  const seats = seatPlanCandidates(plan)
  if (!seatsHaveCandidates(seats)) return unavailable()
  const index = seatIndexBuild(state, seats, startMs, startMs + 1, null, eventType)
  const { fill, free } = seatsFillAt(index, seats, eventType, nowMs, startMs)
  if (fill === null) return unavailable()
  const explanation = explanationBuild(
    state,
    picked,
    plan,
    fill.memberIds,
    free,
    route.kind === 'find-member-by-time'
      ? 'first-free'
      : request.createdVia === 'desktop'
        ? 'desk'
        : 'customer',
  )
  const booking: Booking = {
    id: ctx.bookingId,
    eventTypeId: eventType.id,
    // A booking page's own link is no stored master page (`public-page.ts`).
    masterPageId: masterPageIdIsLink(route.masterPage.id) ? null : route.masterPage.id,
    start: instantFormat(startMs),
    end: instantFormat(startMs + eventType.durationMinutes * MS_PER_MINUTE),
    hostMemberIds: fill.memberIds,
    poolId: plan.poolId,
    panelId: plan.panelId,
    status: 'scheduled',
    customer: request.customer,
    answers: answersCanonical(eventType, request.answers),
    createdVia: request.createdVia,
    // The created entry says why the booking went to its hosts ("why did this go to Ana?").
    history: [{ ...historyCreated(nowMs, request.by), reason: explanation.summary }],
  }
  return { ok: true, booking, explanation }
}
