import type { RxDocumentData, RxJsonSchema, RxQueryPlan } from 'rxdb'
import {
  getIndexableStringMonad,
  getPrimaryFieldOfPrimaryKey,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
  toArray,
} from 'rxdb'

/**
 * One RxDB index materialised as a key column. The key is RxDB's own indexable string for the
 * document, stored as a BLOB in an order-preserving compact encoding ({@link indexKeyToBlob}):
 * SQLite compares BLOBs with memcmp, so BLOB order equals JavaScript's string (UTF-16 code unit)
 * order, while TEXT order would differ for characters outside the BMP such as emoji.
 */
export interface IndexColumn<RxDocType> {
  /** The index fields, in RxDB order (e.g. `['_deleted', '_meta.lwt', 'id']`). */
  readonly fields: readonly string[]
  /** Column name (unquoted); stable for the same field list. */
  readonly column: string
  /** The document's key for this index, ready to bind. */
  readonly keyOf: (doc: RxDocumentData<RxDocType>) => Uint8Array
}

/**
 * Prefix of every key column name; the rest is the comma-joined field list. `ik:` columns hold
 * {@link indexKeyToBlob}'s compact keys; stores written before it have `ix:` columns of plain
 * UTF-16BE keys, which opening the table replaces (collection-table.ts).
 */
const KEY_COLUMN_PREFIX = 'ik:'

/** Prefixes of key columns that earlier versions wrote and that a table no longer wants. */
export const KEY_COLUMN_PREFIXES_ALL: readonly string[] = ['ix:', KEY_COLUMN_PREFIX]

/** Leads of the two space-run codewords; see {@link indexKeyToBlob}. */
const RUN_BEFORE_LOWER = 0x21
const RUN_BEFORE_HIGHER = 0x22
/** Run lengths are written in 3 bytes (index strings are far shorter than 16M code units). */
const RUN_LENGTH_MAX = 0xffffff
let scratch = Buffer.alloc(1024)

/**
 * Encodes an indexable string as a key whose byte order (memcmp, shorter first on a common prefix)
 * equals JavaScript's `<` on the strings, and which is equal only for equal strings.
 *
 * RxDB pads every string field of an index string to the field's `maxLength` with spaces, so a
 * booking's keys were mostly U+0020 and, as UTF-16, ~0.9 kB each. Here:
 * - a code unit other than the space takes 1 byte below U+0080, 2 bytes below U+4000 and 3 bytes
 *   above, with lead bytes rising with the unit (a prefix code in unit order: U+0000–U+001F as
 *   0x01–0x20, U+0021–U+007F as 0x23–0x81, then leads 0x82–0xC1 and 0xC2). Lone surrogates are
 *   plain units too;
 * - a maximal run of k spaces takes 4 bytes, its order decided by what follows it. A run followed by
 *   the end or by a unit below U+0020 sorts below the same-length run followed by a higher unit,
 *   and longer ones sort higher (at the shorter run's end that string has a unit below the space,
 *   or ends); a run followed by a unit above U+0020 sorts above, and longer ones sort lower. So
 *   the codeword is `0x21, k` or `0x22, 0xFFFFFF − k` (3 bytes, big-endian); both leads lie
 *   between the units below and above the space, as a space does.
 */
export function indexKeyToBlob(indexString: string): Uint8Array {
  const length = indexString.length
  if (scratch.length < length * 4) scratch = Buffer.alloc(length * 4)
  const out = scratch
  let at = 0
  let i = 0
  while (i < length) {
    const unit = indexString.charCodeAt(i)
    if (unit === 0x20) {
      let end = i + 1
      while (end < length && indexString.charCodeAt(end) === 0x20) end++
      const run = end - i
      if (run > RUN_LENGTH_MAX) throw new Error('index string with a run of spaces too long to key')
      const isBeforeHigher = end < length && indexString.charCodeAt(end) > 0x20
      const written = isBeforeHigher ? RUN_LENGTH_MAX - run : run
      out[at++] = isBeforeHigher ? RUN_BEFORE_HIGHER : RUN_BEFORE_LOWER
      out[at++] = written >>> 16
      out[at++] = (written >>> 8) & 0xff
      out[at++] = written & 0xff
      i = end
      continue
    }
    if (unit < 0x20) out[at++] = unit + 0x01
    else if (unit < 0x80) out[at++] = unit + 0x02
    else if (unit < 0x4000) {
      const value = unit - 0x80
      out[at++] = 0x82 + (value >>> 8)
      out[at++] = value & 0xff
    } else {
      const value = unit - 0x4000
      out[at++] = 0xc2
      out[at++] = value >>> 8
      out[at++] = value & 0xff
    }
    i++
  }
  return Buffer.from(out.subarray(0, at))
}

/** The key column name for an index field list. */
export function indexColumnName(fields: readonly string[]): string {
  return KEY_COLUMN_PREFIX + fields.join(',')
}

/** The index RxDB's `getChangedDocumentsSince()` fallback pages on: `[_meta.lwt, primary]`. */
export function indexLwtFields(primaryPath: string): string[] {
  return ['_meta.lwt', primaryPath]
}

/** The index cleanup and RxDB's memory storage rely on: `[_deleted, _meta.lwt, primary]`. */
export function indexDeletedLwtFields(primaryPath: string): string[] {
  return ['_deleted', '_meta.lwt', primaryPath]
}

/**
 * Every index the table keeps a key column for: the schema's indexes (RxDB already added its own
 * `_deleted` prefixes and `[_meta.lwt, primary]` when it filled the schema) plus the two internal
 * ones above, deduplicated, in a stable order.
 */
export function indexColumnsForSchema<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
): IndexColumn<RxDocType>[] {
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey)
  const lists: string[][] = (schema.indexes ?? []).map((index) => [...toArray(index)])
  lists.push(indexLwtFields(primaryPath), indexDeletedLwtFields(primaryPath))
  const byColumn = new Map<string, IndexColumn<RxDocType>>()
  for (const fields of lists) {
    const column = indexColumnName(fields)
    if (!byColumn.has(column)) {
      byColumn.set(column, indexColumnFor(schema, fields))
    }
  }
  return [...byColumn.values()]
}

/** Builds the key function for any field list of the schema (also for ad-hoc query indexes). */
export function indexColumnFor<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  fields: readonly string[],
): IndexColumn<RxDocType> {
  const toIndexString = getIndexableStringMonad(schema, [...fields])
  return {
    fields,
    column: indexColumnName(fields),
    keyOf: (doc) => indexKeyToBlob(toIndexString(doc)),
  }
}

/** Query plan bounds as keys; compare with `>=`/`>` and `<=`/`<` per the plan's inclusive flags. */
export interface IndexKeyRange {
  readonly lower: Uint8Array
  readonly upper: Uint8Array
  readonly isLowerInclusive: boolean
  readonly isUpperInclusive: boolean
}

/** A `RxQueryPlan`'s start/end keys as key BLOBs, via RxDB's own bound-string functions. */
export function indexKeyRange<RxDocType>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  plan: Readonly<RxQueryPlan>,
): IndexKeyRange {
  return {
    lower: indexKeyToBlob(getStartIndexStringFromLowerBound(schema, plan.index, plan.startKeys)),
    upper: indexKeyToBlob(getStartIndexStringFromUpperBound(schema, plan.index, plan.endKeys)),
    isLowerInclusive: plan.inclusiveStart,
    isUpperInclusive: plan.inclusiveEnd,
  }
}

/** JavaScript-side check of a key against a range (used when no key column exists). */
export function indexKeyInRange(key: Uint8Array, range: IndexKeyRange): boolean {
  const lower = Buffer.compare(key, range.lower)
  const upper = Buffer.compare(key, range.upper)
  return (
    (range.isLowerInclusive ? lower >= 0 : lower > 0) &&
    (range.isUpperInclusive ? upper <= 0 : upper < 0)
  )
}
