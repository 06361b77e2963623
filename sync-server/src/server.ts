import type { BusyCalendarsOptions } from './calendars/busy-calendars'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { demoWorkspace } from '../../core/src/demo/demo-workspace'
import { createApp } from './app'
import type { TeamslotApp } from './app'
import type { PublicRateLimits } from './routes/public'
import { databaseIsEmpty } from './database'
import { workspaceParse } from '../../core/src/validation'
import { HttpError } from './http/errors'
import { jsonLineLogger } from './http/request-log'
import { serverStorage } from './booking-index'
import { workspaceReplace } from './workspace-store'

export interface SyncServerOptions {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  /** Admin token; when absent one is read from (or generated into) `<dataDir>/admin-token`. */
  readonly adminToken?: string
  /** A workspace JSON file imported only when the store is empty. */
  readonly seedFile?: string
  /** Load the demo team when the store is empty (used by `npm start`). */
  readonly demo?: boolean
  readonly appDir?: string
  /** Folder of the public booking page served at `/book/{slug}`. */
  readonly bookPageDir?: string
  readonly corsOrigins?: readonly string[]
  /**
   * Origins whose pages may frame the booking page (`/book/{slug}?embed=1`): its CSP
   * `frame-ancestors` names exactly these. None by default: no page may frame it.
   */
  readonly embedOrigins?: readonly string[]
  /** Log one JSON line per request (default true). */
  readonly requestLog?: boolean
  /**
   * How long `stop()` lets in-flight requests finish before it closes their connections (ms;
   * default {@link DEFAULT_SHUTDOWN_GRACE_MS}). Covers clients that stalled mid-request.
   */
  readonly shutdownGraceMs?: number
  /** Take the client address from `X-Forwarded-For` (one reverse proxy in front). */
  readonly trustProxy?: boolean
  /** Per-client-address limits of the public API (defaults: api.md v1.1). */
  readonly publicRateLimits?: PublicRateLimits
  /** Members' busy calendars (`--allow-private-calendar-urls`, `--calendar-refresh-minutes`). */
  readonly calendars?: BusyCalendarsOptions
  /** `--public-url`: the address customers reach the server at (default `http://HOST:PORT`). */
  readonly publicUrl?: string
  /** `--smtp-url`: the mail server; without it nothing is sent (messages are kept as not sent). */
  readonly smtpUrl?: string
  /** `--mail-from`: the sender of every email, `Name <address>`. */
  readonly mailFrom?: string
  /** Receives human-readable status lines. */
  readonly say?: (line: string) => void
}

export interface RunningSyncServer {
  readonly url: string
  readonly adminToken: string
  readonly teamslot: TeamslotApp
  /**
   * Stop accepting, end event streams, let in-flight requests finish for the grace period, then
   * close every connection still open (a client that stalled mid-request), let queued booking
   * writes settle, and close the store.
   */
  stop(): Promise<void>
}

/** Default grace for in-flight requests on shutdown (a few seconds: no honest request needs more). */
export const DEFAULT_SHUTDOWN_GRACE_MS = 5_000
/** Longest a client may take to send its request line and headers (slowloris defence). */
const HEADERS_TIMEOUT_MS = 20_000
/** Longest a client may take to send a whole request, body included (16 MB at ~1 Mbit/s fits). */
const REQUEST_TIMEOUT_MS = 150_000
/** How often Node checks the two timeouts above (its default, 30 s, would let them overrun). */
const TIMEOUT_CHECK_INTERVAL_MS = 5_000

const ADMIN_TOKEN_FILE = 'admin-token'
/** How often ended bookings are marked completed. */
const MAINTENANCE_INTERVAL_MS = 60_000

/** Reads the admin token from the data dir, or generates and stores one (printed once). */
export function resolveAdminToken(
  dataDir: string,
  fromEnv: string | undefined,
  say: (line: string) => void,
): string {
  if (fromEnv) return fromEnv
  const file = join(dataDir, ADMIN_TOKEN_FILE)
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const token = randomBytes(24).toString('base64url')
  writeFileSync(file, token + '\n', { mode: 0o600 })
  chmodSync(file, 0o600)
  say(`admin token (stored in ${file}): ${token}`)
  return token
}

/** Opens the durable store in `dataDir`, seeds it when empty, and listens. */
export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const say = options.say ?? ((line: string) => console.log(line))
  mkdirSync(options.dataDir, { recursive: true })
  const adminToken = resolveAdminToken(options.dataDir, options.adminToken, say)
  const teamslot = await createApp({
    storage: serverStorage(options.dataDir, undefined, say),
    adminToken,
    clock: { now: () => Date.now() },
    ...(options.appDir ? { appDir: options.appDir } : {}),
    ...(options.bookPageDir ? { bookPageDir: options.bookPageDir } : {}),
    corsOrigins: options.corsOrigins ?? [],
    embedOrigins: options.embedOrigins ?? [],
    logger: jsonLineLogger,
    requestLog: options.requestLog !== false,
    trustProxy: options.trustProxy ?? false,
    ...(options.publicRateLimits ? { publicRateLimits: options.publicRateLimits } : {}),
    ...(options.calendars ? { calendars: options.calendars } : {}),
    notify: {
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      ...(options.smtpUrl ? { smtpUrl: options.smtpUrl } : {}),
      ...(options.mailFrom ? { mailFrom: options.mailFrom } : {}),
    },
  })
  try {
    await seedIfEmpty(teamslot, options, say)
  } catch (err) {
    await teamslot.close()
    throw err
  }
  const server = createServer(
    {
      headersTimeout: HEADERS_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
      connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
    },
    teamslot.app,
  )
  server.listen(options.port, options.host)
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve)
    server.once('error', reject)
  })
  teamslot.attach(server)
  const address = server.address() as AddressInfo
  const url = `http://${options.host}:${address.port}`
  teamslot.listeningAt(url)
  if (!options.smtpUrl)
    say('no mail server (--smtp-url): emails are kept in the outbox as not sent')
  const upkeep = setInterval(() => {
    teamslot.maintenance().catch((err: unknown) => say(`maintenance failed: ${String(err)}`))
  }, MAINTENANCE_INTERVAL_MS)
  // The first upkeep (bookings that ended while the server was down are marked completed) runs in
  // the background like every later one: serving does not wait for it, and nothing a request
  // decides depends on it (a meeting that has ended is in the past either way).
  teamslot.maintenance().catch((err: unknown) => say(`maintenance failed: ${String(err)}`))
  // Members' busy calendars: the due ones every minute, one round at a time, in the background.
  let reading: Promise<void> | null = null
  const readCalendars = () => {
    reading ??= teamslot.calendars
      .tick()
      .catch((err: unknown) => say(`reading calendars failed: ${String(err)}`))
      .finally(() => {
        reading = null
      })
  }
  const calendarUpkeep = setInterval(readCalendars, MAINTENANCE_INTERVAL_MS)
  readCalendars()
  let stopping: Promise<void> | undefined
  const graceMs = options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS
  return {
    url,
    adminToken,
    teamslot,
    stop() {
      stopping ??= (async () => {
        clearInterval(upkeep)
        clearInterval(calendarUpkeep)
        const closed = new Promise<void>((resolve) => server.close(() => resolve()))
        teamslot.endStreams()
        server.closeIdleConnections()
        // After the grace, whoever is still connected stalled (a half-sent request, a connection
        // that never sent one) or is too slow: close them; their responses count as finished.
        const graceTimer = setTimeout(() => server.closeAllConnections(), graceMs)
        await teamslot.drain()
        server.closeIdleConnections()
        await closed
        clearTimeout(graceTimer)
        await teamslot.close()
      })()
      return stopping
    },
  }
}

async function seedIfEmpty(
  teamslot: TeamslotApp,
  options: SyncServerOptions,
  say: (line: string) => void,
): Promise<void> {
  if (!options.seedFile && !options.demo) return
  if (!(await databaseIsEmpty(teamslot.db))) return
  if (options.seedFile) {
    // Streamed like an import over HTTP: any size of history, memory bounded.
    let outcome
    try {
      outcome = await teamslot.importer.importFile(options.seedFile)
    } catch (error) {
      if (!(error instanceof HttpError)) throw error
      throw new Error(`seed file ${options.seedFile}: ${error.message}`, { cause: error })
    }
    if (!outcome.ok) {
      const first = outcome.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`)
      const more = outcome.problems.length + outcome.problemsNotShown - first.length
      throw new Error(
        `seed workspace is invalid: ${first.join('; ')}${more > 0 ? ` (and ${more} more)` : ''}`,
      )
    }
    say(`seeded ${options.seedFile} into the empty store (${outcome.bookings} bookings)`)
    return
  }
  const nowIso = new Date().toISOString()
  const parsed = workspaceParse(demoWorkspace(nowIso))
  if (!parsed.ok) {
    const first = parsed.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`)
    throw new Error(`the demo workspace is invalid: ${first.join('; ')}`)
  }
  // Each demo booking gets a manage token, as a booking made now would: its manage link works.
  await workspaceReplace(teamslot.db, parsed.workspace, nowIso, () =>
    randomBytes(24).toString('base64url'),
  )
  say('seeded the demo team into the empty store')
}
