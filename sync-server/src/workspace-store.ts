import { BOOKING_SERVER_FIELDS, COLLECTION_NAMES } from '../../core/src/schema/collections'
import type { CollectionName } from '../../core/src/schema/collections'
import {
  documentsToWorkspace,
  workspaceToDocuments,
} from '../../core/src/schema/workspace-documents'
import type { Workspace } from '../../core/src/model/workspace'
import type { AnyDoc, ServerDatabase } from './database'
import { notifyProgressMark } from './notify/outbox-processor'

/** Reads every live document of every collection and assembles the v1 workspace (with its zone). */
export async function workspaceExport(db: ServerDatabase): Promise<Workspace> {
  const docs = {} as Record<CollectionName, AnyDoc[]>
  for (const name of COLLECTION_NAMES) {
    const found = await db[name].find().exec()
    docs[name] = found.map((d) => d.toJSON() as AnyDoc).sort((a, b) => a.id.localeCompare(b.id))
  }
  return documentsToWorkspace(docs)
}

/**
 * Replaces the stored workspace with `workspace` (already validated by the caller): upserts every
 * record (and the settings record holding the workspace zone) and deletes documents the new
 * workspace no longer has. The server's own booking fields (manage token, idempotency key,
 * request fingerprint), which the workspace format does not carry, are kept for bookings that stay.
 * An import tells no one: its bookings are marked as notified up to their last history entry
 * before they are written (so the outbox processor derives nothing from them).
 */
export async function workspaceReplace(
  db: ServerDatabase,
  workspace: Workspace,
  nowIso: string,
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
      const before = byId.get(doc.id)
      if (!before || name !== 'bookings') return doc
      const kept = BOOKING_SERVER_FIELDS.map((field) => [field, before[field] ?? null])
      return { ...doc, ...Object.fromEntries(kept) }
    })
    if (docs.length > 0) await collection.bulkUpsert(docs as AnyDoc[])
  }
}
