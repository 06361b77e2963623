import { useState } from 'react'
import type { Workspace } from '../../../core/src/model/workspace'
import type { CollectionName } from '../../../core/src/schema/collections'
import { deletionCheck } from '../../../core/src/validation'
import type { WorkspaceRef } from '../../../core/src/validation'
import { useDatabase } from '../db/hooks'
import { recordProblems } from '../team/record-problems'
import type { EditableKey } from '../team/record-problems'

/** Where each editable workspace array is stored, and what kind of reference it is. */
const STORAGE: Readonly<
  Record<EditableKey, { collection: CollectionName; kind: WorkspaceRef['kind'] }>
> = {
  members: { collection: 'members', kind: 'member' },
  eventTypes: { collection: 'eventtypes', kind: 'event-type' },
  pools: { collection: 'pools', kind: 'pool' },
  panels: { collection: 'panels', kind: 'panel' },
  masterPages: { collection: 'masterpages', kind: 'master-page' },
  bookingPages: { collection: 'bookingpages', kind: 'booking-page' },
}

/**
 * Saving and deleting one record of `key` in the local replica: saves only what core's validation
 * accepts (`extra` adds the editor's own problems), deletes only what nothing references.
 */
export function useRecordStore(workspace: Workspace, key: EditableKey, onDone: () => void) {
  const db = useDatabase()
  const [problems, setProblems] = useState<readonly string[]>([])
  const { collection, kind } = STORAGE[key]
  return {
    problems,
    setProblems,
    async save(record: Workspace[EditableKey][number], extra: readonly string[] = []) {
      const found = [...extra, ...recordProblems(workspace, key, record)]
      if (found.length > 0) return setProblems(found)
      await db[collection].upsert({ ...record, updatedAt: new Date().toISOString() })
      onDone()
    },
    async remove(id: string) {
      const check = deletionCheck(workspace, { kind, id })
      if (!check.ok) return setProblems([check.message])
      await (await db[collection].findOne(id).exec())?.remove()
      onDone()
    },
  }
}
