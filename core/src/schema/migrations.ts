/**
 * Schema migrations per collection: `up` turns a document of version `v - 1` into version `v`
 * (RxDB migration strategies on the desktop and the server use it for stored documents); `down`
 * turns version `v` back into `v - 1`, so the sync server can keep serving a desktop that has not
 * been upgraded yet (see sync-server/src/replication-compat.ts). Both are pure and never mutate.
 *
 * History:
 * - members v1: `color` (`#rrggbb`), the member's calendar color; v0 documents get one derived
 *   from their id.
 * - every collection one up (members v2, the rest v1): schemas derived from the record shapes.
 *   Documents are unchanged, except bookings: the stored `conflict` mark is gone (conflicts are
 *   derived from the bookings now). A mark that held a desktop's offline version which lost to
 *   the server becomes a `change-superseded` history entry, so no such decision is lost; an
 *   overlap mark needs nothing (the overlap is derived again).
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

/** A step that changes nothing (the schema's JSON changed, the documents did not). */
const IDENTITY: SchemaMigration = { up: (doc) => ({ ...doc }), down: (doc) => ({ ...doc }) }

const DECISION_FIELDS = ['start', 'end', 'hostMemberIds', 'status'] as const

/** Bookings v1: the stored conflict mark leaves; a superseded offline version enters history. */
const BOOKING_CONFLICT_TO_HISTORY: SchemaMigration = {
  up: (doc) => {
    const { conflict, ...rest } = doc
    const mark = (conflict ?? null) as Record<string, unknown> | null
    const local = (mark?.['localVersion'] ?? null) as Record<string, unknown> | null
    if (!local || !DECISION_FIELDS.every((field) => field in local)) return rest
    const history = Array.isArray(rest['history']) ? (rest['history'] as unknown[]) : []
    const last = history[history.length - 1] as { at?: unknown } | undefined
    const detectedAt = typeof mark?.['detectedAt'] === 'string' ? mark['detectedAt'] : null
    // History stays chronological: the note is dated no earlier than the last entry.
    const at =
      detectedAt !== null && (typeof last?.at !== 'string' || detectedAt >= last.at)
        ? detectedAt
        : (last?.at ?? detectedAt)
    return {
      ...rest,
      history: [
        ...history,
        {
          at,
          action: 'change-superseded',
          by: 'system',
          reason: typeof mark?.['message'] === 'string' ? mark['message'] : null,
          supersededVersion: Object.fromEntries(DECISION_FIELDS.map((f) => [f, local[f]])),
        },
      ],
    }
  },
  // Older desktops read no conflict marks from the server any more; history travels as is.
  down: (doc) => ({ ...doc }),
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
    2: IDENTITY,
  },
  eventtypes: { 1: IDENTITY },
  bookingpages: { 1: IDENTITY },
  pools: { 1: IDENTITY },
  panels: { 1: IDENTITY },
  masterpages: { 1: IDENTITY },
  bookings: { 1: BOOKING_CONFLICT_TO_HISTORY },
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
