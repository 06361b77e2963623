import {
  getPrimaryFieldOfPrimaryKey,
  getQueryMatcher,
  getSortComparator,
  RX_META_LWT_MINIMUM,
} from 'rxdb'
import type {
  PreparedQuery,
  RxDocumentData,
  RxStorage,
  RxStorageDefaultCheckpoint,
  RxStorageInstance,
  RxStorageInstanceCreationParams,
} from 'rxdb'
import {
  DEXIE_DOCS_TABLE_NAME,
  dexieReplaceIfStartsWithPipe,
  fromDexieToStorage,
  getKeyRangeByQueryPlan,
} from 'rxdb/plugins/storage-dexie'
import type { DexieStorageInternals } from 'rxdb'

/**
 * The largest count IndexedDB's `getAll` accepts (an `unsigned long`; larger ones throw a
 * TypeError): a caller asking for "all" with `Number.MAX_SAFE_INTEGER` gets at most this many.
 */
const IDB_COUNT_MAX = 2 ** 32 - 1

/**
 * RxDB's Dexie storage with two reads done in one IndexedDB request instead of a cursor:
 *
 * **Queries** without a limit (or whose selector and order the index answers alone) read their
 * index range with one `getAll` instead of RxDB's cursor, which takes a round trip per document:
 * the workspace's query of the replica's bookings (every meeting ending from the window start on,
 * ~24,000 at 400k) walked them one by one at every start. Then, as RxDB does, the selector parts
 * the index does not answer filter the rows, the query's order sorts them, `skip` and `limit` cut
 * them: the same documents in the same order.
 *
 * **`getChangedDocumentsSince`** is keyset: each page of changes is one
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
          .limit(Math.min(limit, IDB_COUNT_MAX))
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
      const cursorQuery = instance.query.bind(instance)
      instance.query = async (preparedQuery: PreparedQuery<RxDocType>) => {
        const { query, queryPlan } = preparedQuery
        const byIndexAlone = queryPlan.selectorSatisfiedByIndex && queryPlan.sortSatisfiedByIndex
        if (query.limit !== undefined && !byIndexAlone) return cursorQuery(preparedQuery)
        const state = await internals
        const skip = query.skip ?? 0
        const skipPlusLimit = skip + (query.limit ?? Infinity)
        const range = getKeyRangeByQueryPlan(
          state.booleanIndexes,
          queryPlan,
          (state.dexieDb as unknown as { _options: { IDBKeyRange: typeof IDBKeyRange } })._options
            .IDBKeyRange,
        )
        const indexName = `[${queryPlan.index.map((field) => dexieReplaceIfStartsWithPipe(field)).join('+')}]`
        const stored = await state.dexieDb.transaction('r', state.dexieTable, (tx) => {
          const index = (tx as unknown as { idbtrans: IDBTransaction }).idbtrans
            .objectStore(DEXIE_DOCS_TABLE_NAME)
            .index(indexName)
          const request =
            byIndexAlone && Number.isFinite(skipPlusLimit)
              ? index.getAll(range, skipPlusLimit)
              : index.getAll(range)
          return new Promise<unknown[]>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result)
            request.onerror = () => reject(request.error ?? new Error('IndexedDB getAll failed'))
          })
        })
        let rows = stored.map((row) =>
          fromDexieToStorage<RxDocType>(state.booleanIndexes, row as Record<string, unknown>),
        )
        if (!queryPlan.selectorSatisfiedByIndex) {
          const matches = getQueryMatcher(instance.schema, query)
          rows = rows.filter((row) => matches(row))
        }
        if (!queryPlan.sortSatisfiedByIndex) {
          rows = rows.sort(getSortComparator(instance.schema, query))
        }
        return { documents: rows.slice(skip, skipPlusLimit) as RxDocumentData<RxDocType>[] }
      }
      return instance
    },
  }
}
