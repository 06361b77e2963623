/**
 * Schema migrations per collection: `up` turns a document of version `v - 1` into version `v`
 * (RxDB migration strategies on the desktop and the server use it for stored documents); `down`
 * turns version `v` back into `v - 1`, so the sync server can keep serving a desktop that has not
 * been upgraded yet (see sync-server/src/replication-compat.ts). Both are pure and never mutate.
 *
 * History:
 * - members v1: `color` (`#rrggbb`), the member's calendar color; v0 documents get one derived
 *   from their id.
 */
import type { CollectionName } from './collections'

type Doc = Readonly<Record<string, unknown>>

export interface SchemaMigration {
  readonly up: (doc: Doc) => Record<string, unknown>
  readonly down: (doc: Doc) => Record<string, unknown>
}

/** A calm palette for member columns; a member's default is picked by a hash of its id. */
export const MEMBER_COLORS = [
  '#3056d3',
  '#1f9d55',
  '#d97706',
  '#b83280',
  '#0e7490',
  '#6b46c1',
  '#c53030',
  '#2f855a',
] as const

/** The default calendar color of a member id (stable: the same id always gets the same color). */
export function memberColorFor(id: string): string {
  let hash = 0
  for (const char of id) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0
  return MEMBER_COLORS[hash % MEMBER_COLORS.length] ?? MEMBER_COLORS[0]
}

/** Migrations by collection, then by the version they produce. */
export const COLLECTION_MIGRATIONS: Partial<
  Record<CollectionName, Readonly<Record<number, SchemaMigration>>>
> = {
  members: {
    1: {
      up: (doc) => ({ ...doc, color: memberColorFor(String(doc['id'])) }),
      down: (doc) => {
        const { color: _color, ...rest } = doc
        return rest
      },
    },
  },
}

/** Applies `up` from `fromVersion + 1` through `toVersion`. */
export function migrateUp(
  collection: CollectionName,
  doc: Doc,
  fromVersion: number,
  toVersion: number,
): Record<string, unknown> {
  let out: Record<string, unknown> = { ...doc }
  for (let v = fromVersion + 1; v <= toVersion; v++) {
    const step = COLLECTION_MIGRATIONS[collection]?.[v]
    if (!step) throw new RangeError(`No migration of ${collection} to version ${v}`)
    out = step.up(out)
  }
  return out
}

/** Applies `down` from `fromVersion` back to `toVersion`. */
export function migrateDown(
  collection: CollectionName,
  doc: Doc,
  fromVersion: number,
  toVersion: number,
): Record<string, unknown> {
  let out: Record<string, unknown> = { ...doc }
  for (let v = fromVersion; v > toVersion; v--) {
    const step = COLLECTION_MIGRATIONS[collection]?.[v]
    if (!step) throw new RangeError(`No migration of ${collection} from version ${v}`)
    out = step.down(out)
  }
  return out
}

/** RxDB `migrationStrategies` for a collection: version → `up`. */
export function migrationStrategiesFor(
  collection: CollectionName,
): Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> {
  const steps = COLLECTION_MIGRATIONS[collection] ?? {}
  return Object.fromEntries(
    Object.entries(steps).map(([version, step]) => [Number(version), step.up]),
  )
}
