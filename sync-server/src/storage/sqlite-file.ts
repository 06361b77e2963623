import { mkdirSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { SqliteConnection, SqliteDriver, SqliteStatement } from './driver'
import type { DerivedTablesByCollection } from './derived'
import { DERIVED_META_TABLE, derivedFingerprint } from './derived'

/**
 * One open database file, shared by every storage instance of the same RxDB database in this
 * process (one connection per file, reference-counted).
 */
export interface SqliteFile {
  readonly path: string
  readonly driverName: string
  readonly connection: SqliteConnection
  /** A prepared statement, compiled once per connection and SQL text. */
  statement(sql: string): SqliteStatement
  /** Forgets cached statements; call after DROP TABLE. */
  forgetStatements(): void
  /** The derived tables of this file, from the storage that opened it (see derived.ts). */
  readonly derived: DerivedTablesByCollection
  /**
   * Per collection name, the schema version whose documents feed its derived tables (set when
   * that version's table is opened, see derived-tables.ts).
   */
  readonly derivedSources: Map<string, number>
  /** Open iterations of a derived reader; while above 0 nothing else may use the connection. */
  openIterations: number
}

interface OpenFile extends SqliteFile {
  refs: number
}

/** The size a checkpointed WAL is cut back to (64 MiB; see `configureConnection`). */
export const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024

/** Milliseconds to wait for a lock held by another connection before failing. */
const BUSY_TIMEOUT_MS = 2_000

const OPEN_FILES = new Map<string, OpenFile>()

/**
 * The file for an RxDB database name inside `directory`: `<name>.sqlite`, with every character
 * outside `[A-Za-z0-9_-]` percent-encoded (UTF-8), so any name maps to one safe, distinct file.
 */
export function sqliteFilePath(directory: string, databaseName: string): string {
  const safe = Array.from(databaseName, (char) =>
    /^[A-Za-z0-9_-]$/.test(char)
      ? char
      : Array.from(Buffer.from(char, 'utf8'), (byte) => '%' + byte.toString(16).padStart(2, '0'))
          .join('')
          .toUpperCase(),
  ).join('')
  return join(resolve(directory), safe + '.sqlite')
}

/**
 * Durability and single-writer settings, applied once per connection:
 * - `locking_mode=EXCLUSIVE` (set before WAL, so no shared-memory file is used) and an immediate
 *   `BEGIN EXCLUSIVE` make this connection hold the file's write lock until it closes: a second
 *   process opening the same file fails instead of writing behind our change stream and checkpoints.
 * - `journal_mode=WAL` with `synchronous=FULL`: every commit fsyncs the WAL before returning, so an
 *   acknowledged write survives a process kill and also an OS crash or power loss. (`NORMAL` would
 *   still survive kill -9, since committed WAL frames are in the OS page cache when COMMIT returns,
 *   but could lose the last commits on an OS crash; an fsync per bulkWrite is cheap at our scale.)
 * - `journal_size_limit` ({@link WAL_SIZE_LIMIT_BYTES}): once checkpointed, a WAL that one large
 *   transaction grew (an import, a table rewritten on upgrade: ~0.9 GB at 400k bookings) is cut
 *   back to this size instead of keeping its disk space until the file is closed. Ordinary
 *   commits keep the WAL far below it (a checkpoint every ~1,000 pages).
 */
function configureConnection(connection: SqliteConnection, path: string): void {
  connection.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
  connection.exec('PRAGMA locking_mode = EXCLUSIVE')
  try {
    const mode = connection.prepare('PRAGMA journal_mode = WAL').get()
    if (mode?.['journal_mode'] !== 'wal') {
      throw new Error(`could not switch ${path} to WAL (got ${String(mode?.['journal_mode'])})`)
    }
    connection.exec('PRAGMA synchronous = FULL')
    connection.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`)
    connection.exec('BEGIN EXCLUSIVE; COMMIT')
  } catch (error) {
    connection.close()
    throw new Error(
      `cannot open ${path}: it is locked or unusable. Only one process may open a Teamslot ` +
        `storage file at a time.`,
      { cause: error },
    )
  }
}

/** The file at `path` while this process has it open, else undefined. */
export function sqliteFileOpened(path: string): SqliteFile | undefined {
  return OPEN_FILES.get(path)
}

/**
 * Opens (or shares the already open connection to) the file for `databaseName`, creating the
 * directory if missing. Pair every call with {@link sqliteFileRelease}. Throws if another process
 * holds the file, or if it is open in this process with other derived tables than `derived`.
 */
export function sqliteFileAcquire(
  driver: SqliteDriver,
  directory: string,
  databaseName: string,
  derived: DerivedTablesByCollection = {},
): SqliteFile {
  const path = sqliteFilePath(directory, databaseName)
  const existing = OPEN_FILES.get(path)
  if (existing) {
    if (derivedFingerprint(existing.derived) !== derivedFingerprint(derived)) {
      throw new Error(
        `${path} is already open in this process with other derived tables; every storage ` +
          `opening the same database must declare the same ones`,
      )
    }
    existing.refs += 1
    return existing
  }
  mkdirSync(resolve(directory), { recursive: true })
  const connection = driver.open(path)
  configureConnection(connection, path)
  const statements = new Map<string, SqliteStatement>()
  const file: OpenFile = {
    path,
    driverName: driver.name,
    connection,
    refs: 1,
    statement(sql) {
      let statement = statements.get(sql)
      if (!statement) {
        statement = connection.prepare(sql)
        statements.set(sql, statement)
      }
      return statement
    },
    forgetStatements() {
      statements.clear()
    },
    derived,
    derivedSources: new Map(),
    openIterations: 0,
  }
  OPEN_FILES.set(path, file)
  return file
}

/**
 * Drops one reference; the last one closes the connection. A file left without any table but the
 * derived tables' meta table (every collection was removed) is deleted together with its WAL.
 */
export function sqliteFileRelease(file: SqliteFile): void {
  const open = OPEN_FILES.get(file.path)
  if (!open || open !== file) {
    return
  }
  open.refs -= 1
  if (open.refs > 0) {
    return
  }
  OPEN_FILES.delete(open.path)
  const tables = open.connection
    .prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name != ?")
    .get(DERIVED_META_TABLE)
  open.forgetStatements()
  open.connection.close()
  if (tables?.['n'] === 0) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      rmSync(open.path + suffix, { force: true })
    }
  }
}
