import { addRxPlugin, createRxDatabase } from 'rxdb'
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema'
import { migrationStrategiesFor } from '../../core/src/schema/migrations'
import type { RxCollection, RxDatabase, RxJsonSchema, RxStorage } from 'rxdb'
import {
  COLLECTION_NAMES,
  REPLICATED_NAMES,
  REPLICATED_SCHEMAS,
} from '../../core/src/schema/collections'
import type { CollectionName, ReplicatedName } from '../../core/src/schema/collections'
import { CALENDAR_FEEDS_SCHEMA } from './calendars/feed-tokens'
import { AUDIT_SCHEMA } from './people/audit-log'
import { PEOPLE_SCHEMA } from './people/people-store'
import { NOTIFY_COLLECTION_SCHEMAS } from './notify/notify-collections'
import type { NotifyCollectionName } from './notify/notify-collections'

addRxPlugin(RxDBMigrationSchemaPlugin)

/** A stored document: a workspace record plus bookkeeping fields; core validates the shape. */
export type AnyDoc = { id: string } & Record<string, unknown>
/** The replicated collections plus the server-only ones (notifications, calendar feeds). */
export type ServerCollections = {
  [K in ReplicatedName | NotifyCollectionName]: RxCollection<AnyDoc>
} & {
  /** Server-only (never replicated): each member's calendar feed token. */
  readonly calendarfeeds: RxCollection<AnyDoc>
  /** Server-only: people who may sign in, with their roles and token hashes. */
  readonly people: RxCollection<AnyDoc>
  /** Server-only: the setup activity log. */
  readonly auditlog: RxCollection<AnyDoc>
}
export type ServerDatabase = RxDatabase<ServerCollections>

/** The database (file) name of the server's store inside its data dir. */
export const DEFAULT_DATABASE_NAME = 'teamslot'

/**
 * Opens the server's workspace database with every replicated collection and the server-only
 * collections of notifications (`./notify/notify-collections.ts`, never replicated).
 * `multiInstance: false` because exactly one server process writes a data dir (rxdb-notes.md).
 */
export async function openServerDatabase(
  storage: RxStorage<unknown, unknown>,
  name = DEFAULT_DATABASE_NAME,
): Promise<ServerDatabase> {
  const db = await createRxDatabase<ServerCollections>({
    name,
    storage,
    multiInstance: false,
    eventReduce: true,
    ignoreDuplicate: true,
  })
  const collections = Object.fromEntries(
    REPLICATED_NAMES.map((collectionName) => [
      collectionName,
      {
        schema: REPLICATED_SCHEMAS[collectionName] as unknown as RxJsonSchema<AnyDoc>,
        migrationStrategies: isWorkspaceCollection(collectionName)
          ? migrationStrategiesFor(collectionName)
          : {},
      },
    ]),
  )
  await db.addCollections({
    ...collections,
    calendarfeeds: { schema: CALENDAR_FEEDS_SCHEMA as unknown as RxJsonSchema<AnyDoc> },
    people: { schema: PEOPLE_SCHEMA },
    auditlog: { schema: AUDIT_SCHEMA },
    ...Object.fromEntries(
      Object.entries(NOTIFY_COLLECTION_SCHEMAS).map(([collectionName, schema]) => [
        collectionName,
        { schema },
      ]),
    ),
  })
  return db
}

function isWorkspaceCollection(name: ReplicatedName): name is CollectionName {
  return (COLLECTION_NAMES as readonly string[]).includes(name)
}

/** True when no collection holds a (non-deleted) document. */
export async function databaseIsEmpty(db: ServerDatabase): Promise<boolean> {
  for (const name of COLLECTION_NAMES) {
    if ((await db[name].count().exec()) > 0) return false
  }
  return true
}
