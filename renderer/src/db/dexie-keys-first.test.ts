import { Dexie } from 'dexie'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { afterEach, describe, expect, it } from 'vitest'
import { dexieKeysFirstAddon, KEYS_FIRST_MIN } from './dexie-keys-first'

const opened: Dexie[] = []
let counter = 0

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

async function open(withAddon: boolean): Promise<Dexie> {
  const db = new Dexie(`keys-first-${counter++}`, {
    indexedDB,
    IDBKeyRange,
    addons: withAddon ? [dexieKeysFirstAddon] : [],
  })
  db.version(1).stores({ docs: 'id, [group+id]', counters: '++n' })
  await db.open()
  opened.push(db)
  return db
}

const docs = Array.from({ length: 150 }, (_, i) => ({
  id: `d-${String(i).padStart(3, '0')}`,
  group: i % 3,
  body: { i, text: `doc ${i}` },
}))

/** Present, absent, repeated and out of order: what a `getMany` may be asked. */
const asked = [
  ...docs.filter((_, i) => i % 2 === 0).map((d) => d.id),
  ...Array.from({ length: 80 }, (_, i) => `absent-${i}`),
  'd-004',
  'd-149',
  'd-001',
].reverse()

describe('dexieKeysFirstAddon', () => {
  it('answers a large getMany exactly as Dexie does, position by position', async () => {
    const plain = await open(false)
    const keysFirst = await open(true)
    await plain.table('docs').bulkPut(docs.filter((_, i) => i % 4 !== 1))
    await keysFirst.table('docs').bulkPut(docs.filter((_, i) => i % 4 !== 1))
    expect(asked.length).toBeGreaterThanOrEqual(KEYS_FIRST_MIN)
    const expected = await plain.table('docs').bulkGet(asked)
    expect(await keysFirst.table('docs').bulkGet(asked)).toEqual(expected)
    expect(expected.filter(Boolean).length).toBeGreaterThan(0)
    expect(expected.filter((d) => d === undefined).length).toBeGreaterThan(80)
  })

  it('answers an empty table, small reads and other key kinds alike', async () => {
    const db = await open(true)
    expect(await db.table('docs').bulkGet(asked)).toEqual(asked.map(() => undefined))
    await db.table('docs').bulkPut(docs)
    expect(await db.table('docs').bulkGet(['d-002', 'nope'])).toEqual([docs[2], undefined])
    await db.table('counters').bulkAdd(Array.from({ length: 70 }, (_, i) => ({ i })))
    const numbers = Array.from({ length: 80 }, (_, i) => i + 1)
    const counted = await db.table('counters').bulkGet(numbers)
    expect(counted.slice(0, 70).map((c: { i: number }) => c.i)).toEqual([...Array(70).keys()])
    expect(counted.slice(70)).toEqual(Array(10).fill(undefined))
  })

  it('reads and writes in one read-write transaction as RxDB does', async () => {
    const db = await open(true)
    const table = db.table('docs')
    await table.bulkPut(docs.slice(0, 10))
    await db.transaction('rw', table, async () => {
      const found = await table.bulkGet(docs.map((d) => d.id))
      expect(found.filter(Boolean)).toHaveLength(10)
      await table.bulkPut(docs.map((d) => ({ ...d, seen: found.some((f) => f?.id === d.id) })))
    })
    const stored = await table.toArray()
    expect(stored).toHaveLength(docs.length)
    expect(stored.filter((d: { seen: boolean }) => d.seen)).toHaveLength(10)
  })
})
