import { addRxPlugin, createRxDatabase } from 'rxdb'
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents'
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema'
import { migrationStrategiesFor } from '../../../core/src/schema/migrations'
import type { DexieSettings, RxCollection, RxDatabase, RxJsonSchema, RxStorage } from 'rxdb'
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie'
import { dexieChangesSince } from './dexie-changes-since'
import { dexieKeysFirstAddon } from './dexie-keys-first'
import { packedReplicationMeta } from './packed-meta'
import {
  COLLECTION_NAMES,
  COLLECTION_SCHEMAS,
  SERVER_WRITTEN_SCHEMAS,
} from '../../../core/src/schema/collections'
import type { CollectionName, ReplicatedName } from '../../../core/src/schema/collections'
import { bookingConflictHandler, serverWinsConflictHandler } from './conflict-handler'

addRxPlugin(RxDBMigrationSchemaPlugin)
addRxPlugin(RxDBLocalDocumentsPlugin)

/** A stored document: a workspace record plus bookkeeping fields. */
export type AppDoc = { id: string } & Record<string, unknown>
export type AppCollections = { [K in ReplicatedName]: RxCollection<AppDoc> }
export type AppDatabase = RxDatabase<AppCollections>

/**
 * The local database name for one server: data of different servers never mixes.
 * RxDB database names allow only lowercase letters, digits and a few signs.
 */
export function databaseNameFor(serverUrl: string): string {
  let hash = 2166136261
  for (const char of serverUrl) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0
  return `teamslot-${hash.toString(16)}`
}

/**
 * The desktop's storage: RxDB's Dexie (IndexedDB) storage, whose large reads ask for the stored
 * keys first (`dexie-keys-first.ts`) and whose changes are read by keyset
 * (`dexie-changes-since.ts`); the replication's metadata is kept in memory and logged to
 * IndexedDB in pages (`packed-meta.ts`). `settings` go to Dexie and the log (tests pass an
 * in-memory IndexedDB).
 */
export function appStorage(settings: DexieSettings = {}): RxStorage<unknown, unknown> {
  return packedReplicationMeta(
    dexieChangesSince(getRxStorageDexie({ ...settings, addons: [dexieKeysFirstAddon] })),
    (settings.indexedDB as IDBFactory | undefined) ?? globalThis.indexedDB,
  ) as RxStorage<unknown, unknown>
}

/**
 * Opens the desktop's local workspace database (IndexedDB by default: {@link appStorage}; tests
 * pass the memory storage). The same
 * collections and schemas as the server; `schemas` replaces some (tests open a database as an
 * older desktop version would). Stored documents of an older schema version
 * are migrated on open with core's migrations. The server-written collections (members' busy
 * times) are pulled only; should a local version ever differ, the server's wins. Local documents
 * (never replicated) hold what the desktop caches for itself, such as the pool-ledger baseline
 * (`ledger-baseline.ts`).
 */
export async function openAppDatabase(
  name: string,
  storage: RxStorage<unknown, unknown> = appStorage(),
  schemas: Partial<Record<CollectionName, RxJsonSchema<AppDoc>>> = {},
): Promise<AppDatabase> {
  const db = await createRxDatabase<AppCollections>({
    name,
    storage,
    multiInstance: true,
    eventReduce: true,
    ignoreDuplicate: true,
    localDocuments: true,
  })
  await db.addCollections(
    Object.fromEntries(
      COLLECTION_NAMES.map((collectionName) => [
        collectionName,
        {
          schema:
            schemas[collectionName] ??
            (COLLECTION_SCHEMAS[collectionName] as unknown as RxJsonSchema<AppDoc>),
          migrationStrategies: migrationStrategiesFor(collectionName),
          ...(collectionName === 'bookings' ? { conflictHandler: bookingConflictHandler() } : {}),
        },
      ]),
    ),
  )
  await db.addCollections(
    Object.fromEntries(
      Object.entries(SERVER_WRITTEN_SCHEMAS).map(([collectionName, schema]) => [
        collectionName,
        {
          schema: schema as unknown as RxJsonSchema<AppDoc>,
          conflictHandler: serverWinsConflictHandler(),
        },
      ]),
    ),
  )
  return db
}
