import type {
  PreparedQuery,
  RxDocumentData,
  RxStorageCountResult,
  RxStorageDefaultCheckpoint,
} from 'rxdb'
import { getQueryMatcher, getSortComparator } from 'rxdb'
import type { SqliteValue } from './driver'
import type { CollectionTable } from './collection-table'
import { tableParseDoc } from './collection-table'
import { sqlIdentifier } from './sql-text'
import type { IndexKeyRange } from './index-keys'
import { indexColumnFor, indexColumnName, indexKeyInRange, indexKeyRange } from './index-keys'

/** Rows fetched per SQL round trip while scanning an index range. */
const SCAN_CHUNK_ROWS = 500

/**
 * The SQL of one keyset page over `column` (an index key column with a `(column, id)` index):
 * rows after the page start, up to the range's upper bound, in `(key, id)` order. The first page
 * starts at the range's lower bound; every later one strictly after the last row returned, as the
 * row value `(key, id) > (?, ?)`, which SQLite turns into the start of an index range (a page
 * costs its own rows, never the rows before it, unlike `OFFSET`).
 */
function keysetPageSql(
  docsTable: string,
  column: string,
  range: IndexKeyRange,
  isFirstPage: boolean,
): string {
  const quoted = sqlIdentifier(column)
  const start = isFirstPage
    ? `${quoted} ${range.isLowerInclusive ? '>=' : '>'} ?`
    : `(${quoted}, id) > (?, ?)`
  return (
    `SELECT id, data, ${quoted} AS k FROM ${docsTable} ` +
    `WHERE ${start} AND ${quoted} ${range.isUpperInclusive ? '<=' : '<'} ? ` +
    `ORDER BY ${quoted}, id LIMIT ?`
  )
}

function rangeWhere(column: string, range: IndexKeyRange): string {
  const quoted = sqlIdentifier(column)
  return (
    `${quoted} ${range.isLowerInclusive ? '>=' : '>'} ? AND ` +
    `${quoted} ${range.isUpperInclusive ? '<=' : '<'} ?`
  )
}

/**
 * Yields the documents whose key for the plan's index lies in the plan's range, in ascending key
 * order (ties by id), in chunks of at most `chunkRows`, paging by keyset on the `(key, id)` index;
 * the consumer may stop early. Falls back to computing keys in JavaScript when the table has no
 * column for that index (a query forcing an unknown index: a full read, the one path that does).
 */
function* scanIndexRange<RxDocType>(
  table: CollectionTable<RxDocType>,
  preparedQuery: PreparedQuery<RxDocType>,
  chunkRows: number,
): Generator<RxDocumentData<RxDocType>[]> {
  const plan = preparedQuery.queryPlan
  const range = indexKeyRange(table.schema, plan)
  const known = table.keyColumns.get(indexColumnName(plan.index))
  if (!known) {
    const adHoc = indexColumnFor(table.schema, plan.index)
    const keyed = table.file
      .statement(`SELECT data FROM ${table.docsTable}`)
      .all()
      .map((row) => tableParseDoc<RxDocType>(row['data']))
      .map((doc) => ({ doc, key: adHoc.keyOf(doc) }))
      .filter(({ key }) => indexKeyInRange(key, range))
    keyed.sort((a, b) => Buffer.compare(a.key, b.key))
    yield keyed.map(({ doc }) => doc)
    return
  }
  const first = table.file.statement(keysetPageSql(table.docsTable, known.column, range, true))
  const next = table.file.statement(keysetPageSql(table.docsTable, known.column, range, false))
  let rows = first.all(range.lower, range.upper, chunkRows)
  for (;;) {
    yield rows.map((row) => tableParseDoc<RxDocType>(row['data']))
    const last = rows.at(-1)
    if (rows.length < chunkRows || !last) {
      return
    }
    // Strictly after the last row's (key, id): keys embed the primary key, so they are unique.
    rows = next.all(last['k'] ?? null, last['id'] ?? null, range.upper, chunkRows)
  }
}

/**
 * Runs a prepared RxDB query the way RxDB's memory storage does: range-scan the planner's index,
 * apply the query matcher unless the index satisfies the selector, re-sort with RxDB's comparator
 * unless the index satisfies the sort, then skip/limit (unless `isSkipLimitIgnored`, used by count).
 */
export function collectionQuery<RxDocType>(
  table: CollectionTable<RxDocType>,
  preparedQuery: PreparedQuery<RxDocType>,
  isSkipLimitIgnored = false,
): RxDocumentData<RxDocType>[] {
  const { query, queryPlan } = preparedQuery
  const matches = queryPlan.selectorSatisfiedByIndex
    ? undefined
    : getQueryMatcher(table.schema, query)
  const mustSort = !queryPlan.sortSatisfiedByIndex
  const skip = query.skip ?? 0
  const limit = query.limit ?? Infinity
  const wanted = isSkipLimitIgnored || mustSort ? Infinity : skip + limit
  const chunkRows = Number.isFinite(wanted) ? Math.min(wanted, SCAN_CHUNK_ROWS) : SCAN_CHUNK_ROWS
  let found: RxDocumentData<RxDocType>[] = []
  scan: for (const chunk of scanIndexRange(table, preparedQuery, Math.max(chunkRows, 1))) {
    for (const doc of chunk) {
      if (!matches || matches(doc)) {
        found.push(doc)
        if (found.length >= wanted) {
          break scan
        }
      }
    }
  }
  if (mustSort) {
    found = found.sort(getSortComparator(table.schema, query))
  }
  return isSkipLimitIgnored ? found : found.slice(skip, skip + limit)
}

/**
 * Counts the documents matching the selector, ignoring sort/skip/limit. `fast` (an SQL count over
 * the key range) when the index satisfies the selector, otherwise `slow` (scan and match), which
 * RxDB only accepts with `allowSlowCount`.
 */
export function collectionCount<RxDocType>(
  table: CollectionTable<RxDocType>,
  preparedQuery: PreparedQuery<RxDocType>,
): RxStorageCountResult {
  const plan = preparedQuery.queryPlan
  const known = table.keyColumns.get(indexColumnName(plan.index))
  if (plan.selectorSatisfiedByIndex && known) {
    const range = indexKeyRange(table.schema, plan)
    const row = table.file
      .statement(
        `SELECT count(*) AS n FROM ${table.docsTable} WHERE ${rangeWhere(known.column, range)}`,
      )
      .get(range.lower, range.upper)
    return { count: Number(row?.['n'] ?? 0), mode: 'fast' }
  }
  return { count: collectionQuery(table, preparedQuery, true).length, mode: 'slow' }
}

/**
 * Up to `limit` documents (deleted ones included) written after `checkpoint`, ordered by
 * (`_meta.lwt`, primary key) — lwt compared as the exact REAL, ids in JavaScript string order — and
 * the checkpoint of the last one returned (or the given checkpoint, or `{ id: '', lwt: 0 }`).
 */
export function collectionChangedSince<RxDocType>(
  table: CollectionTable<RxDocType>,
  limit: number,
  checkpoint?: RxStorageDefaultCheckpoint,
): { documents: RxDocumentData<RxDocType>[]; checkpoint: RxStorageDefaultCheckpoint } {
  const lwtKey = sqlIdentifier(table.lwtKeyColumn.column)
  const order = `ORDER BY lwt, ${lwtKey} LIMIT ?`
  let params: SqliteValue[] = [limit]
  let where = ''
  if (checkpoint) {
    const since: Record<string, unknown> = { _meta: { lwt: checkpoint.lwt } }
    since[table.primaryPath] = checkpoint.id
    // Only the lwt and primary key parts of the index string are read from `since`.
    const sinceKey = table.lwtKeyColumn.keyOf(since as RxDocumentData<RxDocType>)
    // A row value, so SQLite starts the (lwt, key) index range at the checkpoint; the equivalent
    // `lwt > ? OR (lwt = ? AND key > ?)` made it walk the index from its start on every page.
    where = `WHERE (lwt, ${lwtKey}) > (?, ?)`
    params = [checkpoint.lwt, sinceKey, limit]
  }
  const documents = table.file
    .statement(`SELECT data FROM ${table.docsTable} ${where} ${order}`)
    .all(...params)
    .map((row) => tableParseDoc<RxDocType>(row['data']))
  const last = documents.at(-1)
  return {
    documents,
    checkpoint: last
      ? { id: String(last[table.primaryPath]), lwt: last._meta.lwt }
      : (checkpoint ?? { id: '', lwt: 0 }),
  }
}
