import type { Express, Request, Response } from 'express'
import { getChangedDocumentsSince } from 'rxdb'
import type { RxCollection, RxDocumentData } from 'rxdb'
import { now as lwtNow } from 'rxdb/plugins/utils'
import { z } from 'zod'
import {
  windowNeedsVersion,
  windowStartIsValid,
  windowStartKey,
} from '../../core/src/booking/booking-window'
import type { WindowStart } from '../../core/src/booking/booking-window'
import { idIsValid } from '../../core/src/model/workspace'
import { COLLECTION_SCHEMAS } from '../../core/src/schema/collections'
import type { AnyDoc, ServerDatabase } from './database'
import { sendError } from './http/errors'
import type { ServerErrorLog } from './http/request-log'
import { keysetPage } from './keyset-page'
import { guardHandler, REPLICATION_PREFIX } from './replication'

/**
 * Windowed replication of bookings: what a desktop replica keeps is every booking whose meeting
 * ends at or after its window start (core's `booking-window.ts`), never the history before.
 *
 * `GET /replication/bookings/<current version>/pullWindow?windowStart=YYYY-MM-DD&limit=N
 * [&checkpoint=<JSON>]` answers `{ documents, checkpoint, hasMore }`:
 * 1. **Snapshot** (no checkpoint yet): the window itself, read through the `end` index by keyset
 *    over (end, id), `limit` at a time. It remembers where the change feed stood when it began:
 *    the feed's clock (RxDB's `now()`, strictly increasing, which stamps `_meta.lwt`) read before
 *    its first query. The project's storage stamps and commits a write in one synchronous step
 *    (RxDB's wrapper stamps `lwt`, then the storage's `bulkWrite` runs its transaction before
 *    returning), so every write the snapshot could not see is stamped after that position.
 * 2. **Changes**: the collection's change feed (`getChangedDocumentsSince`, keyset by (lwt, id))
 *    from that position, passing on only the versions the desktop needs (`windowNeedsVersion`:
 *    inside the window, or changed since it began; deletions alike). Writes made during the
 *    snapshot arrive here.
 * A page is filled across both phases; a desktop whose window start moves earlier gets the gap
 * `[new start, old start)` as another snapshot first. `hasMore` is false only when the feed is
 * exhausted: a page can come back short while more follows, when {@link FEED_SCAN_BUDGET}
 * changes outside the window were skipped (e.g. after an import of old history), so the client
 * asks again while `hasMore`. The checkpoint is this server's own shape ({@link WindowCheckpoint});
 * the live changes come over `/replication/stream` (`bookings:<v>@<window start>`, same filter).
 */

/** Feed rows read per storage call. */
const FEED_BATCH = 500
/** Feed rows one request may skip before it answers (short, with `hasMore`). */
export const FEED_SCAN_BUDGET = 5000
/** Largest page a client may ask for. */
const MAX_LIMIT = 1000

/**
 * Where a desktop's windowed pull stands. Every key is always present (RxDB merges stored and new
 * checkpoints key by key).
 */
export interface WindowCheckpoint {
  /** The replica holds every booking ending at or after this window start. */
  readonly windowStart: WindowStart
  readonly phase: 'snapshot' | 'changes'
  /** Snapshot: only ends before this window start are read (a gap below an earlier window). */
  readonly snapshotBelow: WindowStart | null
  /** Snapshot: the (end, id) of the last booking sent; null before the first. */
  readonly snapshotEnd: string | null
  readonly snapshotId: string | null
  /** The change feed's position: `_meta.lwt` and id of the last change passed (or skipped). */
  readonly lwt: number
  readonly id: string
}

/** One answer of the windowed pull. */
export interface WindowPage {
  readonly documents: readonly Record<string, unknown>[]
  readonly checkpoint: WindowCheckpoint
  readonly hasMore: boolean
}

const windowStartText = z.string().refine(windowStartIsValid, 'expected a date YYYY-MM-DD')
const docId = z.string().refine(idIsValid, 'not a valid id')

export const windowCheckpointSchema = z.strictObject({
  windowStart: windowStartText,
  phase: z.enum(['snapshot', 'changes']),
  snapshotBelow: windowStartText.nullable(),
  snapshotEnd: z.string().min(1).max(40).nullable(),
  snapshotId: docId.nullable(),
  lwt: z.number().finite().nonnegative(),
  id: z.union([z.literal(''), docId]),
})

const pullQuerySchema = z.object({
  windowStart: windowStartText,
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT),
  checkpoint: z.string().max(1000).optional(),
})

/** Server bookkeeping never sent to clients (as rxdb-server strips it). */
const STRIPPED = { _meta: undefined, _rev: undefined, _attachments: undefined }

function sendable(doc: RxDocumentData<AnyDoc>): Record<string, unknown> {
  return { ...doc, ...STRIPPED }
}

/** A fresh snapshot of the window starting at `windowStart`, the feed resuming at `feedFromLwt`. */
function snapshotStart(windowStart: WindowStart, feedFromLwt: number): WindowCheckpoint {
  return {
    windowStart,
    phase: 'snapshot',
    snapshotBelow: null,
    snapshotEnd: null,
    snapshotId: null,
    lwt: Math.max(0, feedFromLwt),
    id: '',
  }
}

/** The checkpoint adjusted to the window the desktop asks for now. */
function checkpointFor(
  checkpoint: WindowCheckpoint | null,
  windowStart: WindowStart,
  feedNowLwt: number,
): WindowCheckpoint {
  if (checkpoint === null) return snapshotStart(windowStart, feedNowLwt)
  if (windowStart > checkpoint.windowStart) {
    // A later start: the replica no longer needs the bookings in between; nothing to read.
    return { ...checkpoint, windowStart }
  }
  if (windowStart < checkpoint.windowStart) {
    if (checkpoint.phase === 'snapshot') {
      // Rare (the desktop's clock went back): read the snapshot again from the earlier start.
      return { ...checkpoint, windowStart, snapshotEnd: null, snapshotId: null }
    }
    // Read the gap below the start the replica holds, then go on with the feed where it was.
    return {
      ...checkpoint,
      windowStart,
      phase: 'snapshot',
      snapshotBelow: checkpoint.windowStart,
      snapshotEnd: null,
      snapshotId: null,
    }
  }
  return checkpoint
}

/**
 * One page of the windowed pull for a desktop holding `checkpoint` (null: nothing yet) that now
 * keeps the window starting at `windowStart`: at most `limit` documents (see the module comment).
 * `feedNowLwt` is the change feed's clock (RxDB's `now()`, which stamps `_meta.lwt`).
 */
export async function windowPullPage(
  collection: RxCollection<AnyDoc>,
  request: {
    readonly windowStart: WindowStart
    readonly checkpoint: WindowCheckpoint | null
    readonly limit: number
    readonly feedNowLwt: number
  },
): Promise<WindowPage> {
  const { windowStart, limit } = request
  let checkpoint = checkpointFor(request.checkpoint, windowStart, request.feedNowLwt)
  const documents: RxDocumentData<AnyDoc>[] = []
  let scanned = 0
  let hasMore = true
  while (documents.length < limit) {
    if (checkpoint.phase === 'snapshot') {
      const wanted = limit - documents.length
      const { snapshotEnd, snapshotId, snapshotBelow } = checkpoint
      const page = await keysetPage(collection, {
        field: 'end',
        from: windowStartKey(windowStart),
        below: snapshotBelow === null ? null : windowStartKey(snapshotBelow),
        after: snapshotEnd === null ? null : { key: snapshotEnd, id: snapshotId ?? '' },
        limit: wanted,
      })
      documents.push(...page)
      const last = page.at(-1)
      if (page.length < wanted) {
        checkpoint = {
          ...checkpoint,
          phase: 'changes',
          snapshotBelow: null,
          snapshotEnd: null,
          snapshotId: null,
        }
      } else if (last) {
        checkpoint = { ...checkpoint, snapshotEnd: String(last['end']), snapshotId: last.id }
      }
      continue
    }
    const feed = await getChangedDocumentsSince(collection.storageInstance, FEED_BATCH, {
      id: checkpoint.id,
      lwt: checkpoint.lwt,
    })
    let read = 0
    for (const doc of feed.documents) {
      read++
      scanned++
      checkpoint = { ...checkpoint, lwt: doc._meta.lwt, id: doc.id }
      const version = doc as unknown as { end: string; history?: { at: string }[] }
      if (windowNeedsVersion(windowStart, version)) documents.push(doc)
      if (documents.length >= limit) break
    }
    if (feed.documents.length < FEED_BATCH && read === feed.documents.length) {
      hasMore = false
      break
    }
    if (scanned >= FEED_SCAN_BUDGET) break
  }
  return { documents: documents.map(sendable), checkpoint, hasMore }
}

/** Path of the windowed pull for the bookings collection's current schema version. */
export const WINDOW_PULL_PATH = `/${REPLICATION_PREFIX}/bookings/${COLLECTION_SCHEMAS.bookings.version}/pullWindow`

/**
 * Mounts {@link WINDOW_PULL_PATH} (admin token and CORS come from the `/replication` middleware
 * in app.ts). Pushes keep using rxdb-server's `/push`; older desktops keep `/pull`.
 */
export function mountReplicationWindow(
  app: Express,
  db: ServerDatabase,
  options: { readonly logError: ServerErrorLog },
): void {
  app.get(
    WINDOW_PULL_PATH,
    guardHandler(async (req: Request, res: Response) => {
      const query = pullQuerySchema.safeParse(req.query)
      let checkpoint: WindowCheckpoint | null = null
      let isValid = query.success
      if (query.success && query.data.checkpoint !== undefined) {
        const parsed = windowCheckpointSchema.safeParse(jsonOrUndefined(query.data.checkpoint))
        isValid = parsed.success
        checkpoint = parsed.success ? parsed.data : null
      }
      if (!query.success || !isValid) {
        sendError(
          res,
          'invalid-request',
          'pullWindow needs windowStart (YYYY-MM-DD), limit (1–1000) and optionally the checkpoint it last answered',
        )
        return
      }
      const page = await windowPullPage(db.bookings, {
        windowStart: query.data.windowStart,
        checkpoint,
        limit: query.data.limit,
        feedNowLwt: lwtNow(),
      })
      res.json(page)
    }, options.logError),
  )
}

function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
