import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { MangoQuery, MangoQuerySortPart, RxDocumentData, RxStorage } from 'rxdb'
import { randomCouchString } from 'rxdb'
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory'
import type { ItemDoc } from './storage-test-support'
import {
  newItem,
  openItems,
  prepareItemQuery,
  tempDirectory,
  testStorage,
} from './storage-test-support'

/** Characters chosen to straddle orderings: ASCII, Latin-1, the surrogate range, high BMP, emoji. */
const ALPHABET = ['a', 'b', 'Z', '0', 'é', '\uE000', '\uFF21', '😀', '𝄞', '\uFFFD']
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 5 }).map((chars) => chars.join(''))
const rank = fc.integer({ min: 0, max: 20_000 }).map((hundredths) => hundredths / 100)

const id = fc.string({ minLength: 1, maxLength: 2, unit: fc.constantFrom('a', 'b', 'c') })
const docs = fc.uniqueArray(
  fc.record({
    id,
    name: text,
    rank,
    note: text,
    isDone: fc.boolean(),
    isDeleted: fc.boolean(),
    lwtOffset: fc.integer({ min: 0, max: 5 }),
  }),
  { selector: (doc) => doc.id, maxLength: 30 },
)

const comparison = <T>(value: fc.Arbitrary<T>) =>
  fc.oneof(
    value.map((v) => ({ $eq: v })),
    value.map((v) => ({ $gt: v })),
    value.map((v) => ({ $gte: v })),
    value.map((v) => ({ $lt: v })),
    value.map((v) => ({ $lte: v })),
    fc.tuple(value, value).map(([low, high]) => ({ $gte: low, $lt: high })),
  )

/** Small selectors are the interesting ones: only they can be fully satisfied by an index. */
const selectors = fc
  .tuple(
    fc.record({
      id: comparison(id),
      name: comparison(text),
      rank: comparison(rank),
      note: comparison(text),
      isDone: fc.boolean(),
    }),
    fc.subarray(['id', 'name', 'rank', 'note', 'isDone'] as const, { maxLength: 3 }),
  )
  .map(([all, keys]) => ({
    ...(keys.includes('id') ? { id: all.id } : {}),
    ...(keys.includes('name') ? { name: all.name } : {}),
    ...(keys.includes('rank') ? { rank: all.rank } : {}),
    ...(keys.includes('note') ? { note: all.note } : {}),
    ...(keys.includes('isDone') ? { isDone: all.isDone } : {}),
  }))

const queries = fc.record(
  {
    selector: selectors,
    sort: fc.uniqueArray(
      fc.record({
        field: fc.constantFrom('name', 'rank', 'note', 'isDone'),
        direction: fc.constantFrom('asc', 'desc'),
      }),
      { selector: (part) => part.field, maxLength: 3 },
    ),
    skip: fc.integer({ min: 0, max: 6 }),
    limit: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
  },
  { requiredKeys: ['selector', 'sort', 'skip'] },
)

type DocRows = typeof docs extends fc.Arbitrary<infer T> ? T : never

/** More rows than one scan page (500), with few distinct names and ranks: long runs of equal keys. */
const LARGE_DOC_COUNT = { min: 1_100, max: 1_400 }
const LARGE_ID_UNITS = ['a', 'b', 'c', 'd', 'e', 'f', '😀', '\uFF21']
const LARGE_NAMES = ['', 'a', 'b', 'é', '😀', '\uFFFD']

/** A small deterministic PRNG (mulberry32): values in [0, 1). */
function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Many documents from a seed (the property gets the seed and count, so a failure reports those
 * rather than a thousand records). Ids are the index's base-8 digits over {@link LARGE_ID_UNITS}.
 */
function largeDocs(seed: number, count: number): DocRows {
  const random = prng(seed)
  const pick = <T>(values: readonly T[]): T =>
    values[Math.floor(random() * values.length)] ?? values[0]!
  return Array.from({ length: count }, (_, index) => ({
    id: Array.from(index.toString(8), (digit) => LARGE_ID_UNITS[Number(digit)] ?? 'a').join(''),
    name: pick(LARGE_NAMES),
    rank: Math.floor(random() * 9) / 4,
    note: pick(['x', 'y', 'z']),
    isDone: random() < 0.5,
    isDeleted: random() < 0.3,
    lwtOffset: Math.floor(random() * 6),
  }))
}
const largeQueries = fc.record(
  {
    selector: selectors,
    sort: fc.uniqueArray(
      fc.record({
        field: fc.constantFrom('name', 'rank', 'note', 'isDone', 'id'),
        direction: fc.constantFrom('asc', 'desc'),
      }),
      { selector: (part) => part.field, maxLength: 2 },
    ),
    skip: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 400, max: 900 })),
    limit: fc.option(
      fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 300, max: 800 })),
      { nil: undefined },
    ),
  },
  { requiredKeys: ['selector', 'sort', 'skip'] },
)

let temp: ReturnType<typeof tempDirectory>
beforeAll(() => {
  temp = tempDirectory()
})
afterAll(() => {
  temp.remove()
})

async function seeded(storage: RxStorage<unknown, unknown>, rows: DocRows) {
  const items = await openItems(storage, randomCouchString(12))
  const stored: RxDocumentData<ItemDoc>[] = rows.map(({ isDeleted, lwtOffset, ...fields }) => ({
    ...newItem(fields, 1_700_000_000_000 + lwtOffset / 100),
    _deleted: isDeleted,
  }))
  await items.bulkWrite(
    stored.map((document) => ({ document })),
    'seed',
  )
  return items
}

type QueryRow = typeof queries | typeof largeQueries extends fc.Arbitrary<infer T> ? T : never

/** Runs each query (and its count) on both storages seeded with `rows`; expects equal answers. */
async function expectSameAnswers(rows: DocRows, qs: readonly QueryRow[]): Promise<void> {
  const sqlite = await seeded(testStorage(temp.directory), rows)
  const memory = await seeded(getRxStorageMemory(), rows)
  try {
    for (const q of qs) {
      const sort: MangoQuerySortPart<RxDocumentData<ItemDoc>>[] = q.sort.map(
        ({ field, direction }) => ({ [field]: direction }),
      )
      const mango: MangoQuery<RxDocumentData<ItemDoc>> = {
        selector: { _deleted: { $eq: false }, ...q.selector },
        sort,
        skip: q.skip,
        ...(q.limit === undefined ? {} : { limit: q.limit }),
      }
      const prepared = prepareItemQuery(mango)
      const counted = prepareItemQuery({ selector: mango.selector, sort })
      const ids = async (items: typeof sqlite) =>
        (await items.query(prepared)).documents.map((doc) => doc.id)

      expect(await ids(sqlite)).toEqual(await ids(memory))
      expect((await sqlite.count(counted)).count).toBe((await memory.count(counted)).count)
    }
  } finally {
    await Promise.all([sqlite.remove(), memory.remove()])
  }
}

describe('query and count agree with RxDB memory storage', () => {
  it('on random documents and queries (selector, sort, skip, limit)', async () => {
    await fc.assert(
      fc.asyncProperty(docs, fc.array(queries, { minLength: 1, maxLength: 5 }), expectSameAnswers),
      { numRuns: 150 },
    )
  })

  it('on more documents than one scan page, with long runs of equal keys (keyset paging)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer(),
        fc.integer(LARGE_DOC_COUNT),
        fc.array(largeQueries, { minLength: 4, maxLength: 8 }),
        (seed, count, qs) => expectSameAnswers(largeDocs(seed, count), qs),
      ),
      { numRuns: 12 },
    )
  })
})
