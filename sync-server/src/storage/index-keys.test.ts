import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { RxDocumentData } from 'rxdb'
import { getChangedDocumentsSince, getIndexableStringMonad } from 'rxdb'
import { sqliteResolveDriver } from './driver'
import { getRxStorageSqlite } from './index'
import { indexKeyToBlob } from './index-keys'
import { sqliteFilePath } from './sqlite-file'
import type { ItemDoc } from './storage-test-support'
import {
  itemSchema,
  newItem,
  openItems,
  prepareItemQuery,
  tempDirectory,
  TEST_SQLITE_DRIVER,
} from './storage-test-support'

/** JavaScript's string order (UTF-16 code units), the order RxDB's index strings use. */
function jsCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function keyCompare(a: string, b: string): number {
  return Math.sign(Buffer.compare(indexKeyToBlob(a), indexKeyToBlob(b)))
}

/**
 * Code units around every boundary of the encoding: the space and its neighbours, the ends of the
 * 1-, 2- and 3-byte ranges, surrogates (lone ones included) and the largest unit (RxDB's
 * upper-bound character).
 */
const EDGE_UNITS = [
  0x00, 0x01, 0x09, 0x1f, 0x20, 0x21, 0x22, 0x30, 0x61, 0x7e, 0x7f, 0x80, 0xff, 0x100, 0x3fff,
  0x4000, 0xd83d, 0xde00, 0xfeff, 0xffff,
]
const unitArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0x20) },
  { weight: 4, arbitrary: fc.constantFrom(...EDGE_UNITS) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }) },
)
const indexStringArb = fc
  .array(unitArb, { maxLength: 24 })
  .map((units) => String.fromCharCode(...units))

describe('indexKeyToBlob: compact keys in string order', () => {
  it('orders keys as JavaScript orders the strings, and equal only for equal strings', () => {
    fc.assert(
      fc.property(indexStringArb, indexStringArb, (a, b) => {
        expect(keyCompare(a, b)).toBe(jsCompare(a, b))
      }),
      { numRuns: 20_000 },
    )
  })

  it('keeps the order of strings that differ only after a common prefix of spaces', () => {
    // Pairs chosen so that each rule of the space-run codeword decides one of them.
    const cases = [
      '',
      ' ',
      '  ',
      '  \u0000',
      ' \u0001',
      ' \u001f',
      ' \u001f ',
      '   x',
      '  x',
      ' x',
      ' x ',
      ' \uffff',
      '!',
      'a  b',
      'a b',
      'a\u0080',
      'a\u3fff',
      'a\u4000',
      'a\uffff',
    ]
    const ordered = [...cases].sort(jsCompare)
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect(keyCompare(ordered[i] ?? '', ordered[j] ?? ''), `${i} vs ${j}`).toBe(
          Math.sign(i - j),
        )
      }
    }
  })

  it('stores a padded index string in a few bytes instead of two per character', () => {
    const schema = itemSchema()
    const indexString = getIndexableStringMonad(schema, ['_deleted', 'name', 'id'])(
      newItem({ id: 'bk-1', name: 'Ann' }),
    )
    // RxDB pads each string field to its maxLength (40 here).
    expect(indexString.length).toBe(81)
    expect(indexKeyToBlob(indexString).length).toBeLessThanOrEqual(16)
  })
})

describe('a store written before the compact keys', () => {
  let temp: ReturnType<typeof tempDirectory>
  beforeEach(() => {
    temp = tempDirectory()
  })
  afterEach(() => {
    temp.remove()
  })

  /**
   * Turns the items table back into the layout of earlier versions: `ix:` key columns of UTF-16BE
   * keys and their indexes, no `ik:` columns.
   */
  async function rewriteAsEarlierLayout(directory: string): Promise<void> {
    const schema = itemSchema()
    const driver = await sqliteResolveDriver(TEST_SQLITE_DRIVER)
    const connection = driver.open(sqliteFilePath(directory, 'teamslot'))
    const table = '"docs:items:0"'
    const columns = connection
      .prepare('SELECT name FROM pragma_table_info(?)')
      .all('docs:items:0')
      .map((row) => String(row['name']))
      .filter((name) => name.startsWith('ik:'))
    const rows = connection.prepare(`SELECT rowid AS r, data FROM ${table}`).all()
    connection.exec('BEGIN')
    for (const index of connection
      .prepare('SELECT name FROM pragma_index_list(?)')
      .all('docs:items:0')) {
      const name = String(index['name'])
      if (!name.startsWith('sqlite_autoindex')) connection.exec(`DROP INDEX "${name}"`)
    }
    for (const column of columns) {
      const old = 'ix:' + column.slice('ik:'.length)
      const toString = getIndexableStringMonad(schema, old.slice('ix:'.length).split(','))
      connection.exec(`ALTER TABLE ${table} ADD COLUMN "${old}" BLOB`)
      const update = connection.prepare(`UPDATE ${table} SET "${old}" = ? WHERE rowid = ?`)
      for (const row of rows) {
        const doc = JSON.parse(String(row['data'])) as RxDocumentData<ItemDoc>
        update.run(Buffer.from(toString(doc), 'utf16le').swap16(), Number(row['r']))
      }
      connection.exec(`CREATE INDEX "docs:items:0/${old}" ON ${table} ("${old}", id)`)
      connection.exec(`ALTER TABLE ${table} DROP COLUMN "${column}"`)
    }
    connection.exec(`CREATE INDEX "docs:items:0/lwt" ON ${table} (lwt, "ix:_meta.lwt,id")`)
    connection.exec(`CREATE INDEX "docs:items:0/deleted" ON ${table} (deleted, lwt)`)
    connection.exec('COMMIT')
    connection.close()
  }

  /** The items table's column names, and its indexes' columns as `index: column` lines. */
  async function layoutOf(directory: string) {
    const driver = await sqliteResolveDriver(TEST_SQLITE_DRIVER)
    const connection = driver.open(sqliteFilePath(directory, 'teamslot'))
    const columns = connection
      .prepare('SELECT name FROM pragma_table_info(?)')
      .all('docs:items:0')
      .map((row) => String(row['name']))
    const indexed = connection
      .prepare(
        'SELECT i.name AS i, c.name AS c FROM pragma_index_list(?) AS i, pragma_index_info(i.name) AS c',
      )
      .all('docs:items:0')
      .map((row) => `${String(row['i'])}: ${String(row['c'])}`)
    connection.close()
    return { columns, indexed }
  }

  it('gets compact key columns on open, the old ones dropped, and answers queries as before', async () => {
    const names = ['Zoë', 'ann', 'Ann', 'ann b', 'ann  b', 'x\u{1F600}', 'x\uFF21', '', ' lead']
    const docs = Array.from({ length: 60 }, (_, i) =>
      newItem(
        {
          id: `d${String(i).padStart(3, '0')}`,
          name: names[i % names.length] ?? '',
          rank: (i * 37) % 101,
        },
        1_700_000_000_000 + i * 0.25,
      ),
    )
    const notices: string[] = []
    const storageTelling = () =>
      getRxStorageSqlite({
        directory: temp.directory,
        driver: TEST_SQLITE_DRIVER,
        onNotice: (line) => notices.push(line),
      })
    const first = await openItems(storageTelling())
    await first.bulkWrite(
      docs.map((document) => ({ document })),
      'seed',
    )
    await first.close()
    await rewriteAsEarlierLayout(temp.directory)
    const before = await layoutOf(temp.directory)
    expect(before.columns.filter((name) => name.startsWith('ix:'))).toHaveLength(5)
    expect(before.columns.filter((name) => name.startsWith('ik:'))).toEqual([])

    // A new table said nothing; the upgrade says when it starts and when it is done.
    expect(notices).toEqual([])
    const items = await openItems(storageTelling())
    expect(notices).toEqual([
      expect.stringMatching(
        /^rewriting the index keys of "docs:items:0" \(60 documents\) in .*teamslot\.sqlite, once/,
      ),
      expect.stringMatching(
        /^rewrote the index keys of "docs:items:0" \(60 documents\) .* in \d+\.\d s$/,
      ),
    ])
    const byName = await items.query(
      prepareItemQuery({
        selector: { _deleted: { $eq: false }, name: { $gte: 'ann' } },
        sort: [{ name: 'asc' }, { id: 'asc' }],
      }),
    )
    const byRank = await items.query(
      prepareItemQuery({
        selector: { _deleted: { $eq: false }, rank: { $gt: 20, $lte: 80 } },
        sort: [{ rank: 'asc' }, { id: 'asc' }],
      }),
    )
    const changed = await getChangedDocumentsSince(items, 1000)
    await items.close()

    // Opened again: nothing left to rewrite, nothing said.
    await (await openItems(storageTelling())).close()
    expect(notices).toHaveLength(2)
    const after = await layoutOf(temp.directory)
    expect(after.columns.filter((name) => name.startsWith('ix:'))).toEqual([])
    expect(after.columns.filter((name) => name.startsWith('ik:')).sort()).toEqual(
      before.columns
        .filter((name) => name.startsWith('ix:'))
        .map((name) => 'ik:' + name.slice('ix:'.length))
        .sort(),
    )
    expect(after.indexed.filter((line) => line.includes('ix:'))).toEqual([])
    expect(after.indexed).toContain('docs:items:0/lwt: ik:_meta.lwt,id')
    const sorted = (
      keep: (doc: RxDocumentData<ItemDoc>) => boolean,
      key: (doc: ItemDoc) => string | number,
    ) =>
      docs
        .filter(keep)
        .sort((a, b) => {
          const x = key(a)
          const y = key(b)
          return x < y ? -1 : x > y ? 1 : jsCompare(a.id, b.id)
        })
        .map((doc) => doc.id)
    expect(byName.documents.map((doc) => doc.id)).toEqual(
      sorted(
        (doc) => doc.name >= 'ann',
        (doc) => doc.name,
      ),
    )
    expect(byRank.documents.map((doc) => doc.id)).toEqual(
      sorted(
        (doc) => doc.rank > 20 && doc.rank <= 80,
        (doc) => doc.rank,
      ),
    )
    expect(changed.documents.map((doc) => doc.id)).toEqual(docs.map((doc) => doc.id))
  })

  it('finds rows an earlier version wrote after a roll-back, once rolled forward again', async () => {
    const docs = ['d0', 'd1', 'd2', 'd3'].map((id, i) =>
      newItem({ id, name: `n${i}`, rank: i }, 1_700_000_000_000 + i),
    )
    const first = await openItems(
      getRxStorageSqlite({ directory: temp.directory, driver: TEST_SQLITE_DRIVER }),
    )
    await first.bulkWrite(
      docs.map((document) => ({ document })),
      'seed',
    )
    await first.close()
    // What the earlier version does on this table: adds its `ix:` columns back and writes rows
    // with those only, leaving the `ik:` keys of each row it writes empty.
    const written = (id: string, name: string, lwt: number) => ({
      ...newItem({ id, name, rank: 50 }, lwt),
    })
    const driver = await sqliteResolveDriver(TEST_SQLITE_DRIVER)
    const writeAsEarlierVersion = (
      rows: ReturnType<typeof written>[],
      isAddingColumns: boolean,
    ) => {
      const connection = driver.open(sqliteFilePath(temp.directory, 'teamslot'))
      if (isAddingColumns)
        connection.exec('ALTER TABLE "docs:items:0" ADD COLUMN "ix:_meta.lwt,id" BLOB')
      const insert = connection.prepare(
        'INSERT OR REPLACE INTO "docs:items:0" (id, data, deleted, lwt, rev) VALUES (?, ?, 0, ?, ?)',
      )
      for (const row of rows) insert.run(row.id, JSON.stringify(row), row._meta.lwt, row._rev)
      connection.close()
    }
    writeAsEarlierVersion(
      [written('d1', 'n1 again', 1_700_000_000_010), written('d9', 'n9', 1_700_000_000_011)],
      true,
    )

    const names = async () => {
      const items = await openItems(
        getRxStorageSqlite({ directory: temp.directory, driver: TEST_SQLITE_DRIVER }),
      )
      const byName = await items.query(
        prepareItemQuery({
          selector: { _deleted: { $eq: false }, name: { $gte: 'n' } },
          sort: [{ name: 'asc' }],
        }),
      )
      const changed = await getChangedDocumentsSince(items, 100)
      await items.close()
      return {
        byName: byName.documents.map((doc) => `${doc.id}:${doc.name}`),
        changed: changed.documents.map((doc) => doc.id),
      }
    }
    expect(await names()).toEqual({
      byName: ['d0:n0', 'd1:n1 again', 'd2:n2', 'd3:n3', 'd9:n9'],
      changed: ['d0', 'd2', 'd3', 'd1', 'd9'],
    })
    // Empty keys are found on every open, not only when earlier columns are dropped.
    writeAsEarlierVersion([written('d2', 'n2 again', 1_700_000_000_012)], false)
    expect(await names()).toEqual({
      byName: ['d0:n0', 'd1:n1 again', 'd2:n2 again', 'd3:n3', 'd9:n9'],
      changed: ['d0', 'd3', 'd1', 'd9', 'd2'],
    })
  })
})
