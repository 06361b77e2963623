import type { Subscription } from 'rxjs'
import type { Workspace } from '../../core/src/model/workspace'
import { COLLECTION_NAMES } from '../../core/src/schema/collections'
import type { CollectionName } from '../../core/src/schema/collections'
import { documentToRecord, recordsToWorkspace } from '../../core/src/schema/workspace-documents'
import { SETTINGS_ID } from '../../core/src/schema/records'
import type { AnyDoc, ServerDatabase } from './database'

/**
 * An in-memory copy of the stored workspace, kept current from the collections' change streams,
 * so booking decisions read a whole workspace in O(1) instead of querying the store per request.
 * This process is the only writer of its store (one process per data dir), so the mirror is
 * exact once the change events of a write arrived; writers that need the new state at once call
 * {@link WorkspaceMirror.apply} with what they wrote.
 *
 * Documents keep the server's own fields (`manageToken`, `idempotencyKey`, `requestHash`) here;
 * `workspace()` strips them.
 */
export class WorkspaceMirror {
  /** Per collection: id → the stored document and its workspace record (stripped once, on apply). */
  private readonly docs = new Map<CollectionName, Map<string, { doc: AnyDoc; record: unknown }>>()
  /** Per collection: the records as an array, rebuilt only after that collection changed. */
  private readonly records = new Map<CollectionName, readonly unknown[]>()
  private readonly subscriptions: Subscription[] = []
  private cached: Workspace | null = null
  /** Bookings by public idempotency key (looked up on every public booking), kept in step here. */
  private readonly byIdempotencyKey = new Map<string, string>()

  private constructor(private readonly db: ServerDatabase) {
    for (const name of COLLECTION_NAMES) this.docs.set(name, new Map())
  }

  /** Loads every document and follows the change streams. */
  static async open(db: ServerDatabase): Promise<WorkspaceMirror> {
    const mirror = new WorkspaceMirror(db)
    for (const name of COLLECTION_NAMES) {
      mirror.subscriptions.push(
        db[name].$.subscribe((event) => {
          if (event.operation === 'DELETE') mirror.remove(name, event.documentId)
          else mirror.apply(name, event.documentData as unknown as AnyDoc)
        }),
      )
      const found = await db[name].find().exec()
      for (const doc of found) mirror.apply(name, doc.toJSON() as AnyDoc)
    }
    return mirror
  }

  /** Records a document as written (idempotent; a later change event carries the same data). */
  apply(name: CollectionName, doc: AnyDoc): void {
    if ((doc as { _deleted?: boolean })._deleted) return this.remove(name, doc.id)
    if (name === 'bookings') this.unindexBooking(doc.id)
    this.docs.get(name)?.set(doc.id, { doc, record: documentToRecord(doc) })
    if (name === 'bookings') {
      const key = doc['idempotencyKey']
      if (typeof key === 'string') this.byIdempotencyKey.set(key, doc.id)
    }
    this.invalidate(name)
  }

  remove(name: CollectionName, id: string): void {
    if (name === 'bookings') this.unindexBooking(id)
    this.docs.get(name)?.delete(id)
    this.invalidate(name)
  }

  private unindexBooking(id: string): void {
    const key = this.get('bookings', id)?.['idempotencyKey']
    if (typeof key === 'string' && this.byIdempotencyKey.get(key) === id) {
      this.byIdempotencyKey.delete(key)
    }
  }

  /** The booking created by the public request with this (page-scoped) idempotency key. */
  bookingByIdempotencyKey(key: string): AnyDoc | undefined {
    const id = this.byIdempotencyKey.get(key)
    return id === undefined ? undefined : this.get('bookings', id)
  }

  private invalidate(name: CollectionName): void {
    this.records.delete(name)
    this.cached = null
  }

  /** One stored document with its storage-only fields, or undefined. */
  get(name: CollectionName, id: string): AnyDoc | undefined {
    return this.docs.get(name)?.get(id)?.doc
  }

  /** Every stored document of a collection. */
  all(name: CollectionName): readonly AnyDoc[] {
    return [...(this.docs.get(name)?.values() ?? [])].map((entry) => entry.doc)
  }

  /** The current workspace (records without storage-only fields), cached until the next change. */
  workspace(): Workspace {
    if (this.cached) return this.cached
    const settings = this.docs.get('settings')?.get(SETTINGS_ID)?.record ?? null
    this.cached = recordsToWorkspace(settings as Record<string, unknown> | null, (name) => {
      let records = this.records.get(name)
      if (!records) {
        records = [...(this.docs.get(name)?.values() ?? [])].map((entry) => entry.record)
        this.records.set(name, records)
      }
      return records
    })
    return this.cached
  }

  close(): void {
    this.subscriptions.forEach((s) => s.unsubscribe())
  }

  /** The database this mirror follows. */
  get database(): ServerDatabase {
    return this.db
  }
}
