import type { RxConflictHandler, RxConflictHandlerInput } from 'rxdb'
import { deepEqual } from 'rxdb/plugins/utils'
import {
  bookingDecisionsEqual,
  bookingSupersede,
} from '../../../core/src/conflicts/conflict-resolve'
import type { Booking } from '../../../core/src/model/workspace'
import { documentToRecord } from '../../../core/src/schema/workspace-documents'
import type { AppDoc } from './database'
import { clockNow } from '../clock'
import { pushRefusalIsRecent } from './push-refusals'

/** Bookkeeping that never makes two versions different in substance. */
const IGNORED_FIELDS = new Set(['updatedAt', '_meta', '_rev', '_attachments'])

function comparable(doc: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !IGNORED_FIELDS.has(key)))
}

/** The latest history instant of either version (epoch ms): when the two versions met. */
function latestEntryMs(...bookings: readonly Booking[]): number {
  let latest = 0
  for (const booking of bookings) {
    for (const entry of booking.history) latest = Math.max(latest, Date.parse(entry.at) || 0)
  }
  return latest
}

/**
 * Conflict handler for bookings: the server's version is authoritative (public bookings are decided
 * there), but a desktop change that collides with it is never dropped. When the local version
 * decided something else (hosts, time or status), the result is the server's version with a
 * `change-superseded` history entry recording what this desktop had decided (core's
 * `bookingSupersede`); it replicates back to the server and every desktop, where core derives
 * it as a conflict for a person to look at. Differences in bookkeeping alone take the server's
 * version. Deterministic (RxDB may call it more than once): the entry is dated at the latest
 * history instant of either version.
 */
export function bookingConflictHandler(): RxConflictHandler<AppDoc> {
  return async (input: RxConflictHandlerInput<AppDoc>) => {
    const { newDocumentState: local, realMasterState: master } = input
    if (deepEqual(comparable(local), comparable(master))) return { isEqual: true }
    if (master._deleted || local._deleted) return { isEqual: false, documentData: master }
    // Refused for the person's role: not a decision that lost, just not saved (they are told).
    if (pushRefusalIsRecent('bookings', String(master['id']), clockNow())) {
      return { isEqual: false, documentData: master }
    }
    const winner = documentToRecord(master) as unknown as Booking
    const loser = documentToRecord(local) as unknown as Booking
    if (bookingDecisionsEqual(winner, loser)) return { isEqual: false, documentData: master }
    const kept = bookingSupersede(winner, loser, latestEntryMs(winner, loser))
    return { isEqual: false, documentData: { ...master, history: kept.history } }
  }
}

/**
 * Conflict handler for collections only the server writes (members' busy times): the server's
 * version always wins; the desktop never keeps a version of its own.
 */
export function serverWinsConflictHandler(): RxConflictHandler<AppDoc> {
  return async (input: RxConflictHandlerInput<AppDoc>) => {
    const { newDocumentState: local, realMasterState: master } = input
    if (deepEqual(comparable(local), comparable(master))) return { isEqual: true }
    return { isEqual: false, documentData: master }
  }
}
