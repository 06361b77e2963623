import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import {
  instantText,
  instantTextLuxon,
  meetingTimeText,
  meetingTimeTextLuxon,
  messageCompose,
  zoneShortName,
} from './message-compose'
import type { MessageInput } from './message-compose'

const base: MessageInput = {
  kind: 'confirmation',
  recipient: { name: 'Lee Park', timeZone: 'America/New_York' },
  locale: 'en-US',
  eventTypeName: 'Intro call',
  start: '2027-03-15T09:00:00.000Z',
  end: '2027-03-15T09:30:00.000Z',
  hostNames: ['Ana Silva', 'Ben Okafor'],
  customer: { name: 'Lee Park', email: 'lee@example.org', timeZone: 'America/New_York' },
  answers: [{ label: 'Region', value: 'EMEA <b>' }],
  location: { type: 'video', url: 'https://meet.example.com/abc' },
  manageUrl: 'https://book.example.com/book/sales/manage/bk-1#token=t0k',
}

describe('messageCompose', () => {
  it('confirms in the customer’s zone with first names, the location and the manage link', () => {
    const m = messageCompose(base)
    expect(m.subject).toBe(
      'Confirmed: Intro call on Monday, March 15, 2027, 05:00 AM–05:30 AM EDT (America/New_York)',
    )
    expect(m.text).toContain('with Ana and Ben')
    expect(m.text).not.toContain('Silva')
    expect(m.text).toContain('Where: Video call: https://meet.example.com/abc')
    expect(m.text).toContain(
      'To reschedule or cancel: https://book.example.com/book/sales/manage/bk-1#token=t0k',
    )
    expect(m.html).toContain('href="https://book.example.com/book/sales/manage/bk-1#token=t0k"')
    // Hosts' answers stay out of customer mail.
    expect(m.text).not.toContain('Region')
  })

  it('tells a host the customer, their answers (escaped in HTML) and both zones', () => {
    const m = messageCompose({
      ...base,
      kind: 'new-booking',
      recipient: { name: 'Ana Silva', timeZone: 'Europe/Berlin' },
      locale: 'en-GB',
    })
    expect(m.subject).toBe(
      'New booking: Intro call with Lee Park on Monday, 15 March 2027, 10:00–10:30 CET (Europe/Berlin)',
    )
    expect(m.text).toContain('Customer: Lee Park <lee@example.org>')
    expect(m.text).toContain('Region: EMEA <b>')
    expect(m.html).toContain('EMEA &lt;b&gt;')
    expect(m.html).not.toContain('EMEA <b>')
    expect(m.text).not.toContain('manage')
  })

  it('says what changed on a reschedule and why on a cancellation', () => {
    const moved = messageCompose({
      ...base,
      kind: 'rescheduled',
      previousStart: '2027-03-14T09:00:00.000Z',
    })
    expect(moved.text).toContain('has moved to Monday, March 15, 2027, 05:00 AM–05:30 AM EDT')
    expect(moved.text).toContain('(was Sunday, March 14, 2027, 05:00 AM EDT)')
    const cancelled = messageCompose({ ...base, kind: 'cancelled', reason: 'Ill' })
    expect(cancelled.subject.startsWith('Cancelled: Intro call')).toBe(true)
    expect(cancelled.text).toContain('Reason: Ill')
    expect(cancelled.text).not.toContain('To reschedule or cancel')
  })

  it('reminds with how long is left', () => {
    const m = messageCompose({ ...base, kind: 'reminder', minutesBefore: 1440 })
    expect(m.text).toContain('is in 1 day, on Monday, March 15, 2027')
  })

  it('writes meetings that cross midnight with both days', () => {
    expect(
      meetingTimeText('2027-03-15T22:30:00Z', '2027-03-15T23:30:00Z', 'Europe/Berlin', 'en-GB'),
    ).toBe('Monday, 15 March 2027, 23:30–16 Mar 2027 00:30 CET (Europe/Berlin)')
  })
})

describe('zoneShortName', () => {
  it("names the zone as luxon's toFormat('ZZZZ') does, at any instant, zone and locale", () => {
    const zones = [
      'UTC',
      'Europe/Berlin',
      'Europe/London',
      'America/New_York',
      'America/Sao_Paulo',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Africa/Casablanca',
    ]
    const locales = ['en', 'en-GB', 'en-US', 'de-DE', 'fr-FR', 'ja-JP', 'ar-EG', 'pt-BR']
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('1990-01-01'), max: Date.parse('2060-01-01') }),
        fc.constantFrom(...zones),
        fc.constantFrom(...locales),
        (ms, zone, locale) => {
          const dt = DateTime.fromMillis(ms, { zone }).setLocale(locale)
          expect(zoneShortName(ms, zone, dt.locale!)).toBe(dt.toFormat('ZZZZ'))
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('meeting and instant texts', () => {
  it('read exactly as luxon formats them, at any instant, length, zone and locale', () => {
    const zones = [
      'UTC',
      'GMT',
      'Etc/UTC',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
      'Pacific/Chatham',
    ]
    const locales = ['en', 'en-GB', 'en-US', 'de-DE', 'fr-FR', 'ja-JP', 'ar-EG', 'pt-BR', 'hi-IN']
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2060-01-01') }),
        fc.integer({ min: 1, max: 3 * 24 * 60 }),
        fc.constantFrom(...zones),
        fc.constantFrom(...locales),
        (ms, minutes, zone, locale) => {
          const start = new Date(Math.floor(ms / 60_000) * 60_000).toISOString()
          const end = new Date(Date.parse(start) + minutes * 60_000).toISOString()
          expect(meetingTimeText(start, end, zone, locale)).toBe(
            meetingTimeTextLuxon(start, end, zone, locale),
          )
          expect(instantText(start, zone, locale)).toBe(instantTextLuxon(start, zone, locale))
        },
      ),
      { numRuns: 400 },
    )
  })

  it('name a fixed-offset spelling luxon reads (not an IANA zone) as luxon does', () => {
    const start = '2027-03-15T09:00:00.000Z'
    expect(meetingTimeText(start, '2027-03-15T09:30:00.000Z', 'UTC+3', 'en')).toBe(
      meetingTimeTextLuxon(start, '2027-03-15T09:30:00.000Z', 'UTC+3', 'en'),
    )
    expect(meetingTimeText(start, '2027-03-15T09:30:00.000Z', 'UTC+3', 'en')).toContain('UTC+3')
    expect(instantText(start, 'utc+3', 'en')).toBe(instantTextLuxon(start, 'utc+3', 'en'))
  })

  it('refuse an unknown zone or a malformed instant as luxon does', () => {
    expect(() =>
      meetingTimeText('2027-03-15T09:00:00.000Z', '2027-03-15T09:30:00.000Z', 'Mars/Base', 'en'),
    ).toThrow(RangeError)
    expect(() => instantText('not a time', 'UTC', 'en')).toThrow(RangeError)
  })
})
