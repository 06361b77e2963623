import { getRxStorageMemory } from 'rxdb/plugins/storage-memory'
import type { Workspace } from '../../../core/src/model/workspace'
import { COLLECTION_NAMES } from '../../../core/src/schema/collections'
import { workspaceToDocuments } from '../../../core/src/schema/workspace-documents'
import { openAppDatabase } from './database'
import type { AppDatabase, AppDoc } from './database'

let counter = 0

/** A real RxDB database on memory storage, filled with `workspace` (tests only). */
export async function testDatabaseOpen(workspace?: Workspace): Promise<AppDatabase> {
  counter += 1
  const db = await openAppDatabase(`renderer-test-${counter}-${Date.now()}`, getRxStorageMemory())
  if (workspace) {
    const docs = workspaceToDocuments(workspace, '2027-03-01T00:00:00.000Z')
    for (const name of COLLECTION_NAMES) {
      if (docs[name].length > 0) await db[name].bulkInsert(docs[name] as AppDoc[])
    }
  }
  return db
}
