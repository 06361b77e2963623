/**
 * Keeps the derived tables of a database file in step with its documents (the contract is in
 * derived.ts). Every function is synchronous and must run inside the caller's transaction: the
 * table's `tableEnsure` for {@link derivedEnsure}, the `bulkWrite` for {@link derivedReplaceRows},
 * the instance's `remove` for {@link derivedDropCollection}.
 *
 * Bookkeeping: the `derived_meta` table holds, per derived table, the collection and schema
 * version its rows were built from, its `version` and its columns; a difference on open means a
 * rebuild. In memory, `file.derivedSources` says which schema version of a collection feeds its
 * tables in this process.
 */
import type { SqliteValue } from './driver'
import type { DerivedColumnType, DerivedRow, DerivedTable } from './derived'
import { DERIVED_META_TABLE, derivedColumnType } from './derived'
import type { SqliteFile } from './sqlite-file'
import { sqlIdentifier } from './sql-text'

/** A stored, non-deleted document and its primary key, as a rebuild reads them. */
export interface DerivedSourceDoc {
  readonly id: string
  readonly doc: Readonly<Record<string, unknown>>
}

interface MetaRow {
  readonly name: string
  readonly collection: string
  readonly version: string
  readonly schemaVersion: number
  readonly columns: string
}

const META = sqlIdentifier(DERIVED_META_TABLE)

function tableExists(file: SqliteFile, name: string): boolean {
  return (
    file.connection
      .prepare("SELECT 1 AS found FROM sqlite_schema WHERE type = 'table' AND name = ?")
      .get(name) !== undefined
  )
}

function readMeta(file: SqliteFile): MetaRow[] {
  if (!tableExists(file, DERIVED_META_TABLE)) {
    return []
  }
  return file.connection
    .prepare(`SELECT name, collection, version, schema_version, columns FROM ${META}`)
    .all()
    .map((row) => ({
      name: String(row['name']),
      collection: String(row['collection']),
      version: String(row['version']),
      schemaVersion: Number(row['schema_version']),
      columns: String(row['columns']),
    }))
}

function columnsText(table: DerivedTable): string {
  return JSON.stringify(Object.entries(table.columns))
}

function createTable(file: SqliteFile, table: DerivedTable): void {
  const columns = Object.entries(table.columns).map(([column, declared]) => {
    const { type, isNullable } = derivedColumnType(declared)
    return `${sqlIdentifier(column)} ${type}${isNullable ? '' : ' NOT NULL'}`
  })
  file.connection.exec(
    `CREATE TABLE ${sqlIdentifier(table.name)} (doc_id TEXT NOT NULL, ${columns.join(', ')}) STRICT`,
  )
}

/** Creates the declared indexes (and the one on doc_id) that are missing; drops the others. */
function syncIndexes(file: SqliteFile, table: DerivedTable): void {
  const wanted = new Map(
    [['doc_id'], ...table.indexes].map((columns) => [
      `${table.name}/${columns.join(',')}`,
      columns,
    ]),
  )
  const existing = file.connection
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
    )
    .all(table.name)
    .map((row) => String(row['name']))
  for (const name of existing.filter((name) => !wanted.has(name))) {
    file.connection.exec(`DROP INDEX ${sqlIdentifier(name)}`)
  }
  for (const [name, columns] of wanted) {
    file.connection.exec(
      `CREATE INDEX IF NOT EXISTS ${sqlIdentifier(name)} ON ${sqlIdentifier(table.name)} ` +
        `(${columns.map(sqlIdentifier).join(', ')})`,
    )
  }
}

/** A declaration turned into what writes need, once per table object. */
interface CompiledTable {
  readonly columns: readonly {
    readonly name: string
    readonly declared: string
    readonly type: DerivedColumnType
    readonly isNullable: boolean
  }[]
  readonly insertSql: string
  readonly deleteSql: string
}

const COMPILED = new WeakMap<DerivedTable, CompiledTable>()

function compiled(table: DerivedTable): CompiledTable {
  let result = COMPILED.get(table)
  if (!result) {
    const columns = Object.entries(table.columns).map(([name, declared]) => ({
      name,
      declared,
      ...derivedColumnType(declared),
    }))
    const quotedTable = sqlIdentifier(table.name)
    result = {
      columns,
      insertSql:
        `INSERT INTO ${quotedTable} (doc_id${columns.map((c) => ', ' + sqlIdentifier(c.name)).join('')}) ` +
        `VALUES (?${columns.map(() => ', ?').join('')})`,
      deleteSql: `DELETE FROM ${quotedTable} WHERE doc_id = ?`,
    }
    COMPILED.set(table, result)
  }
  return result
}

function isValueOfType(value: unknown, type: DerivedColumnType): value is string | number {
  return type === 'TEXT'
    ? typeof value === 'string'
    : type === 'INTEGER'
      ? Number.isSafeInteger(value)
      : typeof value === 'number' && Number.isFinite(value)
}

/**
 * The values to bind for one row: `docId`, then the columns in declaration order. Throws (failing
 * the caller's transaction) when the row is not an object, names an unknown column, lacks a
 * NOT NULL one, or a value does not have its column's type.
 */
function rowValues(table: DerivedTable, docId: string, row: DerivedRow): SqliteValue[] {
  const where = () => `derived table ${table.name}, document ${JSON.stringify(docId)}`
  if (typeof row !== 'object' || row === null) {
    throw new Error(`${where()}: rows() returned a row that is not an object`)
  }
  for (const column of Object.keys(row)) {
    if (!Object.hasOwn(table.columns, column)) {
      throw new Error(`${where()}: unknown column ${JSON.stringify(column)}`)
    }
  }
  const values: SqliteValue[] = [docId]
  for (const { name, declared, type, isNullable } of compiled(table).columns) {
    const value: unknown = row[name] ?? null
    if (value === null && isNullable) {
      values.push(null)
    } else if (isValueOfType(value, type)) {
      values.push(value)
    } else {
      throw new Error(`${where()}: column ${name} (${declared}) cannot hold ${String(value)}`)
    }
  }
  return values
}

function insertRows(
  file: SqliteFile,
  table: DerivedTable,
  docId: string,
  doc: Readonly<Record<string, unknown>>,
): void {
  const rows = table.rows(doc)
  if (!Array.isArray(rows)) {
    throw new Error(`derived table ${table.name}: rows() did not return an array`)
  }
  if (rows.length === 0) {
    return
  }
  const insert = file.statement(compiled(table).insertSql)
  for (const row of rows) {
    insert.run(...rowValues(table, docId, row))
  }
}

/**
 * Run inside `tableEnsure`'s transaction when `collectionName` is opened at `schemaVersion`. If no
 * higher schema version of the collection built the derived tables, this version becomes their
 * source: tables of the collection no longer declared are dropped, declared ones created, rebuilt
 * from `liveDocs()` (every stored non-deleted document, streamed) when new or out of date, and
 * their indexes brought in line. A lower version opened later never feeds them.
 */
export function derivedEnsure(
  file: SqliteFile,
  collectionName: string,
  schemaVersion: number,
  liveDocs: () => Iterable<DerivedSourceDoc>,
  /**
   * Told when rows are about to be built from the stored documents (`tables`: the names of the
   * tables being built); what it returns is told when they are built, from how many documents.
   */
  onBuild: (tables: readonly string[]) => { done(documents: number): void } | undefined = () =>
    undefined,
): void {
  const declared = file.derived[collectionName] ?? []
  const meta = readMeta(file)
  if (declared.length === 0 && meta.length === 0) {
    return
  }
  const ofCollection = meta.filter((row) => row.collection === collectionName)
  if (ofCollection.some((row) => row.schemaVersion > schemaVersion)) {
    return
  }
  const names = new Set(declared.map((table) => table.name))
  const stale = ofCollection.filter((row) => !names.has(row.name))
  for (const row of stale) {
    file.connection.exec(`DROP TABLE IF EXISTS ${sqlIdentifier(row.name)}`)
    file.connection.prepare(`DELETE FROM ${META} WHERE name = ?`).run(row.name)
  }
  if (declared.length > 0) {
    file.connection.exec(
      `CREATE TABLE IF NOT EXISTS ${META} (name TEXT PRIMARY KEY NOT NULL, ` +
        `collection TEXT NOT NULL, version TEXT NOT NULL, schema_version INTEGER NOT NULL, ` +
        `columns TEXT NOT NULL)`,
    )
  }
  const outOfDate = declared.filter((table) => {
    const built = meta.find((row) => row.name === table.name)
    return (
      !built ||
      built.collection !== collectionName ||
      built.version !== table.version ||
      built.schemaVersion !== schemaVersion ||
      built.columns !== columnsText(table) ||
      !tableExists(file, table.name)
    )
  })
  for (const table of outOfDate) {
    file.connection.exec(`DROP TABLE IF EXISTS ${sqlIdentifier(table.name)}`)
    createTable(file, table)
  }
  if (stale.length > 0 || outOfDate.length > 0) {
    // Cached statements may name a dropped table.
    file.forgetStatements()
  }
  if (outOfDate.length > 0) {
    const building = onBuild(outOfDate.map((table) => table.name))
    let documents = 0
    for (const { id, doc } of liveDocs()) {
      documents += 1
      for (const table of outOfDate) {
        insertRows(file, table, id, doc)
      }
    }
    building?.done(documents)
  }
  for (const table of declared) {
    syncIndexes(file, table)
    file.connection
      .prepare(`INSERT OR REPLACE INTO ${META} VALUES (?, ?, ?, ?, ?)`)
      .run(table.name, collectionName, table.version, schemaVersion, columnsText(table))
  }
  file.derivedSources.set(collectionName, schemaVersion)
}

/** The derived tables that writes to `collectionName` at `schemaVersion` must keep in step. */
export function derivedTablesFedBy(
  file: SqliteFile,
  collectionName: string,
  schemaVersion: number,
): readonly DerivedTable[] {
  return file.derivedSources.get(collectionName) === schemaVersion
    ? (file.derived[collectionName] ?? [])
    : []
}

/**
 * Replaces the rows of document `docId` in `tables`: deletes them, then inserts `rows(doc)` when
 * `doc` is given (a stored, non-deleted document; `undefined` for a deletion).
 */
export function derivedReplaceRows(
  file: SqliteFile,
  tables: readonly DerivedTable[],
  docId: string,
  doc: Readonly<Record<string, unknown>> | undefined,
): void {
  for (const table of tables) {
    file.statement(compiled(table).deleteSql).run(docId)
    if (doc) {
      insertRows(file, table, docId, doc)
    }
  }
}

/**
 * Drops the derived tables of `collectionName` and their meta rows when `schemaVersion` is their
 * source (the collection's current table is being removed); otherwise does nothing.
 */
export function derivedDropCollection(
  file: SqliteFile,
  collectionName: string,
  schemaVersion: number,
): void {
  if (file.derivedSources.get(collectionName) !== schemaVersion) {
    return
  }
  for (const row of readMeta(file).filter((meta) => meta.collection === collectionName)) {
    file.connection.exec(`DROP TABLE IF EXISTS ${sqlIdentifier(row.name)}`)
    file.connection.prepare(`DELETE FROM ${META} WHERE name = ?`).run(row.name)
  }
  file.derivedSources.delete(collectionName)
  file.forgetStatements()
}
