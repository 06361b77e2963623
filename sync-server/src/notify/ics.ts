import ICAL from 'ical.js'
import type { CalendarMethod, MeetingLocation } from '../../../core/src/notify'

// Lines of at most 75 octets (RFC 5545 3.1): ical.js folds after `foldLength` octets and starts
// each continuation line with a space, so 74 keeps those at 75 too.
ICAL.foldLength = 74
// Calendar names (RFC 7986 NAME, and Apple's and Google's X-WR-CALNAME) are text: escaped like
// SUMMARY. ical.js does not know them and would write them as they are.
for (const name of ['name', 'x-wr-calname']) {
  ICAL.design.icalendar.property[name] ??= { defaultType: 'text' }
}

/**
 * Text as a calendar property holds it: every line break as one LF, which the writer escapes
 * (`\\n`). ical.js leaves a bare CR as it is, and a customer's answer may hold one.
 */
export function icsText(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/** One party of an invitation. */
export interface IcsPerson {
  readonly name: string
  readonly email: string
}

/** What an invitation says. Instants are ISO UTC. */
export interface IcsInput {
  readonly bookingId: string
  /** `REQUEST` (invite or update), `CANCEL`, or `PUBLISH` (a file to import, the download). */
  readonly method: CalendarMethod | 'PUBLISH'
  readonly sequence: number
  readonly start: string
  readonly end: string
  readonly summary: string
  readonly description: string
  readonly location: MeetingLocation | null
  /** The customer's manage page (customer copies only). */
  readonly url: string | null
  /** The sender of the emails (`--mail-from`). */
  readonly organizer: IcsPerson
  readonly attendees: readonly IcsPerson[]
  /** DTSTAMP: when this copy was made (epoch ms). */
  readonly stampMs: number
}

/** The UID of a booking in every calendar, for its whole life. */
export function icsUid(bookingId: string): string {
  return `${bookingId}@teamslot`
}

/** PRODID of every calendar text Teamslot writes. */
export const ICS_PRODID = '-//Teamslot//Teamslot//EN'

/** A `VCALENDAR` with VERSION, PRODID and METHOD, for {@link icsEventAdd} to fill. */
export function icsCalendar(method: CalendarMethod | 'PUBLISH'): ICAL.Component {
  const calendar = new ICAL.Component('vcalendar')
  calendar.addPropertyWithValue('version', '2.0')
  calendar.addPropertyWithValue('prodid', ICS_PRODID)
  calendar.addPropertyWithValue('method', method)
  return calendar
}

/** One `VEVENT` of `calendar`: UID, SEQUENCE, DTSTAMP, DTSTART and DTEND in UTC, SUMMARY. */
export function icsEventAdd(
  calendar: ICAL.Component,
  event: {
    readonly uid: string
    readonly sequence: number
    readonly stampMs: number
    readonly start: string
    readonly end: string
    readonly summary: string
  },
): ICAL.Component {
  const vevent = new ICAL.Component('vevent')
  vevent.addPropertyWithValue('uid', event.uid)
  vevent.addPropertyWithValue('sequence', event.sequence)
  vevent.addPropertyWithValue('dtstamp', icsUtc(new Date(event.stampMs)))
  vevent.addPropertyWithValue('dtstart', icsUtc(new Date(event.start)))
  vevent.addPropertyWithValue('dtend', icsUtc(new Date(event.end)))
  vevent.addPropertyWithValue('summary', icsText(event.summary))
  calendar.addSubcomponent(vevent)
  return vevent
}

/** A UTC DATE-TIME (`…Z`); throws a `RangeError` for an invalid date. */
function icsUtc(date: Date): ICAL.Time {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid date in a calendar event')
  return ICAL.Time.fromJSDate(date, true)
}

/**
 * One `VCALENDAR` with one `VEVENT` (RFC 5545 / iTIP 5546) as the major calendars import it:
 * `UID` `<bookingId>@teamslot` for the booking's whole life, `SEQUENCE` growing with every
 * change, `DTSTART`/`DTEND` in UTC, `METHOD` REQUEST/CANCEL (a cancellation also carries
 * `STATUS:CANCELLED`, which Outlook needs), ORGANIZER, ATTENDEEs, LOCATION and the manage URL.
 * Written by Mozilla's ical.js (which also parses members' calendars): it escapes text, quotes
 * parameters and folds lines at 75 octets.
 */
export function icsCompose(input: IcsInput): string {
  const calendar = icsCalendar(input.method)
  const event = icsEventAdd(calendar, {
    uid: icsUid(input.bookingId),
    sequence: input.sequence,
    stampMs: input.stampMs,
    start: input.start,
    end: input.end,
    summary: input.summary,
  })
  if (input.location) {
    event.addPropertyWithValue('location', icsText(icsLocation(input.location)))
  }
  event.addPropertyWithValue('description', icsText(input.description))
  const organizer = event.addPropertyWithValue('organizer', `mailto:${input.organizer.email}`)
  organizer.setParameter('cn', icsText(input.organizer.name))
  for (const person of input.attendees) {
    const attendee = event.addPropertyWithValue('attendee', `mailto:${person.email}`)
    attendee.setParameter('cn', icsText(person.name))
    attendee.setParameter('role', 'REQ-PARTICIPANT')
    attendee.setParameter('partstat', 'NEEDS-ACTION')
    attendee.setParameter('rsvp', 'FALSE')
  }
  if (input.url) event.addPropertyWithValue('url', input.url)
  event.addPropertyWithValue('status', input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED')
  return `${calendar.toString()}\r\n`
}

/** LOCATION as calendars use it: the address (maps), the number, or the link (join button). */
function icsLocation(location: MeetingLocation): string {
  switch (location.type) {
    case 'in-person':
      return location.address
    case 'phone':
      return `Phone ${location.number}`
    case 'video':
      return location.url
  }
}
