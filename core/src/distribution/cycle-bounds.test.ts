import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import type { ReportingCycle } from '../model/workspace'
import { cycleBounds, cycleContains } from './cycle-bounds'

describe('cycleBounds', () => {
  const cases: readonly [string, ReportingCycle, string, string, string | null, string | null][] = [
    [
      'a UTC month',
      'monthly',
      '2027-03-15T12:00:00.000Z',
      'UTC',
      '2027-03-01T00:00:00.000Z',
      '2027-04-01T00:00:00.000Z',
    ],
    [
      'the first instant of a UTC month belongs to it',
      'monthly',
      '2027-04-01T00:00:00.000Z',
      'UTC',
      '2027-04-01T00:00:00.000Z',
      '2027-05-01T00:00:00.000Z',
    ],
    [
      'Berlin, one minute before local April: March, which contains the spring-forward day',
      'monthly',
      '2027-03-31T21:59:00.000Z',
      'Europe/Berlin',
      '2027-02-28T23:00:00.000Z',
      '2027-03-31T22:00:00.000Z',
    ],
    [
      'Berlin, already April locally while still March in UTC',
      'monthly',
      '2027-03-31T22:30:00.000Z',
      'Europe/Berlin',
      '2027-03-31T22:00:00.000Z',
      '2027-04-30T22:00:00.000Z',
    ],
    [
      'Auckland April (contains the fall-back day): starts at +13, ends at +12',
      'monthly',
      '2027-03-31T11:30:00.000Z',
      'Pacific/Auckland',
      '2027-03-31T11:00:00.000Z',
      '2027-04-30T12:00:00.000Z',
    ],
    [
      'Santiago September 2024: local midnight of the 1st does not exist, the month starts at 01:00',
      'monthly',
      '2024-09-15T12:00:00.000Z',
      'America/Santiago',
      '2024-09-01T04:00:00.000Z',
      '2024-10-01T03:00:00.000Z',
    ],
    [
      'Santiago August 2024 ends where September starts',
      'monthly',
      '2024-08-31T23:00:00.000Z',
      'America/Santiago',
      '2024-08-01T04:00:00.000Z',
      '2024-09-01T04:00:00.000Z',
    ],
    [
      'New York Q1, evening of 31 March (already April in UTC)',
      'quarterly',
      '2027-03-31T23:00:00.000Z',
      'America/New_York',
      '2027-01-01T05:00:00.000Z',
      '2027-04-01T04:00:00.000Z',
    ],
    [
      'New York Q2 from local midnight of 1 April',
      'quarterly',
      '2027-04-01T04:00:00.000Z',
      'America/New_York',
      '2027-04-01T04:00:00.000Z',
      '2027-07-01T04:00:00.000Z',
    ],
    [
      'UTC Q4 runs into the next year',
      'quarterly',
      '2027-11-15T08:00:00.000Z',
      'UTC',
      '2027-10-01T00:00:00.000Z',
      '2028-01-01T00:00:00.000Z',
    ],
    [
      'Kolkata (half-hour zone) Q3',
      'quarterly',
      '2027-08-01T00:00:00.000Z',
      'Asia/Kolkata',
      '2027-06-30T18:30:00.000Z',
      '2027-09-30T18:30:00.000Z',
    ],
    ['continuous is unbounded', 'continuous', '2027-03-15T12:00:00.000Z', 'UTC', null, null],
  ]

  it.each(cases)('%s', (_, cycle, now, zone, start, end) => {
    expect(cycleBounds(cycle, Date.parse(now), zone)).toEqual({ start, end })
  })

  it('defaults to UTC', () => {
    expect(cycleBounds('monthly', Date.parse('2027-02-10T00:00:00.000Z'))).toEqual({
      start: '2027-02-01T00:00:00.000Z',
      end: '2027-03-01T00:00:00.000Z',
    })
  })

  it('throws on a non-finite now, an unknown zone or an unknown cycle', () => {
    expect(() => cycleBounds('monthly', NaN)).toThrow(RangeError)
    expect(() => cycleBounds('monthly', 0, 'Mars/Olympus')).toThrow(RangeError)
    expect(() => cycleBounds('weekly' as ReportingCycle, 0)).toThrow(RangeError)
  })
})

describe('cycleContains', () => {
  const march = { start: '2027-03-01T00:00:00.000Z', end: '2027-04-01T00:00:00.000Z' }
  const cases: readonly [string, string, boolean][] = [
    ['the start', '2027-03-01T00:00:00.000Z', true],
    ['the last millisecond', '2027-03-31T23:59:59.999Z', true],
    ['the end (half-open)', '2027-04-01T00:00:00.000Z', false],
    ['before the start', '2027-02-28T23:59:59.999Z', false],
  ]
  it.each(cases)('%s', (_, at, expected) => {
    expect(cycleContains(march, Date.parse(at))).toBe(expected)
  })

  it('answers every instant of any order alike (the last bounds are kept per cycle and zone)', () => {
    // In any order, back and forth across cycle edges and DST: as computed afresh with luxon.
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe']
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cycle: fc.constantFrom<ReportingCycle>('monthly', 'quarterly'),
            zone: fc.constantFrom(...zones),
            ms: fc.integer({ min: Date.parse('2026-12-25'), max: Date.parse('2027-04-05') }),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (asks) => {
          for (const { cycle, zone, ms } of asks) {
            const unit = cycle === 'monthly' ? 'month' : 'quarter'
            const start = DateTime.fromMillis(ms, { zone }).startOf(unit)
            const end = start.plus(cycle === 'monthly' ? { months: 1 } : { quarters: 1 })
            expect(cycleBounds(cycle, ms, zone)).toEqual({
              start: start.toUTC().toISO(),
              end: end.startOf(unit).toUTC().toISO(),
            })
          }
        },
      ),
    )
  })

  it('treats null bounds as unbounded', () => {
    expect(cycleContains({ start: null, end: null }, -8.64e15)).toBe(true)
    expect(cycleContains({ start: null, end: march.end }, Date.parse('1970-01-01T00:00:00Z'))).toBe(
      true,
    )
  })
})
