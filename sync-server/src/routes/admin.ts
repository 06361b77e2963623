import { Router } from 'express'
import { asyncRoute } from '../http/async-route'
import { cycleBounds, poolStats } from '../../../core/src/distribution'
import { reassignCandidates } from '../../../core/src/booking'
import type { Clock } from '../app'
import type { BookingService } from '../booking-service'
import type { ServerDatabase } from '../database'
import {
  bookingsRangeSchema,
  candidatesQuerySchema,
  noShowBodySchema,
  reassignBodySchema,
  resolveConflictBodySchema,
  statsQuerySchema,
} from '../http/admin-schemas'
import { HttpError } from '../http/errors'
import { refuseInvalidId } from '../http/id-param'
import { parseOrThrow } from '../http/public-schemas'
import { requireAdmin } from '../http/require-admin'
import { parseWorkspace } from '../http/workspace-schema'
import type { WorkspaceMirror } from '../workspace-mirror'
import { workspaceExport, workspaceReplace } from '../workspace-store'
import { sendRefusal } from './public'

export interface AdminDeps {
  readonly db: ServerDatabase
  readonly adminToken: string
  readonly clock: Clock
  readonly service: BookingService
  readonly mirror: WorkspaceMirror
  /** Validates a whole workspace semantically (core); problems with paths. */
  readonly validate: (
    workspace: Parameters<typeof workspaceReplace>[1],
  ) => readonly { path: string; message: string }[]
}

/** `/api/admin/*`: every route needs the admin token. */
export function adminRouter(deps: AdminDeps): Router {
  const { service, mirror } = deps
  const router = Router()
  router.use(requireAdmin(deps.adminToken))
  router.param('id', refuseInvalidId)
  router.param('bookingId', refuseInvalidId)
  const by = (name: string | undefined) => name ?? 'admin'

  router.get(
    '/workspace',
    asyncRoute(async (_req, res) => {
      res.json(await workspaceExport(deps.db))
    }),
  )

  router.put(
    '/workspace',
    asyncRoute(async (req, res) => {
      const parsed = parseWorkspace(req.body)
      const problems = parsed.ok ? deps.validate(parsed.workspace) : parsed.problems
      if (!parsed.ok || problems.length > 0) {
        throw new HttpError('invalid-request', 'workspace is invalid; nothing was changed', {
          problems,
        })
      }
      await workspaceReplace(deps.db, parsed.workspace, new Date(deps.clock.now()).toISOString())
      res.json(await workspaceExport(deps.db))
    }),
  )

  router.get(
    '/bookings',
    asyncRoute((req, res) => {
      const { from, to } = parseOrThrow(bookingsRangeSchema, req.query)
      const fromMs = Date.parse(from)
      const toMs = Date.parse(to)
      const bookings = mirror
        .all('bookings')
        .filter(
          (b) => Date.parse(String(b['start'])) < toMs && Date.parse(String(b['end'])) > fromMs,
        )
        .map(
          ({ manageToken: _token, idempotencyKey: _key, requestHash: _hash, ...booking }) =>
            booking,
        )
        .sort(
          (a, b) =>
            String(a['start']).localeCompare(String(b['start'])) || a.id.localeCompare(b.id),
        )
      res.json({ bookings })
    }),
  )

  router.post(
    '/bookings/:id/reassign',
    asyncRoute(async (req, res) => {
      const body = parseOrThrow(reassignBodySchema, req.body)
      const outcome = await service.reassign({
        bookingId: String(req.params['id']),
        toMemberId: body.toMemberId,
        fromMemberId: body.fromMemberId,
        force: body.force ?? false,
        by: by(body.by),
        reason: body.reason,
      })
      if (!outcome.ok) return sendRefusal(res, outcome)
      res.json({ booking: outcome.value })
    }),
  )

  router.get(
    '/bookings/:id/reassign-candidates',
    asyncRoute((req, res) => {
      const { fromMemberId: from } = parseOrThrow(candidatesQuerySchema, req.query)
      const id = String(req.params['id'])
      if (!service.bookingDoc(id)) throw new HttpError('not-found', 'no such booking')
      res.json({ candidates: reassignCandidates(mirror.workspace(), id, from, deps.clock.now()) })
    }),
  )

  router.post(
    '/bookings/:id/no-show',
    asyncRoute(async (req, res) => {
      const body = parseOrThrow(noShowBodySchema, req.body ?? {})
      const outcome = await service.noShow(String(req.params['id']), by(body.by))
      if (!outcome.ok) return sendRefusal(res, outcome)
      res.json({ booking: outcome.value })
    }),
  )

  router.get(
    '/pools/:id/stats',
    asyncRoute((req, res) => {
      const { at } = parseOrThrow(statsQuerySchema, req.query)
      const ws = mirror.workspace()
      const pool = ws.pools.find((p) => p.id === req.params['id'])
      if (!pool) throw new HttpError('not-found', 'no such pool')
      const nowMs = at ? Date.parse(at) : deps.clock.now()
      const cycle = cycleBounds(pool.reportingCycle, nowMs, ws.timeZone ?? 'UTC')
      const { events, ...stats } = poolStats(pool, ws.bookings, ws.panels, cycle)
      res.json(req.query['events'] === '1' ? { ...stats, events } : stats)
    }),
  )

  router.get(
    '/conflicts',
    asyncRoute((_req, res) => {
      res.json({
        conflicts: service
          .conflicts()
          .map(({ manageToken: _t, idempotencyKey: _k, requestHash: _h, ...booking }) => ({
            bookingId: booking.id,
            conflict: booking.conflict,
            booking,
          })),
      })
    }),
  )

  router.post(
    '/conflicts/:bookingId/resolve',
    asyncRoute(async (req, res) => {
      const body = parseOrThrow(resolveConflictBodySchema, req.body ?? {})
      const outcome = await service.resolveConflict(
        String(req.params['bookingId']),
        by(body.by),
        body.note,
      )
      if (!outcome.ok) return sendRefusal(res, outcome)
      res.json({ booking: outcome.value })
    }),
  )

  return router
}
