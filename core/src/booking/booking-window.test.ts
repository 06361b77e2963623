import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { instantMs } from '../validation/value-formats'
import {
  bookingWindowStart,
  DESKTOP_WINDOW_PAST_DAYS,
  windowHoldsEnd,
  windowStartEarlier,
  windowStartIso,
  windowStartKey,
  windowStartIsValid,
  windowStartMs,
  windowNeedsVersion,
} from './booking-window'

describe('bookingWindowStart', () => {
  it.each([
    ['2027-06-10T12:00:00.000Z', 100, '2027-03-02'],
    ['2027-06-10T00:00:00.000Z', 100, '2027-03-02'],
    ['2027-06-09T23:59:59.999Z', 100, '2027-03-01'],
    ['2027-03-01T05:00:00.000Z', 0, '2027-03-01'],
    ['2028-03-01T05:00:00.000Z', 1, '2028-02-29'],
  ])('at %s, %i days back, starts on %s', (now, days, expected) => {
    expect(bookingWindowStart(Date.parse(now), days)).toBe(expected)
  })

  it('reaches at least the window days back and at most one day more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1.5e12, max: 2.5e12 }), (nowMs) => {
        const startMs = windowStartMs(bookingWindowStart(nowMs))
        const back = nowMs - startMs
        expect(back).toBeGreaterThanOrEqual(DESKTOP_WINDOW_PAST_DAYS * 86_400_000)
        expect(back).toBeLessThan((DESKTOP_WINDOW_PAST_DAYS + 1) * 86_400_000)
      }),
    )
  })

  it('holds the current month and the two weeks before it, in every workspace zone', () => {
    // What the window's length promises (this month's reports and calendars offline): the
    // zones of the earliest and the latest clocks on Earth, and the workspace zones of the demo.
    const zones = [
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'UTC',
      'Europe/Berlin',
      'Asia/Kolkata',
    ]
    fc.assert(
      fc.property(
        fc.integer({ min: 1.5e12, max: 2.5e12 }),
        fc.constantFrom(...zones),
        (nowMs, zone) => {
          const monthStart = DateTime.fromMillis(nowMs, { zone }).startOf('month')
          const needed = monthStart.minus({ days: 14 }).toMillis()
          expect(windowStartMs(bookingWindowStart(nowMs))).toBeLessThanOrEqual(needed)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('refuses a clock that is not a number', () => {
    expect(() => bookingWindowStart(Number.NaN)).toThrow(RangeError)
    expect(() => bookingWindowStart(0, -1)).toThrow(RangeError)
  })
})

describe('window starts', () => {
  it.each([
    ['2027-03-02', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-3-2', false],
    ['2027-03-02T00:00:00.000Z', false],
    [20270302, false],
  ])('%s is a window start: %s', (text, expected) => {
    expect(windowStartIsValid(text)).toBe(expected)
  })

  it('has a canonical first instant and an order', () => {
    expect(windowStartIso('2027-03-02')).toBe('2027-03-02T00:00:00.000Z')
    expect(windowStartKey('2027-03-02')).toBe('2027-03-02T00:00')
    expect(windowStartMs('2027-03-02')).toBe(Date.parse('2027-03-02T00:00:00.000Z'))
    expect(() => windowStartIso('2027-02-30')).toThrow(RangeError)
    expect(windowStartEarlier('2027-03-02', '2027-02-28')).toBe('2027-02-28')
    expect(windowStartEarlier('2027-02-28', '2027-03-02')).toBe('2027-02-28')
  })
})

describe('windowHoldsEnd', () => {
  it.each([
    ['2027-03-02T00:00:00.000Z', true],
    ['2027-03-02T00:00Z', true],
    ['2027-03-02T00:00:00Z', true],
    ['2027-03-02T00:00:00.0000001Z', true],
    ['2027-03-02T00:00:00.0Z', true],
    ['2027-03-01T23:59:59.999Z', false],
    ['2027-03-01T23:59Z', false],
    ['2027-03-03T00:00Z', true],
    ['2026-12-31T23:59:59.5Z', false],
  ])('a meeting ending at %s is kept: %s', (end, expected) => {
    expect(windowHoldsEnd('2027-03-02', end)).toBe(expected)
  })

  it('compares every instant form records allow exactly as the instants compare', () => {
    const form = fc.constantFrom('minutes', 'seconds', 'millis', 'fraction')
    // Ends near the window's midnight (the edge) as often as anywhere else.
    const delta = fc.oneof(
      fc.integer({ min: -2, max: 2 }),
      fc.integer({ min: -120_000, max: 120_000 }),
      fc.integer({ min: -4e10, max: 4e10 }),
    )
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') }),
        delta,
        form,
        (nowMs, offset, kind) => {
          const start = bookingWindowStart(nowMs, 0)
          const iso = new Date(windowStartMs(start) + offset).toISOString()
          const end =
            kind === 'minutes'
              ? `${iso.slice(0, 16)}Z`
              : kind === 'seconds'
                ? `${iso.slice(0, 19)}Z`
                : kind === 'millis'
                  ? iso
                  : `${iso.slice(0, 23)}0004Z`
          const endAt = instantMs(end)
          expect(endAt).not.toBeNull()
          expect(windowHoldsEnd(start, end)).toBe(endAt! >= windowStartMs(start))
        },
      ),
    )
  })
})

describe('windowNeedsVersion', () => {
  const entry = (at: string) => ({ at })
  it.each([
    ['ends inside', '2027-03-05T10:00:00.000Z', ['2027-01-01T09:00:00.000Z'], true],
    [
      'ended before, changed before',
      '2027-02-01T10:00:00.000Z',
      ['2027-01-20T09:00:00.000Z'],
      false,
    ],
    [
      'ended before, changed inside',
      '2027-02-01T10:00:00.000Z',
      ['2027-01-20T09:00:00.000Z', '2027-03-03T08:00:00.000Z'],
      true,
    ],
    ['ended before, no history', '2027-02-01T10:00:00.000Z', [], false],
  ])('%s: %s', (_name, end, history, expected) => {
    expect(windowNeedsVersion('2027-03-02', { end, history: history.map(entry) })).toBe(expected)
  })
})
