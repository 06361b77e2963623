/**
 * Reminders (api.md v1.1): the customer is reminded at each of the event type's
 * `reminderMinutesBefore`, i.e. at the instant `start − minutes` on the UTC time line (so "1440"
 * is exactly 24 hours before, across a DST change too; the email shows local times).
 *
 * A reminder is due at `nowMs` when:
 * - the booking is still to happen (`scheduled` or `rescheduled`) and has not started
 *   (`nowMs < start`);
 * - its instant has come (`start − minutes ≤ nowMs`);
 * - its instant is not earlier than the moment the booking got its current time (the `created`
 *   or last `rescheduled` entry): booking 30 minutes ahead does not send the 60-minute reminder;
 * - its instant is not earlier than `sinceMs` (when notifications began on this store: a store
 *   upgraded with bookings does not remind about instants before that).
 *
 * Keys include the booking's current start and the minutes, so a reschedule plans new reminders
 * and a reminder for the old time is never due again. Callers insert each key once.
 */

import type { Booking, EventType } from '../model/workspace'
import { OPEN_STATUSES } from '../model/booking-statuses'
import { MS_PER_MINUTE, instantParse } from '../time/instant'

/** One reminder that is due. */
export interface ReminderDue {
  /** `reminder.<bookingId>.<start ISO>.<minutes>`: one per booking, time and offset. */
  readonly key: string
  readonly bookingId: string
  readonly minutesBefore: number
  /** When it was due (epoch ms). */
  readonly dueAtMs: number
  /** The meeting start it reminds of (ISO UTC). */
  readonly start: string
}

/** The reminder key of a booking's start and offset. */
export function reminderKey(bookingId: string, start: string, minutesBefore: number): string {
  return `reminder.${bookingId}.${start}.${minutesBefore}`
}

/** When the booking got its current time (epoch ms): its last `rescheduled` or its `created` entry. */
export function bookingTimeSetAtMs(booking: Booking): number {
  for (let i = booking.history.length - 1; i >= 0; i--) {
    const entry = booking.history[i]
    if (entry?.action === 'rescheduled' || entry?.action === 'created') {
      return instantParse(entry.at)
    }
  }
  return -Infinity
}

/**
 * The reminders of open, not yet started bookings whose instants lie in `[fromMs, toMs]` and are
 * not earlier than the booking got its time or `sinceMs` (the rules above): the one rule behind
 * what is due and what is to come. Ordered by instant, then key.
 */
function remindersPlanned(
  bookings: readonly Booking[],
  eventTypes: readonly EventType[],
  nowMs: number,
  sinceMs: number,
  fromMs: number,
  toMs: number,
): ReminderDue[] {
  const byId = new Map(eventTypes.map((e) => [e.id, e]))
  const out: ReminderDue[] = []
  for (const booking of bookings) {
    if (!OPEN_STATUSES.has(booking.status)) continue
    const startMs = instantParse(booking.start)
    if (nowMs >= startMs) continue
    const minutesList = byId.get(booking.eventTypeId)?.reminderMinutesBefore ?? []
    if (minutesList.length === 0) continue
    const earliest = Math.max(sinceMs, bookingTimeSetAtMs(booking))
    for (const minutes of new Set(minutesList)) {
      const dueAtMs = startMs - minutes * MS_PER_MINUTE
      if (dueAtMs > toMs || dueAtMs < fromMs || dueAtMs < earliest) continue
      out.push({
        key: reminderKey(booking.id, booking.start, minutes),
        bookingId: booking.id,
        minutesBefore: minutes,
        dueAtMs,
        start: booking.start,
      })
    }
  }
  return out.sort((a, b) => a.dueAtMs - b.dueAtMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/**
 * Every reminder due at `nowMs` (rules above), ordered by due instant then key. `eventTypes` are
 * looked up by id; a booking whose event type is unknown has none.
 */
export function remindersDue(
  bookings: readonly Booking[],
  eventTypes: readonly EventType[],
  nowMs: number,
  sinceMs: number,
): readonly ReminderDue[] {
  return remindersPlanned(bookings, eventTypes, nowMs, sinceMs, -Infinity, nowMs)
}

/**
 * The reminders still to come after `nowMs` (due later, by the same rules), the first `limit` by
 * instant: what the outbox will get, for people to see before it happens.
 */
export function remindersAhead(
  bookings: readonly Booking[],
  eventTypes: readonly EventType[],
  nowMs: number,
  limit: number,
): readonly ReminderDue[] {
  return remindersPlanned(bookings, eventTypes, nowMs, -Infinity, nowMs + 1, Infinity).slice(
    0,
    limit,
  )
}

/**
 * True while a reminder planned for `start` is still worth sending: the booking is open, still at
 * that start, and has not started. The sender asks this just before sending.
 */
export function reminderStillValid(booking: Booking, start: string, nowMs: number): boolean {
  return (
    OPEN_STATUSES.has(booking.status) &&
    instantParse(booking.start) === instantParse(start) &&
    nowMs < instantParse(booking.start)
  )
}
