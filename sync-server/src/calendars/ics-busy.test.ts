import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { icsBusyIntervals, icsZoneResolve } from './ics-busy'

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

const range = {
  fromMs: Date.parse('2027-03-01T00:00:00Z'),
  toMs: Date.parse('2027-05-01T00:00:00Z'),
}

/** The intervals as `start/end` ISO strings, for readable expectations. */
function read(name: string, memberZone: string, options = range): string[] {
  const result = icsBusyIntervals(fixture(name), { memberZone, ...options })
  if (!result.ok) throw new Error(result.message)
  return result.intervals.map(
    ([start, end]) =>
      `${new Date(start).toISOString().slice(0, 16)}/${new Date(end).toISOString().slice(0, 16)}`,
  )
}

describe('icsBusyIntervals', () => {
  it('expands a Google export: weekly series over the DST change, EXDATE, a moved and a cancelled instance, UTC and all-day events, a free all-day event ignored', () => {
    expect(read('google.ics', 'Europe/Berlin')).toEqual([
      '2027-03-01T09:00/2027-03-01T10:00',
      '2027-03-08T09:00/2027-03-08T10:00',
      // 15 March is an EXDATE.
      '2027-03-17T13:00/2027-03-17T13:30',
      // 18 March: "Birthday of Ben" is transparent.
      '2027-03-22T13:00/2027-03-22T14:00',
      '2027-03-23T23:00/2027-03-25T23:00',
      // Summer time from 28 March: 10:00 Berlin is 08:00 UTC.
      '2027-03-29T08:00/2027-03-29T09:00',
      // 5 April is cancelled.
      '2027-04-12T08:00/2027-04-12T09:00',
    ])
  })

  it('reads an Outlook export with Windows zone names, a moved instance and an EXDATE across the US DST change; all-day in the member zone', () => {
    expect(read('outlook.ics', 'America/Los_Angeles')).toEqual([
      '2027-03-02T17:00/2027-03-02T17:30',
      '2027-03-04T17:00/2027-03-04T17:30',
      '2027-03-09T17:00/2027-03-09T17:30',
      // 11 March is an EXDATE; summer time from 14 March: 09:00 Pacific is 16:00 UTC.
      '2027-03-16T16:00/2027-03-16T16:30',
      // "W. Europe Standard Time" 18:00 on 17 March is 17:00 UTC (Berlin still on winter time).
      '2027-03-17T17:00/2027-03-17T18:00',
      '2027-03-18T18:00/2027-03-18T18:30',
      '2027-03-19T07:00/2027-03-20T07:00',
      '2027-03-23T16:00/2027-03-23T16:30',
      '2027-03-25T16:00/2027-03-25T16:30',
      '2027-03-30T16:00/2027-03-30T16:30',
    ])
  })

  it('reads an Apple export: daily COUNT series with an EXDATE over the DST change, all-day and floating times in the member zone', () => {
    expect(read('apple.ics', 'America/New_York')).toEqual([
      '2027-03-11T13:00/2027-03-11T13:30',
      '2027-03-12T13:00/2027-03-12T13:30',
      '2027-03-14T12:00/2027-03-14T12:30',
      '2027-03-15T12:00/2027-03-15T12:30',
      '2027-03-16T04:00/2027-03-17T04:00',
      '2027-03-17T12:00/2027-03-17T12:30',
      '2027-03-18T12:00/2027-03-18T12:30',
      '2027-03-18T15:00/2027-03-18T16:00',
    ])
  })

  it('puts all-day events on the member’s own local day', () => {
    expect(read('apple.ics', 'Asia/Tokyo')).toContain('2027-03-15T15:00/2027-03-16T15:00')
  })

  it('keeps only occurrences reaching into the range', () => {
    const narrow = {
      fromMs: Date.parse('2027-03-22T13:30:00Z'),
      toMs: Date.parse('2027-03-29T08:30:00Z'),
    }
    expect(read('google.ics', 'Europe/Berlin', narrow)).toEqual([
      '2027-03-22T13:00/2027-03-22T14:00',
      '2027-03-23T23:00/2027-03-25T23:00',
      '2027-03-29T08:00/2027-03-29T09:00',
    ])
  })

  it('counts busy occurrences', () => {
    const result = icsBusyIntervals(fixture('outlook.ics'), { memberZone: 'UTC', ...range })
    expect(result.ok && result.events).toBe(10)
  })

  it('refuses what is not iCalendar, and series that repeat too often', () => {
    expect(icsBusyIntervals('<html>Sign in</html>', { memberZone: 'UTC', ...range })).toEqual({
      ok: false,
      message: 'the address did not answer with an iCalendar (.ics) file',
    })
    const minutely = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:x',
      'DTSTART:20200101T000000Z',
      'DTEND:20200101T000030Z',
      'RRULE:FREQ=MINUTELY',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n')
    const result = icsBusyIntervals(minutely, { memberZone: 'UTC', ...range, maxOccurrences: 1000 })
    expect(result.ok).toBe(false)
  })
})

describe('icsZoneResolve', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Pacific Standard Time', 'America/Los_Angeles'],
    ['India Standard Time', 'Asia/Calcutta'],
    ['/mozilla.org/20050126_1/America/New_York', 'America/New_York'],
    ['Not a zone', null],
  ])('%s → %s', (tzid, zone) => {
    expect(icsZoneResolve(tzid)).toBe(zone)
  })
})
