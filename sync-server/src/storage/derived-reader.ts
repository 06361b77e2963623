import type { SqliteRow, SqliteStatement, SqliteValue } from './driver'
import type { RxStorageSqlite } from './index'
import type { SqliteFile } from './sqlite-file'
import { sqliteFileOpened, sqliteFilePath } from './sqlite-file'
import { sqlFirstKeyword, sqlHasSecondStatement } from './sql-text'

/**
 * Read-only SQL over a database file of the storage, for the derived tables (derived.ts). Runs on
 * the storage's own connection, synchronously, so it sees exactly the committed documents and
 * derived rows, and never a write in progress.
 *
 * Every method takes one `SELECT` (or `WITH … SELECT`) statement with positional `?` parameters
 * and throws, before running anything, for any other statement: writes, DDL, PRAGMA, ATTACH,
 * transaction control, or a second statement after a `;`. Each distinct SQL text is compiled once
 * and cached while the database is open, so pass values as parameters, never inside the text.
 * Methods throw when the database is not open in this process (the reader works again once it
 * is reopened). Reading the documents tables is possible but bypasses RxDB: read documents
 * through RxDB queries.
 */
export interface DerivedReader {
  /** Every result row, in the order SQLite produces them (use `ORDER BY`). */
  all(sql: string, ...params: readonly SqliteValue[]): SqliteRow[]
  /** The first result row, or `undefined`. */
  get(sql: string, ...params: readonly SqliteValue[]): SqliteRow | undefined
  /**
   * The result rows one at a time, for results too large to hold. The statement is checked when
   * `iterate` is called; it runs from the first `next()`. While the iteration is open, nothing
   * else may use the database: the storage's methods reject and this reader throws (the drivers
   * cannot run other statements beside an open cursor reliably). Consume it synchronously and to
   * the end, or leave the loop with `break`/`return` (which closes it); an abandoned, unfinished
   * iterator blocks the database until the process ends.
   */
  iterate(sql: string, ...params: readonly SqliteValue[]): Generator<SqliteRow, void, undefined>
}

/** The directory of each storage created by getRxStorageSqlite, to find its open files. */
const STORAGE_DIRECTORIES = new WeakMap<RxStorageSqlite, string>()

/** Records where `storage` keeps its files (called by getRxStorageSqlite). */
export function derivedReaderRegister(storage: RxStorageSqlite, directory: string): void {
  STORAGE_DIRECTORIES.set(storage, directory)
}

/**
 * The folder `storage` keeps its database files in (its `directory` setting). Throws for a
 * storage that getRxStorageSqlite did not create.
 */
export function sqliteStorageDirectory(storage: RxStorageSqlite): string {
  const directory = STORAGE_DIRECTORIES.get(storage)
  if (directory === undefined) throw new Error('not a storage created by getRxStorageSqlite')
  return directory
}

/** Statements already checked to be a single read-only SELECT. */
const CHECKED = new WeakSet<SqliteStatement>()

function checkedStatement(file: SqliteFile, sql: string): SqliteStatement {
  const keyword = sqlFirstKeyword(sql)
  if (keyword !== 'SELECT' && keyword !== 'WITH') {
    throw new Error(`derived reader: only SELECT statements may run, not ${keyword || sql}`)
  }
  if (sqlHasSecondStatement(sql)) {
    throw new Error('derived reader: one statement only, nothing after the first ";"')
  }
  const statement = file.statement(sql)
  if (!CHECKED.has(statement)) {
    if (!statement.isReadonly()) {
      throw new Error('derived reader: the statement would write to the database')
    }
    CHECKED.add(statement)
  }
  return statement
}

/**
 * A {@link DerivedReader} over database `databaseName` of `storage` (the object
 * `getRxStorageSqlite` returned, not a wrapped copy). It may be created at any time; each call
 * needs the database to be open in this process at that moment.
 */
export function sqliteDerivedReader(storage: RxStorageSqlite, databaseName: string): DerivedReader {
  const directory = STORAGE_DIRECTORIES.get(storage)
  if (directory === undefined) {
    throw new Error('sqliteDerivedReader needs a storage returned by getRxStorageSqlite')
  }
  const path = sqliteFilePath(directory, databaseName)
  const openFile = (): SqliteFile => {
    const file = sqliteFileOpened(path)
    if (!file) {
      throw new Error(`derived reader: database ${databaseName} is not open in this process`)
    }
    if (file.openIterations > 0) {
      throw new Error(`derived reader: an iterate() is still open on ${databaseName}`)
    }
    return file
  }
  return {
    all: (sql, ...params) => checkedStatement(openFile(), sql).all(...params),
    get: (sql, ...params) => checkedStatement(openFile(), sql).get(...params),
    iterate: (sql, ...params) => {
      const file = openFile()
      const statement = checkedStatement(file, sql)
      return (function* () {
        if (file.openIterations > 0) {
          throw new Error(`derived reader: an iterate() is still open on ${databaseName}`)
        }
        file.openIterations += 1
        try {
          yield* statement.iterate(...params)
        } finally {
          file.openIterations -= 1
        }
      })()
    },
  }
}
