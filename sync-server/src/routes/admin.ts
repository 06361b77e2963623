import { Router } from 'express'
import type { Response } from 'express'
import { conflictBookingIds } from '../../../core/src/conflicts/booking-conflicts'
import type { Booking } from '../../../core/src/model/workspace'
import { idIsValid } from '../../../core/src/model/workspace'
import { BOOKING_SERVER_FIELDS } from '../../../core/src/schema/collections'
import { MAX_EVENT_MINUTES } from '../../../core/src/schema/records'
import { asyncRoute } from '../http/async-route'
import {
  cycleBounds,
  cycleEndMs,
  cycleStartMs,
  ledgerSourcesFromGroups,
  poolEventsFromRows,
  poolLedgerStats,
} from '../../../core/src/distribution'
import type { BookingLedgerRow, LedgerChangeGroup } from '../../../core/src/distribution'
import { reassignCandidates } from '../../../core/src/booking'
import type { Clock } from '../app'
import type { BookingService } from '../booking-service'
import type { AnyDoc, ServerDatabase } from '../database'
import {
  bookingCountsQuerySchema,
  bookingsRangeSchema,
  bookingsSearchQuerySchema,
  candidatesQuerySchema,
  noShowBodySchema,
  poolLedgersQuerySchema,
  reassignBodySchema,
  resolveConflictBodySchema,
  statsQuerySchema,
} from '../http/admin-schemas'
import { HttpError } from '../http/errors'
import { eventLoopTurn } from '../event-loop-turn'
import { bookingMatcher, bookingQueryNormal } from '../../../core/src/booking/bookings-search'
import {
  bookingTallyAdd,
  bookingTallyCreate,
  bookingTallyResult,
} from '../../../core/src/reports/booking-counts'
import { keysetPage } from '../keyset-page'
import type { KeysetCursor } from '../keyset-page'
import { refuseInvalidId } from '../http/id-param'
import { parseOrThrow } from '../http/public-schemas'
import { may, personOf } from '../http/require-person'
import type { LedgerSource, WorkspaceMirror } from '../workspace-mirror'
import type { BookingIndex } from '../booking-index'
import type { AuditLog } from '../people/audit-log'
import type { WorkspaceImporter } from '../workspace-import/workspace-import'
import {
  requestBodyCheck,
  requestBodyDiscard,
  requestBodyText,
} from '../workspace-import/request-body'
import { workspaceExportChunks } from '../workspace-store'
import type { BookingIdPage } from '../workspace-store'
import { sendRefusal } from './public'

export interface AdminDeps {
  readonly db: ServerDatabase
  readonly clock: Clock
  readonly service: BookingService
  readonly mirror: WorkspaceMirror
  /** Every booking's seat changes (for the event list of pool statistics, and the baseline). */
  readonly ledgerSource: LedgerSource & {
    /** Seat changes of the bookings whose meeting ended before `beforeMs`, grouped. */
    groupsEndedBefore(beforeMs: number): Iterable<LedgerChangeGroup>
    /** Seat changes made in `[fromMs, toMs)` that can count for the pools (a cycle's events). */
    rowsIn(poolIds: readonly string[], fromMs: number, toMs: number): Iterable<BookingLedgerRow>
  }
  /** Pages of stored booking ids, for the streaming export. */
  readonly bookingIds: BookingIdPage
  /** The streaming workspace import (`PUT /workspace`). */
  readonly importer: WorkspaceImporter
  /** Most bytes a workspace import body may have, decoded (larger: 413). */
  readonly importLimitBytes: number
  /** The activity log: a workspace import is one entry. */
  readonly audit: AuditLog
  /** Candidates one search request may read the documents of (default {@link SEARCH_SCAN_BUDGET}). */
  readonly searchScanBudget?: number
  /** Bookings counted per page of a range (default {@link COUNT_PAGE}). */
  readonly countPage?: number
  /** The booking list index over all stored bookings (the list's search, Reports' counts). */
  readonly listIndex: Pick<BookingIndex, 'listCandidates' | 'tallyPage'>
}

/** An opaque page cursor of the bookings listing: the last booking's (start, id). */
export function bookingsCursorText(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url')
}

function bookingsCursorParse(text: string): KeysetCursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      value[0].length <= 40 &&
      idIsValid(value[1])
    ) {
      return { key: value[0], id: value[1] }
    }
  } catch {
    // falls through to the refusal
  }
  throw new HttpError('invalid-request', 'cursor: not a cursor this listing answered')
}

/** A stored booking as admins see it: the record without the server's secrets. */
export function adminBooking(doc: Readonly<Record<string, unknown>>): Booking & {
  readonly updatedAt?: string
} {
  const booking: Record<string, unknown> = { ...doc }
  for (const field of BOOKING_SERVER_FIELDS) delete booking[field]
  return booking as unknown as Booking
}

/**
 * `/api/admin/*` (behind `requirePerson`): each route allows the roles the core table names
 * (`may`); history records the authenticated person, never a `by` the body carries.
 */
/**
 * The last pool-ledger baseline answered, until a booking that ended before its cut-off changes
 * (a new booking never has: every desktop of a day asks for the same cut-off, the start of its
 * window, and gets the answer without the store being read again).
 */
function baselineCache(db: ServerDatabase) {
  let cached: { readonly beforeMs: number; readonly body: string } | null = null
  db.bookings.$.subscribe((event) => {
    if (cached === null) return
    const docs = [event.documentData, event.previousDocumentData].filter(Boolean)
    const ends = docs.map((doc) => Date.parse(String((doc as { end?: unknown }).end)))
    // An unreadable end counts as before (a change the baseline might hold).
    if (ends.some((ms) => !(ms >= cached!.beforeMs))) cached = null
  })
  return {
    get(beforeMs: number, compute: () => string): string {
      if (cached?.beforeMs !== beforeMs) cached = { beforeMs, body: compute() }
      return cached.body
    },
  }
}

/** Bookings counted per page of a range (one read of the booking list index, ~25 ms here). */
const COUNT_PAGE = 5000

/**
 * Candidates (bookings the index's filters let through) one request of the bookings search reads
 * the documents of, at most: a search whose matches core's rule narrows further answers what it
 * found so far and where to go on.
 */
export const SEARCH_SCAN_BUDGET = 20_000
/** Candidates whose documents a search reads at once. */
const SEARCH_STEP = 500

/**
 * The stored start texts of meetings starting in `[fromMs, toMs)`, with a minute of margin on
 * each side: stored starts are instants as text, so the instants decide (the caller tests each
 * booking by its parsed start).
 */
function startsAround(fromMs: number, toMs: number) {
  return {
    from: new Date(fromMs - 60_000).toISOString(),
    below: new Date(toMs + 60_000).toISOString(),
  }
}

export function adminRouter(deps: AdminDeps): Router {
  const { service, mirror } = deps
  const router = Router()
  const baselines = baselineCache(deps.db)
  router.param('id', refuseInvalidId)
  router.param('bookingId', refuseInvalidId)
  const by = (res: Response) => personOf(res).name

  router.get(
    '/workspace',
    may('read'),
    asyncRoute(async (_req, res) => {
      await workspaceSend(deps, res)
    }),
  )

  router.put(
    '/workspace',
    may('workspace-import'),
    asyncRoute(async (req, res) => {
      // Streamed (this route has no JSON body parser): the body is staged as it arrives and
      // validated with core's validation, the same as the desktop editors and every push.
      requestBodyCheck(req, deps.importLimitBytes)
      let outcome
      try {
        outcome = await deps.importer.importText(requestBodyText(req, deps.importLimitBytes))
      } catch (error) {
        await requestBodyDiscard(req)
        throw error
      }
      if (!outcome.ok) {
        throw new HttpError('invalid-request', 'workspace is invalid; nothing was changed', {
          problems: outcome.problems,
          problemsNotShown: outcome.problemsNotShown,
        })
      }
      await deps.audit.record(personOf(res), [
        {
          collection: 'workspace',
          recordId: 'workspace',
          recordName: null,
          action: 'update',
          fields: ['import'],
        },
      ])
      await workspaceSend(deps, res)
    }),
  )

  router.get(
    '/bookings',
    may('read'),
    asyncRoute(async (req, res) => {
      const { from, to, limit, cursor } = parseOrThrow(bookingsRangeSchema, req.query)
      const fromMs = Date.parse(from)
      const toMs = Date.parse(to)
      // Read through the store's index on `start` (any range, not only the window in memory):
      // a meeting lasts at most MAX_EVENT_MINUTES, so earlier starts cannot reach `from`.
      const earliest = new Date(fromMs - MAX_EVENT_MINUTES * 60_000).toISOString()
      const below = new Date(toMs).toISOString()
      const overlapping = (doc: AnyDoc) => Date.parse(String(doc['end'])) > fromMs
      if (limit === undefined) {
        const found = await deps.db.bookings
          .find({
            selector: { start: { $gte: earliest, $lt: below } },
            sort: [{ start: 'asc' }, { id: 'asc' }],
          })
          .exec()
        const bookings = found
          .map((doc) => doc.toJSON() as AnyDoc)
          .filter(overlapping)
          .map(adminBooking)
        res.json({ bookings })
        return
      }
      // Paged: `limit` stored bookings by (start, id) after the cursor, keyset through the index;
      // a page may hold fewer overlapping bookings than `limit`; `next` is null after the last.
      const page = await keysetPage(deps.db.bookings, {
        field: 'start',
        from: earliest,
        below,
        after: cursor === undefined ? null : bookingsCursorParse(cursor),
        limit,
      })
      const last = page.at(-1)
      res.json({
        bookings: page
          .filter((doc) => overlapping(doc))
          .map(({ _meta, _rev, _attachments, _deleted, ...doc }) => adminBooking(doc)),
        next:
          page.length < limit || !last
            ? null
            : bookingsCursorText({ key: String(last['start']), id: last.id }),
      })
    }),
  )

  router.get(
    '/bookings/search',
    may('read'),
    asyncRoute(async (req, res) => {
      const query = parseOrThrow(bookingsSearchQuerySchema, req.query)
      const fromMs = Date.parse(query.from)
      const toMs = Date.parse(query.to)
      // The list's own rule (core), on meeting starts in [from, to): the candidates from the
      // booking list index (`booking_list`: its narrow rows, a minute of margin on each side of
      // the text range, the customer, member and status applied there) in (start, id) order from
      // the cursor on (`order=desc`: latest first), then their documents by id, the matcher
      // deciding.
      const matches = bookingMatcher({
        query: query.q,
        memberId: query.member,
        status: query.status,
        fromMs,
        toMs,
      })
      const budget = deps.searchScanBudget ?? SEARCH_SCAN_BUDGET
      let after: KeysetCursor | null =
        query.cursor === undefined ? null : bookingsCursorParse(query.cursor)
      const candidates = deps.listIndex.listCandidates(
        {
          customer: bookingQueryNormal(query.q),
          memberId: query.member,
          status: query.status,
        },
        startsAround(fromMs, toMs),
        after,
        budget,
        query.order,
      )
      const found: Booking[] = []
      let read = 0
      for (let at = 0; at < candidates.length && found.length < query.limit; at += SEARCH_STEP) {
        if (at > 0) await eventLoopTurn()
        const chunk = candidates.slice(at, at + SEARCH_STEP)
        const docs = await deps.db.bookings.storageInstance.findDocumentsById(
          chunk.map((candidate) => candidate.id),
          false,
        )
        const byId = new Map(docs.map((doc) => [doc.id, doc]))
        for (const candidate of chunk) {
          read += 1
          after = { key: candidate.start, id: candidate.id }
          const doc = byId.get(candidate.id)
          if (doc) {
            const { _meta, _rev, _attachments, _deleted, ...fields } = doc
            const booking = adminBooking(fields)
            if (matches(booking)) found.push(booking)
          }
          if (found.length === query.limit) break
        }
      }
      // `next`: where the next request goes on (null: the range is searched to its end: every
      // candidate read, and fewer than the budget). A page may hold fewer than `limit` bookings
      // (the budget ran out first), or none.
      const isDone = read === candidates.length && candidates.length < budget
      res.json({
        bookings: found,
        next: isDone || after === null ? null : bookingsCursorText(after),
      })
    }),
  )

  router.get(
    '/booking-counts',
    may('read'),
    asyncRoute(async (req, res) => {
      const { from, to } = parseOrThrow(bookingCountsQuerySchema, req.query)
      const fromMs = Date.parse(from)
      const toMs = Date.parse(to)
      // Counted page by page from the booking list index (`booking_list`: what a count needs of
      // each booking, never its document; never a range's bookings in memory at once: a quarter
      // of a large team holds ~20,000), in one pass over its rows; a minute of margin on each
      // side of the text range, the instants deciding (`bookingTallyAdd`).
      const tally = bookingTallyCreate()
      const range = startsAround(fromMs, toMs)
      const pageSize = deps.countPage ?? COUNT_PAGE
      let afterRow = 0
      for (;;) {
        const page = deps.listIndex.tallyPage(range, afterRow, pageSize)
        for (const { booking } of page) bookingTallyAdd(tally, booking, fromMs, toMs)
        const last = page.at(-1)
        if (page.length < pageSize || !last) break
        afterRow = last.row
        await eventLoopTurn()
      }
      res.json(bookingTallyResult(tally, deps.mirror.workspace()))
    }),
  )

  router.get(
    '/pool-ledgers',
    asyncRoute((req, res) => {
      const { before } = parseOrThrow(poolLedgersQuerySchema, req.query)
      const beforeMs = Date.parse(before)
      // From the `booking_changes` covering index grouped by SQLite (all history, never the
      // bookings themselves), by pool and by panel seat so a desktop can count them under its own
      // panel definitions.
      const body = baselines.get(beforeMs, () =>
        JSON.stringify({
          before: new Date(beforeMs).toISOString(),
          sources: ledgerSourcesFromGroups(deps.ledgerSource.groupsEndedBefore(beforeMs)),
        }),
      )
      res.type('application/json').send(body)
    }),
  )

  router.post(
    '/bookings/:id/reassign',
    may('reassign'),
    asyncRoute(async (req, res) => {
      const body = parseOrThrow(reassignBodySchema, req.body)
      const outcome = await service.reassign({
        bookingId: String(req.params['id']),
        toMemberId: body.toMemberId,
        fromMemberId: body.fromMemberId,
        force: body.force ?? false,
        by: by(res),
        reason: body.reason,
      })
      if (!outcome.ok) return sendRefusal(res, outcome)
      res.json({ booking: outcome.value })
    }),
  )

  router.get(
    '/bookings/:id/reassign-candidates',
    may('read'),
    asyncRoute(async (req, res) => {
      const { fromMemberId: from } = parseOrThrow(candidatesQuerySchema, req.query)
      const id = String(req.params['id'])
      if (!(await service.bookingDoc(id))) throw new HttpError('not-found', 'no such booking')
      res.json({
        candidates: reassignCandidates(service.decisionState(), id, from, deps.clock.now()),
      })
    }),
  )

  router.post(
    '/bookings/:id/no-show',
    may('no-show'),
    asyncRoute(async (req, res) => {
      parseOrThrow(noShowBodySchema, req.body ?? {})
      const outcome = await service.noShow(String(req.params['id']), by(res))
      if (!outcome.ok) return sendRefusal(res, outcome)
      res.json({ booking: outcome.value })
    }),
  )

  router.get(
    '/pools/:id/stats',
    may('read'),
    asyncRoute((req, res) => {
      const { at } = parseOrThrow(statsQuerySchema, req.query)
      const ws = mirror.workspace()
      const pool = ws.pools.find((p) => p.id === req.params['id'])
      if (!pool) throw new HttpError('not-found', 'no such pool')
      const nowMs = at ? Date.parse(at) : deps.clock.now()
      const cycle = cycleBounds(pool.reportingCycle, nowMs, ws.timeZone ?? 'UTC')
      const ledger = mirror.poolLedgers()[pool.id]
      if (!ledger) throw new HttpError('not-found', 'no such pool')
      // Counted from the pool's ledger (all history), never by replaying bookings.
      const { ledger: _ledger, ...stats } = poolLedgerStats(pool, ledger, cycle)
      if (req.query['events'] !== '1') {
        res.json(stats)
        return
      }
      const events = poolEventsFromRows(
        pool,
        deps.ledgerSource.rowsIn([pool.id], cycleStartMs(cycle), cycleEndMs(cycle)),
        ws.panels,
        cycle,
      )
      res.json({ ...stats, events })
    }),
  )

  router.get(
    '/conflicts',
    may('read'),
    asyncRoute(async (_req, res) => {
      // Derived from the stored bookings on every request (core), never read from a mark.
      const conflicts = service.conflicts()
      const ids = new Set(conflicts.flatMap(conflictBookingIds))
      const found = await Promise.all([...ids].map((id) => service.bookingDoc(id)))
      const bookings = found
        .flatMap((doc) => doc ?? [])
        .map(adminBooking)
        .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))
      res.json({ conflicts, bookings })
    }),
  )

  router.post(
    '/conflicts/:bookingId/resolve',
    may('resolve-conflict'),
    asyncRoute(async (req, res) => {
      const body = parseOrThrow(resolveConflictBodySchema, req.body ?? {})
      const outcome = await service.resolveConflict(
        String(req.params['bookingId']),
        by(res),
        body.note,
      )
      if (!outcome.ok) return sendRefusal(res, outcome)
      res.json({ booking: outcome.value })
    }),
  )

  return router
}

/**
 * Sends the workspace export as it is read (`workspaceExportChunks`), waiting for `drain`
 * whenever the socket's buffer is full, so a slow reader holds the server to one page of bookings.
 * A failure after the first byte destroys the connection (the client sees a broken transfer,
 * never a truncated but well-ended answer) and is rethrown for the error log.
 */
async function workspaceSend(deps: AdminDeps, res: Response): Promise<void> {
  const closed = new Promise<void>((resolve) => res.once('close', resolve))
  res.status(200).type('application/json')
  try {
    for await (const chunk of workspaceExportChunks(deps.db, deps.bookingIds)) {
      if (res.destroyed) return
      if (!res.write(chunk)) {
        await Promise.race([new Promise((resolve) => res.once('drain', resolve)), closed])
      }
    }
    res.end()
  } catch (error) {
    if (res.headersSent) res.destroy()
    throw error
  }
}
