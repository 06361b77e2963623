import { existsSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RxDocumentData } from 'rxdb'
import { addRxPlugin, createRxDatabase } from 'rxdb'
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema'
import type { DerivedReader, DerivedTable, DerivedTablesByCollection } from './index'
import { getRxStorageSqlite, sqliteFilePath } from './index'
import type { ItemDoc, ItemInstance } from './storage-test-support'
import {
  derivedRowsActualAndExpected,
  ITEM_DERIVED,
  ITEM_NAMES_TABLE,
  ITEM_TAGS_TABLE,
  itemSchema,
  newItem,
  openItems,
  TEST_SQLITE_DRIVER,
  tempDirectory,
  testReader,
  testStorage,
  updateRow,
} from './storage-test-support'

let temp: ReturnType<typeof tempDirectory>
beforeEach(() => {
  temp = tempDirectory()
})
afterEach(() => {
  temp.remove()
})

const DOCS_V0 = '"docs:items:0"'
const DOCS_V1 = '"docs:items:1"'

/** Expects every table's stored rows to equal `rows()` over the stored documents of `docsTable`. */
function expectInStep(
  reader: DerivedReader,
  tables: readonly DerivedTable[] = [ITEM_NAMES_TABLE, ITEM_TAGS_TABLE],
  docsTable = DOCS_V0,
): void {
  for (const table of tables) {
    const { actual, expected } = derivedRowsActualAndExpected(reader, docsTable, table)
    expect(actual, table.name).toEqual(expected)
  }
}

function tags(reader: DerivedReader): unknown[] {
  return reader.all('SELECT doc_id, tag, weight FROM item_tags ORDER BY doc_id, tag')
}

/** A derived table that counts its `rows` calls and throws for names listed in `failFor`. */
function countingTable(version: string, failFor: readonly string[] = []) {
  const calls = { count: 0 }
  const table: DerivedTable = {
    name: 'item_ranks',
    columns: { rank: 'REAL', version: 'TEXT' },
    indexes: [['rank']],
    version,
    rows: (doc) => {
      calls.count += 1
      if (failFor.includes(String(doc['name']))) {
        throw new Error(`rows refused ${String(doc['name'])}`)
      }
      return [{ rank: Number(doc['rank']), version }]
    },
  }
  return { table, calls }
}

async function openWith(
  derived: DerivedTablesByCollection,
  version = 0,
): Promise<{ items: ItemInstance; reader: DerivedReader }> {
  const storage = testStorage(temp.directory, derived)
  const items = await openItems(storage, 'teamslot', itemSchema({ version }))
  return { items, reader: testReader(storage) }
}

describe(`derived tables follow the documents (${TEST_SQLITE_DRIVER})`, () => {
  it('on inserts, updates, deletions and revivals, in the same write', async () => {
    const { items, reader } = await openWith(ITEM_DERIVED)
    const a = newItem({ id: 'a', name: 'alpha', rank: 2.4 })
    const b = newItem({ id: 'b', name: 'beta', rank: 7, isDone: true })
    await items.bulkWrite([{ document: a }, { document: b }], 'test')
    expect(tags(reader)).toEqual([
      { doc_id: 'a', tag: 'all', weight: 1 },
      { doc_id: 'a', tag: 'alpha', weight: 2 },
    ])
    expectInStep(reader)

    const renamed = updateRow(a, { name: 'gamma', rank: 3.6 })
    const reopened = updateRow(b, { isDone: false })
    await items.bulkWrite([renamed, reopened], 'test')
    expect(tags(reader)).toEqual([
      { doc_id: 'a', tag: 'all', weight: 1 },
      { doc_id: 'a', tag: 'gamma', weight: 4 },
      { doc_id: 'b', tag: 'all', weight: 1 },
      { doc_id: 'b', tag: 'beta', weight: 7 },
    ])
    expectInStep(reader)

    const deletion = updateRow(renamed.document, { _deleted: true })
    await items.bulkWrite([deletion], 'test')
    expect(reader.all("SELECT doc_id FROM item_names WHERE doc_id = 'a'")).toEqual([])
    expect(reader.get("SELECT count(*) AS n FROM item_tags WHERE doc_id = 'a'")).toEqual({ n: 0 })
    expectInStep(reader)

    await items.bulkWrite([updateRow(deletion.document, { _deleted: false })], 'test')
    expect(reader.all("SELECT doc_id, name FROM item_names WHERE doc_id = 'a'")).toEqual([
      { doc_id: 'a', name: 'gamma' },
    ])
    expectInStep(reader)
    await items.close()
  })

  it('writes nothing for a row refused with 409, and keeps the stored document’s rows', async () => {
    const { items, reader } = await openWith(ITEM_DERIVED)
    const first = newItem({ id: 'a', name: 'first' })
    await items.bulkWrite([{ document: first }], 'test')
    await items.bulkWrite([updateRow(first, { name: 'second' })], 'test')

    const { error } = await items.bulkWrite(
      [updateRow(first, { name: 'stale' }), { document: newItem({ id: 'b', name: 'fresh' }) }],
      'test',
    )

    expect(error.map((e) => [e.documentId, e.status])).toEqual([['a', 409]])
    expect(reader.all('SELECT doc_id, name FROM item_names ORDER BY doc_id')).toEqual([
      { doc_id: 'a', name: 'second' },
      { doc_id: 'b', name: 'fresh' },
    ])
    expectInStep(reader)
    await items.close()
  })

  it('fails the whole bulkWrite when rows() throws: no document, no row, no event', async () => {
    const { table } = countingTable('1', ['bad'])
    const { items, reader } = await openWith({ items: [ITEM_TAGS_TABLE, table] })
    await items.bulkWrite([{ document: newItem({ id: 'kept', name: 'kept' }) }], 'test')
    let bulks = 0
    items.changeStream().subscribe(() => (bulks += 1))

    const write = items.bulkWrite(
      [
        { document: newItem({ id: 'good', name: 'good' }) },
        { document: newItem({ id: 'bad', name: 'bad' }) },
      ],
      'test',
    )

    await expect(write).rejects.toThrow('rows refused bad')
    expect(bulks).toBe(0)
    expect(await items.findDocumentsById(['good', 'bad'], true)).toEqual([])
    expect(reader.all('SELECT DISTINCT doc_id FROM item_tags')).toEqual([{ doc_id: 'kept' }])
    expect(reader.all('SELECT doc_id FROM item_ranks')).toEqual([{ doc_id: 'kept' }])
    await items.close()
  })

  it.each([
    ['an unknown column', { rank: 1, version: '1', extra: 1 }, 'unknown column "extra"'],
    ['NULL in a NOT NULL column', { rank: null, version: '1' }, 'column rank (REAL) cannot hold'],
    ['a fraction in an INTEGER column', { tag: 'x', weight: 1.5 }, 'cannot hold 1.5'],
    ['a number in a TEXT column', { tag: 7, weight: 1 }, 'column tag (TEXT) cannot hold 7'],
  ])('fails the whole bulkWrite for a row with %s', async (_title, row, message) => {
    const table: DerivedTable = {
      name: 'odd_rows',
      columns:
        'weight' in row ? { tag: 'TEXT', weight: 'INTEGER' } : { rank: 'REAL', version: 'TEXT' },
      indexes: [],
      version: '1',
      rows: () => [row],
    }
    const { items, reader } = await openWith({ items: [table] })

    await expect(items.bulkWrite([{ document: newItem({ id: 'a' }) }], 'test')).rejects.toThrow(
      message,
    )

    expect(await items.findDocumentsById(['a'], true)).toEqual([])
    expect(reader.all('SELECT * FROM odd_rows')).toEqual([])
    await items.close()
  })
})

describe('rebuilding derived tables on open', () => {
  /** 1,100 items (more than one rebuild page), every 7th deleted, every 5th done. */
  async function seedMany(items: ItemInstance): Promise<RxDocumentData<ItemDoc>[]> {
    const docs = Array.from({ length: 1_100 }, (_, index) => ({
      ...newItem({
        id: `d${index}`,
        name: `n${index % 9}`,
        rank: index % 50,
        isDone: index % 5 === 0,
      }),
      _deleted: index % 7 === 0,
    }))
    await items.bulkWrite(
      docs.map((document) => ({ document })),
      'seed',
    )
    return docs
  }

  it('rebuilds a table whose version changed from every stored document, and no other', async () => {
    const before = countingTable('1')
    const first = await openWith({ items: [ITEM_TAGS_TABLE, before.table] })
    await seedMany(first.items)
    await first.items.close()

    const same = countingTable('1')
    const reopened = await openWith({ items: [ITEM_TAGS_TABLE, same.table] })
    expect(same.calls.count).toBe(0)
    await reopened.items.close()

    const bumped = countingTable('2')
    const { items, reader } = await openWith({ items: [ITEM_TAGS_TABLE, bumped.table] })

    const live = 1_100 - Math.ceil(1_100 / 7)
    expect(bumped.calls.count).toBe(live)
    expect(reader.all('SELECT DISTINCT version FROM item_ranks')).toEqual([{ version: '2' }])
    expectInStep(reader, [ITEM_TAGS_TABLE, bumped.table])
    await items.close()
  })

  it('tells whoever runs the server when a rebuild starts and ends, and nothing otherwise', async () => {
    const notices: string[] = []
    const telling = (derived: DerivedTablesByCollection) =>
      getRxStorageSqlite({
        directory: temp.directory,
        driver: TEST_SQLITE_DRIVER,
        derived,
        onNotice: (line) => notices.push(line),
      })
    const first = await openItems(telling({ items: [countingTable('1').table] }), 'teamslot')
    await seedMany(first)
    await first.close()
    const same = await openItems(telling({ items: [countingTable('1').table] }), 'teamslot')
    await same.close()
    // An empty store and an unchanged table are built or kept in no time: nothing to say.
    expect(notices).toEqual([])

    const bumped = await openItems(telling({ items: [countingTable('2').table] }), 'teamslot')
    const live = 1_100 - Math.ceil(1_100 / 7)
    expect(notices).toEqual([
      expect.stringMatching(
        /^building item_ranks from the documents of "docs:items:0" in .*teamslot\.sqlite, once; this takes a while$/,
      ),
      expect.stringMatching(
        new RegExp(`^built item_ranks from ${live} documents of "docs:items:0" in \\d+\\.\\d s$`),
      ),
    ])
    await bumped.close()
  })

  it('builds a table added to an existing collection, drops one no longer declared', async () => {
    const first = await openWith({ items: [ITEM_TAGS_TABLE] })
    await seedMany(first.items)
    await first.items.close()

    const { items, reader } = await openWith({ items: [ITEM_NAMES_TABLE] })

    expectInStep(reader, [ITEM_NAMES_TABLE])
    expect(reader.all("SELECT name FROM sqlite_schema WHERE name = 'item_tags'")).toEqual([])
    expect(reader.all('SELECT name FROM derived_meta')).toEqual([{ name: 'item_names' }])
    await items.close()
  })

  it('rebuilds when the columns change under the same version', async () => {
    const first = await openWith({ items: [ITEM_TAGS_TABLE] })
    await seedMany(first.items)
    await first.items.close()
    const wider: DerivedTable = {
      ...ITEM_TAGS_TABLE,
      columns: { ...ITEM_TAGS_TABLE.columns, label: 'TEXT?' },
      rows: (doc) => ITEM_TAGS_TABLE.rows(doc).map((row) => ({ ...row, label: 'x' })),
    }

    const { items, reader } = await openWith({ items: [wider] })

    expectInStep(reader, [wider])
    await items.close()
  })

  it('keeps indexes as declared, the doc_id index included', async () => {
    const first = await openWith({ items: [ITEM_TAGS_TABLE] })
    await first.items.close()
    const reindexed: DerivedTable = { ...ITEM_TAGS_TABLE, indexes: [['weight'], ['doc_id', 'tag']] }

    const { items, reader } = await openWith({ items: [reindexed] })

    expect(
      reader.all(
        "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'item_tags' ORDER BY name",
      ),
    ).toEqual([
      { name: 'item_tags/doc_id' },
      { name: 'item_tags/doc_id,tag' },
      { name: 'item_tags/weight' },
    ])
    await items.close()
  })

  it('leaves nothing behind when rows() throws during a rebuild', async () => {
    const first = await openWith({ items: [ITEM_TAGS_TABLE] })
    await seedMany(first.items)
    await first.items.close()

    const failing = countingTable('1', ['n3'])
    await expect(openWith({ items: [ITEM_TAGS_TABLE, failing.table] })).rejects.toThrow(
      'rows refused n3',
    )

    const { items, reader } = await openWith({ items: [ITEM_TAGS_TABLE] })
    expect(reader.all('SELECT name FROM derived_meta')).toEqual([{ name: 'item_tags' }])
    expect(reader.all("SELECT name FROM sqlite_schema WHERE name = 'item_ranks'")).toEqual([])
    await items.close()
  })
})

describe('derived tables across schema versions', () => {
  it('follow the highest schema version opened; the older version no longer feeds them', async () => {
    const storage = testStorage(temp.directory, ITEM_DERIVED)
    const reader = testReader(storage)
    const v0 = await openItems(storage, 'teamslot', itemSchema({ version: 0 }))
    const old = newItem({ id: 'old', name: 'old' })
    await v0.bulkWrite([{ document: old }], 'test')
    expectInStep(reader, undefined, DOCS_V0)

    const v1 = await openItems(storage, 'teamslot', itemSchema({ version: 1 }))
    expect(tags(reader)).toEqual([])
    await v1.bulkWrite([{ document: newItem({ id: 'new', name: 'new' }) }], 'test')
    await v0.bulkWrite([updateRow(old, { name: 'older' })], 'test')

    expectInStep(reader, undefined, DOCS_V1)
    expect(reader.all('SELECT DISTINCT doc_id FROM item_tags')).toEqual([{ doc_id: 'new' }])
    await Promise.all([v0.close(), v1.close()])

    // A later process opening only the old version does not take the tables back.
    const again = testStorage(temp.directory, ITEM_DERIVED)
    const v0Again = await openItems(again, 'teamslot', itemSchema({ version: 0 }))
    await v0Again.bulkWrite([{ document: newItem({ id: 'late', name: 'late' }) }], 'test')
    expect(testReader(again).all('SELECT DISTINCT doc_id FROM item_tags')).toEqual([
      { doc_id: 'new' },
    ])
    await v0Again.close()
  })

  it('follow an RxDB schema migration: the rows are those of the migrated documents', async () => {
    addRxPlugin(RxDBMigrationSchemaPlugin)
    const storage = testStorage(temp.directory, ITEM_DERIVED)
    const schema = (version: number) => ({
      version,
      type: 'object',
      primaryKey: 'id',
      properties: {
        id: { type: 'string', maxLength: 40 },
        name: { type: 'string', maxLength: 40 },
        rank: { type: 'number', minimum: 0, maximum: 1000, multipleOf: 0.01 },
        note: { type: 'string' },
        isDone: { type: 'boolean' },
      },
      required: ['id', 'name', 'rank', 'note', 'isDone'],
      indexes: ['name'],
    })
    const before = await createRxDatabase({ name: 'teamslot', storage, multiInstance: false })
    await before.addCollections({ items: { schema: schema(0) } })
    await before['items']!.bulkInsert(
      Array.from({ length: 700 }, (_, index) => ({
        id: `d${index}`,
        name: `n${index % 4}`,
        rank: index % 30,
        note: '',
        isDone: index % 3 === 0,
      })),
    )
    await before.destroy()

    const after = await createRxDatabase({ name: 'teamslot', storage, multiInstance: false })
    await after.addCollections({
      items: {
        schema: schema(1),
        migrationStrategies: { 1: (doc: ItemDoc) => ({ ...doc, name: doc.name.toUpperCase() }) },
      },
    })
    const reader = testReader(storage)

    expectInStep(reader, undefined, DOCS_V1)
    expect(reader.all('SELECT DISTINCT name FROM item_names ORDER BY name')).toEqual(
      ['N0', 'N1', 'N2', 'N3'].map((name) => ({ name })),
    )
    expect(reader.get('SELECT count(*) AS n FROM item_tags')).toEqual({ n: 2 * (700 - 234) })
    expect(reader.all("SELECT name FROM sqlite_schema WHERE name = 'docs:items:0'")).toEqual([])
    expect(reader.all('SELECT collection, schema_version FROM derived_meta')).toEqual([
      { collection: 'items', schema_version: 1 },
      { collection: 'items', schema_version: 1 },
    ])
    await after.destroy()
  })

  it('drops them with the collection whose version feeds them; the file then goes away', async () => {
    const storage = testStorage(temp.directory, ITEM_DERIVED)
    const items = await openItems(storage)
    await items.bulkWrite([{ document: newItem({ id: 'a' }) }], 'test')

    await items.remove()

    expect(existsSync(sqliteFilePath(temp.directory, 'teamslot'))).toBe(false)
  })
})

describe('derived table declarations', () => {
  it.each([
    ['a bad table name', { items: [{ ...ITEM_TAGS_TABLE, name: 'Tags' }] }, 'must match'],
    ['the meta table name', { items: [{ ...ITEM_TAGS_TABLE, name: 'derived_meta' }] }, 'reserved'],
    [
      'a name used twice',
      { items: [ITEM_TAGS_TABLE], other: [ITEM_TAGS_TABLE] },
      'already used by a derived table of items',
    ],
    [
      'a reserved column',
      { items: [{ ...ITEM_TAGS_TABLE, columns: { doc_id: 'TEXT' } }] },
      'column name "doc_id" is not allowed',
    ],
    [
      'an index on an unknown column',
      { items: [{ ...ITEM_TAGS_TABLE, indexes: [['nope']] }] },
      'index column nope is not a column',
    ],
  ] satisfies [string, DerivedTablesByCollection, string][])(
    'refuses %s',
    (_title, derived, message) => {
      expect(() => getRxStorageSqlite({ directory: temp.directory, derived })).toThrow(message)
    },
  )

  it('refuses a second storage with other derived tables on a database open in this process', async () => {
    const items = await openItems(testStorage(temp.directory, ITEM_DERIVED))

    await expect(
      openItems(testStorage(temp.directory, { items: [ITEM_TAGS_TABLE] })),
    ).rejects.toThrow('already open in this process with other derived tables')
    await items.close()
  })
})

describe('the derived reader', () => {
  it.each([
    ['INSERT INTO item_tags VALUES (?, ?, ?)', 'only SELECT'],
    ["UPDATE item_tags SET tag = 'x'", 'only SELECT'],
    ['DELETE FROM item_tags', 'only SELECT'],
    ['DROP TABLE item_tags', 'only SELECT'],
    ['PRAGMA query_only = 0', 'only SELECT'],
    ["ATTACH DATABASE ':memory:' AS other", 'only SELECT'],
    ['BEGIN', 'only SELECT'],
    ['/* SELECT */ DELETE FROM item_tags', 'only SELECT'],
    ['WITH doomed AS (SELECT 1) DELETE FROM item_tags', 'would write'],
    ['SELECT 1; DELETE FROM item_tags', 'one statement only'],
    ["SELECT ';' AS x; -- fine\n DELETE FROM item_tags", 'one statement only'],
  ])('refuses %s and changes nothing', async (sql, message) => {
    const { items, reader } = await openWith(ITEM_DERIVED)
    await items.bulkWrite([{ document: newItem({ id: 'a', name: 'a' }) }], 'test')

    expect(() => reader.all(sql, 'a', 'b', 1)).toThrow(message)
    expect(() => reader.get(sql)).toThrow(message)
    expect(() => reader.iterate(sql)).toThrow(message)

    expect(tags(reader)).toHaveLength(2)
    expectInStep(reader)
    await items.close()
  })

  it('runs SELECT and WITH statements, with a trailing semicolon and comments', async () => {
    const { items, reader } = await openWith(ITEM_DERIVED)
    await items.bulkWrite([{ document: newItem({ id: 'a', name: 'a;b', rank: 3 }) }], 'test')

    expect(reader.get("SELECT tag FROM item_tags WHERE tag = 'a;b'; -- done")).toEqual({
      tag: 'a;b',
    })
    expect(
      reader.all('WITH t AS (SELECT weight FROM item_tags) SELECT sum(weight) AS s FROM t /* x */'),
    ).toEqual([{ s: 4 }])
    await items.close()
  })

  it('iterates rows; while an iteration is open the storage refuses to work, afterwards it works', async () => {
    const { items, reader } = await openWith(ITEM_DERIVED)
    await items.bulkWrite(
      ['a', 'b', 'c'].map((id) => ({ document: newItem({ id, name: id }) })),
      'test',
    )

    const iterator = reader.iterate('SELECT doc_id FROM item_names ORDER BY doc_id')
    expect(iterator.next().value).toEqual({ doc_id: 'a' })
    await expect(items.findDocumentsById(['a'], false)).rejects.toThrow('iterate() is still open')
    expect(() => reader.all('SELECT 1 AS one')).toThrow('iterate() is still open')
    expect([...iterator]).toEqual([{ doc_id: 'b' }, { doc_id: 'c' }])

    for (const row of reader.iterate('SELECT doc_id FROM item_names ORDER BY doc_id')) {
      expect(row).toEqual({ doc_id: 'a' })
      break
    }
    expect(await items.findDocumentsById(['a'], false)).toHaveLength(1)
    await items.close()
  })

  it('works only while the database is open', async () => {
    const storage = testStorage(temp.directory, ITEM_DERIVED)
    const reader = testReader(storage)
    expect(() => reader.all('SELECT 1 AS one')).toThrow('is not open in this process')
    const items = await openItems(storage)
    expect(reader.all('SELECT 1 AS one')).toEqual([{ one: 1 }])
    await items.close()
    expect(() => reader.get('SELECT 1 AS one')).toThrow('is not open in this process')
  })
})
