import cors from 'cors'
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express'
import { createRxServer } from 'rxdb-server/plugins/server'
import { RxServerAdapterExpress } from 'rxdb-server/plugins/adapter-express'
import type { RxServerAdapter, RxServerAuthData } from 'rxdb-server/plugins/server'
import type { RxDatabase } from 'rxdb'
import { REPLICATED_NAMES } from '../../core/src/schema/collections'
import { idIsValid } from '../../core/src/model/workspace'
import type { AnyDoc, ServerDatabase } from './database'
import { bearerToken } from './http/auth'
import { personOf } from './http/require-person'
import type { People, Person } from './people/people-store'
import { sendError } from './http/errors'
import type { ServerErrorLog } from './http/request-log'
import type { PushCheck, PushRefusal, PushRow } from './push-validation'

/** URL prefix of every replication endpoint: `/replication/<collection>/<schema version>/…`. */
export const REPLICATION_PREFIX = 'replication'

/** How long an authenticated replication session is trusted before headers are checked again. */
const AUTH_VALID_MS = 60_000

export interface ReplicationOptions {
  readonly app: Express
  readonly db: ServerDatabase
  readonly corsOrigins: readonly string[]
  readonly now: () => number
  /**
   * Wraps the push of one collection (e.g. to serialise booking pushes with public bookings and
   * to mark conflicts afterwards). Receives the request and the original handler.
   */
  readonly wrapPush?: (
    collection: string,
    documentIds: readonly string[],
    run: () => Promise<void>,
  ) => Promise<void>
  /**
   * Checks a push (run inside `wrapPush`): any problem refuses it with 400; otherwise the rows it
   * returns are what is written.
   */
  readonly validatePush?: (
    collection: string,
    rows: readonly PushRow[],
    person: Person,
  ) => PushCheck | Promise<PushCheck>
  /** Authenticates the replication's bearer token (rxdb-server's `authHandler`). */
  readonly people: People
  /** Receives every failure of a replication handler (answered with a generic 500). */
  readonly logError: ServerErrorLog
}

type Handler = (req: Request, res: Response) => unknown

/** What a push keeps in `res.locals` for the answer rxdb-server gives through the adapter. */
interface PushLocals {
  pushAnswer?: (conflicts: readonly unknown[]) => void
}

export type { PushRow } from './push-validation'

/**
 * Guards an rxdb-server route handler: rxdb-server 15.22 registers async handlers on Express 4,
 * where a throw (one malformed push) is an unhandled rejection that kills the process. Here every
 * failure is logged through `logError` (with its stack) and answered with the generic 500 — the
 * error's message never reaches the client — and the process lives.
 */
export function guardHandler(handler: Handler, logError: ServerErrorLog): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        logError(req, 500, err)
        sendError(res, 'internal', 'internal error')
      })
      .catch(next)
  }
}

/** True when the body is an array of `{ newDocumentState: { id } }` rows with valid ids (`idIsValid`). */
export function isPushBody(body: unknown): boolean {
  if (!Array.isArray(body)) return false
  return body.every((row: unknown) => {
    if (typeof row !== 'object' || row === null) return false
    const state = (row as { newDocumentState?: unknown }).newDocumentState
    if (typeof state !== 'object' || state === null) return false
    const id = (state as { id?: unknown }).id
    const assumed = (row as { assumedMasterState?: unknown }).assumedMasterState
    // rxdb-server throws on an assumed state that carries `_meta`; refuse it up front.
    if (assumed !== undefined && assumed !== null) {
      if (typeof assumed !== 'object' || '_meta' in assumed) return false
    }
    return idIsValid(id)
  })
}

/**
 * Response header of a push some of whose rows the person's role may not write: the
 * URI-encoded JSON list of {@link PushRefusal}s. Each refused row is also in the push's conflict
 * answer with the server's state, so the desktop keeps that state and tells the person why.
 */
export const REFUSED_HEADER = 'Teamslot-Refused'

/** `Teamslot-Refused`'s value for `refused`. */
export function refusedHeaderValue(refused: readonly PushRefusal[]): string {
  return encodeURIComponent(JSON.stringify(refused))
}

/** Bookkeeping fields a replication answer never carries. */
const BOOKKEEPING = { _meta: undefined, _rev: undefined, _attachments: undefined }

/**
 * The conflict answer for refused rows: the server's state of each (a row the server does not
 * have comes back deleted, so the desktop drops what it could not save).
 */
export async function refusedConflicts(
  db: ServerDatabase,
  collection: string,
  rows: readonly PushRow[],
  refused: readonly PushRefusal[],
): Promise<Record<string, unknown>[]> {
  if (refused.length === 0) return []
  const ids = refused.map((refusal) => refusal.id)
  const stored = await (db.collections as Record<string, ServerDatabase['members']>)[
    collection
  ]!.storageInstance.findDocumentsById(ids, true)
  const byId = new Map(stored.map((doc) => [String((doc as { id: unknown }).id), doc]))
  return ids.map((id) => {
    const doc = byId.get(id)
    if (doc)
      return JSON.parse(JSON.stringify({ ...doc, ...BOOKKEEPING })) as Record<string, unknown>
    const pushed = rows.find((row) => row.newDocumentState.id === id)?.newDocumentState
    return { ...pushed, _deleted: true }
  })
}

/** Largest pull batch a client may ask for. */
const MAX_PULL_LIMIT = 1000

/** True when a pull query's checkpoint and limit are well-formed (rxdb-server passes them on unchecked). */
export function isPullQuery(query: Readonly<Record<string, unknown>>): boolean {
  const { lwt, id, limit } = query
  if (lwt !== undefined && (typeof lwt !== 'string' || !/^\d+(\.\d+)?$/.test(lwt))) return false
  if (id !== undefined && id !== '' && !idIsValid(id)) return false
  if (limit === undefined) return true
  if (typeof limit !== 'string' || !/^\d+$/.test(limit)) return false
  const n = Number(limit)
  return n >= 1 && n <= MAX_PULL_LIMIT
}

/**
 * CORS for the configured origins on every method (rxdb-server 15.22 sets CORS headers only on
 * preflight requests). Mounted before every replication route and on the admin API.
 */
export function originsCors(corsOrigins: readonly string[]): RequestHandler {
  return cors({
    origin: [...corsOrigins],
    optionsSuccessStatus: 200,
    // Read by the desktop: which pushed rows the role refused, and how long a lockout lasts.
    exposedHeaders: [REFUSED_HEADER, 'Retry-After'],
  })
}

/**
 * Registers one rxdb-server replication endpoint per workspace collection on `app`, behind the
 * admin token, with CORS on every method for the configured origins. Never listens.
 */
export async function mountReplication(options: ReplicationOptions): Promise<void> {
  const { app, db, people, now, wrapPush, validatePush, logError } = options

  const adapter: RxServerAdapter<Express, Request, Response> = {
    ...RxServerAdapterExpress,
    // rxdb-server would answer only preflights; CORS for every method of every replication path
    // is applied once by originsCors (mounted before all replication routes).
    setCors() {},
    get(serverApp, path, handler) {
      serverApp.get(
        path,
        guardHandler(async (req, res) => {
          if (path.endsWith('/pull') && !isPullQuery(req.query)) {
            sendError(
              res,
              'invalid-request',
              'pull needs lwt (number), id (document id or empty) and limit (1–1000)',
            )
            return
          }
          await handler(req, res)
        }, logError),
      )
    },
    post(serverApp, path, handler) {
      const collection = path.split('/')[2] ?? ''
      serverApp.post(
        path,
        guardHandler(async (req, res) => {
          if (path.endsWith('/push') && !isPushBody(req.body)) {
            // Rejected before rxdb-server sees it; the client's replication keeps running.
            sendError(
              res,
              'invalid-request',
              'push body must be an array of change rows with valid ids',
            )
            return
          }
          if (!path.endsWith('/push')) return handler(req, res)
          const rows = req.body as PushRow[]
          const ids = rows.map((row) => row.newDocumentState.id)
          const person = personOf(res)
          const write = async () => {
            const check = (await validatePush?.(collection, rows, person)) ?? { ok: true, rows }
            if (!check.ok) {
              sendError(res, 'invalid-request', 'push refused; nothing was written', {
                problems: check.problems,
              })
              return
            }
            const refused = check.refused ?? []
            const extra = await refusedConflicts(db, collection, rows, refused)
            if (refused.length > 0) res.setHeader(REFUSED_HEADER, refusedHeaderValue(refused))
            // rxdb-server answers through endResponseJson (below): its conflicts, then ours,
            // once the activity log holds what was written.
            let answered: Promise<void> | undefined
            const locals = res.locals as PushLocals
            locals.pushAnswer = (conflicts) => {
              const conflicted = new Set(conflicts.map((doc) => String((doc as AnyDoc).id)))
              answered = (async () => {
                await check.afterWrite?.(conflicted)
                res.json([...conflicts, ...extra])
              })()
            }
            if (check.rows.length === 0) {
              locals.pushAnswer([])
            } else {
              // rxdb-server reads the rows from the body: hand it the checked, rewritten rows.
              req.body = check.rows
              await handler(req, res)
            }
            await answered
          }
          await (wrapPush ? wrapPush(collection, ids, write) : write())
        }, logError),
      )
    },
    endResponseJson(res, data) {
      const answer = (res.locals as PushLocals).pushAnswer
      if (answer && Array.isArray(data)) answer(data as unknown[])
      else res.json(data)
    },
    all(serverApp, path, handler) {
      serverApp.all(path, guardHandler(handler, logError))
    },
  }

  const server = await createRxServer<Express, { person: Person }>({
    // The typed database is the same object; rxdb-server is typed for an untyped RxDatabase.
    database: db as unknown as RxDatabase,
    adapter,
    serverApp: app,
    // Required by the type, never used: the server is not started here (app.ts never listens).
    port: 0,
    // Any value makes rxdb-server call setCors, which applies the configured origins (or none).
    cors: 'configured-origins',
    // Every replication request already passed requirePerson (app.ts); the person is the
    // auth data rxdb-server keeps. The role decision per pushed row is taken before rxdb-server
    // sees the rows (the push wrapper above): its changeValidator would answer 403, which stops
    // a desktop's replication for good, where a refused row must come back as a conflict.
    authHandler(headers): RxServerAuthData<{ person: Person }> {
      const token = bearerToken(headers['authorization'])
      const person = token === null ? null : people.authenticate(token)
      if (!person) throw new Error('unauthorized')
      return { data: { person }, validUntil: now() + AUTH_VALID_MS }
    },
  })
  for (const name of REPLICATED_NAMES) {
    server.addReplicationEndpoint({ name: `${REPLICATION_PREFIX}/${name}`, collection: db[name] })
  }
}
