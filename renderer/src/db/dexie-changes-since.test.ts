import fc from 'fast-check'
import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { getChangedDocumentsSince } from 'rxdb'
import type { RxStorage, RxStorageDefaultCheckpoint, RxStorageInstance } from 'rxdb'
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie'
import { describe, expect, it } from 'vitest'
import { dexieChangesSince } from './dexie-changes-since'

interface Doc {
  readonly id: string
  readonly n: number
  readonly flag: boolean
}

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    n: { type: 'number' },
    flag: { type: 'boolean' },
  },
  required: ['id', 'n', 'flag'],
} as const

let counter = 0

/** A stored document of the tests: `deleted` and `lwt` as given. */
interface Row extends Doc {
  readonly deleted: boolean
  readonly lwt: number
}

/** A fresh storage instance of `storage` with the test schema (`indexes`) holding `rows`. */
async function instanceOn(
  storage: RxStorage<unknown, unknown>,
  rows: readonly Row[],
  indexes: readonly string[] = [],
): Promise<RxStorageInstance<Doc, unknown, unknown>> {
  const { fillWithDefaultSettings } = await import('rxdb')
  const instance = await storage.createStorageInstance<Doc>({
    databaseInstanceToken: 'token',
    databaseName: `changes-since-${counter++}`,
    collectionName: 'docs',
    schema: fillWithDefaultSettings({ ...schema, indexes } as never),
    options: {},
    multiInstance: false,
    devMode: false,
  })
  await instance.bulkWrite(
    rows.map(({ deleted, lwt, ...doc }) => ({
      document: { ...doc, _deleted: deleted, _attachments: {}, _rev: '1-a', _meta: { lwt } },
    })),
    'test',
  )
  return instance as RxStorageInstance<Doc, unknown, unknown>
}

/** A fresh storage instance of `storage` holding `rows` (`lwt` as given: shared ones too). */
function instanceWith(
  storage: RxStorage<unknown, unknown>,
  rows: readonly { id: string; lwt: number; deleted: boolean }[],
): Promise<RxStorageInstance<Doc, unknown, unknown>> {
  return instanceOn(
    storage,
    rows.map((row, i) => ({ ...row, n: i, flag: i % 2 === 0 })),
  )
}

/** Every page from the start, `limit` at a time: the documents in order and the checkpoints. */
async function pages(instance: RxStorageInstance<Doc, unknown, unknown>, limit: number) {
  const seen: unknown[] = []
  const checkpoints: RxStorageDefaultCheckpoint[] = []
  let checkpoint: RxStorageDefaultCheckpoint | undefined
  for (;;) {
    const page = await getChangedDocumentsSince(instance, limit, checkpoint)
    checkpoints.push(page.checkpoint)
    if (page.documents.length === 0) break
    expect(page.documents.length).toBeLessThanOrEqual(limit)
    seen.push(...page.documents)
    checkpoint = page.checkpoint
  }
  return { seen, checkpoints }
}

describe('dexieChangesSince', () => {
  const dexie = () =>
    getRxStorageDexie({ indexedDB, IDBKeyRange }) as unknown as RxStorage<unknown, unknown>

  it('pages through changes exactly as RxDB’s generic query does', async () => {
    const rows = fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-z0-9-]{1,12}$/),
        // Few distinct lwt values: many documents share one, as a pulled page's do.
        lwt: fc.integer({ min: 1, max: 6 }).map((k) => 1_700_000_000_000 + k * 0.01),
        deleted: fc.boolean(),
      }),
      { selector: (row) => row.id, maxLength: 60 },
    )
    await fc.assert(
      fc.asyncProperty(rows, fc.integer({ min: 1, max: 7 }), async (picked, limit) => {
        const generic = await instanceWith(dexie(), picked)
        const keyset = await instanceWith(dexieChangesSince(dexie()), picked)
        expect(generic.getChangedDocumentsSince).toBeUndefined()
        expect(keyset.getChangedDocumentsSince).toBeTypeOf('function')
        const expected = await pages(generic, limit)
        expect(await pages(keyset, limit)).toEqual(expected)
        expect(expected.seen).toHaveLength(picked.length)
        await generic.remove()
        await keyset.remove()
      }),
      { numRuns: 25 },
    )
  })

  it('answers "all" (Number.MAX_SAFE_INTEGER, more than getAll may be asked) with every change', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({
      id: `d-${i}`,
      lwt: 1_700_000_000_000 + i,
      deleted: i === 2,
    }))
    const keyset = await instanceWith(dexieChangesSince(dexie()), rows)
    const page = await getChangedDocumentsSince(keyset, Number.MAX_SAFE_INTEGER)
    expect(page.documents.map((doc) => doc['id'])).toEqual(rows.map((row) => row.id))
    await keyset.remove()
  })
})

describe('dexieChangesSince: queries', () => {
  const dexie = () =>
    getRxStorageDexie({ indexedDB, IDBKeyRange }) as unknown as RxStorage<unknown, unknown>

  /** `docs` stored, one in four or so deleted (`deleted`), each with its own `lwt`. */
  const instanceOf = (
    storage: RxStorage<unknown, unknown>,
    docs: readonly Doc[],
    deleted: readonly boolean[],
  ) =>
    instanceOn(
      storage,
      docs.map((doc, i) => ({ ...doc, deleted: deleted[i] ?? false, lwt: 1_700_000_000_000 + i })),
      ['n'],
    )

  it('answers every query with the same documents in the same order as RxDB’s cursor', async () => {
    const { normalizeMangoQuery, prepareQuery, fillWithDefaultSettings } = await import('rxdb')
    const full = fillWithDefaultSettings({ ...schema, indexes: ['n'] } as never)
    const docs = fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-z0-9]{1,8}$/),
        n: fc.integer({ min: 0, max: 20 }),
        flag: fc.boolean(),
      }),
      { selector: (doc) => doc.id, minLength: 5, maxLength: 60 },
    )
    // About one document in four deleted.
    const deletions = fc.array(
      fc.integer({ min: 0, max: 3 }).map((k) => k === 0),
      { maxLength: 60 },
    )
    const bound = fc.option(fc.integer({ min: -1, max: 21 }), { nil: undefined })
    const query = fc.record({
      gte: bound,
      // The upper bound above the lower one (an empty range is refused by IndexedDB itself).
      width: fc.option(fc.integer({ min: 1, max: 22 }), { nil: undefined }),
      flag: fc.option(fc.boolean(), { nil: undefined }),
      sort: fc.constantFrom('n-asc', 'n-desc', 'id', 'flag'),
      // Half of them without a limit: the queries the cursor is replaced for.
      limit: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined, freq: 2 }),
      skip: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined, freq: 2 }),
    })
    await fc.assert(
      fc.asyncProperty(docs, deletions, query, async (picked, deleted, q) => {
        const cursor = await instanceOf(dexie(), picked, deleted)
        const getAll = await instanceOf(dexieChangesSince(dexie()), picked, deleted)
        const n = {
          ...(q.gte !== undefined ? { $gte: q.gte } : {}),
          ...(q.width !== undefined ? { $lt: (q.gte ?? -1) + q.width } : {}),
        }
        const mango = normalizeMangoQuery<Doc>(full as never, {
          selector: {
            _deleted: { $eq: false },
            ...(Object.keys(n).length > 0 ? { n } : {}),
            ...(q.flag !== undefined ? { flag: { $eq: q.flag } } : {}),
          } as never,
          sort: (q.sort === 'n-asc'
            ? [{ n: 'asc' }, { id: 'asc' }]
            : q.sort === 'n-desc'
              ? [{ n: 'desc' }, { id: 'asc' }]
              : q.sort === 'id'
                ? [{ id: 'asc' }]
                : [{ flag: 'asc' }, { id: 'desc' }]) as never,
          ...(q.limit !== undefined ? { limit: q.limit } : {}),
          ...(q.skip !== undefined ? { skip: q.skip } : {}),
        })
        const prepared = prepareQuery<Doc>(full as never, mango)
        expect(await getAll.query(prepared)).toEqual(await cursor.query(prepared))
        await cursor.remove()
        await getAll.remove()
      }),
      { numRuns: 80 },
    )
  })
})
