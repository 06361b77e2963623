import { describe, expect, it } from 'vitest'
import { zoneIsValid, zoneOffsetAt, zoneSegmentAt, zoneSegments } from './zone'

const minuteOf = (iso: string): number => Date.parse(iso) / 60_000

describe('zoneIsValid', () => {
  it.each(['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'])(
    'accepts %s',
    (zone) => {
      expect(zoneIsValid(zone)).toBe(true)
    },
  )

  it.each(['', 'Mars/Olympus', 'GMT+25', 'Europe/Berlinn'])('refuses %j', (zone) => {
    expect(zoneIsValid(zone)).toBe(false)
  })
})

describe('zoneOffsetAt', () => {
  it.each([
    ['America/New_York', '2027-03-14T06:59:00Z', -300],
    ['America/New_York', '2027-03-14T07:00:00Z', -240],
    ['Europe/Berlin', '2027-03-28T00:59:00Z', 60],
    ['Europe/Berlin', '2027-03-28T01:00:00Z', 120],
    ['Australia/Sydney', '2027-04-03T15:59:00Z', 660],
    ['Australia/Sydney', '2027-04-03T16:00:00Z', 600],
    ['Australia/Sydney', '2027-10-02T16:00:00Z', 660],
    ['Asia/Kolkata', '2027-03-15T00:00:00Z', 330],
  ])('gives %s at %s the offset %i', (zone, iso, offset) => {
    expect(zoneOffsetAt(zone, Date.parse(iso))).toBe(offset)
  })

  it('throws for an unknown zone', () => {
    expect(() => zoneOffsetAt('Mars/Olympus', 0)).toThrow(RangeError)
  })
})

describe('zoneSegments', () => {
  it('splits March 2027 in New York at the spring-forward instant', () => {
    const from = minuteOf('2027-03-01T00:00:00Z')
    const to = minuteOf('2027-04-01T00:00:00Z')
    expect(zoneSegments('America/New_York', from, to)).toEqual([
      { startMin: from, endMin: minuteOf('2027-03-14T07:00:00Z'), offsetMin: -300 },
      { startMin: minuteOf('2027-03-14T07:00:00Z'), endMin: to, offsetMin: -240 },
    ])
  })

  it('gives Sydney two changes in 2027 (April ends DST, October starts it)', () => {
    const segments = zoneSegments(
      'Australia/Sydney',
      minuteOf('2027-01-01T00:00:00Z'),
      minuteOf('2028-01-01T00:00:00Z'),
    )
    expect(segments.map((segment) => segment.offsetMin)).toEqual([660, 600, 660])
    expect(segments[1]?.startMin).toBe(minuteOf('2027-04-03T16:00:00Z'))
    expect(segments[2]?.startMin).toBe(minuteOf('2027-10-02T16:00:00Z'))
  })

  it('gives UTC one segment', () => {
    expect(zoneSegments('UTC', 0, 100_000)).toEqual([
      { startMin: 0, endMin: 100_000, offsetMin: 0 },
    ])
  })

  it('refuses an empty range', () => {
    expect(() => zoneSegments('UTC', 10, 10)).toThrow(RangeError)
  })
})

describe('zoneSegmentAt', () => {
  it('throws outside the segments', () => {
    expect(() => zoneSegmentAt(zoneSegments('UTC', 0, 10), 10)).toThrow(RangeError)
  })
})
