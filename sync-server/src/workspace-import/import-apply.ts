import { deepEqual, uncacheRxQuery } from 'rxdb'
import type { RxCollection, RxQuery } from 'rxdb'
import type { Booking, Workspace } from '../../../core/src/model/workspace'
import { BOOKING_SERVER_FIELDS } from '../../../core/src/schema/collections'
import type { CollectionName } from '../../../core/src/schema/collections'
import {
  documentToRecord,
  workspaceToDocuments,
} from '../../../core/src/schema/workspace-documents'
import type { AnyDoc, ServerDatabase } from '../database'
import { notifyProgressMark } from '../notify/outbox-processor'
import { SETUP_COLLECTIONS, STORE_PAGE_DOCUMENTS, storedPages } from '../workspace-store'
import type { BookingIdPage } from '../workspace-store'
import type { ImportStaging, StagingApplying } from './import-staging'
import { eventLoopTurn } from '../event-loop-turn'

/** Staged bookings written per RxDB bulk write while applying. */
export const APPLY_CHUNK_BOOKINGS = 2_000

/** The steps of applying an import, in order. */
export type ImportApplyStep = 'setup' | 'bookings' | 'stale-bookings' | 'stale-setup'

/** Reported after each chunk of an apply (tests pause here; nothing waits on it otherwise). */
export interface ImportApplyProgress {
  readonly step: ImportApplyStep
  /** Records of this step handled so far (bookings staged and written, or stored and checked). */
  readonly done: number
}

/**
 * Makes the store equal the staged import (validated, marked as being applied): in order,
 * 1. upserts the setup records (and the settings record, the workspace zone);
 * 2. upserts the staged bookings, {@link APPLY_CHUNK_BOOKINGS} at a time in id order, keeping the
 *    server's own fields (`BOOKING_SERVER_FIELDS`) of bookings that were stored already;
 * 3. deletes stored bookings the import does not have (keyset pages of stored ids from
 *    `bookingIds`, each checked against the staging table);
 * 4. deletes stored setup records the import does not have (referencing records first).
 * A record already stored exactly as imported is not rewritten. Every write goes through RxDB
 * (`bulkUpsert`, `bulkRemove`), so replication, the workspace mirror and the derived booking
 * index follow. Idempotent: run again after a crash at any point, it ends in the same state, so
 * the server finishes an interrupted apply on start. Throws when a write fails.
 */
export async function importApply(
  db: ServerDatabase,
  bookingIds: BookingIdPage,
  staging: ImportStaging,
  marker: StagingApplying,
  progress: (event: ImportApplyProgress) => Promise<void> | void = () => undefined,
): Promise<void> {
  const setup = JSON.parse(marker.setupJson) as Workspace
  const next = workspaceToDocuments({ ...setup, bookings: [] }, marker.nowIso)
  const keep = new Map<CollectionName, Set<string>>()

  let done = 0
  for (const name of SETUP_COLLECTIONS) {
    const docs = next[name] as AnyDoc[]
    keep.set(name, new Set(docs.map((doc) => doc.id)))
    const stored = new Map<string, AnyDoc>()
    for await (const page of storedPages(db[name])) {
      for (const doc of page) stored.set(doc.id, doc as AnyDoc)
    }
    const changed = docs.filter((doc) => !isSameRecord(stored.get(doc.id), doc))
    await upsert(db[name], changed)
    done += docs.length
  }
  await progress({ step: 'setup', done })

  done = 0
  let after = ''
  for (;;) {
    const page = staging.byId(after, APPLY_CHUNK_BOOKINGS)
    if (page.length === 0) break
    const ids = page.map((staged) => staged.id)
    const stored = new Map(
      (await db.bookings.storageInstance.findDocumentsById(ids, false)).map((doc) => [
        doc.id,
        doc as AnyDoc,
      ]),
    )
    const changed: AnyDoc[] = []
    for (const staged of page) {
      const record = JSON.parse(staged.json) as AnyDoc
      const before = stored.get(staged.id)
      const doc: AnyDoc = { ...record, updatedAt: marker.nowIso }
      if (isSameRecord(before, doc)) continue
      for (const field of BOOKING_SERVER_FIELDS) doc[field] = before?.[field] ?? null
      changed.push(doc)
    }
    // An import tells no one: its bookings count as notified up to their last entry.
    await notifyProgressMark(db, changed as unknown as Pick<Booking, 'id' | 'history'>[])
    await upsert(db.bookings, changed)
    done += page.length
    after = page[page.length - 1]!.id
    await progress({ step: 'bookings', done })
    await eventLoopTurn()
  }

  done = 0
  after = ''
  for (;;) {
    const ids = bookingIds(after, STORE_PAGE_DOCUMENTS)
    if (ids.length === 0) break
    const staged = staging.has(ids)
    await remove(
      db.bookings,
      ids.filter((id) => !staged.has(id)),
    )
    done += ids.length
    after = ids[ids.length - 1]!
    await progress({ step: 'stale-bookings', done })
    await eventLoopTurn()
  }

  done = 0
  for (const name of [...SETUP_COLLECTIONS].reverse()) {
    const kept = keep.get(name) ?? new Set()
    const stale: string[] = []
    for await (const page of storedPages(db[name])) {
      for (const doc of page) if (!kept.has(doc.id)) stale.push(doc.id)
      done += page.length
    }
    await remove(db[name], stale)
  }
  await progress({ step: 'stale-setup', done })
}

/** True when `stored` holds exactly the record of `doc` (bookkeeping fields aside). */
function isSameRecord(stored: AnyDoc | undefined, doc: AnyDoc): boolean {
  return stored !== undefined && deepEqual(documentToRecord(stored), documentToRecord(doc))
}

async function upsert(collection: RxCollection<AnyDoc>, docs: readonly AnyDoc[]): Promise<void> {
  if (docs.length === 0) return
  const result = await collection.bulkUpsert([...docs])
  if (result.error.length > 0) {
    throw new Error(
      `workspace import: ${result.error.length} ${collection.name} documents were not written`,
    )
  }
}

async function remove(collection: RxCollection<AnyDoc>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return
  const result = await collection.bulkRemove([...ids])
  // bulkRemove reads the documents with a `findByIds` query, which RxDB's query cache keeps with
  // its results (up to 100 such queries): deleting 150,000 bookings held 320 MB. The same ids give
  // the same cached query back, which is then let go.
  uncacheRxQuery(collection._queryCache, collection.findByIds([...ids]) as RxQuery)
  if (result.error.length > 0) {
    throw new Error(
      `workspace import: ${result.error.length} ${collection.name} documents were not deleted`,
    )
  }
}
