import type { DBCore, DBCoreGetManyRequest, DBCoreRangeType, DBCoreTable, Dexie } from 'dexie'

/** A `getMany` of at least this many keys reads the table's keys first. */
export const KEYS_FIRST_MIN = 64

/** `DBCoreRangeType.Any` (a `const enum` of Dexie's types: not importable as a value). */
const ANY_RANGE = 3 as DBCoreRangeType

/**
 * A Dexie addon (`getRxStorageDexie({ addons: [dexieKeysFirstAddon] })`): a `getMany` of many
 * string keys first reads the table's primary keys (one `getAllKeys`, in the same transaction),
 * then gets only the keys that are there; the answer is the same, position by position
 * (`undefined` where a key is absent).
 *
 * Why: RxDB's Dexie storage reads every document it is about to write, and the replication reads
 * each pulled document and its metadata before writing them — four `get` requests per pulled
 * booking, each as costly in Chromium as a `put`, and on a first sync none finds anything. Reading
 * 24,000 keys at once costs a few milliseconds. Small reads (a live change, a local edit) are left
 * as they are.
 */
export function dexieKeysFirstAddon(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'TeamslotKeysFirst',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName: string): DBCoreTable => {
        const table = down.table(tableName)
        return { ...table, getMany: (request) => keysFirstGetMany(table, request) }
      },
    }),
  })
}

async function keysFirstGetMany(table: DBCoreTable, request: DBCoreGetManyRequest) {
  const { keys } = request
  const isEligible =
    keys.length >= KEYS_FIRST_MIN &&
    !table.schema.primaryKey.outbound &&
    keys.every((key) => typeof key === 'string')
  if (!isEligible) return table.getMany(request)
  const { result } = await table.query({
    trans: request.trans,
    values: false,
    query: { index: table.schema.primaryKey, range: { type: ANY_RANGE, lower: null, upper: null } },
  })
  const stored = new Set<unknown>(result)
  const present = keys.filter((key) => stored.has(key))
  if (present.length === 0) return keys.map(() => undefined)
  const values = await table.getMany({ ...request, keys: present })
  const byKey = new Map<unknown, unknown>(present.map((key, i) => [key, values[i]]))
  return keys.map((key) => byKey.get(key))
}
