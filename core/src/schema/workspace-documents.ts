import type { Workspace } from '../model/workspace'
import { BOOKING_SERVER_FIELDS, COLLECTION_NAMES } from './collections'
import type { CollectionName } from './collections'
import { SETTINGS_ID } from './records'
import type { RecordKey } from './records'

/** The collections that hold one workspace array each (every collection but `settings`). */
export type RecordCollection = Exclude<CollectionName, 'settings'>

/** Which workspace array each record collection holds. */
export const COLLECTION_TO_WORKSPACE_KEY = {
  members: 'members',
  eventtypes: 'eventTypes',
  bookingpages: 'bookingPages',
  pools: 'pools',
  panels: 'panels',
  masterpages: 'masterPages',
  bookings: 'bookings',
} as const satisfies Record<RecordCollection, RecordKey>

/** The record collections, in dependency order. */
export const RECORD_COLLECTIONS: readonly RecordCollection[] = COLLECTION_NAMES.filter(
  (name): name is RecordCollection => name !== 'settings',
)

/** Fields that live on stored documents but are not part of the v1 workspace format. */
const STORAGE_ONLY_FIELDS: ReadonlySet<string> = new Set([
  'updatedAt',
  ...BOOKING_SERVER_FIELDS,
  '_deleted',
  '_rev',
  '_meta',
  '_attachments',
])

type Doc = { readonly id: string } & Readonly<Record<string, unknown>>

/** Strips storage bookkeeping (RxDB meta, `updatedAt`, the server's own fields) from a document. */
export function documentToRecord(doc: Doc): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(doc)) {
    if (!STORAGE_ONLY_FIELDS.has(key) && value !== undefined) record[key] = value
  }
  return record
}

/**
 * Splits a workspace into per-collection documents stamped with `updatedAt` (an ISO instant);
 * the workspace zone becomes the `settings` record (none when the workspace has no zone).
 * Records are copied, never mutated.
 */
export function workspaceToDocuments(
  workspace: Workspace,
  updatedAt: string,
): Record<CollectionName, Doc[]> {
  const settings: Doc[] = workspace.timeZone
    ? [{ id: SETTINGS_ID, timeZone: workspace.timeZone, updatedAt }]
    : []
  const out = { settings } as Record<CollectionName, Doc[]>
  for (const name of RECORD_COLLECTIONS) {
    const records = workspace[COLLECTION_TO_WORKSPACE_KEY[name]] as unknown as readonly Doc[]
    out[name] = records.map((record) => ({ ...record, updatedAt }))
  }
  return out
}

/**
 * Rebuilds a v1 workspace from per-collection documents (storage-only fields dropped; the
 * `settings` record's zone becomes `timeZone`). The documents are trusted to be well-formed (they
 * were validated when written).
 */
export function documentsToWorkspace(
  docs: Readonly<Record<CollectionName, readonly Doc[]>>,
): Workspace {
  return recordsToWorkspace(docs.settings.find((doc) => doc.id === SETTINGS_ID) ?? null, (name) =>
    docs[name].map(documentToRecord),
  )
}

/**
 * A workspace from the settings record (or null) and each record collection's records, as
 * plain workspace records. Used wherever stored documents become a workspace (the server's
 * mirror, the desktop's live workspace, export).
 */
export function recordsToWorkspace(
  settings: Readonly<Record<string, unknown>> | null,
  records: (name: RecordCollection) => readonly unknown[],
): Workspace {
  const timeZone = settings?.['timeZone']
  const workspace: Record<string, unknown> = {
    version: 1,
    ...(typeof timeZone === 'string' ? { timeZone } : {}),
  }
  for (const name of RECORD_COLLECTIONS)
    workspace[COLLECTION_TO_WORKSPACE_KEY[name]] = records(name)
  return workspace as unknown as Workspace
}
