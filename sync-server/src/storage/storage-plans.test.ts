import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RxDocumentData } from 'rxdb'
import type { SqliteConnection, SqliteDriver, SqliteValue } from './index'
import { getRxStorageSqlite, sqliteResolveDriver } from './index'
import type { ItemDoc, ItemInstance } from './storage-test-support'
import {
  ITEM_DERIVED,
  ITEM_TAGS_TABLE,
  newItem,
  openItems,
  prepareItemQuery,
  TEST_SQLITE_DRIVER,
  tempDirectory,
  updateRow,
} from './storage-test-support'

let temp: ReturnType<typeof tempDirectory>
beforeEach(() => {
  temp = tempDirectory()
})
afterEach(() => {
  temp.remove()
})

/** More than two scan pages (500 rows each), so keyset continuation pages run too. */
const DOC_COUNT = 1_200
const LWT = 1_700_000_000_000

interface Prepared {
  readonly sql: string
  /** Parameters of the statement's first execution; undefined while it never ran. */
  params: readonly SqliteValue[] | undefined
}

/**
 * The driver under test, wrapped to record every statement the storage prepares with the
 * parameters of its first run, and to keep the raw connection for `EXPLAIN QUERY PLAN`.
 */
async function recordingDriver() {
  const base = await sqliteResolveDriver(TEST_SQLITE_DRIVER)
  const prepared: Prepared[] = []
  const connections: SqliteConnection[] = []
  const driver: SqliteDriver = {
    name: 'recording',
    open(path) {
      const connection = base.open(path)
      connections.push(connection)
      return {
        ...connection,
        prepare(sql) {
          const entry: Prepared = { sql, params: undefined }
          prepared.push(entry)
          const statement = connection.prepare(sql)
          const ran = (params: readonly SqliteValue[]) => {
            entry.params ??= params
          }
          return {
            ...statement,
            run: (...params) => (ran(params), statement.run(...params)),
            get: (...params) => (ran(params), statement.get(...params)),
            all: (...params) => (ran(params), statement.all(...params)),
          }
        },
      }
    },
  }
  /** The query plan lines of every statement first prepared and run while `operation` ran. */
  async function plansOf(operation: () => Promise<unknown>): Promise<string[][]> {
    const from = prepared.length
    await operation()
    return plansSince(from)
  }
  /** The query plan lines of every statement prepared (and run) from the `from`-th on. */
  function plansSince(from: number): string[][] {
    const connection = connections.at(-1)
    if (!connection) throw new Error('no connection opened')
    return prepared.slice(from).flatMap(({ sql, params }) =>
      params === undefined
        ? []
        : [
            connection
              .prepare('EXPLAIN QUERY PLAN ' + sql)
              .all(...params)
              .map((row) => String(row['detail'])),
          ],
    )
  }
  return { driver, plansOf, plansSince }
}

/** Seeds DOC_COUNT documents (every 10th deleted), spread over ranks and lwts. */
async function seeded(items: ItemInstance): Promise<RxDocumentData<ItemDoc>[]> {
  const docs = Array.from({ length: DOC_COUNT }, (_, index) => ({
    ...newItem(
      { id: `d${String(index).padStart(5, '0')}`, rank: index % 100, name: `n${index % 7}` },
      LWT + index / 100,
    ),
    _deleted: index % 10 === 0,
  }))
  await items.bulkWrite(
    docs.map((document) => ({ document })),
    'seed',
  )
  return docs
}

/** Every plan line that reads the documents table. */
function docsLines(plans: readonly (readonly string[])[]): string[] {
  return plans.flat().filter((line) => line.includes('docs:items:0'))
}

describe('query plans of the hot paths (no full scan of the documents table)', () => {
  it('range queries page by keyset on the (key, id) index', async () => {
    const { driver, plansOf } = await recordingDriver()
    const items = await openItems(getRxStorageSqlite({ directory: temp.directory, driver }))
    await seeded(items)
    const query = prepareItemQuery({
      selector: { _deleted: { $eq: false }, rank: { $gte: 10 } },
      sort: [{ rank: 'asc' }],
    })
    expect(query.queryPlan.index).toEqual(['_deleted', 'rank', 'id'])

    let found = 0
    const plans = await plansOf(async () => {
      found = (await items.query(query)).documents.length
    })

    expect(found).toBe(972)
    const lines = docsLines(plans)
    // The first page and at least one continuation page ran.
    expect(plans).toHaveLength(2)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^SEARCH docs:items:0 USING INDEX docs:items:0\/ik:_deleted,rank,id /)
    expect(lines[1]).toMatch(
      /^SEARCH docs:items:0 USING INDEX docs:items:0\/ik:_deleted,rank,id \(\(ik:_deleted,rank,id,id\)>\(\?,\?\) AND /,
    )
    await items.close()
  })

  it('reads by id through the primary key, with and without deleted documents', async () => {
    const { driver, plansOf } = await recordingDriver()
    const items = await openItems(getRxStorageSqlite({ directory: temp.directory, driver }))
    const docs = await seeded(items)
    const ids = docs.slice(0, 20).map((doc) => doc.id)

    const live = await plansOf(() => items.findDocumentsById(ids, false))
    // withDeleted = true is the statement bulkWrite's conflict check uses; prepared at seeding.
    const all = await plansOf(async () => {
      await items.findDocumentsById(ids, true)
    })

    expect(docsLines(live)).toEqual([
      expect.stringMatching(
        /^SEARCH docs:items:0 USING INDEX sqlite_autoindex_docs:items:0_1 \(id=\?\)$/,
      ),
    ])
    expect(all).toEqual([])
    await items.close()
  })

  it('bulkWrite reads the stored revisions through the primary key', async () => {
    const { driver, plansOf } = await recordingDriver()
    const items = await openItems(getRxStorageSqlite({ directory: temp.directory, driver }))
    const plans = await plansOf(() => seeded(items))

    const reads = plans.filter((lines) => lines.some((line) => line.includes('json_each')))
    expect(reads).toHaveLength(1)
    expect(docsLines(reads)).toEqual([
      expect.stringMatching(
        /^SEARCH docs:items:0 USING INDEX sqlite_autoindex_docs:items:0_1 \(id=\?\)$/,
      ),
    ])
    await items.close()
  })

  it('getChangedDocumentsSince starts the (lwt, key) index range at the checkpoint', async () => {
    const { driver, plansOf } = await recordingDriver()
    const items = await openItems(getRxStorageSqlite({ directory: temp.directory, driver }))
    await seeded(items)

    const plans = await plansOf(() =>
      items.getChangedDocumentsSince!(200, { id: 'd00600', lwt: LWT + 6 }),
    )

    expect(docsLines(plans)).toEqual([
      expect.stringMatching(
        /^SEARCH docs:items:0 USING INDEX docs:items:0\/lwt \(\(lwt,ik:_meta\.lwt,id\)>\(\?,\?\)\)$/,
      ),
    ])
    await items.close()
  })

  it('counts over the key range of a covering index, and cleanup uses the deleted index', async () => {
    const { driver, plansOf } = await recordingDriver()
    const items = await openItems(getRxStorageSqlite({ directory: temp.directory, driver }))
    const docs = await seeded(items)
    await items.bulkWrite([updateRow(docs[1]!, { _deleted: true })], 'test')

    const counted = await plansOf(() =>
      items.count(prepareItemQuery({ selector: { _deleted: { $eq: false }, rank: { $lt: 5 } } })),
    )
    const cleaned = await plansOf(() => items.cleanup(0))

    expect(docsLines(counted)).toEqual([
      expect.stringMatching(
        /^SEARCH docs:items:0 USING COVERING INDEX docs:items:0\/ik:_deleted,rank,id /,
      ),
    ])
    expect(docsLines(cleaned)).toEqual([
      expect.stringMatching(
        /^SEARCH docs:items:0 USING INDEX docs:items:0\/deleted \(deleted=\? AND lwt<\?\)$/,
      ),
    ])
    await items.close()
  })

  it('reopening looks for rows with an empty key through each key index, never a scan', async () => {
    const { driver, plansOf } = await recordingDriver()
    const first = await openItems(getRxStorageSqlite({ directory: temp.directory, driver }))
    await seeded(first)
    await first.close()
    let reopened: ItemInstance | undefined
    const plans = await plansOf(async () => {
      reopened = await openItems(getRxStorageSqlite({ directory: temp.directory, driver }))
    })

    const lines = docsLines(plans)
    expect(lines.filter((line) => line.startsWith('SCAN'))).toEqual([])
    expect(lines.filter((line) => /ik:.*=\?\)$/.test(line)).sort()).toEqual(
      [
        '_deleted,_meta.lwt,id',
        '_deleted,isDone,id',
        '_deleted,name,id',
        '_deleted,rank,id',
        '_meta.lwt,id',
      ].map(
        (fields) => `SEARCH docs:items:0 USING INDEX docs:items:0/ik:${fields} (ik:${fields}=?)`,
      ),
    )
    await reopened?.close()
  })

  it('derived rows are replaced through the doc_id index, and a rebuild pages by rowid', async () => {
    const { driver, plansOf, plansSince } = await recordingDriver()
    const directory = temp.directory
    const first = await openItems(getRxStorageSqlite({ directory, driver, derived: ITEM_DERIVED }))
    const docs = await seeded(first)
    await first.bulkWrite(
      docs.slice(1, 40).map((doc) => updateRow(doc, { name: 'renamed' })),
      'test',
    )
    const written = plansSince(0)
    await first.close()
    const bumped = { items: [{ ...ITEM_TAGS_TABLE, version: '2' }] }
    let reopened: ItemInstance | undefined
    const rebuilt = await plansOf(async () => {
      reopened = await openItems(getRxStorageSqlite({ directory, driver, derived: bumped }))
    })

    const derivedLines = written.flat().filter((line) => /item_(tags|names)/.test(line))
    expect(derivedLines).toEqual([
      'SEARCH item_names USING INDEX item_names/doc_id (doc_id=?)',
      'SEARCH item_tags USING INDEX item_tags/doc_id (doc_id=?)',
    ])
    expect(docsLines(rebuilt)).toContain('SEARCH docs:items:0 USING INTEGER PRIMARY KEY (rowid>?)')
    expect(docsLines([...written, ...rebuilt]).filter((line) => line.startsWith('SCAN'))).toEqual(
      [],
    )
    await reopened?.close()
  })
})
