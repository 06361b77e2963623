import { Router } from 'express'
import { asyncRoute } from '../http/async-route'
import type { Request, Response } from 'express'
import { rateLimit } from 'express-rate-limit'
import { clientAddressKey } from '../http/client-address'
import type { Clock } from '../app'
import { CostBudget } from '../cost-budget'
import { jsonArrayYielding, stepsRunYielding } from '../http/steps-yielding'
import type { EventType, Member, Workspace } from '../../../core/src/model/workspace'
import {
  customerChangeDeadlineMs,
  customerMayChange,
  customerNoticeRefusal,
  memberFirstName,
  publicPageBySlug,
} from '../../../core/src/booking'
import type { BookingDoc, BookingService, Outcome } from '../booking-service'
import { HttpError, sendError } from '../http/errors'
import { refuseInvalidId } from '../http/id-param'
import type { ErrorCode } from '../http/errors'
import {
  answersFromQuery,
  availabilityQuerySchema,
  bookingBodySchema,
  cancelBodySchema,
  parseOrThrow,
  rescheduleAvailabilityQuerySchema,
  rescheduleBodySchema,
  tokenQuerySchema,
} from '../http/public-schemas'

export interface PublicRateLimits {
  /** Requests per minute per client address on the whole public API. */
  readonly perMinute: number
  /** Booking, cancel and reschedule requests per minute per client address. */
  readonly writesPerMinute: number
  /**
   * Availability work per client address, in member-days a minute (`CostBudget`): each
   * availability request costs the members it reads times the days it covers.
   */
  readonly availabilityMemberDaysPerMinute: number
}

export const DEFAULT_PUBLIC_RATE_LIMITS: PublicRateLimits = {
  perMinute: 600,
  writesPerMinute: 60,
  availabilityMemberDaysPerMinute: 50_000,
}

/** Which contract error a decision's refusal reason becomes. */
const REASON_TO_CODE: Readonly<Record<string, ErrorCode>> = {
  'unknown-page': 'not-found',
  'unknown-event-type': 'not-found',
  'unknown-booking-page': 'not-found',
  'unknown-member': 'not-found',
  'not-found': 'not-found',
  'booking-page-required': 'invalid-request',
  'invalid-answers': 'invalid-request',
  'slot-unavailable': 'slot-unavailable',
  'too-soon': 'slot-unavailable',
  'too-far-ahead': 'slot-unavailable',
  'member-unavailable': 'member-unavailable',
  'not-allowed': 'not-allowed',
}

/** Sends a refused outcome in the contract's error format. */
export function sendRefusal(
  res: Response,
  outcome: Extract<Outcome<unknown>, { ok: false }>,
): void {
  sendError(res, REASON_TO_CODE[outcome.reason] ?? 'invalid-request', outcome.message, {
    ...(outcome.reason !== REASON_TO_CODE[outcome.reason] ? { reason: outcome.reason } : {}),
    ...outcome.extra,
  })
}

/** First names only: the public endpoint never reveals more about hosts. */
function firstName(member: Member | undefined): string {
  return memberFirstName(member?.name)
}

/**
 * Where a meeting takes place as the page shows it before booking: an address in full (it is
 * where customers go), for a phone or video meeting only the kind — the number or link is given
 * with the booking.
 */
function locationTeaser(eventType: EventType) {
  const location = eventType.location
  if (!location) return null
  return location.type === 'in-person' ? location : { type: location.type }
}

/**
 * The customer-facing booking: no other customer, no host calendars, no internal fields. With
 * it, what the confirmation and manage page show: the event type (name, duration, location), the
 * zone the customer booked in, and until when they may still change it (`changeDeadline`, ISO;
 * `canChange` false once it passed or the booking is closed).
 */
export function publicBooking(doc: BookingDoc, state: Workspace, nowMs: number) {
  const members = new Map(state.members.map((m) => [m.id, m]))
  const eventType = state.eventTypes.find((e) => e.id === doc.eventTypeId)
  return {
    id: doc.id,
    eventTypeId: doc.eventTypeId,
    start: doc.start,
    end: doc.end,
    status: doc.status,
    hosts: doc.hostMemberIds.map((id) => ({ name: firstName(members.get(id)) })),
    location: state.eventTypes.find((e) => e.id === doc.eventTypeId)?.location ?? null,
    manageToken: doc.manageToken,
    eventType: eventType
      ? {
          name: eventType.name,
          durationMinutes: eventType.durationMinutes,
          location: eventType.location ?? null,
          cancelNoticeMinutes: eventType.cancelNoticeMinutes ?? null,
        }
      : null,
    timeZone: doc.customer.timeZone,
    changeDeadline: new Date(customerChangeDeadlineMs(doc, eventType)).toISOString(),
    canChange: customerMayChange(doc, eventType, nowMs),
  }
}

/** The client address the limits count by (IPv6 by /56 prefix, like express-rate-limit). */
const clientKey = clientAddressKey

/**
 * `/api/public/*`: no authentication, rate-limited per client address, customer data only.
 * Availability is also budgeted by cost per address (`limits.availabilityMemberDaysPerMinute`)
 * and computed in core's steps, handing the event loop back between steps.
 */
export function publicRouter(
  service: BookingService,
  state: () => Workspace,
  limits: PublicRateLimits,
  clock: Clock,
  /** The customer's own booking as an `.ics` file (`GET /bookings/{id}/calendar.ics`). */
  calendarOf?: (doc: BookingDoc) => string,
): Router {
  const router = Router()
  const limiter = (limit: number) =>
    rateLimit({
      windowMs: 60_000,
      limit,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      // Without --trust-proxy a client's X-Forwarded-For is ignored on purpose, not a mistake.
      validate: { xForwardedForHeader: false },
      handler: (_req, res) =>
        sendError(res, 'rate-limited', 'too many requests; try again in a minute'),
    })
  const writeLimiter = limiter(limits.writesPerMinute)
  router.use(limiter(limits.perMinute))
  const budget = new CostBudget(limits.availabilityMemberDaysPerMinute, () => clock.now())
  /** Charges an availability request's cost, or answers 429 with Retry-After and returns false. */
  const admit = (req: Request, res: Response, memberDays: number): boolean => {
    const taken = budget.take(clientKey(req), memberDays)
    if (taken.ok) return true
    res.setHeader('Retry-After', String(taken.retryAfterSeconds))
    sendError(
      res,
      'rate-limited',
      `this address used its availability budget (${budget.perMinute} member-days a minute); ` +
        `retry in ${taken.retryAfterSeconds} s or ask for fewer days`,
    )
    return false
  }
  /** True once the client of `res` went away (checked between computation steps). */
  const abandoned = (res: Response) => {
    let isClosed = false
    res.once('close', () => (isClosed = true))
    return () => isClosed
  }
  router.param('id', refuseInvalidId)

  /** The master page, or a booking page as its link page (core's `publicPageBySlug`). */
  const publicPageOr404 = (slug: string | undefined) => {
    const found = publicPageBySlug(state(), String(slug))
    if (!found) throw new HttpError('not-found', 'no such booking page')
    return found
  }
  const pageOr404 = (slug: string | undefined) => publicPageOr404(slug).page

  router.get(
    '/pages/:slug',
    asyncRoute((req, res) => {
      const found = publicPageOr404(req.params['slug'])
      const page = found.page
      const ws = state()
      const members = new Map(ws.members.map((m) => [m.id, m]))
      const assignment = page.assignment
      const branding = page.branding ?? null
      res.json({
        slug: page.slug,
        title: page.title,
        // A booking page's own link (api.md v1.1), or a master page.
        kind: found.kind,
        assignment:
          assignment.type === 'customer-choice'
            ? { type: assignment.type, flow: assignment.flow }
            : { type: assignment.type },
        branding: branding
          ? {
              logo: branding.logo ?? null,
              accentColor: branding.accentColor ?? null,
              description: branding.description ?? null,
            }
          : null,
        eventTypes: page.eventTypeIds.flatMap((id) => {
          const e = ws.eventTypes.find((candidate) => candidate.id === id)
          return e
            ? [
                {
                  id: e.id,
                  name: e.name,
                  durationMinutes: e.durationMinutes,
                  questions: e.questions,
                  location: locationTeaser(e),
                  cancelNoticeMinutes: e.cancelNoticeMinutes ?? null,
                  minNoticeMinutes: e.minNoticeMinutes,
                  maxDaysAhead: e.maxDaysAhead,
                },
              ]
            : []
        }),
        bookingPages:
          assignment.type === 'customer-choice'
            ? ws.bookingPages
                .filter((b) => assignment.bookingPageIds.includes(b.id))
                .map((b) => ({
                  id: b.id,
                  name: firstName(members.get(b.memberId)),
                  eventTypeIds: b.eventTypeIds.filter((id) => page.eventTypeIds.includes(id)),
                }))
            : [],
      })
    }),
  )

  router.get(
    '/pages/:slug/availability',
    asyncRoute(async (req, res) => {
      const page = pageOr404(req.params['slug'])
      const query = parseOrThrow(availabilityQuerySchema, req.query)
      const request = {
        masterPageId: page.id,
        eventTypeId: query.eventTypeId,
        fromMs: Date.parse(query.from),
        toMs: Date.parse(query.to),
        bookingPageId: query.bookingPageId ?? null,
        answers: answersFromQuery(req.query),
        dayZone: query.timeZone ?? null,
      }
      if (!admit(req, res, service.availabilityCost(request))) return
      const isAbandoned = abandoned(res)
      const result = await stepsRunYielding(service.availabilitySteps(request), isAbandoned)
      if (result === null) return
      if (!result.ok)
        return sendRefusal(res, {
          ok: false,
          reason: result.reason,
          message: result.message,
          extra: result.problems ? { problems: result.problems } : {},
        })
      // Each booking page as the customer sees it, built once and shared by every slot.
      const ws = state()
      const members = new Map(ws.members.map((m) => [m.id, m]))
      const shown = new Map(
        ws.bookingPages.map((b) => [b.id, { id: b.id, name: firstName(members.get(b.memberId)) }]),
      )
      const slots = result.slots.map((slot) => ({
        start: slot.start,
        end: slot.end,
        ...(slot.bookingPageIds
          ? {
              bookingPages: slot.bookingPageIds.map(
                (id) => shown.get(id) ?? { id, name: firstName(undefined) },
              ),
            }
          : {}),
      }))
      const json = await jsonArrayYielding(slots, isAbandoned)
      if (json === null) return
      res.type('application/json').send(`{"slots":${json}}`)
    }),
  )

  router.post(
    '/pages/:slug/bookings',
    writeLimiter,
    asyncRoute(async (req, res) => {
      const page = pageOr404(req.params['slug'])
      const body = parseOrThrow(bookingBodySchema, req.body)
      const outcome = await service.book(
        {
          masterPageId: page.id,
          eventTypeId: body.eventTypeId,
          startMs: Date.parse(body.start),
          bookingPageId: body.bookingPageId ?? null,
          customer: body.customer,
          answers: body.answers,
          createdVia: 'public',
          by: 'customer',
        },
        body.idempotencyKey ?? null,
      )
      if (!outcome.ok) return sendRefusal(res, outcome)
      res.status(201).json({ booking: publicBooking(outcome.value, state(), clock.now()) })
    }),
  )

  const bookingWithToken = async (id: string | undefined, token: string) => {
    const doc = await service.bookingDoc(String(id))
    // A wrong token answers exactly like an unknown booking: existence is not revealed.
    if (!doc || !service.tokenValid(doc, token)) throw new HttpError('not-found', 'no such booking')
    return doc
  }

  router.get(
    '/bookings/:id',
    asyncRoute(async (req, res) => {
      const { token } = parseOrThrow(tokenQuerySchema, req.query)
      const doc = await bookingWithToken(req.params['id'], token)
      res.json({ booking: publicBooking(doc, state(), clock.now()) })
    }),
  )

  router.get(
    '/bookings/:id/calendar.ics',
    asyncRoute(async (req, res) => {
      const { token } = parseOrThrow(tokenQuerySchema, req.query)
      const doc = await bookingWithToken(req.params['id'], token)
      if (!calendarOf) throw new HttpError('not-found', 'no such booking')
      res.type('text/calendar; charset=utf-8')
      res.setHeader('Content-Disposition', 'attachment; filename="booking.ics"')
      res.send(calendarOf(doc))
    }),
  )

  router.get(
    '/bookings/:id/availability',
    asyncRoute(async (req, res) => {
      const query = parseOrThrow(rescheduleAvailabilityQuerySchema, req.query)
      const doc = await bookingWithToken(req.params['id'], query.token)
      // Past the customer's deadline there is nothing to offer (core refuses the move anyway).
      const eventType = state().eventTypes.find((e) => e.id === doc.eventTypeId)
      const late = customerNoticeRefusal(doc, eventType, clock.now(), 'reschedule')
      if (late) return sendRefusal(res, late)
      const [fromMs, toMs] = [Date.parse(query.from), Date.parse(query.to)]
      if (!admit(req, res, service.rescheduleSlotsCost(doc.id, fromMs, toMs))) return
      const steps = service.rescheduleSlotsSteps(doc.id, fromMs, toMs)
      const result = await stepsRunYielding(steps, abandoned(res))
      if (result === null) return
      if (!result.ok)
        return sendRefusal(res, { ok: false, reason: result.reason, message: result.message })
      // Each start names who the customer would meet then (first names, as the booking does): a
      // pool seat whose host is busy there is re-filled, and the customer sees it before moving.
      const members = new Map(state().members.map((m) => [m.id, m]))
      res.json({
        slots: result.slots.map((s) => ({
          start: s.start,
          end: s.end,
          hosts: (s.hostMemberIds ?? []).map((id) => ({ name: firstName(members.get(id)) })),
        })),
      })
    }),
  )

  router.post(
    '/bookings/:id/cancel',
    writeLimiter,
    asyncRoute(async (req, res) => {
      const body = parseOrThrow(cancelBodySchema, req.body)
      const doc = await bookingWithToken(req.params['id'], body.token)
      const outcome = await service.cancel(doc.id, 'customer', body.reason, { asCustomer: true })
      if (!outcome.ok) return sendRefusal(res, outcome)
      res.json({ booking: publicBooking(outcome.value, state(), clock.now()) })
    }),
  )

  router.post(
    '/bookings/:id/reschedule',
    writeLimiter,
    asyncRoute(async (req, res) => {
      const body = parseOrThrow(rescheduleBodySchema, req.body)
      const doc = await bookingWithToken(req.params['id'], body.token)
      const outcome = await service.reschedule(doc.id, Date.parse(body.start), 'customer', {
        asCustomer: true,
      })
      if (!outcome.ok) return sendRefusal(res, outcome)
      res.json({ booking: publicBooking(outcome.value, state(), clock.now()) })
    }),
  )

  return router
}
