import { describe, expect, it } from 'vitest'
import type { PageEventType, PublicPage } from '../api/types'
import {
  flowAutoChoices,
  flowSteps,
  NO_CHOICES,
  refusedStartNotice,
  stepAfter,
  stepBefore,
} from './flow'
import { prefillParse } from './prefill'
import { googleCalendarUrl, icsUrl, outlookCalendarUrl } from './calendar-links'

const eventType = (id: string, questions = 0): PageEventType => ({
  id,
  name: id,
  durationMinutes: 30,
  questions: Array.from({ length: questions }, (_, i) => ({
    id: `q${i}`,
    label: `Q${i}`,
    type: 'text' as const,
    required: false,
  })),
  location: null,
  cancelNoticeMinutes: null,
  minNoticeMinutes: 0,
  maxDaysAhead: 30,
})

const page = (fields: Partial<PublicPage>): PublicPage => ({
  slug: 'p',
  title: 'P',
  kind: 'master-page',
  assignment: { type: 'static' },
  branding: null,
  eventTypes: [eventType('intro', 1), eventType('demo')],
  bookingPages: [],
  ...fields,
})

const members = [
  { id: 'bp-ana', name: 'Ana', eventTypeIds: ['intro', 'demo'] },
  { id: 'bp-ben', name: 'Ben', eventTypeIds: ['intro'] },
]

describe('flowSteps', () => {
  it.each([
    ['rules, two event types', page({}), NO_CHOICES, ['event', 'time', 'details']],
    [
      'rules, the event type with questions chosen',
      page({}),
      { ...NO_CHOICES, eventTypeId: 'intro' },
      ['event', 'questions', 'time', 'details'],
    ],
    [
      'one event type with questions: no "what would you like to book?"',
      page({ eventTypes: [eventType('intro', 2)] }),
      NO_CHOICES,
      ['questions', 'time', 'details'],
    ],
    [
      'a member’s own link with one event type: straight to the calendar',
      page({ kind: 'booking-page', eventTypes: [eventType('demo')] }),
      NO_CHOICES,
      ['time', 'details'],
    ],
    [
      'booking pages first',
      page({
        assignment: { type: 'customer-choice', flow: 'booking-pages-first' },
        bookingPages: members,
      }),
      NO_CHOICES,
      ['member', 'event', 'time', 'details'],
    ],
    [
      'booking pages first, a member with one event type',
      page({
        assignment: { type: 'customer-choice', flow: 'booking-pages-first' },
        bookingPages: members,
      }),
      { ...NO_CHOICES, bookingPageId: 'bp-ben' },
      ['member', 'questions', 'time', 'details'],
    ],
    [
      'event types first, an event type one member offers',
      page({
        assignment: { type: 'customer-choice', flow: 'event-types-first' },
        bookingPages: members,
      }),
      { ...NO_CHOICES, eventTypeId: 'demo' },
      ['event', 'time', 'details'],
    ],
    [
      'find member by time, two free then',
      page({
        assignment: { type: 'customer-choice', flow: 'find-member-by-time' },
        bookingPages: members,
        eventTypes: [eventType('demo')],
      }),
      {
        ...NO_CHOICES,
        slot: { start: 's', end: 'e', bookingPages: members.map(({ id, name }) => ({ id, name })) },
      },
      ['time', 'member-at-time', 'details'],
    ],
    [
      'find member by time, one free then',
      page({
        assignment: { type: 'customer-choice', flow: 'find-member-by-time' },
        bookingPages: members,
        eventTypes: [eventType('demo')],
      }),
      {
        ...NO_CHOICES,
        slot: { start: 's', end: 'e', bookingPages: [{ id: 'bp-ana', name: 'Ana' }] },
      },
      ['time', 'details'],
    ],
  ])('%s', (_, p, choices, steps) => {
    expect(flowSteps(p, choices)).toEqual(steps)
  })
})

describe('flowAutoChoices', () => {
  it('chooses the only event type, the only member and the only member free at a time', () => {
    const single = page({ eventTypes: [eventType('demo')] })
    expect(flowAutoChoices(single, NO_CHOICES).eventTypeId).toBe('demo')
    const chooser = page({
      assignment: { type: 'customer-choice', flow: 'event-types-first' },
      bookingPages: members,
    })
    expect(flowAutoChoices(chooser, { ...NO_CHOICES, eventTypeId: 'demo' }).bookingPageId).toBe(
      'bp-ana',
    )
    expect(flowAutoChoices(chooser, { ...NO_CHOICES, eventTypeId: 'intro' }).bookingPageId).toBe(
      null,
    )
    const byTime = page({
      assignment: { type: 'customer-choice', flow: 'find-member-by-time' },
      bookingPages: members,
    })
    const slot = { start: 's', end: 'e', bookingPages: [{ id: 'bp-ben', name: 'Ben' }] }
    expect(flowAutoChoices(byTime, { ...NO_CHOICES, slot }).bookingPageId).toBe('bp-ben')
  })
})

describe('stepAfter and stepBefore', () => {
  it('walk the steps', () => {
    const steps = ['event', 'time', 'details'] as const
    expect(stepAfter(steps, null)).toBe('event')
    expect(stepAfter(steps, 'time')).toBe('details')
    expect(stepAfter(steps, 'details')).toBeNull()
    expect(stepBefore(steps, 'time')).toBe('event')
    expect(stepBefore(steps, 'event')).toBeNull()
  })
})

describe('prefillParse', () => {
  it('reads name, e-mail and answers, and drops what could reach a prototype', () => {
    expect(
      prefillParse(
        '?name=%20Lee%20Park&email=lee%40example.org&answers.region=EMEA&answers.__proto__=x&answers.bad%20id=1&other=1',
      ),
    ).toEqual({ name: 'Lee Park', email: 'lee@example.org', answers: { region: 'EMEA' } })
  })

  it('cuts overlong values to what the API accepts', () => {
    expect(prefillParse(`?name=${'a'.repeat(500)}`).name).toHaveLength(200)
  })
})

describe('calendar links', () => {
  const event = {
    title: 'Intro call with Ana',
    startIso: '2027-03-11T10:00:00.000Z',
    endIso: '2027-03-11T10:30:00.000Z',
    details: 'Manage: https://book.example/x',
    location: 'https://meet.example.com/a',
  }

  it('prefill Google Calendar with UTC times', () => {
    const url = new URL(googleCalendarUrl(event))
    expect(url.origin).toBe('https://calendar.google.com')
    expect(url.searchParams.get('dates')).toBe('20270311T100000Z/20270311T103000Z')
    expect(url.searchParams.get('text')).toBe('Intro call with Ana')
    expect(url.searchParams.get('location')).toBe('https://meet.example.com/a')
  })

  it('prefill Outlook.com', () => {
    const url = new URL(outlookCalendarUrl(event))
    expect(url.origin).toBe('https://outlook.live.com')
    expect(url.searchParams.get('startdt')).toBe('2027-03-11T10:00:00.000Z')
    expect(url.searchParams.get('enddt')).toBe('2027-03-11T10:30:00.000Z')
    expect(url.searchParams.get('subject')).toBe('Intro call with Ana')
  })

  it('point at the server’s .ics download with the manage token', () => {
    expect(icsUrl('bk-1', 'a/b')).toBe('/api/public/bookings/bk-1/calendar.ics?token=a%2Fb')
  })
})

describe('refusedStartNotice', () => {
  it('says why a confirmed start was refused: taken, too soon now, or past the window', () => {
    expect(refusedStartNotice({}, 'time')).toBe('time.justTaken')
    expect(refusedStartNotice({ reason: 'too-soon' }, 'time')).toBe('time.tooSoon')
    expect(refusedStartNotice({ reason: 'too-far-ahead' }, 'time')).toBe('time.tooFarAhead')
    expect(refusedStartNotice({ reason: 'too-soon' }, 'manage')).toBe('manage.tooSoon')
    expect(refusedStartNotice({ reason: 'too-far-ahead' }, 'manage')).toBe('manage.tooFarAhead')
    expect(refusedStartNotice({ reason: 'something-new' }, 'manage')).toBe('manage.justTaken')
  })
})
