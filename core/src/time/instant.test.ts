import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { instantFormat, instantParse } from './instant'

describe('instantParse', () => {
  it.each([
    ['2027-03-15T09:00:00.000Z', Date.UTC(2027, 2, 15, 9)],
    ['2027-03-15T09:00:00Z', Date.UTC(2027, 2, 15, 9)],
    ['2027-03-15T09:00Z', Date.UTC(2027, 2, 15, 9)],
    ['2027-03-15T09:00:30.5Z', Date.UTC(2027, 2, 15, 9, 0, 30, 500)],
    ['2027-03-15T09:00:00.123456789Z', Date.UTC(2027, 2, 15, 9, 0, 0, 123)],
    ['2027-03-15T10:00:00+01:00', Date.UTC(2027, 2, 15, 9)],
    ['2027-03-15T03:30:00-05:30', Date.UTC(2027, 2, 15, 9)],
    ['2028-02-29T23:59:59.999Z', Date.UTC(2028, 1, 29, 23, 59, 59, 999)],
  ])('reads %s', (text, ms) => {
    expect(instantParse(text)).toBe(ms)
  })

  it.each([
    '2027-03-15T09:00:00',
    '2027-03-15 09:00:00Z',
    '2027-02-29T09:00:00Z',
    '2027-03-15T24:00:00Z',
    '2027-03-15T09:60:00Z',
    '2027-03-15T09:00:00.Z',
    '2027-03-15T09:00:00ZZ',
    '2027-03-15T09:00:00+1:00',
    '2027-03-15',
    '',
  ])('refuses %j', (text) => {
    expect(() => instantParse(text)).toThrow(RangeError)
  })
})

describe('instantParse (round trip)', () => {
  it('reads back every canonical string, with and without milliseconds, 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_208_988_800_000, max: 7_258_118_399_999 }), (ms) => {
        const text = new Date(ms).toISOString()
        expect(instantParse(text)).toBe(ms)
        expect(instantParse(text.replace(/\.\d{3}Z$/, 'Z'))).toBe(Math.floor(ms / 1000) * 1000)
      }),
      { numRuns: 2000 },
    )
  })

  it('knows 2100 is not a leap year and 2000 is', () => {
    expect(() => instantParse('2100-02-29T00:00:00.000Z')).toThrow(RangeError)
    expect(instantParse('2000-02-29T00:00:00.000Z')).toBe(Date.UTC(2000, 1, 29))
  })
})

describe('instantFormat', () => {
  it('writes canonical UTC with milliseconds', () => {
    expect(instantFormat(Date.UTC(2027, 2, 15, 9))).toBe('2027-03-15T09:00:00.000Z')
  })

  it('refuses NaN', () => {
    expect(() => instantFormat(Number.NaN)).toThrow(RangeError)
  })
})
