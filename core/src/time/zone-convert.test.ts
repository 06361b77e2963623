import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { zoneDayPieces, zoneLocalToUtc, zoneRangeToUtc, zoneUtcToLocal } from './zone-convert'

const ms = (iso: string): number => Date.parse(iso)
const span = (start: string, end: string): readonly [number, number] => [ms(start), ms(end)]

describe('zoneLocalToUtc', () => {
  it.each([
    ['America/New_York', '2027-03-14', '01:30', ['2027-03-14T06:30:00Z']],
    ['America/New_York', '2027-03-14', '02:30', []],
    ['America/New_York', '2027-03-14', '03:00', ['2027-03-14T07:00:00Z']],
    ['America/New_York', '2027-11-07', '01:30', ['2027-11-07T05:30:00Z', '2027-11-07T06:30:00Z']],
    ['Europe/Berlin', '2027-03-28', '02:30', []],
    ['Europe/Berlin', '2027-10-31', '02:30', ['2027-10-31T00:30:00Z', '2027-10-31T01:30:00Z']],
    ['Australia/Sydney', '2027-04-04', '02:30', ['2027-04-03T15:30:00Z', '2027-04-03T16:30:00Z']],
    ['Australia/Sydney', '2027-10-03', '02:30', []],
    ['Asia/Kolkata', '2027-03-15', '09:00', ['2027-03-15T03:30:00Z']],
    ['Europe/London', '2027-03-15', '24:00', ['2027-03-16T00:00:00Z']],
  ])('maps %s %s %s to %j', (zone, date, time, expected) => {
    expect(zoneLocalToUtc(zone, date, time)).toEqual(expected.map(ms))
  })

  it('throws for an unknown zone', () => {
    expect(() => zoneLocalToUtc('Nowhere/Zone', '2027-03-15', '09:00')).toThrow(RangeError)
  })
})

describe('zoneRangeToUtc', () => {
  it('keeps 09:00–17:00 local on the New York spring-forward day', () => {
    expect(zoneRangeToUtc('America/New_York', '2027-03-14', '09:00', '17:00')).toEqual([
      span('2027-03-14T13:00:00Z', '2027-03-14T21:00:00Z'),
    ])
  })

  it('keeps 09:00–17:00 local on the Berlin fall-back day', () => {
    expect(zoneRangeToUtc('Europe/Berlin', '2027-10-31', '09:00', '17:00')).toEqual([
      span('2027-10-31T08:00:00Z', '2027-10-31T16:00:00Z'),
    ])
  })

  it('makes the skipped hour 02:00–03:00 empty in New York', () => {
    expect(zoneRangeToUtc('America/New_York', '2027-03-14', '02:00', '03:00')).toEqual([])
  })

  it('makes the skipped hour 02:00–03:00 empty in Sydney in October', () => {
    expect(zoneRangeToUtc('Australia/Sydney', '2027-10-03', '02:00', '03:00')).toEqual([])
  })

  it('keeps only the existing half of 01:30–02:30 on spring-forward day', () => {
    expect(zoneRangeToUtc('America/New_York', '2027-03-14', '01:30', '02:30')).toEqual([
      span('2027-03-14T06:30:00Z', '2027-03-14T07:00:00Z'),
    ])
  })

  it('covers both passes of the repeated hour on fall-back day', () => {
    expect(zoneRangeToUtc('America/New_York', '2027-11-07', '01:00', '02:00')).toEqual([
      span('2027-11-07T05:00:00Z', '2027-11-07T07:00:00Z'),
    ])
  })

  it('gives two pieces when a range ends inside the repeated hour', () => {
    expect(zoneRangeToUtc('America/New_York', '2027-11-07', '00:00', '01:30')).toEqual([
      span('2027-11-07T04:00:00Z', '2027-11-07T05:30:00Z'),
      span('2027-11-07T06:00:00Z', '2027-11-07T06:30:00Z'),
    ])
  })

  it('makes the Sydney DST-end day 25 hours long and the Berlin DST-start day 23', () => {
    expect(zoneRangeToUtc('Australia/Sydney', '2027-04-04', '00:00', '24:00')).toEqual([
      span('2027-04-03T13:00:00Z', '2027-04-04T14:00:00Z'),
    ])
    expect(zoneRangeToUtc('Europe/Berlin', '2027-03-28', '00:00', '24:00')).toEqual([
      span('2027-03-27T23:00:00Z', '2027-03-28T22:00:00Z'),
    ])
  })

  it('shifts Asia/Kolkata by five and a half hours', () => {
    expect(zoneRangeToUtc('Asia/Kolkata', '2027-03-15', '09:00', '17:00')).toEqual([
      span('2027-03-15T03:30:00Z', '2027-03-15T11:30:00Z'),
    ])
  })

  it('refuses a range that ends before it starts', () => {
    expect(() => zoneRangeToUtc('UTC', '2027-03-15', '17:00', '09:00')).toThrow(RangeError)
  })
})

describe('zoneUtcToLocal', () => {
  it('reads both passes of 01:30 on the New York fall-back day', () => {
    expect(zoneUtcToLocal('America/New_York', ms('2027-11-07T05:30:00Z'))).toMatchObject({
      date: '2027-11-07',
      time: '01:30',
      offsetMin: -240,
    })
    expect(zoneUtcToLocal('America/New_York', ms('2027-11-07T06:30:00Z'))).toMatchObject({
      date: '2027-11-07',
      time: '01:30',
      offsetMin: -300,
    })
  })

  it('puts 20:00Z in Sydney on the next local date, a Tuesday', () => {
    expect(zoneUtcToLocal('Australia/Sydney', ms('2027-03-15T20:00:00Z'))).toEqual({
      date: '2027-03-16',
      time: '07:00',
      minuteOfDay: 420,
      weekday: 1,
      offsetMin: 660,
    })
  })

  it('reads Kolkata at half past', () => {
    expect(zoneUtcToLocal('Asia/Kolkata', ms('2027-03-15T03:30:00Z')).time).toBe('09:00')
  })
})

describe('zoneDayPieces', () => {
  it('cuts at local midnights, 23- and 25-hour days included', () => {
    expect(
      zoneDayPieces('America/New_York', ms('2027-03-13T12:00:00Z'), ms('2027-03-15T12:00:00Z')),
    ).toEqual([
      span('2027-03-13T12:00:00Z', '2027-03-14T05:00:00Z'),
      span('2027-03-14T05:00:00Z', '2027-03-15T04:00:00Z'),
      span('2027-03-15T04:00:00Z', '2027-03-15T12:00:00Z'),
    ])
    // Santiago springs forward at midnight: 2026-09-06 starts at 01:00 local (04:00Z).
    expect(
      zoneDayPieces('America/Santiago', ms('2026-09-05T12:00:00Z'), ms('2026-09-06T12:00:00Z')),
    ).toEqual([
      span('2026-09-05T12:00:00Z', '2026-09-06T04:00:00Z'),
      span('2026-09-06T04:00:00Z', '2026-09-06T12:00:00Z'),
    ])
    expect(zoneDayPieces('UTC', 5, 5)).toEqual([])
  })

  it('covers the range exactly, one local day per piece, each day once', () => {
    const zones = [
      'UTC',
      'America/New_York',
      'America/Santiago',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Pacific/Kiritimati',
      'America/St_Johns',
    ]
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 1.6e12, max: 1.9e12 }),
        fc.integer({ min: 0, max: 62 * 86_400_000 }),
        (zone, fromMs, length) => {
          const pieces = zoneDayPieces(zone, fromMs, fromMs + length)
          let at = fromMs
          const days = new Set<string>()
          for (const [from, to] of pieces) {
            expect(from).toBe(at)
            expect(to).toBeGreaterThan(from)
            const day = zoneUtcToLocal(zone, from).date
            // Minute precision: the piece's last minute reads the same local day.
            expect(zoneUtcToLocal(zone, Math.max(from, to - 60_000)).date).toBe(day)
            expect(days.has(day)).toBe(false)
            days.add(day)
            at = to
          }
          expect(at).toBe(length === 0 ? fromMs : fromMs + length)
        },
      ),
      { numRuns: 500 },
    )
  })
})
