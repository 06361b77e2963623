import { getPrimaryFieldOfPrimaryKey, RX_META_LWT_MINIMUM } from 'rxdb'
import type {
  RxStorage,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
  RxStorageInstanceCreationParams,
} from 'rxdb'
import { fromDexieToStorage } from 'rxdb/plugins/storage-dexie'
import type { DexieStorageInternals } from 'rxdb'

/**
 * RxDB's Dexie storage with a keyset `getChangedDocumentsSince`: each page of changes is one
 * `getAll` on the `[_meta.lwt+id]` index from just after the checkpoint, `limit` documents.
 *
 * Why: without it RxDB answers with a generic query whose `$or` (a later `lwt`, or the same one
 * with a greater id) the Dexie storage cannot turn into a key range, so each page walks an IndexedDB
 * cursor — a round trip per document — over every document that shares the checkpoint's `lwt`
 * (a whole pulled page of 500 bookings has one) before it finds its `limit`. The replication's
 * upstream reads the local store this way, 50 documents at a time, from its last checkpoint on
 * every start (and RxDB 15 advances that checkpoint only when it pushed something): after a first
 * sync of 24,000 bookings the desktop showed "Syncing" for ~53 s at each start. The answer is
 * the same: documents with `(lwt, id)` after the checkpoint's, ascending, deleted ones included.
 */
export function dexieChangesSince<Internals, Options>(
  storage: RxStorage<Internals, Options>,
): RxStorage<Internals, Options> {
  return {
    ...storage,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, Options>,
    ): Promise<RxStorageInstance<RxDocType, Internals, Options>> {
      const instance = await storage.createStorageInstance(params)
      const internals = instance.internals as unknown as DexieStorageInternals
      const primaryPath = getPrimaryFieldOfPrimaryKey(instance.schema.primaryKey) as string
      instance.getChangedDocumentsSince = async (
        limit: number,
        checkpoint?: RxStorageDefaultCheckpoint,
      ) => {
        const state = await internals
        const after = [checkpoint?.lwt ?? RX_META_LWT_MINIMUM, checkpoint?.id ?? '']
        const rows = (await state.dexieTable
          .where(`[_meta.lwt+${primaryPath}]`)
          .above(after)
          .limit(limit)
          .toArray()) as Record<string, unknown>[]
        const documents = rows.map((row) =>
          fromDexieToStorage<RxDocType>(state.booleanIndexes, row),
        )
        const last = documents.at(-1) as
          (Record<string, unknown> & { _meta: { lwt: number } }) | undefined
        return {
          documents,
          checkpoint: last
            ? { id: String(last[primaryPath]), lwt: last._meta.lwt }
            : (checkpoint ?? { id: '', lwt: 0 }),
        }
      }
      return instance
    },
  }
}
