import type { Workspace } from '../model/workspace'
import { COLLECTION_NAMES } from './collections'
import type { CollectionName } from './collections'

/** Which workspace array each collection holds. */
export const COLLECTION_TO_WORKSPACE_KEY = {
  members: 'members',
  eventtypes: 'eventTypes',
  bookingpages: 'bookingPages',
  pools: 'pools',
  panels: 'panels',
  masterpages: 'masterPages',
  bookings: 'bookings',
} as const satisfies Record<CollectionName, keyof Workspace>

/** Fields that live on stored documents but are not part of the v1 workspace format. */
const STORAGE_ONLY_FIELDS = [
  'updatedAt',
  'manageToken',
  'idempotencyKey',
  'requestHash',
  'conflict',
  '_deleted',
  '_rev',
  '_meta',
  '_attachments',
]

type Doc = { readonly id: string } & Readonly<Record<string, unknown>>

/** Strips storage bookkeeping (RxDB meta, `updatedAt`, secrets, conflict marks) from a document. */
export function documentToRecord(doc: Doc): Record<string, unknown> {
  const record: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(doc)) {
    if (!STORAGE_ONLY_FIELDS.includes(key) && value !== undefined) record[key] = value
  }
  return record
}

/**
 * Splits a workspace into per-collection documents stamped with `updatedAt` (an ISO instant).
 * Records are copied, never mutated.
 */
export function workspaceToDocuments(
  workspace: Workspace,
  updatedAt: string,
): Record<CollectionName, Doc[]> {
  const out = {} as Record<CollectionName, Doc[]>
  for (const name of COLLECTION_NAMES) {
    const records = workspace[COLLECTION_TO_WORKSPACE_KEY[name]] as unknown as readonly Doc[]
    out[name] = records.map((record) => ({ ...record, updatedAt }))
  }
  return out
}

/** Rebuilds a v1 workspace from per-collection documents (storage-only fields dropped). */
export function documentsToWorkspace(
  docs: Readonly<Record<CollectionName, readonly Doc[]>>,
  timeZone?: string,
): Workspace {
  const pick = (name: CollectionName) => docs[name].map(documentToRecord)
  return {
    version: 1,
    ...(timeZone ? { timeZone } : {}),
    members: pick('members'),
    eventTypes: pick('eventtypes'),
    bookingPages: pick('bookingpages'),
    pools: pick('pools'),
    panels: pick('panels'),
    masterPages: pick('masterpages'),
    bookings: pick('bookings'),
  } as unknown as Workspace
}
