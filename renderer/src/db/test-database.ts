import type { RxStorage } from 'rxdb'
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory'
import type { Workspace } from '../../../core/src/model/workspace'
import { COLLECTION_NAMES } from '../../../core/src/schema/collections'
import { workspaceToDocuments } from '../../../core/src/schema/workspace-documents'
import { openAppDatabase } from './database'
import type { AppDatabase, AppDoc } from './database'

let counter = 0

/**
 * A real RxDB database on memory storage, filled with `workspace` (tests only). Given `name` and
 * `storage`, an existing one is reopened (as after a restart): filled only when it was empty.
 */
export async function testDatabaseOpen(
  workspace?: Workspace,
  at: { readonly name: string; readonly storage: RxStorage<unknown, unknown> } = {
    name: `renderer-test-${++counter}-${Date.now()}`,
    storage: getRxStorageMemory(),
  },
): Promise<AppDatabase> {
  const db = await openAppDatabase(at.name, at.storage)
  const isEmpty = (await db.members.count().exec()) === 0
  if (workspace && isEmpty) {
    const docs = workspaceToDocuments(workspace, '2027-03-01T00:00:00.000Z')
    for (const name of COLLECTION_NAMES) {
      if (docs[name].length > 0) await db[name].bulkInsert(docs[name] as AppDoc[])
    }
  }
  return db
}
