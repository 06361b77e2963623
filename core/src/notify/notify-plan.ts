/**
 * Who is told what about a booking change (api.md v1.1, "Email (durable outbox)"): one pure
 * function of the booking and one of its history entries, so deriving the messages again after a
 * crash gives the same messages with the same keys.
 *
 * | entry       | customer                         | hosts                                               |
 * | ----------- | -------------------------------- | --------------------------------------------------- |
 * | created     | confirmation, REQUEST            | new-booking to every host, REQUEST                  |
 * | rescheduled | rescheduled, REQUEST (new hosts) | host-rescheduled to the hosts who keep it           |
 * | cancelled   | cancelled, CANCEL                | host-cancelled to every host then, CANCEL           |
 * | reassigned  | nothing                          | reassigned-away (CANCEL), assigned-to-you (REQUEST) |
 *
 * A reschedule that had to move a seat to another member is written as `rescheduled` followed by
 * `reassigned` entries with the same instant: the hosts who lose the booking then get only the
 * cancellation of their reassignment, not an update first. No-shows, completions and conflict
 * notes tell no one by email; integrations hear of them through webhooks (`webhookEventType`).
 */

import type { Booking, HistoryAction } from '../model/workspace'
import { bookingAtEntry, calendarSequence } from './booking-at-entry'

/** Every kind of email Teamslot sends. */
export const MESSAGE_KINDS = [
  'confirmation',
  'new-booking',
  'rescheduled',
  'host-rescheduled',
  'cancelled',
  'host-cancelled',
  'reassigned-away',
  'assigned-to-you',
  'reminder',
] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

/** The iCalendar method of a message's invitation. */
export type CalendarMethod = 'REQUEST' | 'CANCEL'

/** One message a change causes. */
export interface PlannedMessage {
  /** Unique per booking, entry and recipient: `<bookingId>.<entryIndex>.<recipient>`. */
  readonly key: string
  readonly kind: MessageKind
  /** The customer, or one host (by member id). */
  readonly to: { readonly customer: true } | { readonly memberId: string }
  readonly method: CalendarMethod
  /** The invitation's `SEQUENCE` (`calendarSequence` at this entry). */
  readonly sequence: number
  /** The entry it tells about. */
  readonly entryIndex: number
  /**
   * The entry after which the booking is described (`bookingAtEntry`): `entryIndex`, except for
   * a reschedule, described after the seats it re-filled (the customer's email names the hosts
   * they now meet), and for a host a reschedule took off (their "no longer yours" names the
   * meeting they knew, at its time before the move, not the new one they never had).
   */
  readonly describedAt: number
}

/** The webhook events (api.md v1.1, "Webhooks"). */
export const WEBHOOK_EVENT_TYPES = [
  'booking.created',
  'booking.rescheduled',
  'booking.cancelled',
  'booking.reassigned',
  'booking.no-show',
  'booking.completed',
] as const
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

const WEBHOOK_OF: Readonly<Record<HistoryAction, WebhookEventType | null>> = {
  created: 'booking.created',
  rescheduled: 'booking.rescheduled',
  cancelled: 'booking.cancelled',
  reassigned: 'booking.reassigned',
  'no-show': 'booking.no-show',
  completed: 'booking.completed',
  'conflict-resolved': null,
  'change-superseded': null,
}

/** The webhook event a history entry is, or null (conflict notes are not events). */
export function webhookEventType(booking: Booking, entryIndex: number): WebhookEventType | null {
  const entry = booking.history[entryIndex]
  return entry ? WEBHOOK_OF[entry.action] : null
}

/** The webhook event id of a history entry: stable, so receivers can deduplicate. */
export function webhookEventId(bookingId: string, entryIndex: number): string {
  return `ev.${bookingId}.${entryIndex}`
}

/** The message key of the customer's or a host's message about an entry. */
export function messageKey(
  bookingId: string,
  entryIndex: number,
  to: PlannedMessage['to'],
): string {
  return `${bookingId}.${entryIndex}.${'customer' in to ? 'customer' : `host:${to.memberId}`}`
}

/**
 * The messages `history[entryIndex]` of `booking` causes (see the table above), customer first,
 * then hosts in seat order. Empty for entries that tell no one. Throws a `RangeError` for an
 * index outside the history.
 */
export function notifyPlan(booking: Booking, entryIndex: number): readonly PlannedMessage[] {
  const entry = booking.history[entryIndex]
  if (!entry) throw new RangeError(`No history entry ${entryIndex} in booking ${booking.id}`)
  const moment = bookingAtEntry(booking, entryIndex)
  const sequence = calendarSequence(booking, entryIndex)
  const out: PlannedMessage[] = []
  const add = (
    kind: MessageKind,
    to: PlannedMessage['to'],
    method: CalendarMethod,
    describedAt = entryIndex,
  ) =>
    out.push({
      key: messageKey(booking.id, entryIndex, to),
      kind,
      to,
      method,
      sequence,
      entryIndex,
      describedAt,
    })
  const hosts = [...new Set(moment.hostMemberIds)]
  switch (entry.action) {
    case 'created':
      add('confirmation', { customer: true }, 'REQUEST')
      for (const memberId of hosts) add('new-booking', { memberId }, 'REQUEST')
      break
    case 'rescheduled': {
      // Told as the move left it: with the hosts after the seats it re-filled (the customer's
      // email and invitation name who they now meet, not who they met before).
      const moved = sameInstantReassignmentsEnd(booking, entryIndex)
      add('rescheduled', { customer: true }, 'REQUEST', moved)
      const keeping = new Set(bookingAtEntry(booking, moved).hostMemberIds)
      for (const memberId of hosts) {
        if (keeping.has(memberId)) add('host-rescheduled', { memberId }, 'REQUEST', moved)
      }
      break
    }
    case 'cancelled':
      add('cancelled', { customer: true }, 'CANCEL')
      for (const memberId of hosts) add('host-cancelled', { memberId }, 'CANCEL')
      break
    case 'reassigned':
      if (entry.fromMemberId) {
        const move = rescheduleOf(booking, entryIndex)
        add(
          'reassigned-away',
          { memberId: entry.fromMemberId },
          'CANCEL',
          move === null ? entryIndex : move - 1,
        )
      }
      if (entry.toMemberId) add('assigned-to-you', { memberId: entry.toMemberId }, 'REQUEST')
      break
    case 'completed':
    case 'no-show':
    case 'conflict-resolved':
    case 'change-superseded':
      break
  }
  return out
}

/**
 * The `rescheduled` entry a `reassigned` entry `i` belongs to (a reschedule re-fills the seats
 * whose hosts are not free at the new time: its `reassigned` entries follow it at the same
 * instant), or null for a reassignment of its own.
 */
function rescheduleOf(booking: Booking, i: number): number | null {
  const at = booking.history[i]?.at
  for (let j = i - 1; j >= 0; j--) {
    const entry = booking.history[j]
    if (!entry || entry.at !== at) return null
    if (entry.action === 'rescheduled') return j
    if (entry.action !== 'reassigned') return null
  }
  return null
}

/** The last of the `reassigned` entries that directly follow entry `i` at its instant, else `i`. */
function sameInstantReassignmentsEnd(booking: Booking, i: number): number {
  const at = booking.history[i]?.at
  let last = i
  while (
    booking.history[last + 1]?.action === 'reassigned' &&
    booking.history[last + 1]?.at === at
  ) {
    last++
  }
  return last
}
