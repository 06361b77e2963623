/**
 * Derived tables: plain SQLite tables whose rows are a pure function of a collection's stored
 * documents, kept in step with them by the storage itself. The server declares them (one list per
 * collection name) in `getRxStorageSqlite({ derived })`; the storage never knows what they mean.
 *
 * Contract (the storage guarantees it; see derived-tables.ts for how):
 * - **Atomic with the documents.** Every `bulkWrite` that stores a document (insert, update,
 *   deletion as `_deleted: true`) replaces that document's rows in the same SQLite transaction as
 *   the document itself: its old rows are deleted and `rows(doc)` is inserted unless the document
 *   is deleted. A write refused with 409 changes neither. If `rows` throws, or returns a row that
 *   does not fit the declared columns, the whole `bulkWrite` rejects and nothing of it is stored
 *   (no document, no row, no change event). After a crash (even `kill -9`) the file holds either
 *   the write with its rows or neither.
 * - **Input.** `rows` receives the document exactly as stored, parsed back from its JSON (so also
 *   RxDB's `_meta`, `_rev`, `_attachments`; never `undefined` values), the same object shape at
 *   write time and at rebuild, and must not keep or change it.
 * - **Which documents.** A collection's derived tables follow the collection at its current schema
 *   version: the highest version opened on the file. While RxDB migrates documents to a new
 *   version, the new version's writes feed them; the old version's writes no longer do.
 * - **Rebuild.** On opening a collection (at its current version) the storage creates missing
 *   tables and indexes and rebuilds a table from every stored, non-deleted document when it is new,
 *   its `version` or `columns` changed, or the collection's schema version changed; it drops
 *   derived tables of that collection that are no longer declared, and indexes no longer listed.
 *   A rebuild streams the documents in pages (memory stays bounded) inside one transaction, before
 *   the storage instance is returned. Change `version` whenever `rows` changes what it returns.
 * - **Order.** Rows have no order; query with `ORDER BY`.
 * - **Reading.** Only through {@link sqliteDerivedReader} (read-only SQL on the same connection,
 *   so reads see exactly the committed documents).
 */

/** A derived column's SQLite type; the table is `STRICT`, so values must have that type. */
export type DerivedColumnType = 'TEXT' | 'INTEGER' | 'REAL'

/** A value in a derived row: TEXT a string, INTEGER a safe integer, REAL a finite number. */
export type DerivedValue = string | number | null

/** One derived row: column name → value (a missing nullable column is NULL). */
export type DerivedRow = Readonly<Record<string, DerivedValue>>

/** The declaration of one derived table. */
export interface DerivedTable {
  /** Table name, unique within the database file ([a-z_]+, not `derived_meta`, not `sqlite_…`). */
  readonly name: string
  /**
   * Columns besides the implicit `doc_id TEXT NOT NULL` (the document's primary key). Nullable
   * when the type ends with '?'. Names: [a-z_][a-z0-9_]* except `doc_id`, `rowid`, `oid`.
   */
  readonly columns: Readonly<Record<string, DerivedColumnType | `${DerivedColumnType}?`>>
  /** Indexes to create, each a list of column names (doc_id may be used). An index on doc_id always exists. */
  readonly indexes: readonly (readonly string[])[]
  /** Changing this string (e.g. '2') makes the storage rebuild the table from every stored document on open. */
  readonly version: string
  /** The rows for one stored, non-deleted document (pure; [] for none). Deleted documents have no rows. */
  rows(doc: Readonly<Record<string, unknown>>): readonly DerivedRow[]
}

/** Derived tables by RxDB collection name, as given to `getRxStorageSqlite({ derived })`. */
export type DerivedTablesByCollection = Readonly<Record<string, readonly DerivedTable[]>>

/** The meta table recording, per derived table, what its rows were built from. */
export const DERIVED_META_TABLE = 'derived_meta'

const TABLE_NAME = /^[a-z_]+$/
const COLUMN_NAME = /^[a-z_][a-z0-9_]*$/
const RESERVED_COLUMNS = new Set(['doc_id', 'rowid', 'oid', '_rowid_'])
const COLUMN_TYPES = new Set<string>(['TEXT', 'INTEGER', 'REAL'])

/** A column's declared type split into the SQLite type and nullability. */
export function derivedColumnType(declared: string): {
  type: DerivedColumnType
  isNullable: boolean
} {
  const isNullable = declared.endsWith('?')
  const type = isNullable ? declared.slice(0, -1) : declared
  if (type !== 'TEXT' && type !== 'INTEGER' && type !== 'REAL') {
    throw new Error(`unknown derived column type ${declared}`)
  }
  return { type, isNullable }
}

/**
 * Checks every declaration (names, column types, index columns, versions, table names unique
 * across all collections). Throws an Error naming the first problem.
 */
export function derivedValidate(derived: DerivedTablesByCollection): void {
  const seen = new Map<string, string>()
  for (const [collection, tables] of Object.entries(derived)) {
    for (const table of tables) {
      const where = `derived table ${JSON.stringify(table.name)} of ${collection}`
      if (
        !TABLE_NAME.test(table.name) ||
        table.name === DERIVED_META_TABLE ||
        table.name.startsWith('sqlite_')
      ) {
        throw new Error(`${where}: the name must match [a-z_]+ and not be reserved`)
      }
      const other = seen.get(table.name)
      if (other !== undefined) {
        throw new Error(`${where}: the name is already used by a derived table of ${other}`)
      }
      seen.set(table.name, collection)
      if (typeof table.version !== 'string' || table.version === '') {
        throw new Error(`${where}: version must be a non-empty string`)
      }
      if (typeof table.rows !== 'function') {
        throw new Error(`${where}: rows must be a function`)
      }
      const columns = Object.entries(table.columns)
      if (columns.length === 0) {
        throw new Error(`${where}: declare at least one column`)
      }
      for (const [column, declared] of columns) {
        if (!COLUMN_NAME.test(column) || RESERVED_COLUMNS.has(column)) {
          throw new Error(`${where}: column name ${JSON.stringify(column)} is not allowed`)
        }
        const type = declared.endsWith('?') ? declared.slice(0, -1) : declared
        if (!COLUMN_TYPES.has(type)) {
          throw new Error(`${where}: column ${column} has unknown type ${declared}`)
        }
      }
      for (const index of table.indexes) {
        if (index.length === 0) {
          throw new Error(`${where}: an index needs at least one column`)
        }
        for (const column of index) {
          if (column !== 'doc_id' && !(column in table.columns)) {
            throw new Error(`${where}: index column ${column} is not a column of the table`)
          }
        }
      }
    }
  }
}

/**
 * A string equal for two configurations exactly when they declare the same tables (collection,
 * name, version, columns, indexes); the `rows` functions are not compared.
 */
export function derivedFingerprint(derived: DerivedTablesByCollection): string {
  return JSON.stringify(
    Object.entries(derived)
      .filter(([, tables]) => tables.length > 0)
      .map(([collection, tables]) => [
        collection,
        tables
          .map((table) => [table.name, table.version, table.columns, table.indexes])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      ])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  )
}
