import type { Workspace } from '../../core/src/model/workspace'
import { BOOKING_SERVER_FIELDS } from '../../core/src/schema/collections'
import type { CollectionName } from '../../core/src/schema/collections'
import { settingsShape } from '../../core/src/schema/records'
import { shapeParse } from '../../core/src/schema/shape'
import {
  COLLECTION_TO_WORKSPACE_KEY,
  recordsToWorkspace,
} from '../../core/src/schema/workspace-documents'
import { deletionCheck, problemsText, recordParse } from '../../core/src/validation'
import type { WorkspaceRef } from '../../core/src/validation'
import type { AnyDoc } from './database'

/** One row of a replication push (shape checked by `isPushBody`). */
export interface PushRow {
  readonly newDocumentState: Readonly<Record<string, unknown>> & { readonly id: string }
  readonly assumedMasterState?: Readonly<Record<string, unknown>> | null
}

/** Which reference kind a collection's records are, for deletion checks (bookings: none). */
const REF_KIND: Partial<Record<CollectionName, WorkspaceRef['kind']>> = {
  members: 'member',
  eventtypes: 'event-type',
  bookingpages: 'booking-page',
  pools: 'pool',
  panels: 'panel',
  masterpages: 'master-page',
}

/** A pushed row the person's role may not write: answered as a conflict with the server's state. */
export interface PushRefusal {
  readonly id: string
  /** In plain words: "a viewer may not change setup". */
  readonly reason: string
}

/**
 * The outcome of {@link pushCheck}: problems (nothing may be written), or the rows to write.
 * The server's push adds `refused` (rows left out by the role check, answered as conflicts) and
 * `afterWrite` (told which rows were not written because they conflicted; records the activity).
 */
export type PushCheck =
  | {
      readonly ok: true
      readonly rows: readonly PushRow[]
      readonly refused?: readonly PushRefusal[]
      readonly afterWrite?: (conflictedIds: ReadonlySet<string>) => Promise<void>
    }
  | { readonly ok: false; readonly problems: readonly string[] }

/**
 * Checks a replicated push with the same validation the desktop editors and the import run
 * (core's `recordParse`: the record's shape, then its rules against the stored workspace), and
 * rewrites each row to what the server stores: the parsed record (unknown fields dropped),
 * `updatedAt`, and for bookings the server's own fields as stored (a client can never write an
 * idempotency key or a request fingerprint, and a manage token only for a booking the server
 * does not have yet: see `serverFields`). Rows are checked in order, each
 * against the workspace with the earlier rows applied. A deletion is refused while other records
 * reference the record, and bookings are never deleted (they are cancelled). `stored` reads the
 * current stored document; `storedBookingReferences` counts the stored bookings referencing a
 * record (through the booking index; without it the bookings in `current` are scanned). Honest desktops validate
 * before writing, so a refusal means a stale replica, a bug or a hostile client.
 */
export function pushCheck(
  collection: CollectionName,
  rows: readonly PushRow[],
  current: Workspace,
  stored: (id: string) => AnyDoc | undefined,
  storedBookingReferences?: (ref: WorkspaceRef) => number,
): PushCheck {
  const problems: string[] = []
  const out: PushRow[] = []
  let working = current
  for (const row of rows) {
    const doc = row.newDocumentState
    if (doc['_deleted'] === true) {
      const kind = REF_KIND[collection]
      if (collection === 'bookings') {
        problems.push(`bookings ${doc.id}: a booking is never deleted (cancel it instead)`)
      } else if (kind) {
        const ref = { kind, id: doc.id }
        const counted = storedBookingReferences
          ? { count: storedBookingReferences(ref) }
          : undefined
        const check = deletionCheck(working, ref, counted)
        if (!check.ok) problems.push(check.message)
      }
      out.push(row)
      continue
    }
    const parsed = parseRow(collection, working, doc)
    if (!parsed.ok) {
      problems.push(...parsed.problems.map((problem) => `${collection} ${doc.id} ${problem}`))
      continue
    }
    const updatedAt = typeof doc['updatedAt'] === 'string' ? doc['updatedAt'] : null
    out.push({
      ...row,
      newDocumentState: {
        ...parsed.record,
        ...(updatedAt ? { updatedAt: updatedAt.slice(0, 40) } : {}),
        ...serverFields(collection, stored(doc.id), doc),
        _deleted: false,
      } as PushRow['newDocumentState'],
    })
    working = withRecord(working, collection, parsed.record)
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows: out }
}

function parseRow(
  collection: CollectionName,
  workspace: Workspace,
  doc: PushRow['newDocumentState'],
):
  | { readonly ok: true; readonly record: Readonly<Record<string, unknown>> & { id: string } }
  | { readonly ok: false; readonly problems: readonly string[] } {
  if (collection === 'settings') {
    const parsed = shapeParse(settingsShape, doc)
    return parsed.ok
      ? { ok: true, record: parsed.value }
      : { ok: false, problems: problemsText(parsed.problems) }
  }
  const parsed = recordParse(workspace, COLLECTION_TO_WORKSPACE_KEY[collection], doc)
  return parsed.ok
    ? { ok: true, record: parsed.record as Readonly<Record<string, unknown>> & { id: string } }
    : { ok: false, problems: problemsText(parsed.problems) }
}

/**
 * A manage token a desktop may give a NEW desk booking (so the desk can read the customer's link
 * out at once, offline too): url-safe, at least 24 characters (~144 bits from a CSPRNG).
 */
export const CLIENT_MANAGE_TOKEN = /^[A-Za-z0-9_-]{24,100}$/

/**
 * The server's own fields of a booking: as stored; for a booking not stored yet, none — except a
 * manage token of the form {@link CLIENT_MANAGE_TOKEN} the desktop generated for it. A stored
 * booking's token is never replaced by a push, and no push writes an idempotency key or a
 * request fingerprint. None for other kinds.
 */
function serverFields(
  collection: CollectionName,
  doc: AnyDoc | undefined,
  pushed: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  if (collection !== 'bookings') return {}
  const fields: Record<string, unknown> = Object.fromEntries(
    BOOKING_SERVER_FIELDS.map((field) => [field, doc?.[field] ?? null]),
  )
  const token = pushed['manageToken']
  if (!doc && typeof token === 'string' && CLIENT_MANAGE_TOKEN.test(token)) {
    fields['manageToken'] = token
  }
  return fields
}

/** `workspace` with `record` saved into `collection` (replacing the same id). */
function withRecord(
  workspace: Workspace,
  collection: CollectionName,
  record: { readonly id: string },
): Workspace {
  if (collection === 'settings') {
    return recordsToWorkspace(record, (name) => workspace[COLLECTION_TO_WORKSPACE_KEY[name]])
  }
  // Bookings are never validated against each other: leave them out of the working copy.
  if (collection === 'bookings') return workspace
  const key = COLLECTION_TO_WORKSPACE_KEY[collection]
  const list = workspace[key] as readonly { readonly id: string }[]
  const next = list.some((r) => r.id === record.id)
    ? list.map((r) => (r.id === record.id ? record : r))
    : [...list, record]
  return { ...workspace, [key]: next }
}
