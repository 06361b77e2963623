import type { RxConflictHandler, RxConflictHandlerInput } from 'rxdb'
import { deepEqual } from 'rxdb/plugins/utils'
import type { AppDoc } from './database'

/** Fields whose disagreement means two people decided different things about a booking. */
const DECISION_FIELDS = ['hostMemberIds', 'start', 'end', 'status'] as const
/** Bookkeeping that never makes two versions different in substance. */
const IGNORED_FIELDS = new Set(['updatedAt', '_meta', '_rev', '_attachments'])

function comparable(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !IGNORED_FIELDS.has(key)))
}

/**
 * Conflict handler for bookings: the server's version is authoritative (public bookings are decided
 * there), but a desktop change that collides with it is never dropped. When the local version
 * decided something else (hosts, time or status), the result is the server's version plus a
 * `conflict.localVersion` holding what this desktop had decided, which replicates back to the
 * server and every desktop for a person to resolve. Differences in bookkeeping alone take the
 * server's version. `now` is injected for tests.
 */
export function bookingConflictHandler(
  now: () => string = () => new Date().toISOString(),
): RxConflictHandler<AppDoc> {
  return async (input: RxConflictHandlerInput<AppDoc>) => {
    const { newDocumentState: local, realMasterState: master } = input
    if (deepEqual(comparable(local), comparable(master))) return { isEqual: true }
    const decidedDifferently = DECISION_FIELDS.some(
      (field) => !deepEqual(local[field], master[field]),
    )
    if (master._deleted || local._deleted || !decidedDifferently) {
      return { isEqual: false, documentData: master }
    }
    const existing = (master['conflict'] ?? null) as Record<string, unknown> | null
    const localVersion = Object.fromEntries(
      [...DECISION_FIELDS, 'history'].map((field) => [field, local[field]]),
    )
    return {
      isEqual: false,
      documentData: {
        ...master,
        conflict: {
          withBookingIds: (existing?.['withBookingIds'] as string[] | undefined) ?? [],
          memberIds: (existing?.['memberIds'] as string[] | undefined) ?? [],
          localVersion,
          detectedAt: now(),
          message: 'changed on this desktop while offline, and on the server meanwhile',
        },
      },
    }
  }
}
