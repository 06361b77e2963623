import type { Workspace } from '../../core/src/model/workspace'
import type { CollectionName } from '../../core/src/schema/collections'
import {
  COLLECTION_TO_WORKSPACE_KEY,
  documentToRecord,
} from '../../core/src/schema/workspace-documents'
import { deletionCheck, workspaceValidate } from '../../core/src/validation'
import type { WorkspaceRef } from '../../core/src/validation'
import { RECORD_SCHEMAS } from './http/workspace-schema'

type Row = {
  readonly newDocumentState: Readonly<Record<string, unknown>> & { readonly id: string }
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

/**
 * What is wrong with a replicated push, checked like a workspace import (honest desktops validate
 * before writing, so this guards the server's decisions against a buggy or hostile client):
 * each written record must have the record's shape and pass core's workspace validation together
 * with everything stored; a deletion is refused while other records reference the record. Returns
 * readable problems; `[]` means the push may be written. Problems of records not in the push do
 * not block it.
 */
export function pushProblems(
  collection: CollectionName,
  rows: readonly Row[],
  current: Workspace,
): string[] {
  const problems: string[] = []
  const key = COLLECTION_TO_WORKSPACE_KEY[collection]
  const written = new Map<string, Record<string, unknown>>()
  for (const row of rows) {
    const doc = row.newDocumentState
    if (doc['_deleted'] === true) {
      const kind = REF_KIND[collection]
      if (kind) {
        const check = deletionCheck(current, { kind, id: doc.id })
        if (!check.ok) problems.push(check.message)
      }
      continue
    }
    const record = documentToRecord(doc)
    const shape = RECORD_SCHEMAS[collection].safeParse(record)
    if (!shape.success) {
      for (const issue of shape.error.issues) {
        problems.push(`${collection} ${doc.id} ${issue.path.join('.')}: ${issue.message}`)
      }
      continue
    }
    written.set(doc.id, record)
  }
  if (written.size === 0 || problems.length > 0) return problems
  // Bookings only reference other kinds, and nothing is validated against bookings: check the
  // written bookings alone (not the thousands stored) so a push costs the same at any size.
  const existing = collection === 'bookings' ? [] : (current[key] as readonly { id: string }[])
  const existingIds = new Set(existing.map((record) => record.id))
  const merged = [
    ...existing.map((record) => written.get(record.id) ?? record),
    ...[...written.values()].filter((record) => !existingIds.has(String(record['id']))),
  ]
  const candidate = { ...current, bookings: [], [key]: merged } as Workspace
  const indexes = new Map<number, string>()
  merged.forEach((record, index) => {
    const id = String((record as { id: unknown }).id)
    if (written.has(id)) indexes.set(index, id)
  })
  const prefix = `${key}.`
  for (const problem of workspaceValidate(candidate)) {
    if (!problem.path.startsWith(prefix)) continue
    const index = Number(problem.path.slice(prefix.length).split('.')[0])
    const id = indexes.get(index)
    if (id !== undefined) problems.push(`${collection} ${id}: ${problem.path} ${problem.message}`)
  }
  return problems
}
