import { normalizeMangoQuery, prepareQuery } from 'rxdb'
import type { MangoQuerySelector, RxCollection, RxDocumentData } from 'rxdb'
import type { AnyDoc } from './database'

/** The position after the last document of a page: its value of the paged field, and its id. */
export interface KeysetCursor {
  readonly key: string
  readonly id: string
}

export interface KeysetPageRequest {
  /** An indexed text field of the collection (bookings: `start` or `end`). */
  readonly field: string
  /** Lowest value of the page's documents (inclusive). */
  readonly from: string
  /** Values must be below this (exclusive); null: no upper bound. */
  readonly below: string | null
  /** Start after this position; null: from `from`. */
  readonly after: KeysetCursor | null
  readonly limit: number
}

/**
 * One page of a collection's live documents ordered by (`field`, id), read through the
 * collection's index on `field` (RxDB appends the primary key to every index) by keyset, never
 * by skipping: the rest of the documents sharing the cursor's value (`field = key AND id > id`),
 * then the values after it. Returns the stored documents (with `_meta`), at most `limit`.
 */
export async function keysetPage(
  collection: RxCollection<AnyDoc>,
  request: KeysetPageRequest,
): Promise<RxDocumentData<AnyDoc>[]> {
  const { field, from, below, after, limit } = request
  const out: RxDocumentData<AnyDoc>[] = []
  const upper = below === null ? {} : { $lt: below }
  if (after !== null && after.key >= from && (below === null || after.key < below)) {
    out.push(
      ...(await query(
        collection,
        { [field]: { $eq: after.key }, id: { $gt: after.id } },
        field,
        limit,
      )),
    )
  }
  if (out.length < limit) {
    const lower = after !== null && after.key >= from ? { $gt: after.key } : { $gte: from }
    out.push(
      ...(await query(collection, { [field]: { ...lower, ...upper } }, field, limit - out.length)),
    )
  }
  return out
}

async function query(
  collection: RxCollection<AnyDoc>,
  selector: MangoQuerySelector<AnyDoc>,
  field: string,
  limit: number,
): Promise<RxDocumentData<AnyDoc>[]> {
  const schema = collection.schema.jsonSchema
  // What RxQuery does before asking the storage (live documents only), without RxDocuments.
  const mango = normalizeMangoQuery(schema, {
    selector,
    sort: [{ [field]: 'asc' }, { id: 'asc' }],
    limit,
  } as Parameters<typeof normalizeMangoQuery<AnyDoc>>[1])
  mango.selector = { ...mango.selector, _deleted: { $eq: false } } as typeof mango.selector
  const result = await collection.storageInstance.query(prepareQuery(schema, mango))
  return result.documents
}
