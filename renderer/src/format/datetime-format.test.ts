import { describe, expect, it } from 'vitest'
import {
  otherClockText,
  reminderOffsetText,
  timeRangeText,
  timeText,
  utcOffsetText,
  wallClockText,
  zonesAgreeAt,
  zoneText,
} from './datetime-format'

const at = Date.parse('2027-03-15T14:05:00.000Z')

describe('timeText', () => {
  it('follows the locale: 24-hour in en-GB and de, am/pm in en-US', () => {
    expect(timeText(at, 'UTC', 'en-GB')).toBe('14:05')
    expect(timeText(at, 'UTC', 'de-DE')).toBe('14:05')
    expect(timeText(at, 'UTC', 'en-US')).toMatch(/^2:05\sPM$/)
  })
  it('writes the time in the zone given', () => {
    expect(timeText(at, 'Asia/Kolkata', 'en-GB')).toBe('19:35')
    expect(timeRangeText(at, at + 30 * 60_000, 'UTC', 'en-GB')).toBe('14:05–14:35')
  })
})

describe('wallClockText', () => {
  it('writes a member’s HH:mm in the locale’s format', () => {
    expect(wallClockText('09:30', 'en-GB')).toBe('09:30')
    expect(wallClockText('17:00', 'en-US')).toMatch(/^5:00\sPM$/)
  })
})

describe('utcOffsetText', () => {
  it('names the current offset, DST included', () => {
    expect(utcOffsetText('Asia/Kolkata', at)).toBe('UTC+05:30')
    expect(utcOffsetText('UTC', at)).toBe('UTC+00:00')
    expect(utcOffsetText('Europe/Berlin', Date.parse('2027-07-01T00:00:00Z'))).toBe('UTC+02:00')
  })
})

describe('zoneText', () => {
  it('names a zone by its city, as people do', () => {
    expect(zoneText('America/New_York')).toBe('New York')
    expect(zoneText('America/Argentina/Buenos_Aires')).toBe('Buenos Aires')
    expect(zoneText('Asia/Kolkata')).toBe('Kolkata')
  })

  it('says UTC for UTC and its aliases, and keeps other Etc zones as they are', () => {
    expect(zoneText('UTC')).toBe('UTC')
    expect(zoneText('Etc/UTC')).toBe('UTC')
    expect(zoneText('Etc/GMT+5')).toBe('Etc/GMT+5')
  })
})

describe('zonesAgreeAt', () => {
  const winter = Date.parse('2027-01-15T12:00:00.000Z')
  const summer = Date.parse('2027-07-15T12:00:00.000Z')
  it('is true where clocks read the same then, whatever the names', () => {
    expect(zonesAgreeAt('Etc/UTC', 'UTC', winter)).toBe(true)
    expect(zonesAgreeAt('Europe/London', 'UTC', winter)).toBe(true)
    expect(zonesAgreeAt('Europe/Lisbon', 'Europe/London', summer)).toBe(true)
  })

  it('is false where they differ then', () => {
    expect(zonesAgreeAt('Europe/London', 'UTC', summer)).toBe(false)
    expect(zonesAgreeAt('America/New_York', 'Europe/London', winter)).toBe(false)
  })
})

describe('otherClockText', () => {
  // 16:00 in New York on Monday 30 Nov 2026 is 02:30 on Tuesday in Kolkata.
  const evening = '2026-11-30T21:00:00.000Z'
  const end = '2026-11-30T21:30:00.000Z'
  it('says nothing where both clocks read the same then', () => {
    expect(otherClockText(evening, 'America/Toronto', 'America/New_York', undefined, 'en-GB')).toBe(
      null,
    )
    expect(otherClockText(evening, 'Europe/London', 'UTC', end, 'en-GB')).toBe(null)
  })

  it('gives the time on the other clock, the day first where its day is not the desk’s', () => {
    expect(otherClockText(evening, 'Europe/Berlin', 'America/New_York', undefined, 'en-GB')).toBe(
      '22:00',
    )
    expect(otherClockText(evening, 'Asia/Kolkata', 'America/New_York', undefined, 'en-GB')).toBe(
      'Tue 1 Dec, 02:30',
    )
    expect(otherClockText(evening, 'Asia/Kolkata', 'America/New_York', end, 'en-US')).toBe(
      'Tue, Dec 1, 2:30 AM–3:00 AM',
    )
    // The desk ahead of the other clock: its day is the earlier one.
    expect(
      otherClockText(
        '2026-12-01T03:00:00Z',
        'America/Los_Angeles',
        'Asia/Tokyo',
        undefined,
        'en-GB',
      ),
    ).toBe('Mon 30 Nov, 19:00')
  })

  it('says nothing for a zone this browser does not know', () => {
    expect(otherClockText(evening, 'Mars/Olympus_Mons', 'UTC', undefined, 'en-GB')).toBe(null)
  })
})

describe('reminderOffsetText', () => {
  it.each([
    [2880, '2 days before'],
    [1440, '1 day before'],
    [120, '2 hours before'],
    [60, '1 hour before'],
    [90, '90 minutes before'],
    [1, '1 minute before'],
  ])('%i minutes is "%s"', (minutes, text) => {
    expect(reminderOffsetText(minutes)).toBe(text)
  })
})
