import type { RxAttachmentWriteData, RxDocumentData, RxJsonSchema, StringKeys } from 'rxdb'
import { getPrimaryFieldOfPrimaryKey } from 'rxdb'
import type { SqliteFile } from './sqlite-file'
import type { IndexColumn } from './index-keys'
import {
  indexColumnsForSchema,
  indexLwtFields,
  indexColumnName,
  KEY_COLUMN_PREFIXES_ALL,
} from './index-keys'
import { derivedEnsure, derivedReplaceRows, derivedTablesFedBy } from './derived-tables'
import { sqlIdentifier } from './sql-text'

/**
 * The SQLite table of one (collection, schema version) inside a database file, with the row-level
 * operations the storage instance needs. Documents are stored whole as JSON in `data`; `deleted`,
 * `lwt` (REAL, exactly RxDB's `_meta.lwt` with its decimals) and `rev` are copies for SQL, and one
 * BLOB key column per RxDB index holds RxDB's indexable string (see index-keys.ts).
 * All methods are synchronous; call writes inside `file.connection.transaction`.
 */
export interface CollectionTable<RxDocType> {
  readonly file: SqliteFile
  readonly collectionName: string
  readonly schema: RxJsonSchema<RxDocumentData<RxDocType>>
  readonly primaryPath: StringKeys<RxDocumentData<RxDocType>>
  /** Quoted table name of the documents. */
  readonly docsTable: string
  /** Quoted table name of attachment data, present only when the schema allows attachments. */
  readonly attachmentsTable: string | undefined
  /** Key columns by (unquoted) column name. */
  readonly keyColumns: ReadonlyMap<string, IndexColumn<RxDocType>>
  /** The key column of `[_meta.lwt, primary]`, used for (lwt, id) checkpoint order. */
  readonly lwtKeyColumn: IndexColumn<RxDocType>
  /** `INSERT OR REPLACE` of a whole row: id, data, deleted, lwt, rev, then every key column. */
  readonly upsertSql: string
}

/** Parses a `data` column value back into a document. */
export function tableParseDoc<RxDocType>(value: unknown): RxDocumentData<RxDocType> {
  if (typeof value !== 'string') {
    throw new Error('corrupt row: data column is not text')
  }
  const doc: RxDocumentData<RxDocType> = JSON.parse(value)
  return doc
}

/**
 * Creates the collection's tables and indexes if missing, adds key columns for indexes the table
 * does not have yet (computing them for existing rows), brings the file's derived tables of this
 * collection up to date (derived-tables.ts; a rebuild when needed), all in one transaction, and
 * returns the table handle.
 */
export function tableEnsure<RxDocType>(
  file: SqliteFile,
  collectionName: string,
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  onNotice: (line: string) => void = () => {},
): CollectionTable<RxDocType> {
  const baseName = `${collectionName}:${schema.version}`
  const docsTable = sqlIdentifier('docs:' + baseName)
  const attachmentsTable = schema.attachments ? sqlIdentifier('attachments:' + baseName) : undefined
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey)
  const columns = indexColumnsForSchema(schema)
  const lwtColumnName = indexColumnName(indexLwtFields(primaryPath))
  const lwtKeyColumn = columns.find((column) => column.column === lwtColumnName)
  if (!lwtKeyColumn) {
    throw new Error('internal: the [_meta.lwt, primary] key column is missing')
  }
  const { connection } = file
  connection.transaction(() => {
    connection.exec(
      `CREATE TABLE IF NOT EXISTS ${docsTable} (id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL, ` +
        `deleted INTEGER NOT NULL, lwt REAL NOT NULL, rev TEXT NOT NULL)`,
    )
    const existing = new Set(
      connection
        .prepare(`SELECT name FROM pragma_table_info(?)`)
        .all('docs:' + baseName)
        .map((row) => String(row['name'])),
    )
    const unwanted = keyColumnsUnwanted(existing, columns)
    const upgrade =
      unwanted.length > 0 ? keyColumnsUpgradeNotice(file, docsTable, onNotice) : undefined
    keyColumnsDrop(file, 'docs:' + baseName, existing, unwanted)
    const missing = columns.filter((c) => !existing.has(c.column))
    for (const column of missing) {
      connection.exec(`ALTER TABLE ${docsTable} ADD COLUMN ${sqlIdentifier(column.column)} BLOB`)
    }
    keyColumnsFill(file, docsTable, columns, missing.length > 0)
    upgrade?.done()
    for (const column of columns) {
      const indexName = sqlIdentifier(`docs:${baseName}/${column.column}`)
      const quoted = sqlIdentifier(column.column)
      connection.exec(`CREATE INDEX IF NOT EXISTS ${indexName} ON ${docsTable} (${quoted}, id)`)
    }
    const lwtIndex = sqlIdentifier(`docs:${baseName}/lwt`)
    const lwtKey = sqlIdentifier(lwtKeyColumn.column)
    connection.exec(`CREATE INDEX IF NOT EXISTS ${lwtIndex} ON ${docsTable} (lwt, ${lwtKey})`)
    const deletedIndex = sqlIdentifier(`docs:${baseName}/deleted`)
    connection.exec(`CREATE INDEX IF NOT EXISTS ${deletedIndex} ON ${docsTable} (deleted, lwt)`)
    if (attachmentsTable) {
      connection.exec(
        `CREATE TABLE IF NOT EXISTS ${attachmentsTable} (doc_id TEXT NOT NULL, ` +
          `attachment_id TEXT NOT NULL, digest TEXT NOT NULL, data TEXT NOT NULL, ` +
          `PRIMARY KEY (doc_id, attachment_id))`,
      )
    }
    derivedEnsure(
      file,
      collectionName,
      schema.version,
      function* () {
        for (const { doc } of tableScanRows<RxDocType>(file, docsTable, false)) {
          yield { id: String(doc[primaryPath]), doc }
        }
      },
      (tables) => derivedBuildNotice(file, docsTable, tables, onNotice),
    )
  })
  return {
    file,
    collectionName,
    schema,
    primaryPath,
    docsTable,
    attachmentsTable,
    keyColumns: new Map(columns.map((column) => [column.column, column])),
    lwtKeyColumn,
    upsertSql:
      `INSERT OR REPLACE INTO ${docsTable} (id, data, deleted, lwt, rev, ` +
      `${columns.map((column) => sqlIdentifier(column.column)).join(', ')}) ` +
      `VALUES (?, ?, ?, ?, ?${columns.map(() => ', ?').join('')})`,
  }
}

/**
 * The key columns among `existing` (a table's column names) that no index of the schema wants any
 * more: the `ix:` columns of stores written before the compact keys (index-keys.ts), whose ~0.9 kB
 * keys every write had to store and index again.
 */
function keyColumnsUnwanted(
  existing: ReadonlySet<string>,
  wanted: readonly Pick<IndexColumn<unknown>, 'column'>[],
): string[] {
  const wantedNames = new Set(wanted.map((column) => column.column))
  return [...existing].filter(
    (name) =>
      KEY_COLUMN_PREFIXES_ALL.some((prefix) => name.startsWith(prefix)) && !wantedNames.has(name),
  )
}

/**
 * Tells `onNotice` that opening rewrites the key columns of `docsTable` when it holds documents
 * (a one-time upgrade, long on a large store), and returns what tells it the rewrite is done.
 */
function keyColumnsUpgradeNotice(
  file: SqliteFile,
  docsTable: string,
  onNotice: (line: string) => void,
): { done(): void } | undefined {
  const count = Number(file.statement(`SELECT count(*) AS n FROM ${docsTable}`).get()?.['n'] ?? 0)
  if (count === 0) return undefined
  const what = `${docsTable} (${count.toLocaleString('en-US')} documents) in ${file.path}`
  onNotice(`rewriting the index keys of ${what}, once; this takes a while`)
  const startedMs = performance.now()
  return {
    done: () => onNotice(`rewrote the index keys of ${what} in ${secondsSince(startedMs)} s`),
  }
}

/**
 * Tells `onNotice` that opening builds the derived `tables` from the documents of `docsTable`
 * (a derived table added or changed by an update: ~6–8 s for the booking list at 400,000
 * bookings), and returns what tells it they are built — nothing at all when there is no document
 * to build from (one row is enough to know; no count first: that would read the whole table once
 * more).
 */
function derivedBuildNotice(
  file: SqliteFile,
  docsTable: string,
  tables: readonly string[],
  onNotice: (line: string) => void,
): { done(documents: number): void } | undefined {
  if (!file.statement(`SELECT 1 FROM ${docsTable} WHERE deleted = 0 LIMIT 1`).get()) {
    return undefined
  }
  onNotice(
    `building ${tables.join(', ')} from the documents of ${docsTable} in ${file.path}, once; ` +
      'this takes a while',
  )
  const startedMs = performance.now()
  return {
    done: (documents) =>
      onNotice(
        `built ${tables.join(', ')} from ${documents.toLocaleString('en-US')} documents of ` +
          `${docsTable} in ${secondsSince(startedMs)} s`,
      ),
  }
}

/** Seconds since `startedMs` (`performance.now()`), one decimal. */
function secondsSince(startedMs: number): string {
  return ((performance.now() - startedMs) / 1000).toFixed(1)
}

/**
 * Drops the `unwanted` key columns of `table` with every index that uses them (SQLite rewrites
 * the table for each column); `existing` (the table's column names) loses them.
 */
function keyColumnsDrop(
  file: SqliteFile,
  table: string,
  existing: Set<string>,
  unwanted: readonly string[],
): void {
  if (unwanted.length === 0) return
  const { connection } = file
  for (const index of connection.prepare('SELECT name FROM pragma_index_list(?)').all(table)) {
    const indexName = String(index['name'])
    const indexColumns = connection
      .prepare('SELECT name FROM pragma_index_info(?)')
      .all(indexName)
      .map((row) => String(row['name']))
    if (indexColumns.some((name) => unwanted.includes(name))) {
      connection.exec(`DROP INDEX ${sqlIdentifier(indexName)}`)
    }
  }
  for (const name of unwanted) {
    connection.exec(`ALTER TABLE ${sqlIdentifier(table)} DROP COLUMN ${sqlIdentifier(name)}`)
    existing.delete(name)
  }
  file.forgetStatements()
}

/**
 * Fills the key columns of every row where one is empty (NULL), all of its key columns at once:
 * - `isEveryRow` (a column was just added, e.g. the `ik:` columns of a store from before the
 *   compact keys): one pass over every row;
 * - else only rows with a NULL key, found through each key column's index: rows an earlier
 *   version wrote while it did not know these columns (the server rolled back, then forward
 *   again), which no query would find. A seek per column when there are none.
 */
function keyColumnsFill<RxDocType>(
  file: SqliteFile,
  docsTable: string,
  columns: readonly IndexColumn<RxDocType>[],
  isEveryRow: boolean,
): void {
  const update = file.connection.prepare(
    `UPDATE ${docsTable} SET ` +
      `${columns.map((column) => `${sqlIdentifier(column.column)} = ?`).join(', ')} ` +
      `WHERE rowid = ?`,
  )
  const fill = (rowid: number, doc: RxDocumentData<RxDocType>) =>
    update.run(...columns.map((column) => column.keyOf(doc)), rowid)
  if (isEveryRow) {
    for (const { rowid, doc } of tableScanRows<RxDocType>(file, docsTable, true)) fill(rowid, doc)
    return
  }
  for (const column of columns) {
    const empty = file.connection.prepare(
      `SELECT rowid AS r, data FROM ${docsTable} WHERE ${sqlIdentifier(column.column)} IS NULL ` +
        `LIMIT ${SCAN_PAGE_ROWS}`,
    )
    // Filled rows leave the index's NULL range, so each page starts where the last one ended.
    for (;;) {
      const rows = empty.all()
      for (const row of rows) fill(Number(row['r']), tableParseDoc<RxDocType>(row['data']))
      if (rows.length < SCAN_PAGE_ROWS) break
    }
  }
}

/** Rows read per page by {@link tableScanRows}. */
const SCAN_PAGE_ROWS = 500

/**
 * Every stored document of `docsTable` (deleted ones only when `withDeleted`), paged by keyset on
 * the rowid so that memory stays bounded by one page whatever the table's size. Order is the
 * rowid's (insertion order, not meaningful). Updating the yielded rows in place is fine (rowids do
 * not change on UPDATE); call inside a transaction for a consistent snapshot.
 */
export function* tableScanRows<RxDocType>(
  file: SqliteFile,
  docsTable: string,
  withDeleted: boolean,
): Generator<{ rowid: number; doc: RxDocumentData<RxDocType> }> {
  const statement = file.statement(
    `SELECT rowid AS r, data FROM ${docsTable} WHERE rowid > ?` +
      `${withDeleted ? '' : ' AND +deleted = 0'} ORDER BY rowid LIMIT ?`,
  )
  let after = 0
  for (;;) {
    const rows = statement.all(after, SCAN_PAGE_ROWS)
    for (const row of rows) {
      after = Number(row['r'])
      yield { rowid: after, doc: tableParseDoc<RxDocType>(row['data']) }
    }
    if (rows.length < SCAN_PAGE_ROWS) {
      return
    }
  }
}

/** The stored documents with the given ids (deleted ones only when asked), in no set order. */
export function tableReadByIds<RxDocType>(
  table: CollectionTable<RxDocType>,
  ids: readonly string[],
  withDeleted: boolean,
): RxDocumentData<RxDocType>[] {
  if (ids.length === 0) {
    return []
  }
  // `+deleted` keeps the (deleted, lwt) index out of the plan: with a plain `deleted = 0`, SQLite
  // (without statistics) preferred it over the primary key and read every live row per call.
  const deletedClause = withDeleted ? '' : ' AND +deleted = 0'
  return table.file
    .statement(
      `SELECT data FROM ${table.docsTable} ` +
        `WHERE id IN (SELECT value FROM json_each(?))${deletedClause}`,
    )
    .all(JSON.stringify(ids))
    .map((row) => tableParseDoc<RxDocType>(row['data']))
}

/**
 * Inserts or replaces a document row, key columns included, and replaces the document's rows in
 * the derived tables this table feeds (from the document as stored: parsed back from its JSON).
 * Throws when a derived table's `rows` does; the caller's transaction then rolls everything back.
 */
export function tableWriteDoc<RxDocType>(
  table: CollectionTable<RxDocType>,
  doc: RxDocumentData<RxDocType>,
): void {
  const id = String(doc[table.primaryPath])
  const json = JSON.stringify(doc)
  table.file
    .statement(table.upsertSql)
    .run(
      id,
      json,
      doc._deleted ? 1 : 0,
      doc._meta.lwt,
      doc._rev,
      ...[...table.keyColumns.values()].map((column) => column.keyOf(doc)),
    )
  const derived = derivedTablesFedBy(table.file, table.collectionName, table.schema.version)
  if (derived.length > 0) {
    derivedReplaceRows(
      table.file,
      derived,
      id,
      doc._deleted ? undefined : tableParseDoc<Record<string, unknown>>(json),
    )
  }
}

/** Stores (or replaces) one attachment's base64 data. */
export function tablePutAttachment<RxDocType>(
  table: CollectionTable<RxDocType>,
  documentId: string,
  attachmentId: string,
  attachment: Readonly<RxAttachmentWriteData>,
): void {
  if (!table.attachmentsTable) {
    throw new Error('this collection has no attachments in its schema')
  }
  table.file
    .statement(
      `INSERT OR REPLACE INTO ${table.attachmentsTable} (doc_id, attachment_id, digest, data) ` +
        `VALUES (?, ?, ?, ?)`,
    )
    .run(documentId, attachmentId, attachment.digest, attachment.data)
}

/** Deletes one attachment's data (no-op when absent). */
export function tableDeleteAttachment<RxDocType>(
  table: CollectionTable<RxDocType>,
  documentId: string,
  attachmentId: string,
): void {
  if (table.attachmentsTable) {
    table.file
      .statement(`DELETE FROM ${table.attachmentsTable} WHERE doc_id = ? AND attachment_id = ?`)
      .run(documentId, attachmentId)
  }
}
