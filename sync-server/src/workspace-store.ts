import { normalizeMangoQuery, prepareQuery } from 'rxdb'
import type { RxCollection, RxDocumentData } from 'rxdb'
import { BOOKING_SERVER_FIELDS, COLLECTION_NAMES } from '../../core/src/schema/collections'
import type { CollectionName } from '../../core/src/schema/collections'
import {
  documentToRecord,
  documentsToWorkspace,
  workspaceToDocuments,
} from '../../core/src/schema/workspace-documents'
import type { Workspace } from '../../core/src/model/workspace'
import type { AnyDoc, ServerDatabase } from './database'
import { notifyProgressMark } from './notify/outbox-processor'
import type { DerivedReader } from './storage'

/** Documents per page when reading a whole collection (the setup, the import's deletions). */
export const STORE_PAGE_DOCUMENTS = 1_000

/**
 * Bookings per page of the export. Small pages keep what survives into V8's old generation small:
 * exporting 150,000 bookings raised the server's peak RSS by 67 MB with pages of 1,000 and by 21 MB
 * with pages of 200, in the same time.
 */
export const EXPORT_PAGE_BOOKINGS = 200

/**
 * One page of a setup collection's live documents in id order, the first `limit` after `afterId`
 * ('' for the first page): the RxDB query `{ selector: { id: { $gt: afterId } }, sort: [{ id:
 * 'asc' }], limit }`, which the storage reads by keyset on the collection's primary index
 * (`[_deleted, id]`, RxDB's default index of a collection declaring none). Run on the collection's
 * storage instance, so no RxDB query or document cache keeps the page.
 */
export async function storedPage(
  collection: RxCollection<AnyDoc>,
  afterId: string,
  limit: number,
): Promise<RxDocumentData<AnyDoc>[]> {
  const schema = collection.schema.jsonSchema
  const query = normalizeMangoQuery<AnyDoc>(schema, {
    selector: { id: { $gt: afterId } },
    sort: [{ id: 'asc' }],
    limit,
  })
  ;(query.selector as Record<string, unknown>)['_deleted'] = { $eq: false }
  const { documents } = await collection.storageInstance.query(prepareQuery(schema, query))
  return documents
}

/** Every live document of a setup collection, page by page (see {@link storedPage}). */
export async function* storedPages(
  collection: RxCollection<AnyDoc>,
  pageSize = STORE_PAGE_DOCUMENTS,
): AsyncGenerator<RxDocumentData<AnyDoc>[]> {
  let after = ''
  for (;;) {
    const page = await storedPage(collection, after, pageSize)
    if (page.length === 0) return
    yield page
    after = page[page.length - 1]!.id
  }
}

/**
 * The ids of stored (live) bookings after `afterId` in id order, at most `limit`. The bookings
 * collection declares indexes (`start`, `end`), so RxDB gives it no `[_deleted, id]` index and an
 * id-ordered RxDB query would re-read the whole collection for every page; the ids come from the
 * booking index instead (see {@link bookingIdPages}).
 */
export type BookingIdPage = (afterId: string, limit: number) => readonly string[]

/**
 * {@link BookingIdPage} over the booking index's `booking_refs` table (booking-index.ts), which
 * holds at least one row per live booking (its event type, always set) and none for a deleted
 * one, written in the same transaction as the booking, and is indexed on `doc_id`: a keyset page
 * of distinct ids costs its own rows. Ids never change, so paging by id visits every booking
 * stored throughout exactly once, whatever is written meanwhile.
 */
export function bookingIdPages(reader: DerivedReader): BookingIdPage {
  return (afterId, limit) =>
    reader
      .all(
        'SELECT DISTINCT doc_id FROM booking_refs WHERE doc_id > ? ORDER BY doc_id LIMIT ?',
        afterId,
        limit,
      )
      .map((row) => String(row['doc_id']))
}

/**
 * Every live booking, page by page in id order: ids from `idPage`, documents read by primary key
 * through RxDB's storage instance (no RxDB cache keeps them). A booking deleted between the two
 * reads is left out.
 */
export async function* storedBookingPages(
  db: ServerDatabase,
  idPage: BookingIdPage,
  pageSize = STORE_PAGE_DOCUMENTS,
): AsyncGenerator<RxDocumentData<AnyDoc>[]> {
  let after = ''
  for (;;) {
    const ids = idPage(after, pageSize)
    if (ids.length === 0) return
    const docs = await db.bookings.storageInstance.findDocumentsById([...ids], false)
    const byId = new Map(docs.map((doc) => [doc.id, doc]))
    const page = ids.flatMap((id) => byId.get(id) ?? [])
    if (page.length > 0) yield page
    after = ids[ids.length - 1]!
  }
}

/** The collections the setup lives in: every one but `bookings`. */
export const SETUP_COLLECTIONS: readonly CollectionName[] = COLLECTION_NAMES.filter(
  (name) => name !== 'bookings',
)

/**
 * The v1 workspace JSON of the store as text chunks, produced as they are pulled: first
 * `version`, `timeZone` and the setup collections (small, read whole, each sorted by id as before),
 * then `"bookings":[`, and the bookings {@link EXPORT_PAGE_BOOKINGS} at a time in id order
 * ({@link storedBookingPages}), each as its workspace record (`documentToRecord`: no server
 * fields), one chunk per page. Memory follows one page, not the number of bookings; a caller that
 * writes the chunks as they come, with backpressure, sends any history in bounded memory.
 *
 * Not a snapshot: a booking stored throughout the export appears exactly once (as it was when its
 * page was read); one written or deleted meanwhile may or may not appear.
 */
export async function* workspaceExportChunks(
  db: ServerDatabase,
  idPage: BookingIdPage,
): AsyncGenerator<string> {
  const setup = {} as Record<CollectionName, AnyDoc[]>
  for (const name of SETUP_COLLECTIONS) {
    const docs: AnyDoc[] = []
    for await (const page of storedPages(db[name])) docs.push(...(page as AnyDoc[]))
    setup[name] = docs.sort((a, b) => a.id.localeCompare(b.id))
  }
  setup.bookings = []
  const head = JSON.stringify(documentsToWorkspace(setup))
  const emptyBookings = '"bookings":[]}'
  if (!head.endsWith(emptyBookings)) throw new Error("bookings must be the workspace's last key")
  // `…,"bookings":[]}` up to its `[`: the bookings follow, one page at a time.
  yield head.slice(0, -2)
  let isFirst = true
  for await (const page of storedBookingPages(db, idPage, EXPORT_PAGE_BOOKINGS)) {
    const text = page.map((doc) => JSON.stringify(documentToRecord(doc))).join(',')
    yield isFirst ? text : ',' + text
    isFirst = false
  }
  yield ']}'
}

/**
 * Replaces the stored workspace with a small `workspace` already in memory (already validated by
 * the caller; the demo team, test fixtures): upserts every record (and the settings record
 * holding the workspace zone) and deletes documents the new workspace no longer has. The server's
 * own booking fields (manage token, idempotency key, request fingerprint), which the workspace
 * format does not carry, are kept for bookings that stay; with `manageTokenNew`, a booking that has
 * no manage token is given one (the demo team's bookings, so each has a manage link). It reads
 * every stored document: imports of any size go through the streaming import
 * (`workspace-import/`).
 */
export async function workspaceReplace(
  db: ServerDatabase,
  workspace: Workspace,
  nowIso: string,
  manageTokenNew?: () => string,
): Promise<void> {
  const next = workspaceToDocuments(workspace, nowIso)
  await notifyProgressMark(db, workspace.bookings)
  for (const name of COLLECTION_NAMES) {
    const collection = db[name]
    const existing = await collection.find().exec()
    const keep = new Set(next[name].map((d) => d.id))
    const stale = existing.filter((d) => !keep.has(d.primary)).map((d) => d.primary)
    if (stale.length > 0) await collection.bulkRemove(stale)
    const byId = new Map(existing.map((d) => [d.primary, d.toJSON() as AnyDoc]))
    const docs = next[name].map((doc) => {
      if (name !== 'bookings') return doc
      const before = byId.get(doc.id)
      const kept = before
        ? Object.fromEntries(BOOKING_SERVER_FIELDS.map((field) => [field, before[field] ?? null]))
        : {}
      const token = kept['manageToken'] ?? manageTokenNew?.()
      return { ...doc, ...kept, ...(token ? { manageToken: token } : {}) }
    })
    if (docs.length > 0) await collection.bulkUpsert(docs as AnyDoc[])
  }
}
