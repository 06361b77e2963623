/**
 * A member's bookings as an iCalendar feed (issue 11, `/feeds/<token>.ics`) for Google, Outlook
 * or Apple Calendar to subscribe to: every booking holding the member's time from
 * {@link FEED_PAST_DAYS} days back through the longest booking window of the event types, read
 * through the booking index (`booking_hosts`), never by scanning all bookings. Each booking is one
 * `VEVENT` whose `UID` is `<bookingId>@teamslot` (the invitations' UID), times in UTC. Written
 * with ical.js, as the invitations are (`notify/ics.ts`).
 *
 * The address is the secret: the feed shows what the member would see in Teamslot (event type,
 * customer name and e-mail), nothing of other members.
 */

import { createHash } from 'node:crypto'
import ICAL from 'ical.js'
import type { Booking, Workspace } from '../../../core/src/model/workspace'
import { icsCalendar, icsEventAdd, icsText } from '../notify/ics'

/** Days of past bookings in a feed (api.md). */
export const FEED_PAST_DAYS = 30
const DAY_MS = 86_400_000
/** How often subscribed calendars are asked to fetch the feed again. */
const FEED_REFRESH_SECONDS = 15 * 60

/** The booking's UID in every calendar, for its whole life (as in the invitations). */
export function feedUid(bookingId: string): string {
  return `${bookingId}@teamslot`
}

/** The instants a feed covers at `nowMs`: 30 days back through the longest booking window. */
export function feedRange(state: Pick<Workspace, 'eventTypes'>, nowMs: number) {
  const longest = Math.max(0, ...state.eventTypes.map((eventType) => eventType.maxDaysAhead))
  return { fromMs: nowMs - FEED_PAST_DAYS * DAY_MS, toMs: nowMs + (longest + 1) * DAY_MS }
}

/** The feed's text and a strong validator (`"sha256"`) for conditional requests. */
export function feedCompose(
  member: { readonly name: string },
  bookings: readonly Booking[],
  state: Pick<Workspace, 'eventTypes'>,
  nowMs: number,
): { readonly text: string; readonly etag: string } {
  const eventTypes = new Map(state.eventTypes.map((eventType) => [eventType.id, eventType]))
  const calendar = icsCalendar('PUBLISH')
  const name = icsText(`Teamslot: ${member.name}`)
  calendar.addPropertyWithValue('name', name)
  calendar.addPropertyWithValue('x-wr-calname', name)
  // Subscribers are asked to refresh every 15 minutes (RFC 7986, and Outlook's own property).
  calendar.addPropertyWithValue('refresh-interval', ICAL.Duration.fromSeconds(FEED_REFRESH_SECONDS))
  calendar.addPropertyWithValue('x-published-ttl', `PT${FEED_REFRESH_SECONDS / 60}M`)
  for (const booking of bookings) {
    const eventType = eventTypes.get(booking.eventTypeId)?.name ?? 'Booking'
    const event = icsEventAdd(calendar, {
      uid: feedUid(booking.id),
      sequence: booking.history.length,
      stampMs: nowMs,
      start: booking.start,
      end: booking.end,
      summary: `${eventType}: ${booking.customer.name}`,
    })
    event.addPropertyWithValue(
      'description',
      icsText(`${booking.customer.name} <${booking.customer.email}>`),
    )
    event.addPropertyWithValue('status', 'CONFIRMED')
  }
  const text = `${calendar.toString()}\r\n`
  // DTSTAMP changes every request: the validator follows the bookings only.
  const etag = createHash('sha256')
    .update(member.name)
    .update(
      JSON.stringify(
        bookings.map((b) => [b.id, b.start, b.end, b.eventTypeId, b.history.length, b.customer]),
      ),
    )
    .update(JSON.stringify([...eventTypes.values()].map((e) => [e.id, e.name])))
    .digest('base64url')
  return { text, etag: `"${etag}"` }
}
