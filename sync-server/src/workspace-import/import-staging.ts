import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, rmSync, writeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { sqliteResolveDriver } from '../storage'
import type { SqliteConnection, SqliteDriverChoice, SqliteStatement } from '../storage'

/** Staging files are `workspace-import-<random>.sqlite` in the data folder. */
const STAGING_FILE = /^workspace-import-[A-Za-z0-9_-]+\.sqlite$/
/** The marker of a staging file being applied: `<staging file>.applying`. */
const MARKER_SUFFIX = '.applying'
/** SQLite's side files of a staging file (rollback journal, WAL) that go with it. */
const SIDE_FILES = ['-journal', '-wal', '-shm']
/** Rows inserted per transaction while a body streams in. */
const ROWS_PER_TRANSACTION = 2_000

/** A staged booking: its index in the body's `bookings` and its shape-parsed record as JSON. */
export interface StagedBooking {
  readonly index: number
  readonly id: string
  readonly json: string
}

/** What an import being applied recorded before its first write (the marker). */
export interface StagingApplying {
  /** The validated workspace without bookings (JSON of the parsed setup). */
  readonly setupJson: string
  /** The `updatedAt` every written document gets. */
  readonly nowIso: string
  /** When the mark was made (real clock, ISO, then a counter): applies finish in this order. */
  readonly markedAt: string
}

/** Tells apart marks made within one millisecond. */
let markCounter = 0

/**
 * The staging table of one workspace import: a temporary SQLite file in the server's data folder,
 * opened through the storage's driver abstraction (better-sqlite3 or node:sqlite), holding every
 * shape-parsed booking of the body with the booking id as primary key (so repeats are found as
 * they arrive), and, once validated and about to be applied, the setup and a durable marker.
 *
 * While the body streams in, the file is written with neither fsync nor an on-disk journal, so a
 * crash then may leave it incomplete or even corrupt: such a file has no marker, and the server
 * deletes it on start without reading it. Marking ({@link markApplying}) first commits the setup
 * and the marker's details in a rollback-journal transaction with `synchronous=FULL` (which also
 * syncs every page written before), then creates the marker itself, a separate file
 * `<staging file>.applying`, fsynced with its folder: once it exists, the whole staging file is
 * on disk, and the next start must finish the apply.
 */
export class ImportStaging {
  private readonly insert: SqliteStatement
  private readonly firstIndexOf: SqliteStatement
  private readonly insertRepeat: SqliteStatement
  private pendingRows = 0
  private isInTransaction = false
  private stagedCount = 0
  private isClosed = false

  private constructor(
    readonly path: string,
    private readonly connection: SqliteConnection,
  ) {
    this.insert = connection.prepare(
      'INSERT INTO bookings (idx, id, json) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING',
    )
    this.firstIndexOf = connection.prepare('SELECT idx FROM bookings WHERE id = ?')
    this.insertRepeat = connection.prepare(
      'INSERT INTO repeats (idx, id, first_idx) VALUES (?, ?, ?)',
    )
  }

  /** A new, empty staging file in `directory`. */
  static async create(directory: string, driver?: SqliteDriverChoice): Promise<ImportStaging> {
    const path = join(directory, `workspace-import-${randomBytes(9).toString('base64url')}.sqlite`)
    const connection = (await sqliteResolveDriver(driver)).open(path)
    try {
      // Nothing here needs to survive a crash until the marker is written (see markApplying).
      connection.exec('PRAGMA journal_mode = MEMORY')
      connection.exec('PRAGMA synchronous = OFF')
      connection.exec(
        'CREATE TABLE bookings (idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, json TEXT NOT NULL);' +
          'CREATE TABLE repeats (idx INTEGER PRIMARY KEY, id TEXT NOT NULL, first_idx INTEGER NOT NULL);' +
          'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);',
      )
    } catch (error) {
      connection.close()
      rmSync(path, { force: true })
      throw error
    }
    return new ImportStaging(path, connection)
  }

  /** Opens an existing staging file (one found on start). */
  static async open(path: string, driver?: SqliteDriverChoice): Promise<ImportStaging> {
    const connection = (await sqliteResolveDriver(driver)).open(path)
    connection.exec('PRAGMA synchronous = FULL')
    return new ImportStaging(path, connection)
  }

  /**
   * Stages a booking record (already shape-parsed) found at `index` of the body. Returns the
   * index of the booking that already has its id, or null when the id is new.
   */
  add(index: number, id: string, record: unknown): number | null {
    if (!this.isInTransaction) {
      this.connection.exec('BEGIN')
      this.isInTransaction = true
    }
    const { changes } = this.insert.run(index, id, JSON.stringify(record))
    let repeatOf: number | null = null
    if (changes === 0) {
      repeatOf = Number(this.firstIndexOf.get(id)?.['idx'])
      this.insertRepeat.run(index, id, repeatOf)
    } else {
      this.stagedCount++
    }
    if (++this.pendingRows >= ROWS_PER_TRANSACTION) this.commit()
    return repeatOf
  }

  /** Commits the rows staged so far. */
  commit(): void {
    if (!this.isInTransaction) return
    this.connection.exec('COMMIT')
    this.isInTransaction = false
    this.pendingRows = 0
  }

  /** How many distinct bookings are staged. */
  get count(): number {
    return this.stagedCount
  }

  /** Staged bookings in body order, `limit` at a time after index `afterIndex`. */
  byIndex(afterIndex: number, limit: number): StagedBooking[] {
    return this.connection
      .prepare('SELECT idx, id, json FROM bookings WHERE idx > ? ORDER BY idx LIMIT ?')
      .all(afterIndex, limit)
      .map((row) => ({
        index: Number(row['idx']),
        id: String(row['id']),
        json: String(row['json']),
      }))
  }

  /** Staged bookings in id order (JavaScript's string order), `limit` at a time after `afterId`. */
  byId(afterId: string, limit: number): StagedBooking[] {
    return this.connection
      .prepare('SELECT idx, id, json FROM bookings WHERE id > ? ORDER BY id LIMIT ?')
      .all(afterId, limit)
      .map((row) => ({
        index: Number(row['idx']),
        id: String(row['id']),
        json: String(row['json']),
      }))
  }

  /** Which of `ids` are staged. */
  has(ids: readonly string[]): Set<string> {
    const rows = this.connection
      .prepare('SELECT id FROM bookings WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids))
    return new Set(rows.map((row) => String(row['id'])))
  }

  /** Repeated ids (index, id, index of the first booking with it), in body order, after `afterIndex`. */
  repeats(afterIndex: number, limit: number): { index: number; id: string; firstIndex: number }[] {
    return this.connection
      .prepare('SELECT idx, id, first_idx FROM repeats WHERE idx > ? ORDER BY idx LIMIT ?')
      .all(afterIndex, limit)
      .map((row) => ({
        index: Number(row['idx']),
        id: String(row['id']),
        firstIndex: Number(row['first_idx']),
      }))
  }

  /**
   * Records durably that this import is being applied, with its validated setup (JSON) and the
   * `updatedAt` of its writes: after this returns, a crash leaves a file that the next start
   * finishes applying ({@link applying}).
   */
  markApplying(setupJson: string, nowIso: string): StagingApplying {
    this.commit()
    const markedAt = `${new Date().toISOString()}#${String(markCounter++).padStart(9, '0')}`
    this.connection.exec('PRAGMA journal_mode = DELETE')
    this.connection.exec('PRAGMA synchronous = FULL')
    this.connection.transaction(() => {
      const put = this.connection.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)')
      put.run('setup', setupJson)
      put.run('nowIso', nowIso)
      put.run('markedAt', markedAt)
      put.run('applying', '1')
    })
    // The file is new: its directory entry must be on disk before the marker names it.
    fsyncDirectory(this.path)
    const fd = openSync(this.path + MARKER_SUFFIX, 'w')
    try {
      writeSync(fd, markedAt)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    fsyncDirectory(this.path)
    return { setupJson, nowIso, markedAt }
  }

  /**
   * The details of the marked apply, or null when the file has no marker. Throws when a marked
   * file lacks them (it cannot be applied; the server must not start over a mixed store).
   */
  applying(): StagingApplying | null {
    if (!importStagingIsMarked(this.path)) return null
    const value = (key: string) =>
      this.connection.prepare('SELECT value FROM meta WHERE key = ?').get(key)?.['value']
    if (value('applying') !== '1') {
      throw new Error(`${this.path} is marked as being applied but holds no apply`)
    }
    return {
      setupJson: String(value('setup')),
      nowIso: String(value('nowIso')),
      markedAt: String(value('markedAt')),
    }
  }

  /** Closes the file and deletes it (with its side files); the marker goes with it. */
  remove(): void {
    this.close()
    importStagingDelete(this.path)
  }

  /** Closes the file, keeping it (and its marker) on disk; uncommitted rows are dropped. */
  close(): void {
    if (this.isClosed) return
    this.isClosed = true
    try {
      if (this.isInTransaction) this.connection.exec('ROLLBACK')
    } finally {
      this.isInTransaction = false
      this.connection.close()
    }
  }
}

/**
 * Deletes a staging file: its marker first (from then on the file no longer counts), then the file
 * and its side files, each step made durable.
 */
export function importStagingDelete(path: string): void {
  rmSync(path + MARKER_SUFFIX, { force: true })
  fsyncDirectory(path)
  for (const suffix of ['', ...SIDE_FILES]) rmSync(path + suffix, { force: true })
  fsyncDirectory(path)
}

/** True when the staging file at `path` is marked as being applied. */
export function importStagingIsMarked(path: string): boolean {
  return existsSync(path + MARKER_SUFFIX)
}

/** Staging files left in `directory` (by a crash, or an import still running in this process). */
export function importStagingLeftovers(directory: string): string[] {
  let names: string[]
  try {
    names = readdirSync(directory)
  } catch {
    return []
  }
  return names
    .filter((name) => STAGING_FILE.test(name))
    .sort()
    .map((name) => join(directory, name))
}

function fsyncDirectory(path: string): void {
  const directory = dirname(path)
  const fd = openSync(directory, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}
