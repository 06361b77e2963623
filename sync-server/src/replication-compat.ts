import type { Express, Request, Response } from 'express'
import { getReplicationHandlerByCollection } from 'rxdb/plugins/replication-websocket'
import { COLLECTION_NAMES, COLLECTION_SCHEMAS } from '../../core/src/schema/collections'
import type { CollectionName } from '../../core/src/schema/collections'
import { migrateDown, migrateUp } from '../../core/src/schema/migrations'
import type { AnyDoc, ServerDatabase } from './database'
import { sendError } from './http/errors'
import {
  guardHandler,
  isPullQuery,
  isPushBody,
  REFUSED_HEADER,
  refusedConflicts,
  refusedHeaderValue,
  REPLICATION_PREFIX,
} from './replication'
import { personOf } from './http/require-person'
import type { Person } from './people/people-store'
import type { ServerErrorLog } from './http/request-log'
import type { PushCheck, PushRow } from './push-validation'

type Doc = Record<string, unknown>

/** Server bookkeeping never sent to clients (as rxdb-server strips it). */
const SERVER_FIELDS = ['_meta', '_rev', '_attachments']

function strip(doc: Doc): Doc {
  const out = { ...doc }
  for (const field of SERVER_FIELDS) delete out[field]
  return out
}

/** A current-version document as a client of `version` sees it. */
export function compatDown(collection: CollectionName, doc: Doc, version: number): Doc {
  const current = COLLECTION_SCHEMAS[collection].version
  return migrateDown(collection, strip(doc), current, version)
}

/**
 * A document written by a client of `version`, upgraded to the current version. Fields that the
 * client's version does not know keep the server's current values (an old desktop renaming a
 * member must not reset the color a newer desktop chose).
 */
export function compatUp(
  collection: CollectionName,
  doc: Doc,
  version: number,
  serverDoc: Doc | undefined,
): Doc {
  const current = COLLECTION_SCHEMAS[collection].version
  const upgraded = migrateUp(collection, doc, version, current)
  if (serverDoc) {
    // Fields the client's version does not have mirror the stored document exactly.
    for (const key of Object.keys(upgraded)) {
      if (key in doc) continue
      if (key in serverDoc) upgraded[key] = serverDoc[key]
      else delete upgraded[key]
    }
  }
  return upgraded
}

export interface CompatOptions {
  readonly wrapPush: (
    collection: string,
    ids: readonly string[],
    run: () => Promise<void>,
  ) => Promise<void>
  /** Checks a push on the upgraded rows inside `wrapPush` (problems, or the rows to write). */
  readonly validatePush: (
    collection: string,
    rows: readonly PushRow[],
    person: Person,
  ) => PushCheck | Promise<PushCheck>
  /** Receives every failure of a handler (answered with a generic 500). */
  readonly logError: ServerErrorLog
}

/**
 * Keeps desktops that still run an older schema syncing after a server upgrade: for every
 * collection whose schema version is above 0, `/replication/<name>/<old version>/{pull,push}`
 * translate documents with core's migrations instead of answering rxdb-server's 426 "outdated".
 * Must be mounted BEFORE rxdb-server's endpoints (it registers the 426 handlers for old paths).
 * The person is authenticated by the `/replication` middleware in app.ts; their role decides per
 * row as on the current version (a refused row is answered as a conflict).
 */
export function mountReplicationCompat(
  app: Express,
  db: ServerDatabase,
  options: CompatOptions,
): void {
  for (const name of COLLECTION_NAMES) {
    const current = COLLECTION_SCHEMAS[name].version
    for (let version = 0; version < current; version++) {
      const base = `/${REPLICATION_PREFIX}/${name}/${version}`
      const handler = () => getReplicationHandlerByCollection(db, name)

      app.get(
        `${base}/pull`,
        guardHandler(async (req: Request, res: Response) => {
          if (!isPullQuery(req.query)) {
            sendError(
              res,
              'invalid-request',
              'pull needs lwt (number), id (document id or empty) and limit (1–1000)',
            )
            return
          }
          const lwt = Number(req.query['lwt'] ?? 0)
          const id = String(req.query['id'] ?? '')
          const limit = Number(req.query['limit'] ?? 1)
          const result = await handler().masterChangesSince({ id, lwt }, limit)
          res.json({
            documents: result.documents.map((doc) => compatDown(name, doc as Doc, version)),
            checkpoint: result.checkpoint ?? { id, lwt },
          })
        }, options.logError),
      )

      app.post(
        `${base}/push`,
        guardHandler(async (req: Request, res: Response) => {
          if (!isPushBody(req.body)) {
            sendError(
              res,
              'invalid-request',
              'push body must be an array of change rows with valid ids',
            )
            return
          }
          const rows = req.body as {
            newDocumentState: Doc & { id: string }
            assumedMasterState?: Doc | null
          }[]
          const ids = rows.map((row) => row.newDocumentState.id)
          let conflicts: Doc[] = []
          let problems: readonly string[] = []
          const person = personOf(res)
          await options.wrapPush(name, ids, async () => {
            const found = await db[name].findByIds(ids).exec()
            const serverDoc = (id: string) => found.get(id)?.toJSON() as AnyDoc | undefined
            const upgraded = rows.map((row) => ({
              newDocumentState: compatUp(
                name,
                row.newDocumentState,
                version,
                serverDoc(row.newDocumentState.id),
              ),
              ...(row.assumedMasterState
                ? {
                    assumedMasterState: compatUp(
                      name,
                      row.assumedMasterState,
                      version,
                      serverDoc(row.newDocumentState.id),
                    ),
                  }
                : {}),
            }))
            const upgradedRows = upgraded as unknown as PushRow[]
            const check = await options.validatePush(name, upgradedRows, person)
            if (!check.ok) {
              problems = check.problems
              return
            }
            const refused = check.refused ?? []
            // rxdb's replication handler wants full documents with `_deleted`.
            const written =
              check.rows.length === 0
                ? []
                : await handler().masterWrite(
                    check.rows as unknown as Parameters<
                      ReturnType<typeof handler>['masterWrite']
                    >[0],
                  )
            await check.afterWrite?.(new Set((written as unknown as AnyDoc[]).map((d) => d.id)))
            const extra = await refusedConflicts(db, name, upgradedRows, refused)
            if (refused.length > 0) res.setHeader(REFUSED_HEADER, refusedHeaderValue(refused))
            conflicts = [...(written as unknown as Doc[]), ...extra].map((doc) =>
              compatDown(name, doc, version),
            )
          })
          if (problems.length > 0) {
            sendError(res, 'invalid-request', 'push refused; nothing was written', { problems })
            return
          }
          res.json(conflicts)
        }, options.logError),
      )
    }
  }
}
