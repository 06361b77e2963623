import { existsSync, statSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventBulk, MangoQuerySelector, RxDocumentData, RxStorageChangeEvent } from 'rxdb'
import { normalizeMangoQuery, now, prepareQuery } from 'rxdb'
import type { SqliteDriver } from './index'
import { getRxStorageSqlite, sqliteFilePath, sqliteResolveDriver } from './index'
import { WAL_SIZE_LIMIT_BYTES } from './sqlite-file'
import type { ItemDoc } from './storage-test-support'
import {
  itemSchema,
  newItem,
  openItems,
  prepareItemQuery,
  TEST_SQLITE_DRIVER,
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

function itemQuery(selector: MangoQuerySelector<RxDocumentData<ItemDoc>>) {
  return prepareItemQuery({ selector })
}

/** The driver under test wrapped to log commits and optionally fail the next transaction. */
async function instrumentedDriver() {
  const base = await sqliteResolveDriver(TEST_SQLITE_DRIVER)
  const log: string[] = []
  const control = { isNextFailing: false }
  const driver: SqliteDriver = {
    name: 'instrumented',
    open(path) {
      const connection = base.open(path)
      return {
        ...connection,
        transaction: (fn) => {
          const result = connection.transaction(() => {
            const value = fn()
            if (control.isNextFailing) {
              control.isNextFailing = false
              throw new Error('simulated failure before commit')
            }
            return value
          })
          log.push('commit')
          return result
        },
      }
    },
  }
  return { driver, log, control }
}

describe('bulkWrite', () => {
  it('answers 409 with the stored document when a write carries a stale _rev', async () => {
    const items = await openItems(testStorage(temp.directory))
    const first = newItem({ id: 'a', name: 'first' })
    await items.bulkWrite([{ document: first }], 'test')
    const second = updateRow(first, { name: 'second' })
    expect((await items.bulkWrite([second], 'test')).error).toEqual([])

    const stale = updateRow(first, { name: 'stale' })
    const { error } = await items.bulkWrite([stale], 'test')

    expect(error).toHaveLength(1)
    const conflict = error[0]
    expect(conflict).toMatchObject({ status: 409, documentId: 'a', isError: true })
    expect(conflict?.status === 409 && conflict.documentInDb).toEqual(second.document)
    const [stored] = await items.findDocumentsById(['a'], false)
    expect(stored?.name).toBe('second')
    await items.close()
  })

  it('lets a deleted document be re-inserted only on top of its deleted revision', async () => {
    const items = await openItems(testStorage(temp.directory))
    const original = newItem({ id: 'a', name: 'original' })
    await items.bulkWrite([{ document: original }], 'test')
    const deletion = updateRow(original, { _deleted: true })
    await items.bulkWrite([deletion], 'test')

    const blind = await items.bulkWrite([{ document: newItem({ id: 'a', name: 'blind' }) }], 'test')
    expect(blind.error[0]?.status).toBe(409)

    const revival = updateRow(deletion.document, { _deleted: false, name: 'revived' })
    expect((await items.bulkWrite([revival], 'test')).error).toEqual([])
    const found = await items.query(itemQuery({ _deleted: { $eq: false } }))
    expect(found.documents.map((doc) => [doc.id, doc.name])).toEqual([['a', 'revived']])
    await items.close()
  })

  it('emits the event bulk only after the commit, with the newest row as checkpoint', async () => {
    const { driver, log } = await instrumentedDriver()
    const items = await openItems(getRxStorageSqlite({ directory: temp.directory, driver }))
    const bulks: EventBulk<RxStorageChangeEvent<ItemDoc>, unknown>[] = []
    items.changeStream().subscribe((bulk) => {
      log.push('event')
      bulks.push(bulk)
    })
    log.length = 0
    const b = newItem({ id: 'b' }, 1_700_000_000_000.5)
    const a = newItem({ id: 'a' }, 1_700_000_000_000.75)

    await items.bulkWrite([{ document: b }, { document: a }], 'ctx')

    expect(log).toEqual(['commit', 'event'])
    expect(bulks).toHaveLength(1)
    expect(bulks[0]?.context).toBe('ctx')
    expect(bulks[0]?.checkpoint).toEqual({ id: 'a', lwt: 1_700_000_000_000.75 })
    expect(bulks[0]?.events.map((event) => [event.documentId, event.operation])).toEqual([
      ['b', 'INSERT'],
      ['a', 'INSERT'],
    ])
    await items.close()
  })

  it('emits nothing and keeps nothing when the transaction fails', async () => {
    const { driver, control } = await instrumentedDriver()
    const items = await openItems(getRxStorageSqlite({ directory: temp.directory, driver }))
    let bulkCount = 0
    items.changeStream().subscribe(() => (bulkCount += 1))
    control.isNextFailing = true

    await expect(items.bulkWrite([{ document: newItem({ id: 'a' }) }], 'test')).rejects.toThrow(
      'simulated failure',
    )

    expect(bulkCount).toBe(0)
    expect(await items.findDocumentsById(['a'], true)).toEqual([])
    await items.close()
  })

  it('emits no event bulk when every row conflicts', async () => {
    const items = await openItems(testStorage(temp.directory))
    const doc = newItem({ id: 'a' })
    await items.bulkWrite([{ document: doc }], 'test')
    let bulkCount = 0
    items.changeStream().subscribe(() => (bulkCount += 1))

    const { error } = await items.bulkWrite([{ document: doc }], 'test')

    expect(error.map((e) => e.status)).toEqual([409])
    expect(bulkCount).toBe(0)
    await items.close()
  })
})

describe('persistence and files', () => {
  it('keeps documents, decimals of _meta.lwt included, across close and reopen', async () => {
    const before = await openItems(testStorage(temp.directory))
    const doc = newItem({ id: 'a', name: 'kept 🙂', rank: 12.34 }, 1_700_000_000_123.45)
    await before.bulkWrite([{ document: doc }], 'test')
    await before.close()

    const after = await openItems(testStorage(temp.directory))
    expect(await after.findDocumentsById(['a'], false)).toEqual([doc])
    await after.close()
  })

  it('fills the key column of an index added to an existing table, beyond one scan page', async () => {
    const before = await openItems(testStorage(temp.directory))
    const docs = Array.from({ length: 1_100 }, (_, index) =>
      newItem({ id: `d${index}`, note: `note-${index % 13}` }),
    )
    await before.bulkWrite(
      docs.map((document) => ({ document })),
      'test',
    )
    await before.close()
    // Same version, one more index (RxDB would refuse this schema change; the storage copes).
    const withNoteIndex = itemSchema({ isNoteIndexed: true })

    const after = await openItems(testStorage(temp.directory), 'teamslot', withNoteIndex)
    const query = prepareQuery<ItemDoc>(
      withNoteIndex,
      normalizeMangoQuery<RxDocumentData<ItemDoc>>(withNoteIndex, {
        selector: { _deleted: { $eq: false }, note: 'note-5' },
      }),
    )
    expect(query.queryPlan.index).toEqual(['_deleted', 'note', 'id'])
    const found = await after.query(query)

    const expected = docs.filter((doc) => doc.note === 'note-5').map((doc) => doc.id)
    expect(found.documents.map((doc) => doc.id).sort()).toEqual(expected.sort())
    expect(await after.count(query)).toEqual({ count: expected.length, mode: 'fast' })
    await after.close()
  })

  it('finds documents by id with and without deleted ones', async () => {
    const items = await openItems(testStorage(temp.directory))
    const gone = newItem({ id: 'gone' })
    await items.bulkWrite([{ document: gone }, { document: newItem({ id: 'here' }) }], 'test')
    await items.bulkWrite([updateRow(gone, { _deleted: true })], 'test')

    const live = await items.findDocumentsById(['gone', 'here', 'never'], false)
    const all = await items.findDocumentsById(['gone', 'here', 'never'], true)

    expect(live.map((doc) => doc.id)).toEqual(['here'])
    expect(all.map((doc) => doc.id).sort()).toEqual(['gone', 'here'])
    await items.close()
  })

  it('uses one file per database name and deletes it when its last collection is removed', async () => {
    const storage = testStorage(temp.directory)
    const one = await openItems(storage, 'one')
    const two = await openItems(storage, 'two/with spaces')
    await one.bulkWrite([{ document: newItem({ id: 'a' }) }], 'test')
    const twoPath = sqliteFilePath(temp.directory, 'two/with spaces')
    expect(existsSync(sqliteFilePath(temp.directory, 'one'))).toBe(true)
    expect(existsSync(twoPath)).toBe(true)

    await two.remove()
    await one.close()

    expect(existsSync(twoPath)).toBe(false)
    expect(existsSync(sqliteFilePath(temp.directory, 'one'))).toBe(true)
  })
})

describe('count and cleanup', () => {
  it('counts exactly: fast when the index satisfies the selector, slow otherwise', async () => {
    const items = await openItems(testStorage(temp.directory))
    const docs = [1, 2, 3, 4, 5].map((rank) =>
      newItem({ id: `d${rank}`, rank, note: rank > 3 ? 'late' : 'early' }),
    )
    await items.bulkWrite(
      docs.map((document) => ({ document })),
      'test',
    )
    await items.bulkWrite([updateRow(docs[0] ?? newItem({ id: 'x' }), { _deleted: true })], 'test')

    const byRank = await items.count(itemQuery({ _deleted: { $eq: false }, rank: { $gte: 2 } }))
    const byNote = await items.count(itemQuery({ _deleted: { $eq: false }, note: 'late' }))

    expect(byRank).toEqual({ count: 4, mode: 'fast' })
    expect(byNote).toEqual({ count: 2, mode: 'slow' })
    await items.close()
  })

  it('purges only deleted documents older than the minimum age', async () => {
    const items = await openItems(testStorage(temp.directory))
    const oldDeleted = newItem({ id: 'old-deleted' })
    const newDeleted = newItem({ id: 'new-deleted' })
    await items.bulkWrite(
      [oldDeleted, newDeleted, newItem({ id: 'old-live' })].map((document) => ({ document })),
      'test',
    )
    await items.bulkWrite(
      [
        updateRow(oldDeleted, { _deleted: true }),
        updateRow(newDeleted, { _deleted: true, _meta: { lwt: now() } }),
      ],
      'test',
    )

    expect(await items.cleanup(60_000)).toBe(true)

    const left = await items.findDocumentsById(['old-deleted', 'new-deleted', 'old-live'], true)
    expect(left.map((doc) => doc.id).sort()).toEqual(['new-deleted', 'old-live'])
    await items.close()
  })
})

describe('the WAL after a large transaction', () => {
  it('is cut back to the size limit once checkpointed, instead of keeping its disk space', async () => {
    const items = await openItems(testStorage(temp.directory))
    const wal = sqliteFilePath(temp.directory, 'teamslot') + '-wal'
    // One write larger than the limit (an import, an upgrade's rewrite): notes of 256 kB.
    const note = 'x'.repeat(256 * 1024)
    const count = Math.ceil((WAL_SIZE_LIMIT_BYTES * 1.25) / note.length)
    await items.bulkWrite(
      Array.from({ length: count }, (_, i) => ({
        document: newItem({ id: `big${String(i).padStart(4, '0')}`, note }),
      })),
      'large',
    )
    const grown = statSync(wal).size
    // The next write starts the checkpointed WAL again, and the limit truncates it.
    await items.bulkWrite([{ document: newItem({ id: 'small' }) }], 'small')
    const after = statSync(wal).size

    expect(grown).toBeGreaterThan(WAL_SIZE_LIMIT_BYTES)
    expect(after).toBeLessThanOrEqual(WAL_SIZE_LIMIT_BYTES)
    expect((await items.findDocumentsById(['big0000', 'small'], false)).length).toBe(2)
    await items.close()
  })
})
