/**
 * "Add to calendar" links for a booking: the server's `.ics` download (api.md v1.1: one VEVENT
 * whose UID stays the booking's for its whole life) and prefilled "new event" pages of Google
 * Calendar and Outlook.com.
 */

export interface CalendarEvent {
  readonly title: string
  readonly startIso: string
  readonly endIso: string
  readonly details: string
  readonly location: string
}

/** `20270311T100000Z`: the basic ISO form Google wants. */
function basicUtc(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** Google Calendar's event template, prefilled. */
export function googleCalendarUrl(event: CalendarEvent): string {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: event.title,
    dates: `${basicUtc(event.startIso)}/${basicUtc(event.endIso)}`,
    details: event.details,
    location: event.location,
  })
  return `https://calendar.google.com/calendar/render?${params}`
}

/** Outlook.com's compose page, prefilled (times in UTC ISO). */
export function outlookCalendarUrl(event: CalendarEvent): string {
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: event.title,
    startdt: new Date(event.startIso).toISOString(),
    enddt: new Date(event.endIso).toISOString(),
    body: event.details,
    location: event.location,
  })
  return `https://outlook.live.com/calendar/0/deeplink/compose?${params}`
}

/** The server's `.ics` download of booking `id` (the manage token proves it is the customer's). */
export function icsUrl(id: string, token: string): string {
  return `/api/public/bookings/${encodeURIComponent(id)}/calendar.ics?token=${encodeURIComponent(token)}`
}
