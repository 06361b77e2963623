import express from 'express'
import type {
  ErrorRequestHandler,
  Express,
  NextFunction,
  Request,
  RequestHandler,
  Response,
} from 'express'
import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import { DEFAULT_DATABASE_NAME, openServerDatabase } from './database'
import type { AnyDoc, ServerDatabase } from './database'
import { ERROR_STATUS, HttpError, sendError } from './http/errors'
import { requirePerson } from './http/require-person'
import { bearerToken } from './http/auth'
import { TokenLockout } from './http/token-lockout'
import { AuditLog, auditRecordName } from './people/audit-log'
import type { AuditEntry } from './people/audit-log'
import { People } from './people/people-store'
import type { Person } from './people/people-store'
import { peopleRouter } from './routes/people'
import {
  historyWithActor,
  recordChangedFields,
  recordWriteActions,
  recordWriteKind,
  roleRefusalText,
  roleRefusedAction,
} from '../../core/src/people'
import type { RecordData } from '../../core/src/people'
import type { HistoryEntry } from '../../core/src/model/workspace'
import type { PushRefusal } from './push-validation'
import { requestLogger, serverErrorRecord, stderrLogger } from './http/request-log'
import type { Logger, ServerErrorLog } from './http/request-log'
import { jsonBody } from './http/json-body'
import { adminRouter } from './routes/admin'
import { mountReplication, originsCors } from './replication'
import type { PushCheck, PushRow } from './push-validation'
import { pushCheck } from './push-validation'
import type { CollectionName } from '../../core/src/schema/collections'
import { BookingService } from './booking-service'
import { WorkspaceMirror } from './workspace-mirror'
import { BookingIndex } from './booking-index'
import { sqliteDerivedReader, sqliteStorageDirectory } from './storage'
import type { RxStorageSqlite } from './storage'
import { WorkspaceImporter } from './workspace-import/workspace-import'
import { bookingIdPages } from './workspace-store'
import type { WorkspaceImportObserver } from './workspace-import/workspace-import'
import { DEFAULT_PUBLIC_RATE_LIMITS, publicRouter } from './routes/public'
import type { PublicRateLimits } from './routes/public'
import { mountReplicationStream, REPLICATION_STREAM_PATH } from './replication-stream'
import { mountReplicationCompat } from './replication-compat'
import { BusyCalendars } from './calendars/busy-calendars'
import type { BusyCalendarsOptions } from './calendars/busy-calendars'
import { FeedTokens } from './calendars/feed-tokens'
import { calendarAdminRouter, calendarFeedRouter } from './routes/calendars'
import { SERVER_WRITTEN_SCHEMAS } from '../../core/src/schema/collections'
import { Notifier } from './notify/notifier'
import type { NotifyOptions } from './notify/notifier'
import { notifyAdminRouter } from './routes/notify-admin'
import { mountReplicationWindow } from './replication-window'

/** The injected clock: epoch milliseconds. Tests pass a fixed one. */
export interface Clock {
  now(): number
}

export interface AppDeps {
  /** The project's SQLite storage with the booking index tables (`serverStorage`). */
  readonly storage: RxStorageSqlite
  readonly adminToken: string
  readonly clock: Clock
  /** Origins allowed to call the API and replication from a browser (exact match). */
  readonly corsOrigins?: readonly string[]
  /** A built renderer to serve under `/app/` (web mode). */
  readonly appDir?: string
  /**
   * Receives one record per request (unless `requestLog` is false) and one per 5xx, with its
   * stack. Without it, 5xx records go to stderr and requests are not logged.
   */
  readonly logger?: Logger
  /** Log one record per request through `logger` (default true). 5xx are always logged. */
  readonly requestLog?: boolean
  /** Database name inside the storage (one file per name for the SQLite storage). */
  readonly databaseName?: string
  /**
   * Folder of the built public booking page (`out/book`: `index.html` and hashed assets), served
   * at `/book/{slug}` and `/book-assets/`.
   */
  readonly bookPageDir?: string
  /**
   * Origins whose pages may frame the booking page: `/book/{slug}?embed=1` gets a CSP
   * `frame-ancestors` of exactly these (and no `X-Frame-Options`). Empty: nothing may frame it.
   */
  readonly embedOrigins?: readonly string[]
  /** Per-client-address limits of the public API (each defaults to DEFAULT_PUBLIC_RATE_LIMITS). */
  readonly publicRateLimits?: Partial<PublicRateLimits>
  /**
   * Behind a reverse proxy: the client address (rate limits) is the one the nearest proxy
   * appended to `X-Forwarded-For` (Express `trust proxy` = 1 hop). Off: the socket's address,
   * and `X-Forwarded-For` is ignored.
   */
  readonly trustProxy?: boolean
  /** Bytes queued for a replication stream client before it is dropped (tests lower it). */
  readonly streamBufferCapBytes?: number
  /**
   * Members' busy calendars: `allowPrivate` (`--allow-private-calendar-urls`), the refresh
   * interval, timeout and size cap, and (tests) the address resolver.
   */
  readonly calendars?: BusyCalendarsOptions
  /**
   * Notifications (api.md v1.1): `publicUrl` (default: the address `listeningAt` reports),
   * `smtpUrl` (none: nothing is sent, messages are kept as not sent), `mailFrom`, `locale`, and
   * `autoRun` (default true: loops on timers; tests call `notifier.runOnce()`).
   */
  readonly notify?: Partial<Omit<NotifyOptions, 'publicUrl'>> & { readonly publicUrl?: string }
  /** Most bytes a workspace import body may have (default: WORKSPACE_IMPORT_BODY_LIMIT_BYTES). */
  readonly workspaceImportLimitBytes?: number
  /** Candidates one request of the bookings search may read the documents of (tests: small). */
  readonly searchScanBudget?: number
  /** Bookings counted per page of a range (default 5,000; tests page small ranges). */
  readonly countPage?: number
  /** Told what each workspace import does (receiving, applying), and awaited (tests pause here). */
  readonly workspaceImportObserver?: WorkspaceImportObserver
}

export interface TeamslotApp {
  readonly app: Express
  readonly db: ServerDatabase
  readonly service: BookingService
  /** People who may sign in (the admin token is the bootstrap owner). */
  readonly people: People
  /** The setup activity log. */
  readonly audit: AuditLog
  /** Members' busy calendars: `tick()` reads the due ones (the server calls it every minute). */
  readonly calendars: BusyCalendars
  /** The outbox, reminders, mail and webhooks. */
  readonly notifier: Notifier
  /** Tells the app the address it listens at (the default public URL of links). */
  listeningAt(url: string): void
  /** The streaming workspace import (`PUT /api/admin/workspace`, `--seed`). */
  readonly importer: WorkspaceImporter
  /** Periodic upkeep (marks ended bookings completed); the server runs it every minute. */
  maintenance(): Promise<void>
  /** Stops tracking requests and closes the store. Call after the HTTP server stopped accepting. */
  close(): Promise<void>
  /** Resolves when no API request is in flight (event streams excluded). */
  drain(): Promise<void>
  /** Ends every open replication event stream (they never end on their own). */
  endStreams(): void
  /** Remembers an HTTP server so `endStreams` can close its idle keep-alive sockets too. */
  attach(server: Server): void
}

/** Body limits: replication batches and workspace imports are large, public requests are not. */
const REPLICATION_BODY_LIMIT = '16mb'
const ADMIN_BODY_LIMIT = '16mb'
const PUBLIC_BODY_LIMIT = '100kb'
/**
 * Body limit of the workspace import alone, which streams its body to disk instead of holding
 * it: 2 GiB, about two million bookings of ~1 KB, five times the 400k a large team's years of
 * history come to; a backup beyond that needs another path than one request.
 */
export const WORKSPACE_IMPORT_BODY_LIMIT_BYTES = 2 * 1024 ** 3

/**
 * Builds the whole sync server (store, replication, admin and public API, web app) and never
 * listens: `main.ts` binds the port, tests use an ephemeral loopback port.
 */
export async function createApp(deps: AppDeps): Promise<TeamslotApp> {
  const db = await openServerDatabase(deps.storage, deps.databaseName)
  const derivedReader = sqliteDerivedReader(
    deps.storage,
    deps.databaseName ?? DEFAULT_DATABASE_NAME,
  )
  const bookingIndex = new BookingIndex(derivedReader)
  const bookingIds = bookingIdPages(derivedReader)
  const mirror = await WorkspaceMirror.open(db, bookingIndex, deps.clock.now())
  const calendars = await BusyCalendars.open(
    db,
    () => mirror.workspace().members,
    deps.clock,
    deps.calendars ?? {},
  )
  const feeds = await FeedTokens.open(db, () => deps.clock.now())
  const people = await People.open(db, deps.adminToken, () => deps.clock.now())
  const audit = new AuditLog(db, () => deps.clock.now())
  const lockout = new TokenLockout(() => deps.clock.now())
  const signedIn = requirePerson(people, lockout)
  const service = new BookingService(db, mirror, deps.clock, bookingIndex, () => calendars.busy())
  const errorLogger = deps.logger ?? stderrLogger
  let listeningUrl = 'http://localhost'
  const notifier = await Notifier.open(
    db,
    mirror,
    deps.clock,
    {
      ...deps.notify,
      publicUrl: () => deps.notify?.publicUrl ?? listeningUrl,
    },
    errorLogger,
  )
  const importer = new WorkspaceImporter({
    db,
    service,
    bookingIds,
    directory: sqliteStorageDirectory(deps.storage),
    nowIso: () => new Date(deps.clock.now()).toISOString(),
    ...(deps.workspaceImportObserver ? { observer: deps.workspaceImportObserver } : {}),
  })
  try {
    // An import whose apply a crash interrupted is finished before anything is served.
    await importer.recover()
  } catch (error) {
    mirror.close()
    await db.destroy()
    throw error
  }
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', deps.trustProxy ? 1 : false)
  const tracker = inFlightTracker()
  app.use(tracker.middleware)
  if (deps.logger && deps.requestLog !== false) {
    app.use(requestLogger(deps.logger, () => deps.clock.now()))
  }
  const logError: ServerErrorLog = (req, status, err) =>
    errorLogger(serverErrorRecord(req, status, err, deps.clock.now()))

  app.get('/health', (_req, res) => {
    res.json({ ok: true })
  })

  app.use(
    '/replication',
    originsCors(deps.corsOrigins ?? []),
    signedIn,
    ...jsonBody(REPLICATION_BODY_LIMIT),
  )
  // The workspace import streams its own body (up to WORKSPACE_IMPORT_BODY_LIMIT_BYTES).
  app.use(
    '/api/admin',
    originsCors(deps.corsOrigins ?? []),
    signedIn,
    unlessWorkspaceImport(jsonBody(ADMIN_BODY_LIMIT)),
  )
  app.use('/api/public', ...jsonBody(PUBLIC_BODY_LIMIT))
  // Responses carrying a manage token or a customer's booking are never stored by caches.
  app.use(['/api/public/bookings', '/api/public/pages/:slug/bookings'], noStore)
  // The public API before the ~80 replication routes: Express tries every layer in turn, and the
  // paths never overlap, so a booking no longer walks past all of them (rushes, issue 9).
  app.use(
    '/api/public',
    publicRouter(
      service,
      () => mirror.workspace(),
      { ...DEFAULT_PUBLIC_RATE_LIMITS, ...deps.publicRateLimits },
      deps.clock,
      (doc) => notifier.bookingCalendar(doc),
    ),
  )

  const wrapPush = (collection: string, ids: readonly string[], run: () => Promise<void>) =>
    collection === 'bookings' ? service.replicatedPush(run) : run()
  mountReplicationStream(app, db, {
    now: () => deps.clock.now(),
    isSignedIn: (req) => {
      const token = bearerToken(req.headers['authorization'])
      return token !== null && people.authenticate(token) !== null
    },
    logger: errorLogger,
    ...(deps.streamBufferCapBytes ? { bufferCapBytes: deps.streamBufferCapBytes } : {}),
  })
  // Older desktops' schema versions first: rxdb-server answers 426 on those paths.
  const validatePush = async (
    collection: string,
    pushed: readonly PushRow[],
    person: Person,
  ): Promise<PushCheck> => {
    if (Object.hasOwn(SERVER_WRITTEN_SCHEMAS, collection)) {
      return { ok: false, problems: [`${collection} is written by the server only`] } as const
    }
    const name = collection as CollectionName
    // Bookings outside the window in memory are read from the store, so their server fields
    // (a manage token above all) are kept, and a client token is taken for new bookings only.
    const older =
      collection === 'bookings'
        ? await storedOutsideWindow(pushed.map((row) => row.newDocumentState.id))
        : new Map<string, AnyDoc>()
    const stored = (id: string) => mirror.get(name, id) ?? older.get(id)
    const { rows, refused } = pushByRole(name, pushed, person, stored)
    const check = pushCheck(name, rows, mirror.workspace(), stored, (ref) =>
      bookingIndex.referenceCount(ref),
    )
    if (!check.ok) return check
    const before = new Map(
      rows.map((row) => [row.newDocumentState.id, stored(row.newDocumentState.id)]),
    )
    return {
      ...check,
      refused,
      afterWrite: async (conflicted) => {
        if (name === 'bookings') return
        const written = check.rows.filter((row) => !conflicted.has(row.newDocumentState.id))
        await audit.record(
          person,
          written.map((row) => auditChange(name, before.get(row.newDocumentState.id), row)),
        )
      },
    }
  }
  const storedOutsideWindow = async (ids: readonly string[]) => {
    const missing = ids.filter((id) => !mirror.get('bookings', id))
    const found = missing.length > 0 ? await db.bookings.findByIds(missing).exec() : new Map()
    return new Map([...found].map(([id, doc]) => [id, doc.toJSON() as AnyDoc]))
  }
  mountReplicationCompat(app, db, { wrapPush, validatePush, logError })
  mountReplicationWindow(app, db, { logError })
  await mountReplication({
    app,
    db,
    people,
    corsOrigins: deps.corsOrigins ?? [],
    now: () => deps.clock.now(),
    wrapPush,
    validatePush,
    logError,
  })
  const calendarDeps = {
    db,
    clock: deps.clock,
    mirror,
    index: bookingIndex,
    busy: calendars,
    feeds,
  }
  app.use('/api/admin', peopleRouter({ people, audit }))
  app.use('/api/admin', calendarAdminRouter(calendarDeps))
  app.use('/feeds', calendarFeedRouter(calendarDeps))
  app.use(
    '/api/admin',
    adminRouter({
      db,
      clock: deps.clock,
      service,
      mirror,
      audit,
      ledgerSource: bookingIndex,
      listIndex: bookingIndex,
      bookingIds,
      importer,
      importLimitBytes: deps.workspaceImportLimitBytes ?? WORKSPACE_IMPORT_BODY_LIMIT_BYTES,
      ...(deps.searchScanBudget !== undefined ? { searchScanBudget: deps.searchScanBudget } : {}),
      ...(deps.countPage !== undefined ? { countPage: deps.countPage } : {}),
    }),
  )
  app.use(
    '/api/admin',
    notifyAdminRouter({
      db,
      audit,
      service,
      notifier,
      now: () => deps.clock.now(),
    }),
  )
  if (deps.bookPageDir && existsSync(deps.bookPageDir)) {
    const bookPageDir = deps.bookPageDir
    app.use(['/book', '/book-assets'], bookPageHeaders(deps.embedOrigins ?? []))
    app.use('/book/:slug/manage', noStore)
    // File names carry a content hash (Vite), so they never change: cache them for a year.
    app.use(
      '/book-assets',
      express.static(bookPageDir, { index: false, immutable: true, maxAge: '365d' }),
    )
    const page = (_req: Request, res: Response) => res.sendFile('index.html', { root: bookPageDir })
    app.get('/book/:slug', page)
    app.get('/book/:slug/manage/:id', page)
  }

  if (deps.appDir && existsSync(deps.appDir)) {
    app.use('/app', express.static(deps.appDir, { index: 'index.html', fallthrough: true }))
    app.get('/', (_req, res) => res.redirect('/app/'))
  }

  app.use((_req: Request, res: Response) => sendError(res, 'not-found', 'no such route'))
  app.use(errorHandler(logError))

  return {
    app,
    db,
    service,
    people,
    audit,
    calendars,
    notifier,
    listeningAt(url: string) {
      listeningUrl = url
    },
    importer,
    async maintenance() {
      await service.completeEnded()
    },
    drain: () => tracker.drain(),
    endStreams: () => tracker.endStreams(),
    attach: (server) => tracker.attach(server),
    async close() {
      tracker.endStreams()
      await service.settled()
      await calendars.close()
      feeds.close()
      people.close()
      await notifier.close()
      mirror.close()
      await db.destroy()
    },
  }
}

/**
 * The role check of a replicated push (core's table through `recordWriteActions`): each row is
 * judged by what it changes — against the state the desktop changed (`assumedMasterState`) when
 * the server has the record (a different assumed state is a conflict anyway, so nothing is
 * written), else as a new record. Rows beyond the role are left out and listed as `refused`
 * (answered as conflicts with the server's state). The rows kept are bookings' with the `by` of
 * every history entry they add set to the person: history names who was signed in.
 */
export function pushByRole(
  collection: CollectionName,
  rows: readonly PushRow[],
  person: Person,
  stored: (id: string) => AnyDoc | undefined,
): { readonly rows: readonly PushRow[]; readonly refused: readonly PushRefusal[] } {
  const kept: PushRow[] = []
  const refused: PushRefusal[] = []
  for (const row of rows) {
    const id = row.newDocumentState.id
    const current = stored(id)
    const base = current === undefined ? undefined : (row.assumedMasterState ?? current)
    const actions = recordWriteActions(
      collection,
      base as RecordData | undefined,
      row.newDocumentState,
    )
    const denied = roleRefusedAction(person.role, actions)
    if (denied) {
      refused.push({ id, reason: roleRefusalText(person.role, denied) })
      continue
    }
    const history = row.newDocumentState['history']
    if (collection !== 'bookings' || !Array.isArray(history) || row.newDocumentState['_deleted']) {
      kept.push(row)
      continue
    }
    const storedHistory = current?.['history']
    kept.push({
      ...row,
      newDocumentState: {
        ...row.newDocumentState,
        history: historyWithActor(
          Array.isArray(storedHistory) ? (storedHistory as HistoryEntry[]) : undefined,
          history as HistoryEntry[],
          person.name,
        ),
      },
    })
  }
  return { rows: kept, refused }
}

/** The activity-log entry of one written setup row (`before`: the stored version, if any). */
function auditChange(
  collection: CollectionName,
  before: AnyDoc | undefined,
  row: PushRow,
): Omit<AuditEntry, 'id' | 'at' | 'personId' | 'personName'> {
  const after = row.newDocumentState
  const action = recordWriteKind(before, after)
  return {
    collection,
    recordId: after.id,
    recordName: auditRecordName(action === 'delete' ? before : after) ?? null,
    action,
    fields: action === 'delete' ? [] : recordChangedFields(before, after),
  }
}

/**
 * Maps body-parser and thrown errors onto the contract's error format. A client error raised while
 * reading the body (bad `Content-Encoding` data, an aborted upload, …) is 400; anything else is
 * a 500 with the generic body, logged with its stack through `logError`.
 */
function errorHandler(logError: ServerErrorLog): ErrorRequestHandler {
  return (err: unknown, req, res, _next: NextFunction) => {
    if (err instanceof HttpError) {
      if (ERROR_STATUS[err.code] >= 500) logError(req, ERROR_STATUS[err.code], err)
      return sendError(res, err.code, err.message, err.extra)
    }
    const { type, status, expose } = (err ?? {}) as {
      type?: string
      status?: number
      expose?: boolean
    }
    if (type === 'entity.too.large')
      return sendError(res, 'payload-too-large', 'request body is too large')
    if (type === 'entity.parse.failed')
      return sendError(res, 'invalid-request', 'request body is not valid JSON')
    if (type === 'encoding.unsupported' || type === 'charset.unsupported')
      return sendError(res, 'invalid-request', 'unsupported body encoding')
    if (expose === true && typeof status === 'number' && status >= 400 && status < 500)
      return sendError(res, 'invalid-request', 'the request body could not be read')
    logError(req, 500, err)
    return sendError(res, 'internal', 'internal error')
  }
}

/**
 * Runs `handlers` for every request but the workspace import (`PUT /workspace` below
 * `/api/admin`, matched as loosely as Express routes match: any case, a trailing slash).
 */
function unlessWorkspaceImport(handlers: readonly RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'PUT' && /^\/workspace\/?$/i.test(req.path)) return next()
    let at = 0
    const step = (error?: unknown): void => {
      if (error !== undefined || at === handlers.length) return next(error)
      handlers[at++]!(req, res, step)
    }
    step()
  }
}

/**
 * The booking page's Content-Security-Policy: its own scripts and stylesheets only (no inline
 * code; a branding colour is set through the CSSOM, which style-src does not govern), fetches to
 * this server only, images from here, `data:` (uploaded logos) or `https:` (a logo address), and
 * framing by `frameAncestors` only — none by default (clickjacking of book and cancel buttons).
 */
export function bookPageCsp(frameAncestors: readonly string[]): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors.length > 0 ? frameAncestors.join(' ') : "'none'"}`,
  ].join('; ')
}

/**
 * Security headers of `/book/*` and its assets (the manage page's URL names a booking). A page
 * asked for with `?embed=1` may be framed by `embedOrigins` (none: framed by nothing, as always).
 */
function bookPageHeaders(embedOrigins: readonly string[]) {
  const standalone = bookPageCsp([])
  const embeddable = bookPageCsp(embedOrigins)
  return (req: Request, res: Response, next: NextFunction): void => {
    const isEmbed = req.query['embed'] === '1' && embedOrigins.length > 0
    res.setHeader('Content-Security-Policy', isEmbed ? embeddable : standalone)
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('Referrer-Policy', 'no-referrer')
    // X-Frame-Options cannot name origins; frame-ancestors governs the embeddable variant.
    if (!isEmbed) res.setHeader('X-Frame-Options', 'DENY')
    next()
  }
}

/** `Cache-Control: no-store`: for responses that carry a manage token or a customer's booking. */
function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store')
  next()
}

/** Counts in-flight requests (event streams excluded) so shutdown can wait for them. */
function inFlightTracker() {
  let inFlight = 0
  let waiters: (() => void)[] = []
  const streams = new Set<Response>()
  const servers: Server[] = []
  const settle = () => {
    if (inFlight > 0) return
    const done = waiters
    waiters = []
    done.forEach((fn) => fn())
  }
  return {
    middleware(req: Request, res: Response, next: NextFunction) {
      if (req.path.endsWith('/pullStream') || req.path === REPLICATION_STREAM_PATH) {
        streams.add(res)
        res.on('close', () => streams.delete(res))
        return next()
      }
      inFlight++
      let finished = false
      const finish = () => {
        if (finished) return
        finished = true
        inFlight--
        settle()
      }
      res.on('finish', finish)
      res.on('close', finish)
      next()
    },
    drain(): Promise<void> {
      if (inFlight === 0) return Promise.resolve()
      return new Promise((resolve) => waiters.push(resolve))
    },
    endStreams() {
      for (const res of streams) res.end()
      streams.clear()
      servers.forEach((s) => s.closeIdleConnections())
    },
    attach(server: Server) {
      servers.push(server)
    },
  }
}
