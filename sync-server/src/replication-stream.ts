import type { Express, Request, Response } from 'express'
import { getReplicationHandlerByCollection } from 'rxdb/plugins/replication-websocket'
import { windowNeedsVersion, windowStartIsValid } from '../../core/src/booking/booking-window'
import type { WindowStart } from '../../core/src/booking/booking-window'
import { COLLECTION_SCHEMAS, REPLICATED_SCHEMAS } from '../../core/src/schema/collections'
import { compatDown } from './replication-compat'
import type { WindowCheckpoint } from './replication-window'
import type { CollectionName, ReplicatedName } from '../../core/src/schema/collections'
import type { ServerDatabase } from './database'
import { sendError } from './http/errors'
import type { Logger } from './http/request-log'

/** Path of the multiplexed change stream (admin token required, like every replication route). */
export const REPLICATION_STREAM_PATH = '/replication/stream'

/**
 * Bytes a stream may hold queued for one client (in the response and its socket) before the client
 * counts as not reading and the stream is dropped. A dropped client reconnects and pulls from its
 * checkpoint (RxDB resyncs after a stream error), so the cap costs a slow desktop one pull.
 */
export const STREAM_BUFFER_CAP_BYTES = 1024 * 1024

export interface ReplicationStreamOptions {
  /** Drop threshold per stream in bytes (default {@link STREAM_BUFFER_CAP_BYTES}). */
  readonly bufferCapBytes?: number
  /** Receives one `warn` record per dropped stream. */
  readonly logger?: Logger
  readonly now: () => number
  /**
   * Whether the request's token still signs someone in (checked before every event): a stream
   * of a removed person or a replaced token ends at its next event; the desktop's reconnect is
   * then refused.
   */
  readonly isSignedIn?: (req: Request) => boolean
}

/** Fields rxdb-server strips from streamed documents (server bookkeeping). */
const STRIPPED = { _meta: undefined, _rev: undefined, _attachments: undefined }

/**
 * Parses `members,bookings:0,bookings:1@2027-03-02`: each entry is a collection name, optionally
 * with the schema version the client runs (default: the current one) and, for bookings, the start
 * of the window the client keeps (`@YYYY-MM-DD`, see `replication-window.ts`). `version` is null
 * for an unknown collection, a version the server cannot serve or a malformed window.
 */
export function streamEntriesParse(text: string): {
  entry: string
  name: ReplicatedName
  version: number | null
  windowStart: WindowStart | null
}[] {
  return text
    .split(',')
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [head = '', windowText, ...extra] = entry.split('@')
      const [name = '', versionText] = head.split(':')
      const current = Object.hasOwn(REPLICATED_SCHEMAS, name)
        ? REPLICATED_SCHEMAS[name as ReplicatedName].version
        : undefined
      const version = versionText === undefined ? current : Number(versionText)
      const isWindowValid =
        windowText === undefined ||
        (name === 'bookings' && extra.length === 0 && windowStartIsValid(windowText))
      const isServable =
        current !== undefined &&
        version !== undefined &&
        Number.isInteger(version) &&
        version >= 0 &&
        version <= current &&
        isWindowValid
      return {
        entry,
        name: name as ReplicatedName,
        version: isServable ? version : null,
        windowStart: windowText ?? null,
      }
    })
}

/**
 * One server-sent-event stream carrying the live changes of many collections:
 * `GET /replication/stream?collections=members,bookings,…`. Each event's data is
 * `{ collection, documents, checkpoint }` or `{ collection, resync: true }`. A windowed bookings
 * entry (`bookings:1@2027-03-02`) passes on only the versions the window needs (the windowed
 * pull's filter, core's `windowNeedsVersion`), an event left empty is not sent, and its checkpoint
 * is the windowed pull's (changes phase at the event's feed position).
 *
 * Why: rxdb-server opens one event stream per collection; a browser allows six HTTP/1.1
 * connections per host, so seven streams starve the pull and push requests. The desktop client
 * multiplexes its collections' streams over this one connection instead.
 *
 * Backpressure: events are written as they happen; when an event comes while more than
 * `bufferCapBytes` are still queued for the client from earlier ones (`res.writableLength`: the
 * response's and its socket's buffers), the client is not reading, and its stream is dropped —
 * unsubscribed and the connection destroyed, so its buffer is released at once. At most the cap
 * plus one event is ever held per stream; a client that reads is never dropped for one large
 * event.
 */
export function mountReplicationStream(
  app: Express,
  db: ServerDatabase,
  options: ReplicationStreamOptions,
): void {
  const capBytes = options.bufferCapBytes ?? STREAM_BUFFER_CAP_BYTES
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
    let isDropped = false
    const drop = () => {
      isDropped = true
      const bufferedBytes = res.writableLength
      subscriptions.forEach((s) => s.unsubscribe())
      res.destroy()
      options.logger?.({
        at: new Date(options.now()).toISOString(),
        level: 'warn',
        event: 'replication-stream-dropped',
        reason: 'client not reading',
        bufferedBytes,
        capBytes,
      })
    }
    const subscriptions = entries.map(({ name: collection, version, windowStart }) =>
      getReplicationHandlerByCollection(db, collection).masterChangeStream$.subscribe((changes) => {
        let event: object
        if (changes === 'RESYNC') {
          event = { collection, resync: true }
        } else {
          const documents =
            windowStart === null
              ? changes.documents
              : changes.documents.filter((d) =>
                  windowNeedsVersion(windowStart, d as unknown as { end: string }),
                )
          if (documents.length === 0) return
          event = {
            collection,
            documents: documents.map((d) =>
              Object.hasOwn(COLLECTION_SCHEMAS, collection)
                ? compatDown(collection as CollectionName, { ...d, ...STRIPPED }, version ?? 0)
                : { ...d, ...STRIPPED },
            ),
            checkpoint:
              windowStart === null
                ? changes.checkpoint
                : windowChangesCheckpoint(windowStart, changes.checkpoint),
          }
        }
        if (isDropped) return
        if (options.isSignedIn && !options.isSignedIn(req)) {
          isDropped = true
          subscriptions.forEach((s) => s.unsubscribe())
          res.end()
          return
        }
        // Still more than the cap queued from earlier events: the client is not reading.
        if (res.writableLength > capBytes) return drop()
        res.write(`data: ${JSON.stringify(event)}\n\n`)
      }),
    )
    req.on('close', () => {
      subscriptions.forEach((s) => s.unsubscribe())
      res.end()
    })
  })
}

/** The windowed pull's checkpoint at a feed position (RxDB's `{ id, lwt }`). */
function windowChangesCheckpoint(windowStart: WindowStart, feed: unknown): WindowCheckpoint {
  const { id, lwt } = feed as { id: string; lwt: number }
  return {
    windowStart,
    phase: 'changes',
    snapshotBelow: null,
    snapshotEnd: null,
    snapshotId: null,
    lwt,
    id,
  }
}
