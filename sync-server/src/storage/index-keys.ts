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
 * document, stored as a BLOB of UTF-16 big-endian code units: SQLite compares BLOBs with memcmp, so
 * BLOB order equals JavaScript's string (UTF-16 code unit) order, while TEXT order would differ for
 * characters outside the BMP such as emoji.
 */
export interface IndexColumn<RxDocType> {
  /** The index fields, in RxDB order (e.g. `['_deleted', '_meta.lwt', 'id']`). */
  readonly fields: readonly string[]
  /** Column name (unquoted); stable for the same field list. */
  readonly column: string
  /** The document's key for this index, ready to bind. */
  readonly keyOf: (doc: RxDocumentData<RxDocType>) => Uint8Array
}

/** Prefix of every key column name; the rest is the comma-joined field list. */
const KEY_COLUMN_PREFIX = 'ix:'

/**
 * Encodes an indexable string as UTF-16BE bytes. Code units are copied verbatim (lone surrogates
 * included), so byte order equals `<` on the strings.
 */
export function indexKeyToBlob(indexString: string): Uint8Array {
  return Buffer.from(indexString, 'utf16le').swap16()
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
