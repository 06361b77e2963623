/**
 * The tiny synchronous SQLite driver interface the storage is written against, plus the choice of
 * implementation. Two adapters exist: better-sqlite3 (plain Node) and `node:sqlite` (Electron,
 * whose bundled Node cannot load a better-sqlite3 binary built for another ABI). Each adapter is
 * loaded lazily, only when selected, so the other one never has to be resolvable.
 */

/** A value SQLite can bind or return. BLOBs are always `Uint8Array` (a Node `Buffer` is one). */
export type SqliteValue = string | number | bigint | Uint8Array | null

/** One result row, keyed by column name. */
export type SqliteRow = Readonly<Record<string, SqliteValue>>

/** A prepared statement with positional `?` parameters. */
export interface SqliteStatement {
  /** Executes the statement; returns the number of rows it changed. */
  run(...params: readonly SqliteValue[]): { changes: number }
  /** First result row, or `undefined` when there is none. */
  get(...params: readonly SqliteValue[]): SqliteRow | undefined
  /** All result rows, in the order SQLite produces them. */
  all(...params: readonly SqliteValue[]): SqliteRow[]
  /**
   * The result rows one at a time, in the order SQLite produces them. While the iterator is open
   * the connection must run nothing else (better-sqlite3 throws if it does); exhaust it or call
   * its `return()`.
   */
  iterate(...params: readonly SqliteValue[]): IterableIterator<SqliteRow>
  /**
   * Whether executing the statement leaves the database file unchanged, as
   * `sqlite3_stmt_readonly()` answers: note that it also says true for transaction control
   * (`BEGIN`, `COMMIT`), `ATTACH`, and many PRAGMAs, which change the connection instead.
   */
  isReadonly(): boolean
}

/** An open database file. Every method is synchronous and throws on SQLite errors. */
export interface SqliteConnection {
  /** Runs one or more statements without parameters or results (DDL, PRAGMAs). */
  exec(sql: string): void
  /** Compiles a statement. Callers may cache the result for the life of the connection. */
  prepare(sql: string): SqliteStatement
  /**
   * Runs `fn` inside `BEGIN IMMEDIATE … COMMIT` and returns its result; rolls back and rethrows
   * when `fn` throws. `fn` must be synchronous. Not reentrant.
   */
  transaction<T>(fn: () => T): T
  /** Closes the file. The connection must not be used afterwards. */
  close(): void
}

/** Opens database files. `name` identifies the implementation in logs and errors. */
export interface SqliteDriver {
  readonly name: string
  /** Opens (creating if missing) the database file at `path`. */
  open(path: string): SqliteConnection
}

/** The built-in driver implementations that can be selected by name. */
export type SqliteDriverName = 'better-sqlite3' | 'node:sqlite'

/** What `getRxStorageSqlite({ driver })` accepts: a built-in name or any implementation. */
export type SqliteDriverChoice = SqliteDriverName | SqliteDriver

/**
 * The driver to use when none is forced: `node:sqlite` inside Electron (its Node cannot load the
 * better-sqlite3 addon built for the system Node), better-sqlite3 everywhere else.
 */
export function sqliteDefaultDriverName(
  versions: Readonly<Partial<Record<string, string>>> = process.versions,
): SqliteDriverName {
  return versions['electron'] ? 'node:sqlite' : 'better-sqlite3'
}

/**
 * Resolves a driver choice to an implementation, importing the selected adapter (and only it).
 * `undefined` means {@link sqliteDefaultDriverName}. Rejects if the module cannot be loaded.
 */
export async function sqliteResolveDriver(choice?: SqliteDriverChoice): Promise<SqliteDriver> {
  const resolved = choice ?? sqliteDefaultDriverName()
  if (typeof resolved !== 'string') {
    return resolved
  }
  if (resolved === 'node:sqlite') {
    const { createNodeSqliteDriver } = await import('./driver-node-sqlite')
    return createNodeSqliteDriver()
  }
  const { createBetterSqlite3Driver } = await import('./driver-better-sqlite3')
  return createBetterSqlite3Driver()
}

/**
 * Shared `transaction()` implementation for adapters: explicit `BEGIN IMMEDIATE` so the write lock
 * is taken up front, `COMMIT` on success, `ROLLBACK` (then rethrow) on failure.
 */
export function sqliteRunTransaction<T>(exec: (sql: string) => void, fn: () => T): T {
  exec('BEGIN IMMEDIATE')
  let result: T
  try {
    result = fn()
  } catch (error) {
    exec('ROLLBACK')
    throw error
  }
  exec('COMMIT')
  return result
}

/**
 * `sqlite3_stmt_readonly()` for drivers that do not expose it, from the statement's bytecode
 * (`EXPLAIN <sql>`): SQLite clears the flag for an `OP_Transaction` that opens a write
 * transaction (p2 ≠ 0) and for `VACUUM`, `PRAGMA journal_mode` and checkpoint opcodes.
 */
export function sqliteIsReadonlyByExplain(explain: readonly SqliteRow[]): boolean {
  return explain.every((row) => {
    const opcode = row['opcode']
    if (opcode === 'Transaction') {
      return Number(row['p2']) === 0
    }
    return opcode !== 'Vacuum' && opcode !== 'JournalMode' && opcode !== 'Checkpoint'
  })
}
