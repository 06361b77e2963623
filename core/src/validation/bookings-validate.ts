/**
 * Booking records: references, times, hosts and the history pool statistics are derived from.
 */

import type { Booking } from '../model/workspace'
import { historyReplay } from '../distribution/booking-history'
import { MAX_EVENT_MINUTES } from './event-types-validate'
import { instantMs } from './value-formats'
import type { WorkspaceLookup } from './workspace-lookup'
import type { WorkspaceProblem } from './workspace-problem'
import { problemsForRepeats, unknownMessage } from './workspace-problem'

const MINUTE_MS = 60_000

/**
 * Problems with each booking, at `bookings.${index}…` (formats, known zones and a non-empty host
 * list are the booking shape's, `../schema/records.ts`):
 * - the event type exists; the master page, pool and panel exist when set;
 * - `start < end`, the length is whole minutes and at most {@link MAX_EVENT_MINUTES}. The length
 *   need not equal the event type's current duration, and a panel booking's hosts need not match
 *   the panel's current seats: a booking keeps what it was booked with, so editing an event type
 *   or a panel (or an export, edit, import round trip) never invalidates history;
 * - hosts exist and are distinct; a booking without a panel has exactly one host;
 * - history entries name existing members and read consistently under the semantics of
 *   `historyReplay` (created first and once, chronological, reassignments from a current host to
 *   a non-host, nothing but conflict notes after a cancellation or no-show, hosts matching the
 *   reassignments, a cancelled status recorded in the history).
 */
export function bookingsValidate(
  bookings: readonly Booking[],
  lookup: WorkspaceLookup,
): WorkspaceProblem[] {
  return bookings.flatMap((booking, index) => {
    const path = `bookings.${index}`
    const problems: WorkspaceProblem[] = []
    const add = (field: string, message: string) =>
      problems.push({ path: `${path}.${field}`, message })
    if (!lookup.eventTypes.has(booking.eventTypeId)) {
      add('eventTypeId', unknownMessage('event type', booking.eventTypeId))
    }
    if (booking.masterPageId !== null && !lookup.masterPages.has(booking.masterPageId)) {
      add('masterPageId', unknownMessage('master page', booking.masterPageId))
    }
    if (booking.poolId !== null && !lookup.pools.has(booking.poolId)) {
      add('poolId', unknownMessage('pool', booking.poolId))
    }
    const panel = booking.panelId === null ? undefined : lookup.panels.get(booking.panelId)
    if (booking.panelId !== null && panel === undefined) {
      add('panelId', unknownMessage('panel', booking.panelId))
    }
    const startMs = instantMs(booking.start)
    const endMs = instantMs(booking.end)
    if (startMs !== null && endMs !== null) {
      const minutes = (endMs - startMs) / MINUTE_MS
      if (minutes <= 0) add('end', 'a booking ends after it starts')
      else if (!Number.isInteger(minutes) || minutes > MAX_EVENT_MINUTES) {
        add('end', `a booking lasts whole minutes, at most ${MAX_EVENT_MINUTES}`)
      }
    }
    const hosts = booking.hostMemberIds
    hosts.forEach((id, h) => {
      if (!lookup.members.has(id)) add(`hostMemberIds.${h}`, unknownMessage('member', id))
    })
    problems.push(...problemsForRepeats(hosts, `${path}.hostMemberIds`, '', 'host'))
    if (booking.panelId === null && hosts.length !== 1) {
      add('hostMemberIds', `expected 1 host, found ${hosts.length}`)
    }
    problems.push(...historyValidate(booking, path, lookup))
    return problems
  })
}

function historyValidate(
  booking: Booking,
  path: string,
  lookup: WorkspaceLookup,
): WorkspaceProblem[] {
  const problems: WorkspaceProblem[] = []
  booking.history.forEach((entry, i) => {
    const at = `${path}.history.${i}`
    for (const field of ['fromMemberId', 'toMemberId'] as const) {
      const id = entry[field]
      if (id != null && !lookup.members.has(id)) {
        problems.push({ path: `${at}.${field}`, message: unknownMessage('member', id) })
      }
    }
  })
  for (const issue of historyReplay(booking).issues) {
    const where =
      issue.entryIndex === null ? issue.field : `history.${issue.entryIndex}.${issue.field}`
    problems.push({ path: `${path}.${where}`, message: issue.message })
  }
  return problems
}
