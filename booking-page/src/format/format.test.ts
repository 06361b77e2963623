import { describe, expect, it } from 'vitest'
import { localDateKey, meetingFormat, timeFormat, zoneLabel, zoneOffset } from './datetime'
import { offsetMinutesOf, zoneFilter, zoneOptions } from './zones'

const WINTER = Date.parse('2027-01-15T12:00:00Z')
const SUMMER = Date.parse('2027-07-15T12:00:00Z')

describe('times in the customer’s zone and locale', () => {
  it('formats in the zone asked for, not the machine’s', () => {
    expect(timeFormat('2027-03-11T10:00:00Z', 'America/New_York', 'en-GB')).toBe('05:00')
    expect(timeFormat('2027-03-11T10:00:00Z', 'Europe/Paris', 'fr')).toBe('11:00')
    expect(timeFormat('2027-03-11T10:00:00Z', 'Asia/Kolkata', 'de')).toBe('15:30')
    expect(timeFormat('2027-03-11T10:00:00Z', 'America/New_York', 'en-US')).toBe('5:00 AM')
  })

  it('takes the date of the zone (the UTC day can differ)', () => {
    expect(localDateKey('2027-03-11T02:00:00Z', 'America/Los_Angeles')).toBe('2027-03-10')
    expect(localDateKey('2027-03-11T23:30:00Z', 'Europe/Berlin')).toBe('2027-03-12')
  })

  it('writes a meeting as one range in the locale', () => {
    expect(meetingFormat('2027-03-11T10:00:00Z', '2027-03-11T10:30:00Z', 'UTC', 'de')).toBe(
      'Donnerstag, 11. März 2027, 10:00–10:30 Uhr',
    )
  })

  it('names zones with their offset at that time of year', () => {
    expect(zoneOffset('Europe/Berlin', WINTER)).toBe('GMT+1')
    expect(zoneOffset('Europe/Berlin', SUMMER)).toBe('GMT+2')
    expect(zoneLabel('America/New_York', WINTER, 'en')).toBe('New York (GMT-5)')
    expect(zoneLabel('Asia/Kolkata', WINTER, 'en')).toBe('Kolkata (GMT+5:30)')
  })
})

describe('the zone picker’s list', () => {
  const options = zoneOptions(
    ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires'],
    'Europe/Berlin',
    WINTER,
  )

  it('orders by offset and shows city, offset and region', () => {
    expect(options.map((o) => o.label)).toEqual([
      'New York (GMT-5) · America',
      'Buenos Aires (GMT-3) · America/Argentina',
      'Berlin (GMT+1) · Europe',
      'Kolkata (GMT+5:30) · Asia',
    ])
  })

  it.each([
    ['berlin', ['Europe/Berlin']],
    ['buenos', ['America/Argentina/Buenos_Aires']],
    ['gmt+5', ['Asia/Kolkata']],
    ['america york', ['America/New_York']],
    ['', ['America/New_York', 'America/Argentina/Buenos_Aires', 'Europe/Berlin', 'Asia/Kolkata']],
  ])('finds "%s"', (query, ids) => {
    expect(zoneFilter(options, query).map((o) => o.id)).toEqual(ids)
  })

  it('lists zones by today’s names, once', () => {
    const renamed = zoneOptions(['Asia/Calcutta', 'Europe/Kiev', 'Europe/Kyiv'], 'UTC', WINTER)
    expect(renamed.map((o) => o.id)).toEqual(['UTC', 'Europe/Kyiv', 'Asia/Kolkata'])
  })

  it('adds the customer’s zone when the browser does not list it', () => {
    expect(zoneOptions(['UTC'], 'Europe/Kyiv', WINTER).map((o) => o.id)).toContain('Europe/Kyiv')
  })

  it.each([
    ['GMT', 0],
    ['GMT+1', 60],
    ['GMT-5', -300],
    ['GMT\u22123:30', -210],
    ['GMT+5:45', 345],
  ])('reads %s as %i minutes', (text, minutes) => {
    expect(offsetMinutesOf(text)).toBe(minutes)
  })
})
