import type { ReplicatedName } from '../../../core/src/schema/collections'
import { RECORD_NOUNS } from '../format/record-nouns'

/** A pushed change the server refused for the person's role (header `Teamslot-Refused`). */
export interface PushRefusal {
  readonly id: string
  readonly reason: string
}

/** What the desktop tells the person: which change was not saved, and why. */
export interface PushRefusalNotice extends PushRefusal {
  readonly collection: ReplicatedName
  /** The record in words: `member “Ana Silva”`, `booking of Lee Park`. */
  readonly what: string
}

/** The response header of a push whose rows the role refused (sync-server `REFUSED_HEADER`). */
export const REFUSED_HEADER = 'Teamslot-Refused'

/** Reads the header's value (URI-encoded JSON list); anything malformed reads as none. */
export function pushRefusalsParse(value: string | null): readonly PushRefusal[] {
  if (!value) return []
  try {
    const parsed = JSON.parse(decodeURIComponent(value)) as unknown
    if (!Array.isArray(parsed)) return []
    return parsed.flatMap((item: unknown) => {
      const { id, reason } = (item ?? {}) as { id?: unknown; reason?: unknown }
      return typeof id === 'string' && typeof reason === 'string' ? [{ id, reason }] : []
    })
  } catch {
    return []
  }
}

/** The pushed record in words, for the notice (never an id). */
export function pushRefusalWhat(
  collection: ReplicatedName,
  doc: Readonly<Record<string, unknown>> | undefined,
): string {
  if (collection === 'bookings') {
    const customer = (doc?.['customer'] ?? {}) as { name?: unknown }
    return typeof customer.name === 'string' ? `booking of ${customer.name}` : 'a booking'
  }
  const name = doc?.['name'] ?? doc?.['title'] ?? doc?.['slug']
  return typeof name === 'string'
    ? `${RECORD_NOUNS[collection]} “${name}”`
    : RECORD_NOUNS[collection]
}

/**
 * Ids the server refused lately, per collection: the bookings conflict handler keeps the
 * server's version of these as it is (a refused change is not a superseded decision).
 */
const recent = new Map<string, number>()
/** How long a refusal counts as recent (the conflict handler runs right after the push). */
const RECENT_MS = 60_000

export function pushRefusalsNote(
  collection: ReplicatedName,
  refusals: readonly PushRefusal[],
  nowMs: number,
): void {
  for (const refusal of refusals) recent.set(`${collection}/${refusal.id}`, nowMs)
}

/** True when the server refused a push of this record in the last minute. */
export function pushRefusalIsRecent(
  collection: ReplicatedName,
  id: string,
  nowMs: number,
): boolean {
  const at = recent.get(`${collection}/${id}`)
  return at !== undefined && nowMs - at < RECENT_MS
}
