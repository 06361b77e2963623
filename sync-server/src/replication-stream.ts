import type { Express, Request, Response } from 'express'
import { getReplicationHandlerByCollection } from 'rxdb/plugins/replication-websocket'
import { COLLECTION_SCHEMAS } from '../../core/src/schema/collections'
import { compatDown } from './replication-compat'
import type { CollectionName } from '../../core/src/schema/collections'
import type { ServerDatabase } from './database'
import { sendError } from './http/errors'

/** Path of the multiplexed change stream (admin token required, like every replication route). */
export const REPLICATION_STREAM_PATH = '/replication/stream'

/** Fields rxdb-server strips from streamed documents (server bookkeeping). */
const STRIPPED = { _meta: undefined, _rev: undefined, _attachments: undefined }

/**
 * Parses `members,bookings:0`: each entry is a collection name, optionally with the schema version
 * the client runs (default: the current one). `version` is null for an unknown collection or a
 * version the server cannot serve.
 */
export function streamEntriesParse(
  text: string,
): { entry: string; name: CollectionName; version: number | null }[] {
  return text
    .split(',')
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [name = '', versionText] = entry.split(':')
      const current = (COLLECTION_SCHEMAS as Record<string, { version: number }>)[name]?.version
      const version = versionText === undefined ? current : Number(versionText)
      const isServable =
        current !== undefined &&
        version !== undefined &&
        Number.isInteger(version) &&
        version >= 0 &&
        version <= current
      return { entry, name: name as CollectionName, version: isServable ? version : null }
    })
}

/**
 * One server-sent-event stream carrying the live changes of many collections:
 * `GET /replication/stream?collections=members,bookings,…`. Each event's data is
 * `{ collection, documents, checkpoint }` or `{ collection, resync: true }`.
 *
 * Why: rxdb-server opens one event stream per collection; a browser allows six HTTP/1.1
 * connections per host, so seven streams starve the pull and push requests. The desktop client
 * multiplexes its collections' streams over this one connection instead.
 */
export function mountReplicationStream(app: Express, db: ServerDatabase): void {
  app.get(REPLICATION_STREAM_PATH, (req: Request, res: Response) => {
    const entries = streamEntriesParse(String(req.query['collections'] ?? ''))
    const unknown = entries.filter((e) => e.version === null).map((e) => e.entry)
    if (entries.length === 0 || unknown.length > 0) {
      sendError(
        res,
        'invalid-request',
        `collections must list known collections (unknown: ${unknown.join(', ') || 'none given'})`,
      )
      return
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
    })
    res.flushHeaders()
    const subscriptions = entries.map(({ name: collection, version }) =>
      getReplicationHandlerByCollection(db, collection).masterChangeStream$.subscribe((changes) => {
        const event =
          changes === 'RESYNC'
            ? { collection, resync: true }
            : {
                collection,
                documents: changes.documents.map((d) =>
                  compatDown(collection, { ...d, ...STRIPPED }, version ?? 0),
                ),
                checkpoint: changes.checkpoint,
              }
        res.write(`data: ${JSON.stringify(event)}\n\n`)
      }),
    )
    req.on('close', () => {
      subscriptions.forEach((s) => s.unsubscribe())
      res.end()
    })
  })
}
