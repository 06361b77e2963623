import type { Express, Request, Response } from 'express'
import { getReplicationHandlerByCollection } from 'rxdb/plugins/replication-websocket'
import { COLLECTION_NAMES } from '../../core/src/schema/collections'
import type { CollectionName } from '../../core/src/schema/collections'
import type { ServerDatabase } from './database'
import { sendError } from './http/errors'

/** Path of the multiplexed change stream (admin token required, like every replication route). */
export const REPLICATION_STREAM_PATH = '/replication/stream'

/** Fields rxdb-server strips from streamed documents (server bookkeeping). */
const STRIPPED = { _meta: undefined, _rev: undefined, _attachments: undefined }

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
    const requested = String(req.query['collections'] ?? '')
      .split(',')
      .filter((name) => name !== '')
    const unknown = requested.filter(
      (name) => !(COLLECTION_NAMES as readonly string[]).includes(name),
    )
    if (requested.length === 0 || unknown.length > 0) {
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
    const subscriptions = (requested as CollectionName[]).map((collection) =>
      getReplicationHandlerByCollection(db, collection).masterChangeStream$.subscribe((changes) => {
        const event =
          changes === 'RESYNC'
            ? { collection, resync: true }
            : {
                collection,
                documents: changes.documents.map((d) => ({ ...d, ...STRIPPED })),
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
