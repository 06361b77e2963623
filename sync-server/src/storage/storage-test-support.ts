/**
 * Shared fixtures for the storage contract tests (not used by production code): the driver under
 * test, a fresh temp directory per test, a small schema with indexed and non-indexed fields,
 * document builders.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type {
  BulkWriteRow,
  MangoQuery,
  PreparedQuery,
  RxDocumentData,
  RxJsonSchema,
  RxStorage,
  RxStorageInstance,
  RxStorageDefaultCheckpoint,
} from 'rxdb'
import { createRevision, fillWithDefaultSettings, normalizeMangoQuery, prepareQuery } from 'rxdb'
import type {
  DerivedReader,
  DerivedTable,
  DerivedTablesByCollection,
  RxStorageSqlite,
  SqliteDriverName,
  SqliteRow,
} from './index'
import { getRxStorageSqlite, sqliteDerivedReader } from './index'

/** Environment variable naming the driver the storage tests run on. */
export const TEST_SQLITE_DRIVER_ENV = 'TEAMSLOT_TEST_SQLITE_DRIVER'

const TEST_DRIVER_NAMES: readonly SqliteDriverName[] = ['better-sqlite3', 'node:sqlite']

/**
 * The driver named by `TEAMSLOT_TEST_SQLITE_DRIVER` in `env`: `better-sqlite3` when unset.
 * Throws for any other value, so a typo cannot quietly test the wrong driver.
 */
export function testSqliteDriverOf(env: Readonly<Record<string, string | undefined>>) {
  const value = env[TEST_SQLITE_DRIVER_ENV] ?? 'better-sqlite3'
  const name = TEST_DRIVER_NAMES.find((candidate) => candidate === value)
  if (name === undefined) {
    throw new Error(
      `${TEST_SQLITE_DRIVER_ENV} must be one of ${TEST_DRIVER_NAMES.join(', ')}, got ${value}`,
    )
  }
  return name
}

/**
 * The driver these tests run on. `npm test` runs the storage tests twice: under Node 20 with
 * better-sqlite3 (the standalone server) and under Node 22 with `node:sqlite` (the embedded server
 * inside Electron), setting `TEAMSLOT_TEST_SQLITE_DRIVER=node:sqlite` for the second run.
 */
export const TEST_SQLITE_DRIVER: SqliteDriverName = testSqliteDriverOf(process.env)

/** The storage under test over `directory`, on {@link TEST_SQLITE_DRIVER}. */
export function testStorage(
  directory: string,
  derived?: DerivedTablesByCollection,
): RxStorageSqlite {
  return getRxStorageSqlite({ directory, driver: TEST_SQLITE_DRIVER, ...(derived && { derived }) })
}

/** The document type of the test collection. */
export interface ItemDoc {
  id: string
  /** Indexed string (emoji-capable). */
  name: string
  /** Indexed number in [0, 1000] with two decimals. */
  rank: number
  /** Not indexed. */
  note: string
  /** Indexed boolean. */
  isDone: boolean
}

/** Revision hash input; fixed so revisions are deterministic. */
const REVISION_TOKEN = 'test'

/**
 * Schema with indexes on `name`, `rank` and `isDone` (and `note` too when `isNoteIndexed`, which
 * also limits it to 40 characters); RxDB's defaults filled in. `version` defaults to 0.
 */
export function itemSchema(
  options: { readonly isNoteIndexed?: boolean; readonly version?: number } = {},
): RxJsonSchema<RxDocumentData<ItemDoc>> {
  return fillWithDefaultSettings<ItemDoc>({
    version: options.version ?? 0,
    type: 'object',
    primaryKey: 'id',
    properties: {
      id: { type: 'string', maxLength: 40 },
      name: { type: 'string', maxLength: 40 },
      rank: { type: 'number', minimum: 0, maximum: 1000, multipleOf: 0.01 },
      note: options.isNoteIndexed ? { type: 'string', maxLength: 40 } : { type: 'string' },
      isDone: { type: 'boolean' },
    },
    required: ['id', 'name', 'rank', 'note', 'isDone'],
    indexes: ['name', 'rank', 'isDone', ...(options.isNoteIndexed ? ['note'] : [])],
  })
}

/**
 * A storage-level query on the test collection, normalised and planned by RxDB. Its selector may
 * name RxDB's meta fields (`_deleted`), unlike a collection-level query.
 */
export function prepareItemQuery(
  query: MangoQuery<RxDocumentData<ItemDoc>>,
): PreparedQuery<ItemDoc> {
  const schema = itemSchema()
  return prepareQuery<ItemDoc>(schema, normalizeMangoQuery<RxDocumentData<ItemDoc>>(schema, query))
}

/** A storage instance of the test collection. */
export type ItemInstance = RxStorageInstance<ItemDoc, unknown, unknown, RxStorageDefaultCheckpoint>

/** Opens the test collection of database `databaseName` on `storage`. */
export async function openItems(
  storage: RxStorage<unknown, unknown>,
  databaseName = 'teamslot',
  schema = itemSchema(),
): Promise<ItemInstance> {
  return storage.createStorageInstance<ItemDoc>({
    databaseInstanceToken: databaseName + '-token',
    databaseName,
    collectionName: 'items',
    schema,
    options: {},
    multiInstance: false,
    devMode: false,
  })
}

/** A first-revision document; `lwt` defaults to a fixed instant with two decimals. */
export function newItem(
  fields: Partial<ItemDoc> & { id: string },
  lwt = 1_700_000_000_000.25,
): RxDocumentData<ItemDoc> {
  const doc: RxDocumentData<ItemDoc> = {
    name: 'item',
    rank: 1,
    note: '',
    isDone: false,
    ...fields,
    _deleted: false,
    _attachments: {},
    _meta: { lwt },
    _rev: '',
  }
  return { ...doc, _rev: createRevision(REVISION_TOKEN) }
}

/** The next revision of `previous` with `changes` applied, as a write row. */
export function updateRow(
  previous: RxDocumentData<ItemDoc>,
  changes: Partial<RxDocumentData<ItemDoc>>,
): BulkWriteRow<ItemDoc> {
  const next: RxDocumentData<ItemDoc> = { ...previous, ...changes }
  return { previous, document: { ...next, _rev: createRevision(REVISION_TOKEN, previous) } }
}

/** Payload size per crash-writer document, so pages and WAL frames fill up quickly. */
const CRASH_NOTE_LENGTH = 2_000

/** The document the crash writer (storage-crash-writer.ts) writes as number `index`. */
export function crashWriterDoc(index: number): RxDocumentData<ItemDoc> {
  return newItem({
    id: `doc-${index}`,
    name: `name-${index}`,
    rank: index % 1000,
    note: 'x'.repeat(CRASH_NOTE_LENGTH),
  })
}

/** A fresh temporary directory and its cleanup. */
export function tempDirectory(): { directory: string; remove: () => void } {
  const directory = mkdtempSync(join(tmpdir(), 'teamslot-storage-'))
  return { directory, remove: () => rmSync(directory, { recursive: true, force: true }) }
}

/** One row per item: its name, rank and note (NULL when empty). */
export const ITEM_NAMES_TABLE: DerivedTable = {
  name: 'item_names',
  columns: { name: 'TEXT', rank: 'REAL', note: 'TEXT?' },
  indexes: [['name', 'rank']],
  version: '1',
  rows: (doc) => [
    { name: String(doc['name']), rank: Number(doc['rank']), note: doc['note'] ? 'noted' : null },
  ],
}

/** Two rows per unfinished item (tags `all` and its name), none for a done one. */
export const ITEM_TAGS_TABLE: DerivedTable = {
  name: 'item_tags',
  columns: { tag: 'TEXT', weight: 'INTEGER' },
  indexes: [['tag', 'weight']],
  version: '1',
  rows: (doc) =>
    doc['isDone']
      ? []
      : [
          { tag: 'all', weight: 1 },
          { tag: String(doc['name']), weight: Math.round(Number(doc['rank'])) },
        ],
}

/** The derived tables of the test collection `items`. */
export const ITEM_DERIVED: DerivedTablesByCollection = {
  items: [ITEM_NAMES_TABLE, ITEM_TAGS_TABLE],
}

/** Rows in a canonical order, for comparing tables as sets. */
function canonical(rows: readonly SqliteRow[]): string[] {
  return rows
    .map((row) =>
      JSON.stringify(Object.entries(row).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    )
    .sort()
}

/**
 * The derived table's rows as stored, and as `table.rows` computes them from the stored
 * non-deleted documents of `docsTable` (read through the reader), both in canonical order.
 */
export function derivedRowsActualAndExpected(
  reader: DerivedReader,
  docsTable: string,
  table: DerivedTable,
): { actual: string[]; expected: string[] } {
  const expected = reader
    .all(`SELECT id, data FROM ${docsTable} WHERE deleted = 0`)
    .flatMap((row) =>
      table
        .rows(JSON.parse(String(row['data'])))
        .map((derived) => ({ doc_id: row['id'] ?? null, ...derived })),
    )
  const actual = reader.all(`SELECT * FROM ${table.name}`)
  return { actual: canonical(actual), expected: canonical(expected) }
}

/** The reader over database `databaseName` of `storage`. */
export function testReader(storage: RxStorageSqlite, databaseName = 'teamslot'): DerivedReader {
  return sqliteDerivedReader(storage, databaseName)
}
