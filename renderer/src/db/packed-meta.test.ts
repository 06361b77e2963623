import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { fillWithDefaultSettings, getRxReplicationMetaInstanceSchema } from 'rxdb'
import type { RxDocumentData, RxJsonSchema, RxStorage, RxStorageInstance } from 'rxdb'
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie'
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory'
import { afterEach, describe, expect, it } from 'vitest'
import { bookingSchema } from '../../../core/src/schema/collections'
import { dexieChangesSince } from './dexie-changes-since'
import {
  PAGE_DOCUMENTS,
  PAGES_BEFORE_REWRITE,
  REWRITE_SLACK_DOCUMENTS,
  packedLogName,
  packedReplicationMeta,
} from './packed-meta'

type Meta = {
  id: string
  itemId: string
  isCheckpoint: '0' | '1'
  docData?: Record<string, unknown>
  checkpointData?: Record<string, unknown>
}

const metaSchema = getRxReplicationMetaInstanceSchema(
  bookingSchema as unknown as RxJsonSchema<RxDocumentData<{ id: string }>>,
  false,
) as unknown as RxJsonSchema<RxDocumentData<unknown>>

let counter = 0
const open: RxStorageInstance<Meta, unknown, unknown>[] = []
afterEach(async () => {
  for (const instance of open.splice(0)) await instance.close().catch(() => undefined)
})

function storage(): RxStorage<unknown, unknown> {
  return packedReplicationMeta(getRxStorageMemory() as RxStorage<unknown, unknown>, indexedDB)
}

/** The desktop's Dexie storage without the wrapper (as before it). */
const dexie = () =>
  dexieChangesSince(
    getRxStorageDexie({ indexedDB, IDBKeyRange }) as unknown as RxStorage<unknown, unknown>,
  )

async function metaOpen(
  databaseName: string,
  collectionName = 'rx-replication-meta-test',
  on: RxStorage<unknown, unknown> = storage(),
): Promise<RxStorageInstance<Meta, unknown, unknown>> {
  const instance = (await on.createStorageInstance<unknown>({
    databaseName,
    collectionName,
    databaseInstanceToken: 'token',
    multiInstance: false,
    options: {},
    schema: metaSchema,
    devMode: false,
  })) as unknown as RxStorageInstance<Meta, unknown, unknown>
  open.push(instance)
  return instance
}

let lwt = 1
function meta(itemId: string, answers: string, deleted = false): RxDocumentData<Meta> {
  return {
    id: `${itemId}|0`,
    itemId,
    isCheckpoint: '0',
    docData: { id: itemId, answers },
    _deleted: deleted,
    _rev: `1-${answers}`,
    _meta: { lwt: lwt++ },
    _attachments: {},
  }
}

/** The pages stored in an instance's log, read with a connection of its own. */
async function storedPages(name: string): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name)
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  try {
    return await new Promise((resolve, reject) => {
      const request = db.transaction('pages', 'readonly').objectStore('pages').getAll()
      request.onsuccess = () => resolve(request.result as unknown[])
      request.onerror = () => reject(request.error)
    })
  } finally {
    db.close()
  }
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '')
}

const logName = (databaseName: string) =>
  packedLogName({ databaseName, collectionName: 'rx-replication-meta-test', schema: metaSchema })

describe('packed replication metadata', () => {
  it('passes every other instance to the wrapped storage', async () => {
    const inner = getRxStorageMemory() as RxStorage<unknown, unknown>
    let asked: string[] = []
    const wrapped = packedReplicationMeta(
      {
        ...inner,
        createStorageInstance(params) {
          asked.push(params.collectionName)
          return inner.createStorageInstance(params)
        },
      },
      indexedDB,
    )
    const instance = await wrapped.createStorageInstance({
      databaseName: `packed-other-${counter++}`,
      collectionName: 'bookings',
      databaseInstanceToken: 'token',
      multiInstance: false,
      options: {},
      schema: fillWithDefaultSettings(
        bookingSchema as unknown as RxJsonSchema<RxDocumentData<{ id: string }>>,
      ) as RxJsonSchema<RxDocumentData<unknown>>,
      devMode: false,
    })
    expect(asked).toEqual(['bookings'])
    await instance.close()
    asked = []
    await metaOpen(`packed-other-${counter++}`)
    expect(asked).toEqual([])
  })

  it('has a write in its log by the time the write is acknowledged, one record per write', async () => {
    const name = `packed-ack-${counter++}`
    const instance = await metaOpen(name)
    const result = await instance.bulkWrite(
      [{ document: meta('b1', 'one') }, { document: meta('b2', 'two') }],
      'test',
    )
    expect(result.error).toEqual([])
    const pages = (await storedPages(logName(name))) as { documents: Meta[] }[]
    expect(pages).toHaveLength(1)
    expect(pages[0]!.documents.map((d) => d.itemId)).toEqual(['b1', 'b2'])
  })

  it('reads back after a restart what it held: latest versions, without what cleanup removed', async () => {
    const name = `packed-restart-${counter++}`
    const first = await metaOpen(name)
    const b1 = meta('b1', 'one')
    const b2 = meta('b2', 'two')
    const b3 = meta('b3', 'three')
    await first.bulkWrite([{ document: b1 }, { document: b2 }, { document: b3 }], 'test')
    const b1Later = meta('b1', 'one, changed')
    const b3Deleted = meta('b3', 'three', true)
    await first.bulkWrite(
      [
        { previous: b1, document: b1Later },
        { previous: b3, document: b3Deleted },
      ],
      'test',
    )
    // A refused write (b2 inserted again) changes nothing, here or in the log.
    const refused = await first.bulkWrite([{ document: meta('b2', 'two again') }], 'test')
    expect(refused.error.map((e) => e.status)).toEqual([409])
    await first.cleanup(0)
    await first.close()
    open.splice(0)

    const again = await metaOpen(name)
    const found = await again.findDocumentsById(['b1|0', 'b2|0', 'b3|0'], true)
    expect(found.map((d) => [d.itemId, d.docData?.['answers']])).toEqual([
      ['b1', 'one, changed'],
      ['b2', 'two'],
    ])
  })

  it('rewrites a long log into pages of a thousand when it opens', async () => {
    const name = `packed-rewrite-${counter++}`
    const first = await metaOpen(name)
    const writes = PAGES_BEFORE_REWRITE + 6
    for (let i = 0; i < writes; i += 1) {
      await first.bulkWrite([{ document: meta(`b${i}`, `answer ${i}`) }], 'test')
    }
    expect(await storedPages(logName(name))).toHaveLength(writes)
    await first.close()
    open.splice(0)
    const again = await metaOpen(name)
    expect(await storedPages(logName(name))).toHaveLength(Math.ceil(writes / PAGE_DOCUMENTS))
    const found = await again.findDocumentsById(
      Array.from({ length: writes }, (_, i) => `b${i}|0`),
      false,
    )
    expect(found).toHaveLength(writes)
  })

  it('removes its log with the instance', async () => {
    const name = `packed-remove-${counter++}`
    const instance = await metaOpen(name)
    await instance.bulkWrite([{ document: meta('b1', 'one') }], 'test')
    expect(await databaseNames()).toContain(logName(name))
    await instance.remove()
    open.splice(0)
    expect(await databaseNames()).not.toContain(logName(name))
    const fresh = await metaOpen(name)
    expect(await fresh.findDocumentsById(['b1|0'], true)).toEqual([])
  })

  it('takes over the metadata a desktop kept in Dexie before, and removes it there', async () => {
    const name = `packed-upgrade-${counter++}`
    const before = await metaOpen(name, undefined, dexie())
    const kept = [meta('b1', 'one'), meta('b2', 'two'), meta('b3', 'three', true)]
    await before.bulkWrite(
      kept.map((document) => ({ document })),
      'test',
    )
    await before.close()
    open.splice(0)

    const upgraded = await metaOpen(name, undefined, packedReplicationMeta(dexie(), indexedDB))
    const read = async (instance: RxStorageInstance<Meta, unknown, unknown>) =>
      (await instance.findDocumentsById(['b1|0', 'b2|0', 'b3|0'], true)).map((d) => [
        d.itemId,
        d._deleted,
      ])
    const expected = [
      ['b1', false],
      ['b2', false],
      ['b3', true],
    ]
    expect(await read(upgraded)).toEqual(expected)
    await upgraded.close()
    open.splice(0)
    // Gone from Dexie; the log has it from now on.
    expect(await read(await metaOpen(name, undefined, dexie()))).toEqual([])
    await open.splice(0)[0]!.close()
    expect(
      await read(await metaOpen(name, undefined, packedReplicationMeta(dexie(), indexedDB))),
    ).toEqual(expected)
  })

  it('logs what a cleanup right after a deleting write removed (memory applies writes lazily)', async () => {
    const name = `packed-purge-${counter++}`
    const first = await metaOpen(name)
    const docs = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((id) => meta(id, id))
    await first.bulkWrite(
      docs.map((document) => ({ document })),
      'test',
    )
    // In a browser the memory storage applies a write when the page is next idle; here a timer
    // would do it during the log's write. Hold it back, as a busy page does.
    ;(
      first.internals as { ensurePersistenceIdlePromise?: Promise<void> }
    ).ensurePersistenceIdlePromise = new Promise<void>(() => undefined)
    // The window purge: mark deleted, then clean up at once, with no read between.
    await first.bulkWrite(
      docs.map((previous) => ({ previous, document: { ...previous, _deleted: true } })),
      'test',
    )
    await first.cleanup(0)
    const ids = docs.map((d) => d.id)
    const held = (await first.findDocumentsById(ids, true)).map((d) => d.id)
    expect(held.length).toBeLessThan(ids.length)
    await first.close()
    open.splice(0)
    const again = await metaOpen(name)
    expect((await again.findDocumentsById(ids, true)).map((d) => d.id)).toEqual(held)
  })

  it('refuses every write after one could not be logged; a restart starts from the log', async () => {
    let failing = false
    // IndexedDB whose write transactions fail while `failing` (a full disk).
    const flaky = {
      open(name: string, version?: number) {
        const request = indexedDB.open(name, version)
        request.addEventListener('success', () => {
          const db = request.result
          const transaction = db.transaction.bind(db)
          db.transaction = ((stores: string | string[], mode?: IDBTransactionMode) => {
            if (failing && mode === 'readwrite')
              throw new DOMException('disk full', 'QuotaExceededError')
            return transaction(stores, mode)
          }) as IDBDatabase['transaction']
        })
        return request
      },
      deleteDatabase: (name: string) => indexedDB.deleteDatabase(name),
    } as unknown as IDBFactory
    const on = () =>
      packedReplicationMeta(getRxStorageMemory() as RxStorage<unknown, unknown>, flaky)
    const name = `packed-full-${counter++}`
    const first = await metaOpen(name, undefined, on())
    await first.bulkWrite([{ document: meta('b1', 'one') }], 'test')
    failing = true
    await expect(first.bulkWrite([{ document: meta('b2', 'two') }], 'test')).rejects.toThrow(
      'disk full',
    )
    failing = false
    // b2 is in memory but not in the log: a later write (a newer checkpoint) must not hide that.
    await expect(first.bulkWrite([{ document: meta('b3', 'three') }], 'test')).rejects.toThrow(
      'could not be stored',
    )
    await first.close()
    open.splice(0)
    const again = await metaOpen(name, undefined, on())
    expect(
      (await again.findDocumentsById(['b1|0', 'b2|0', 'b3|0'], true)).map((d) => d.id),
    ).toEqual(['b1|0'])
    await again.bulkWrite([{ document: meta('b2', 'two') }], 'test')
    expect((await again.findDocumentsById(['b2|0'], false)).map((d) => d.id)).toEqual(['b2|0'])
  })

  it('rewrites the log of a desktop left open once changes have piled up in it', async () => {
    const name = `packed-long-session-${counter++}`
    const instance = await metaOpen(name)
    const count = PAGE_DOCUMENTS
    let current = Array.from({ length: count }, (_, i) => meta(`b${i}`, 'v0'))
    await instance.bulkWrite(
      current.map((document) => ({ document })),
      'test',
    )
    // Each round changes every document: the log holds one more version of each.
    const rounds = Math.floor((2 * count + REWRITE_SLACK_DOCUMENTS) / count) - 1
    for (let round = 1; round <= rounds; round += 1) {
      const next = current.map((d) => ({ ...meta(d.itemId, `v${round}`), _rev: `${round + 1}-x` }))
      await instance.bulkWrite(
        next.map((document, i) => ({ previous: current[i]!, document })),
        'test',
      )
      current = next
      expect(await storedPages(logName(name))).toHaveLength(round + 1)
    }
    // One more round passes twice the documents plus the slack: the log is rewritten, one page.
    const last = current.map((d) => ({ ...meta(d.itemId, 'last'), _rev: 'z-last' }))
    await instance.bulkWrite(
      last.map((document, i) => ({ previous: current[i]!, document })),
      'test',
    )
    expect(await storedPages(logName(name))).toHaveLength(1)
    await instance.close()
    open.splice(0)
    const again = await metaOpen(name)
    const found = await again.findDocumentsById(
      current.map((d) => d.id),
      false,
    )
    expect(found).toHaveLength(count)
    expect(new Set(found.map((d) => d.docData?.['answers']))).toEqual(new Set(['last']))
  })
})
