import { Router } from 'express'
import type { Request, Response } from 'express'
import { bookingHoldsTime } from '../../../core/src/model/booking-statuses'
import type { Booking, Member } from '../../../core/src/model/workspace'
import { documentToRecord } from '../../../core/src/schema/workspace-documents'
import type { Clock } from '../app'
import type { BookingIndex } from '../booking-index'
import type { BusyCalendars } from '../calendars/busy-calendars'
import { feedCompose, feedRange } from '../calendars/calendar-feed'
import type { FeedTokens } from '../calendars/feed-tokens'
import type { AnyDoc, ServerDatabase } from '../database'
import { asyncRoute } from '../http/async-route'
import { busyQuerySchema } from '../http/admin-schemas'
import { HttpError } from '../http/errors'
import { refuseInvalidId } from '../http/id-param'
import { parseOrThrow } from '../http/public-schemas'
import { may } from '../http/require-person'
import type { WorkspaceMirror } from '../workspace-mirror'

export interface CalendarDeps {
  readonly db: ServerDatabase
  readonly clock: Clock
  readonly mirror: WorkspaceMirror
  readonly index: BookingIndex
  readonly busy: BusyCalendars
  readonly feeds: FeedTokens
}

/** The feed address as the admin's request reached the server (`--trust-proxy` aware). */
function feedUrl(req: Request, token: string): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}/feeds/${token}.ics`
}

/** Each calendar's status, in the words admins see (no validators, no intervals). */
function statusView(busy: BusyCalendars, memberId: string) {
  return busy.statusOf(memberId).map((status) => ({
    url: status.url,
    lastFetchedAt: status.lastFetchedAt,
    lastSuccessAt: status.lastSuccessAt,
    lastError: status.lastError,
    events: status.events,
  }))
}

/**
 * Admin calendar routes (api.md v1.1 "Calendars"): a member's feed address and its rotation, the
 * member's busy time and each calendar's status, and reading the calendars now.
 */
export function calendarAdminRouter(deps: CalendarDeps): Router {
  const router = Router()
  router.param('id', refuseInvalidId)
  const memberOf = (id: string): Member => {
    const member = deps.mirror.workspace().members.find((candidate) => candidate.id === id)
    if (member === undefined) throw new HttpError('not-found', 'no such member')
    return member
  }

  router.get(
    '/members/:id/calendar-feed',
    may('setup'),
    asyncRoute(async (req, res) => {
      const member = memberOf(String(req.params['id']))
      res.setHeader('Cache-Control', 'no-store')
      res.json({ url: feedUrl(req, await deps.feeds.tokenOf(member.id)) })
    }),
  )

  router.post(
    '/members/:id/calendar-feed/rotate',
    may('setup'),
    asyncRoute(async (req, res) => {
      const member = memberOf(String(req.params['id']))
      res.setHeader('Cache-Control', 'no-store')
      res.json({ url: feedUrl(req, await deps.feeds.rotate(member.id)) })
    }),
  )

  router.get(
    '/members/:id/busy',
    may('read'),
    asyncRoute(async (req, res) => {
      const member = memberOf(String(req.params['id']))
      const { from, to } = parseOrThrow(busyQuerySchema, req.query)
      res.json({
        busy: deps.busy
          .busyBetween(member.id, Date.parse(from), Date.parse(to))
          .map(([start, end]) => ({
            start: new Date(start).toISOString(),
            end: new Date(end).toISOString(),
          })),
        calendars: statusView(deps.busy, member.id),
      })
    }),
  )

  router.post(
    '/members/:id/busy/refresh',
    may('book'),
    asyncRoute(async (req, res) => {
      const member = memberOf(String(req.params['id']))
      await deps.busy.refreshMember(member.id)
      res.json({ calendars: statusView(deps.busy, member.id) })
    }),
  )

  return router
}

/**
 * `GET /feeds/<token>.ics`: the member's bookings as iCalendar (no admin token: the address is
 * the secret). Unknown or rotated tokens are 404. `Cache-Control: no-store`; `ETag` with
 * `If-None-Match` answers 304 while the bookings are unchanged.
 */
export function calendarFeedRouter(deps: CalendarDeps): Router {
  const router = Router()
  router.get(
    '/:file',
    asyncRoute(async (req: Request, res: Response) => {
      const match = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(String(req.params['file']))
      const memberId = match ? deps.feeds.memberOf(match[1]!) : undefined
      const member =
        memberId === undefined
          ? undefined
          : deps.mirror.workspace().members.find((candidate) => candidate.id === memberId)
      if (member === undefined) throw new HttpError('not-found', 'no such feed')
      const state = deps.mirror.workspace()
      const { fromMs, toMs } = feedRange(state, deps.clock.now())
      const ids = deps.index.memberBookingIds(member.id, fromMs, toMs)
      const found = ids.length === 0 ? new Map() : await deps.db.bookings.findByIds(ids).exec()
      const bookings = ids
        .map((id) => found.get(id)?.toJSON() as AnyDoc | undefined)
        .filter((doc): doc is AnyDoc => doc !== undefined)
        .map((doc) => documentToRecord(doc) as unknown as Booking)
        .filter((booking) => bookingHoldsTime(booking) && booking.hostMemberIds.includes(member.id))
      const feed = feedCompose(member, bookings, state, deps.clock.now())
      res.setHeader('Cache-Control', 'no-store')
      res.setHeader('ETag', feed.etag)
      if (req.headers['if-none-match'] === feed.etag) {
        res.status(304).end()
        return
      }
      res.type('text/calendar; charset=utf-8').send(feed.text)
    }),
  )
  return router
}
