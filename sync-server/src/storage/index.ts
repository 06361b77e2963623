import type { RxStorage, RxStorageInstanceCreationParams } from 'rxdb'
import {
  addRxStorageMultiInstanceSupport,
  ensureRxStorageInstanceParamsAreCorrect,
  RXDB_VERSION,
} from 'rxdb'
import type { SqliteDriver, SqliteDriverChoice } from './driver'
import { sqliteResolveDriver } from './driver'
import { tableEnsure } from './collection-table'
import type { DerivedTablesByCollection } from './derived'
import { derivedValidate } from './derived'
import { derivedReaderRegister } from './derived-reader'
import { sqliteFileAcquire, sqliteFileRelease } from './sqlite-file'
import type { SqliteStorageInstanceOptions, SqliteStorageInternals } from './storage-instance'
import { RxStorageInstanceSqlite } from './storage-instance'

export type {
  SqliteConnection,
  SqliteDriver,
  SqliteDriverChoice,
  SqliteDriverName,
  SqliteRow,
  SqliteStatement,
  SqliteValue,
} from './driver'
export { sqliteDefaultDriverName, sqliteResolveDriver } from './driver'
export type {
  DerivedColumnType,
  DerivedRow,
  DerivedTable,
  DerivedTablesByCollection,
  DerivedValue,
} from './derived'
export type { DerivedReader } from './derived-reader'
export { sqliteDerivedReader, sqliteStorageDirectory } from './derived-reader'
export { sqliteFilePath } from './sqlite-file'
export type { SqliteStorageInstanceOptions, SqliteStorageInternals } from './storage-instance'
export { RxStorageInstanceSqlite } from './storage-instance'

/** Name reported as `storage.name` (and used to scope multi-instance broadcasts). */
export const RX_STORAGE_NAME_SQLITE = 'teamslot-sqlite'

/** Settings of {@link getRxStorageSqlite}. */
export interface SqliteStorageSettings {
  /** Folder holding one `<database name>.sqlite` file per RxDB database; created if missing. */
  readonly directory: string
  /**
   * `'better-sqlite3'`, `'node:sqlite'` or a custom {@link SqliteDriver}. Default: `node:sqlite`
   * inside Electron (`process.versions.electron`), better-sqlite3 elsewhere.
   */
  readonly driver?: SqliteDriverChoice
  /**
   * Derived tables per collection name, kept in step with the documents in the same transaction
   * (contract in derived.ts; read them with {@link sqliteDerivedReader}). Every storage opening
   * the same database in one process must declare the same ones. Default: none.
   */
  readonly derived?: DerivedTablesByCollection
  /**
   * Told, in a line for whoever runs the server, when opening a table starts and ends a one-time
   * upgrade that takes long on a large store (the key columns of an earlier version rewritten:
   * ~34 s at 400,000 bookings). Default: nothing is told.
   */
  readonly onNotice?: (line: string) => void
}

/** The storage returned by {@link getRxStorageSqlite}. */
export type RxStorageSqlite = RxStorage<SqliteStorageInternals, SqliteStorageInstanceOptions>

/**
 * A durable RxDB 15 storage over SQLite, for `createRxDatabase({ storage, multiInstance: false })`
 * and rxdb-server replication.
 *
 * Contract:
 * - one file per RxDB database name in `directory`, one table per (collection, schema version);
 * - a resolved `bulkWrite` is committed and fsynced (WAL, `synchronous=FULL`), and its change event
 *   bulk is emitted after the commit, checkpoint `{ id, lwt }` of the newest written row;
 * - queries, counts, conflict detection (409 on a stale `_rev`) and `(lwt, id)` checkpoints follow
 *   RxDB's own helpers, so results match RxDB's memory storage;
 * - ONE PROCESS PER FILE: a connection holds the file's exclusive lock while open, so a second
 *   process opening the same database fails (`createStorageInstance` rejects after a 2 s busy
 *   wait). Within a process, instances of the same database share one connection (opened with the
 *   driver of whichever storage opened it first). Changes are only streamed to instances of this
 *   process (to other RxDatabases of it only with `multiInstance: true`);
 * - derived tables (`settings.derived`, see derived.ts) are written in the same transaction as
 *   the documents they come from, rebuilt on open when out of date, and readable read-only through
 *   {@link sqliteDerivedReader};
 * - attachments are supported (base64 data in a side table); key compression and encryption must
 *   come from RxDB's storage wrappers (unwrapped schemas using them are rejected, as RxDB requires).
 */
export function getRxStorageSqlite(settings: SqliteStorageSettings): RxStorageSqlite {
  const derived = settings.derived ?? {}
  derivedValidate(derived)
  let driver: Promise<SqliteDriver> | undefined
  const storage: RxStorageSqlite = {
    name: RX_STORAGE_NAME_SQLITE,
    rxdbVersion: RXDB_VERSION,
    async createStorageInstance<RxDocType>(
      params: RxStorageInstanceCreationParams<RxDocType, SqliteStorageInstanceOptions>,
    ): Promise<RxStorageInstanceSqlite<RxDocType>> {
      ensureRxStorageInstanceParamsAreCorrect(params)
      driver ??= sqliteResolveDriver(settings.driver)
      const file = sqliteFileAcquire(await driver, settings.directory, params.databaseName, derived)
      let instance: RxStorageInstanceSqlite<RxDocType>
      try {
        instance = new RxStorageInstanceSqlite(
          tableEnsure(file, params.collectionName, params.schema, settings.onNotice),
          params,
        )
      } catch (error) {
        sqliteFileRelease(file)
        throw error
      }
      addRxStorageMultiInstanceSupport(RX_STORAGE_NAME_SQLITE, params, instance)
      return instance
    },
  }
  derivedReaderRegister(storage, settings.directory)
  return storage
}
