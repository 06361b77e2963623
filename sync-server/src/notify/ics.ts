import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator'
import type { CalendarMethod, MeetingLocation } from '../../../core/src/notify'

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

/**
 * One `VCALENDAR` with one `VEVENT` (RFC 5545 / iTIP 5546) as the major calendars import it:
 * `UID` `<bookingId>@teamslot` for the booking's whole life, `SEQUENCE` growing with every
 * change, `DTSTART`/`DTEND` in UTC, `METHOD` REQUEST/CANCEL (a cancellation also carries
 * `STATUS:CANCELLED`, which Outlook needs), ORGANIZER, ATTENDEEs, LOCATION and the manage URL.
 * Written by ical-generator, which folds lines and escapes text.
 */
export function icsCompose(input: IcsInput): string {
  const calendar = ical({
    prodId: { company: 'Teamslot', product: 'Teamslot', language: 'EN' },
    method: ICalCalendarMethod[input.method],
  })
  const isCancel = input.method === 'CANCEL'
  const location = input.location
  calendar.createEvent({
    id: icsUid(input.bookingId),
    sequence: input.sequence,
    stamp: new Date(input.stampMs),
    start: new Date(input.start),
    end: new Date(input.end),
    summary: input.summary,
    description: input.description,
    status: isCancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...(location ? { location: icsLocation(location) } : {}),
    ...(input.url ? { url: input.url } : {}),
    organizer: { name: input.organizer.name, email: input.organizer.email },
    attendees: input.attendees.map((person) => ({
      name: person.name,
      email: person.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: false,
    })),
  })
  return calendar.toString()
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
