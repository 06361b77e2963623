import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RxDocumentData, RxStorageDefaultCheckpoint } from 'rxdb'
import { getChangedDocumentsSince, randomCouchString } from 'rxdb'
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory'
import type { ItemDoc, ItemInstance } from './storage-test-support'
import {
  newItem,
  openItems,
  prepareItemQuery,
  tempDirectory,
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

/** JavaScript's own string order (UTF-16 code units), the order RxDB's indexes use. */
function jsCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

async function pageAll(items: ItemInstance, limit: number) {
  const seen: { id: string; lwt: number }[] = []
  const checkpoints: RxStorageDefaultCheckpoint[] = []
  let checkpoint: RxStorageDefaultCheckpoint | undefined
  for (;;) {
    const page: { documents: RxDocumentData<ItemDoc>[]; checkpoint: RxStorageDefaultCheckpoint } =
      await getChangedDocumentsSince(items, limit, checkpoint)
    if (page.documents.length === 0) {
      return { seen, checkpoints, last: checkpoint }
    }
    seen.push(...page.documents.map((doc) => ({ id: doc.id, lwt: doc._meta.lwt })))
    checkpoints.push(page.checkpoint)
    checkpoint = page.checkpoint
  }
}

const LWT = 1_700_000_000_000
/** Ids that sort differently in JavaScript and in SQLite TEXT (UTF-8): emoji vs U+FF21. */
const ID_EMOJI = 'x\u{1F600}'
const ID_FULLWIDTH = 'x\uFF21'

describe('getChangedDocumentsSince', () => {
  it('pages by (lwt, id) with equal-lwt ties, exact decimals and JS id order', async () => {
    const items = await openItems(testStorage(temp.directory))
    const writes: [string, number][] = [
      ['c', LWT + 0.26],
      [ID_FULLWIDTH, LWT + 0.25],
      ['b', LWT + 0.25],
      [ID_EMOJI, LWT + 0.25],
      ['a', LWT + 0.25],
      ['d', LWT + 0.01],
      ['e', LWT + 0.02],
    ]
    await items.bulkWrite(
      writes.map(([id, lwt]) => ({ document: newItem({ id }, lwt) })),
      'test',
    )

    const { seen, checkpoints } = await pageAll(items, 2)

    const expected = writes
      .map(([id, lwt]) => ({ id, lwt }))
      .sort((x, y) => x.lwt - y.lwt || jsCompare(x.id, y.id))
    expect(seen).toEqual(expected)
    expect(expected.map((row) => row.id)).toEqual(['d', 'e', 'a', 'b', ID_EMOJI, ID_FULLWIDTH, 'c'])
    expect(checkpoints).toEqual([
      { id: 'e', lwt: LWT + 0.02 },
      { id: 'b', lwt: LWT + 0.25 },
      { id: ID_FULLWIDTH, lwt: LWT + 0.25 },
      { id: 'c', lwt: LWT + 0.26 },
    ])
    await items.close()
  })

  it('returns an updated document again after the last checkpoint, and only it', async () => {
    const items = await openItems(testStorage(temp.directory))
    const docs = ['a', 'b', 'c'].map((id) => newItem({ id }, LWT + 0.5))
    await items.bulkWrite(
      docs.map((document) => ({ document })),
      'test',
    )
    const { last } = await pageAll(items, 10)
    await items.bulkWrite([updateRow(docs[0] ?? docs[1]!, { _meta: { lwt: LWT + 0.51 } })], 'test')

    const next = await items.getChangedDocumentsSince?.(10, last)

    expect(next?.documents.map((doc) => doc.id)).toEqual(['a'])
    expect(next?.checkpoint).toEqual({ id: 'a', lwt: LWT + 0.51 })
    await items.close()
  })
})

describe('getChangedDocumentsSince over many pages', () => {
  it('returns the same pages and checkpoints as the memory storage, updates included', async () => {
    const sqlite = await openItems(testStorage(temp.directory))
    const memory = await openItems(getRxStorageMemory(), randomCouchString(10))
    // 1,000 documents over 37 distinct lwts (long equal-lwt runs), then 100 of them updated.
    const docs = Array.from({ length: 1_000 }, (_, index) =>
      newItem({ id: `i${(index * 7919) % 1_000}` }, LWT + (index % 37) / 100),
    )
    const updates = docs
      .filter((_, index) => index % 10 === 3)
      .map((doc, index) => updateRow(doc, { _meta: { lwt: LWT + (index % 5) / 100 + 0.2 } }))
    for (const items of [sqlite, memory]) {
      await items.bulkWrite(
        docs.map((document) => ({ document })),
        'test',
      )
      await items.bulkWrite(updates, 'test')
    }

    const fromSqlite = await pageAll(sqlite, 64)
    const fromMemory = await pageAll(memory, 64)

    expect(fromSqlite.seen).toHaveLength(1_000)
    expect(fromSqlite).toEqual(fromMemory)
    await Promise.all([sqlite.close(), memory.close()])
  })
})

describe('indexed string order', () => {
  const names = ['a', 'z', 'é', '\uE000', '\uFF21', '😀', '𝄞', '😀😀', 'zz', '\uFFFD', 'ab']

  it('range queries over emoji and high-BMP names match JavaScript order and the memory storage', async () => {
    const sqlite = await openItems(testStorage(temp.directory))
    const memory = await openItems(getRxStorageMemory(), randomCouchString(10))
    const docs = names.map((name, index) => newItem({ id: `n${index}`, name }))
    for (const items of [sqlite, memory]) {
      await items.bulkWrite(
        docs.map((document) => ({ document })),
        'test',
      )
    }
    const ranges: Record<string, string>[] = [
      { $gt: '\uE000' },
      { $gte: '😀' },
      { $lt: '\uFF21' },
      { $gt: 'z', $lte: '𝄞' },
      { $gte: '\uD83D', $lt: '\uFF00' },
    ]
    for (const range of ranges) {
      const query = prepareItemQuery({
        selector: { _deleted: { $eq: false }, name: range },
        sort: [{ name: 'asc' }],
      })
      expect(query.queryPlan.index).toContain('name')
      expect(query.queryPlan.selectorSatisfiedByIndex).toBe(true)
      const inRange = (name: string) =>
        Object.entries(range).every(([op, bound]) => {
          const order = jsCompare(name, bound)
          return op === '$gt'
            ? order > 0
            : op === '$gte'
              ? order >= 0
              : op === '$lt'
                ? order < 0
                : order <= 0
        })
      const expected = names.filter(inRange).sort(jsCompare)

      const fromSqlite = (await sqlite.query(query)).documents.map((doc) => doc.name)
      const fromMemory = (await memory.query(query)).documents.map((doc) => doc.name)

      expect(fromSqlite).toEqual(expected)
      expect(fromSqlite).toEqual(fromMemory)
      expect((await sqlite.count(query)).count).toBe(expected.length)
    }
    await Promise.all([sqlite.close(), memory.close()])
  })
})

describe('range bounds', () => {
  const cases: [string, Record<string, string>, string[]][] = [
    ['$gt excludes the bound', { $gt: 'b' }, ['c']],
    ['$gte includes the bound', { $gte: 'b' }, ['b', 'c']],
    ['$lt excludes the bound', { $lt: 'b' }, ['a']],
    ['$lte includes the bound', { $lte: 'b' }, ['a', 'b']],
    ['$eq hits exactly', { $eq: 'b' }, ['b']],
  ]
  it.each(cases)('%s on the last field of a satisfying index', async (_title, range, expected) => {
    const items = await openItems(testStorage(temp.directory))
    await items.bulkWrite(
      ['a', 'b', 'c'].map((id) => ({ document: newItem({ id, isDone: true }) })),
      'test',
    )
    const query = prepareItemQuery({
      selector: { _deleted: { $eq: false }, isDone: true, id: range },
    })
    expect(query.queryPlan.index).toEqual(['_deleted', 'isDone', 'id'])
    expect(query.queryPlan.selectorSatisfiedByIndex).toBe(true)

    expect((await items.query(query)).documents.map((doc) => doc.id)).toEqual(expected)
    expect(await items.count(query)).toEqual({ count: expected.length, mode: 'fast' })
    await items.close()
  })
})

describe('forced index without a key column', () => {
  it('computes the keys in JavaScript and still honours range, order and limit', async () => {
    const items = await openItems(testStorage(temp.directory))
    const ranks = [5, 1, 3, 4, 2]
    await items.bulkWrite(
      ranks.map((rank, index) => ({ document: newItem({ id: `r${index}`, rank, name: 'same' }) })),
      'test',
    )
    const query = prepareItemQuery({
      selector: { _deleted: { $eq: false }, rank: { $gt: 1 } },
      sort: [{ rank: 'asc' }],
      index: ['_deleted', 'rank', 'name', 'id'],
      limit: 3,
    })
    expect(query.queryPlan.index).toEqual(['_deleted', 'rank', 'name', 'id'])

    const found = await items.query(query)

    expect(found.documents.map((doc) => doc.rank)).toEqual([2, 3, 4])
    await items.close()
  })
})
