/**
 * Booking records: references, times, hosts and the history pool statistics are derived from.
 */

import type { Booking } from '../model/workspace'
import { historyReplay } from '../distribution/booking-history'
import { MAX_EVENT_MINUTES } from './event-types-validate'
import { instantMs, zoneIsKnown } from './value-formats'
import type { WorkspaceLookup } from './workspace-lookup'
import type { WorkspaceProblem } from './workspace-problem'
import { problemsForRepeats, unknownMessage } from './workspace-problem'

const MINUTE_MS = 60_000

/**
 * Problems with each booking, at `bookings.${index}…`:
 * - the event type exists; the master page, pool and panel exist when set;
 * - `start` and `end` are UTC instants, `start < end`, the length is whole minutes and at most
 *   {@link MAX_EVENT_MINUTES}. The length need not equal the event type's current duration: a
 *   booking keeps the duration it was booked with, so editing an event type (or an export, edit,
 *   import round trip) never invalidates history;
 * - hosts exist and are distinct; a panel booking has one host per seat of its panel (seat order),
 *   any other booking exactly one; a panel booking's `poolId`, when set, is one of its seat pools;
 * - the customer's time zone is a known IANA zone;
 * - history entries are at UTC instants, name existing members, and read consistently under the
 *   semantics of `historyReplay` (created first and once, chronological, reassignments from a
 *   current host to a non-host, nothing but conflict resolution after a cancellation or no-show,
 *   hosts matching the reassignments, a cancelled status recorded in the history).
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
    if (startMs === null) add('start', 'expected an ISO-8601 UTC instant')
    if (endMs === null) add('end', 'expected an ISO-8601 UTC instant')
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
    const seats = panel === undefined ? (booking.panelId === null ? 1 : null) : panel.seats.length
    if (seats !== null && hosts.length !== seats) {
      add(
        'hostMemberIds',
        `expected ${seats} host${seats === 1 ? '' : 's'} (one per seat), found ${hosts.length}`,
      )
    }
    if (panel !== undefined && booking.poolId !== null) {
      if (!panel.seats.some((seat) => 'poolId' in seat && seat.poolId === booking.poolId)) {
        add('poolId', `pool ${JSON.stringify(booking.poolId)} fills no seat of the booking's panel`)
      }
    }
    if (!zoneIsKnown(booking.customer.timeZone)) {
      add(
        'customer.timeZone',
        `unknown IANA time zone ${JSON.stringify(booking.customer.timeZone)}`,
      )
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
    if (instantMs(entry.at) === null) {
      problems.push({ path: `${at}.at`, message: 'expected an ISO-8601 UTC instant' })
    }
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
