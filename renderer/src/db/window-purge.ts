import { getComposedPrimaryKeyOfDocumentData, normalizeMangoQuery, prepareQuery } from 'rxdb'
import type {
  BulkWriteRow,
  MangoQuerySelector,
  RxDocumentData,
  RxStorageInstance,
  RxStorageReplicationMeta,
} from 'rxdb'
import type { RxReplicationState } from 'rxdb/plugins/replication'
import { createRevision, now } from 'rxdb/plugins/utils'
import { windowStartKey } from '../../../core/src/booking/booking-window'
import type { WindowStart } from '../../../core/src/booking/booking-window'
import type { WindowCheckpoint } from './bookings-replication'
import type { AppDatabase, AppDoc } from './database'

/** Bookings removed per storage write. */
const PURGE_BATCH = 500

export interface PurgeResult {
  /** Bookings removed from the local database. */
  readonly purged: number
}

/**
 * Removes from the local database (IndexedDB) the bookings whose meeting ended before the
 * replica's window, so the local database follows the window as memory does, without telling the
 * server anything. Run only while the replication is in sync (nothing waits to be pushed), and
 * never on a booking that still has a local change waiting (`isUnsynced`).
 *
 * How, and why this way (RxDB 15 has no "forget locally" call): deleting through the collection
 * would replicate the deletion, which the server refuses for bookings. So:
 * 1. each booking is written deleted straight to the collection's storage instance (the
 *    collection's queries and caches follow the change as for any write); the bookings
 *    replication's push modifier never sends a booking deletion (`bookings-replication.ts`);
 * 2. once the replication has processed those writes, the storage's own `cleanup(0)` removes
 *    deleted documents for good (RxDB's cleanup, as its cleanup plugin uses it);
 * 3. the replication's metadata of those bookings (a copy of the server's version each, in the
 *    replication's meta storage instance) is removed the same way — only after step 2, since a
 *    booking without metadata but still stored would be pushed as new.
 * A booking the server sends again later (it moved back into the window) is stored anew.
 */
export async function windowPurge(options: {
  readonly db: AppDatabase
  readonly replication: Pick<
    RxReplicationState<AppDoc, WindowCheckpoint>,
    'awaitInSync' | 'metaInstance'
  >
  readonly windowStart: WindowStart
  readonly isUnsynced: (id: string) => boolean
}): Promise<PurgeResult> {
  const { db, replication } = options
  const key = windowStartKey(options.windowStart)
  const skipped: string[] = []
  const purged: string[] = []
  for (;;) {
    const found = await db.bookings
      .find({
        selector: { end: { $lt: key }, ...(skipped.length > 0 ? { id: { $nin: skipped } } : {}) },
        limit: PURGE_BATCH,
      })
      .exec()
    if (found.length === 0) break
    const rows: BulkWriteRow<AppDoc>[] = []
    for (const doc of found) {
      if (options.isUnsynced(doc.primary)) {
        skipped.push(doc.primary)
        continue
      }
      const previous = doc.toJSON(true) as RxDocumentData<AppDoc>
      rows.push({
        previous,
        document: { ...previous, _deleted: true, _meta: { ...previous._meta } },
      })
    }
    if (rows.length === 0) continue
    const result = await db.bookings.storageInstance.bulkWrite(rows, 'teamslot-window-purge')
    const failed = new Set(result.error.map((error) => error.documentId))
    for (const row of rows) {
      if (failed.has(row.document.id)) skipped.push(row.document.id)
      else purged.push(row.document.id)
    }
  }
  if (purged.length === 0) return { purged: 0 }
  await replication.awaitInSync()
  await cleanupDeleted(db.bookings.storageInstance)
  const meta = replication.metaInstance
  if (meta) await metaPurge(meta, db.token, purged)
  return { purged: purged.length }
}

/** Rounds of `cleanup` at most: RxDB 15's memory storage removes only every other one per call. */
const CLEANUP_ROUNDS = 40

/**
 * Removes every deleted document of `instance` for good (the storage's `cleanup(0)`), repeated
 * while deleted documents remain: RxDB 15.39's memory storage skips the document after each one
 * it removes (it splices the index it walks); Dexie removes them all in one call.
 */
async function cleanupDeleted<T>(
  instance: Pick<RxStorageInstance<T, unknown, unknown>, 'cleanup' | 'count' | 'schema'>,
): Promise<void> {
  const schema = instance.schema
  // RxQuery always adds `_deleted: false`; the storage itself answers any selector on it.
  // (RxDB's selector type knows only the document's own fields, not its `_deleted`.)
  const onlyDeleted: MangoQuerySelector<{ _deleted: boolean }> = { _deleted: { $eq: true } }
  const deleted = prepareQuery<T>(
    schema,
    normalizeMangoQuery<T>(schema, { selector: onlyDeleted as unknown as MangoQuerySelector<T> }),
  )
  for (let round = 0; round < CLEANUP_ROUNDS; round++) {
    await instance.cleanup(0)
    if ((await instance.count(deleted)).count === 0) return
  }
}

/** Deletes the replication metadata of `ids` and removes it for good. */
async function metaPurge(
  meta: RxStorageInstance<RxStorageReplicationMeta<AppDoc, WindowCheckpoint>, unknown, unknown>,
  databaseToken: string,
  ids: readonly string[],
): Promise<void> {
  for (let i = 0; i < ids.length; i += PURGE_BATCH) {
    const metaIds = ids
      .slice(i, i + PURGE_BATCH)
      .map((itemId) =>
        getComposedPrimaryKeyOfDocumentData(meta.schema, { itemId, isCheckpoint: '0' }),
      )
    const found = await meta.findDocumentsById(metaIds, false)
    if (found.length === 0) continue
    const stamp = now()
    await meta.bulkWrite(
      found.map((previous) => ({
        previous,
        document: {
          ...previous,
          _deleted: true,
          _rev: createRevision(databaseToken, previous),
          _meta: { ...previous._meta, lwt: stamp },
        },
      })),
      'teamslot-window-purge-meta',
    )
  }
  await cleanupDeleted(meta)
}
