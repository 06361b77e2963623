import ICAL from 'ical.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { feedCompose } from '../calendars/calendar-feed'
import { icsCompose, icsText, icsUid } from './ics'
import type { IcsInput } from './ics'

const BASE: IcsInput = {
  bookingId: 'bk-abcdefghijkl',
  method: 'REQUEST',
  sequence: 2,
  start: '2027-03-11T10:00:00.000Z',
  end: '2027-03-11T10:30:00.000Z',
  summary: 'Intro call: Lee Park',
  description: 'Intro call with Ana Silva.',
  location: { type: 'in-person', address: 'Hauptstr. 1, Berlin' },
  url: 'https://book.example.com/manage/bk-abcdefghijkl?token=abc',
  organizer: { name: 'Teamslot', email: 'bookings@example.com' },
  attendees: [{ name: 'Lee Park', email: 'lee@example.org' }],
  stampMs: Date.parse('2027-03-10T08:00:00Z'),
}

/** The one VEVENT of an invitation, parsed by ical.js as a calendar would. */
function eventOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const vevent = calendar.getFirstSubcomponent('vevent')!
  return { calendar, vevent }
}

/**
 * Any text a name, summary or description may hold: punctuation iCalendar escapes, quotes, line
 * breaks of every kind, any script; up to a few hundred octets, so lines fold.
 */
const textArb = fc.string({
  unit: fc.constantFrom(...'aZ ,;:\\"\'^\n\r-éß日本語😀'.split(/(?:)/u)),
  minLength: 1,
  maxLength: 120,
  size: 'max',
})

/**
 * Names are parameters (CN): RFC 6868 quoting, no backslash escapes. ical.js writes a backslash
 * there as it is but reads two of them back as one, so names here have none (text values do).
 */
const nameArb = textArb.filter((name) => !name.includes('\\'))

describe('icsCompose (invitations)', () => {
  it('says what the booking is: UID for life, sequence, UTC times, method, status, people', () => {
    const { calendar, vevent } = eventOf(icsCompose(BASE))
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST')
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(vevent.getFirstPropertyValue('uid')).toBe(icsUid(BASE.bookingId))
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2)
    expect(String(vevent.getFirstPropertyValue('dtstart'))).toBe('2027-03-11T10:00:00Z')
    expect(String(vevent.getFirstPropertyValue('dtend'))).toBe('2027-03-11T10:30:00Z')
    expect(String(vevent.getFirstPropertyValue('dtstamp'))).toBe('2027-03-10T08:00:00Z')
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(vevent.getFirstPropertyValue('location')).toBe('Hauptstr. 1, Berlin')
    expect(vevent.getFirstPropertyValue('url')).toBe(BASE.url)
    const organizer = vevent.getFirstProperty('organizer')!
    expect([organizer.getFirstValue(), organizer.getParameter('cn')]).toEqual([
      'mailto:bookings@example.com',
      'Teamslot',
    ])
    const attendee = vevent.getFirstProperty('attendee')!
    expect(attendee.getFirstValue()).toBe('mailto:lee@example.org')
    expect(attendee.getParameter('partstat')).toBe('NEEDS-ACTION')
    const cancel = eventOf(icsCompose({ ...BASE, method: 'CANCEL', location: null, url: null }))
    expect(cancel.calendar.getFirstPropertyValue('method')).toBe('CANCEL')
    expect(cancel.vevent.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(cancel.vevent.hasProperty('location')).toBe(false)
    expect(cancel.vevent.hasProperty('url')).toBe(false)
  })

  it('reads back every text exactly, in lines of at most 75 octets ending in CRLF', () => {
    fc.assert(
      fc.property(textArb, textArb, nameArb, textArb, (summary, description, name, place) => {
        const text = icsCompose({
          ...BASE,
          summary,
          description,
          location: { type: 'in-person', address: place },
          organizer: { name, email: 'bookings@example.com' },
          attendees: [{ name, email: 'lee@example.org' }],
        })
        expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
        for (const line of text.slice(0, -2).split('\r\n')) {
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
          expect(line).not.toMatch(/[\r\n]/)
        }
        const { vevent } = eventOf(text)
        // Every kind of line break reads back as one LF; a bare CR is never written.
        expect(text.replace(/\r\n/g, '')).not.toContain('\r')
        expect(vevent.getFirstPropertyValue('summary')).toBe(icsText(summary))
        expect(vevent.getFirstPropertyValue('description')).toBe(icsText(description))
        expect(vevent.getFirstPropertyValue('location')).toBe(icsText(place))
        expect(vevent.getFirstProperty('organizer')!.getParameter('cn')).toBe(icsText(name))
        expect(vevent.getFirstProperty('attendee')!.getParameter('cn')).toBe(icsText(name))
      }),
      { numRuns: 300 },
    )
  })

  it('names a member feed with the text escaped, every event read back', () => {
    fc.assert(
      fc.property(nameArb, textArb, (member, customer) => {
        const booking = {
          id: 'bk-mwy7sw00abcdefgh',
          eventTypeId: 'et-call',
          start: '2027-03-11T10:00:00.000Z',
          end: '2027-03-11T10:30:00.000Z',
          history: [{ at: '2027-03-10T08:00:00.000Z', action: 'created', by: 'customer' }],
          customer: { name: customer, email: 'lee@example.org', timeZone: 'UTC' },
        } as unknown as Parameters<typeof feedCompose>[1][number]
        const { text } = feedCompose(
          { name: member },
          [booking],
          { eventTypes: [{ id: 'et-call', name: 'Intro call' } as never] },
          Date.parse('2027-03-10T08:00:00Z'),
        )
        for (const line of text.slice(0, -2).split('\r\n')) {
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
        }
        const calendar = new ICAL.Component(ICAL.parse(text))
        expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(icsText(`Teamslot: ${member}`))
        expect(calendar.getFirstPropertyValue('name')).toBe(icsText(`Teamslot: ${member}`))
        const vevent = calendar.getFirstSubcomponent('vevent')!
        expect(vevent.getFirstPropertyValue('summary')).toBe(icsText(`Intro call: ${customer}`))
      }),
      { numRuns: 200 },
    )
  })
})
