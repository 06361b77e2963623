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

describe('instantFormat', () => {
  it('writes canonical UTC with milliseconds', () => {
    expect(instantFormat(Date.UTC(2027, 2, 15, 9))).toBe('2027-03-15T09:00:00.000Z')
  })

  it('refuses NaN', () => {
    expect(() => instantFormat(Number.NaN)).toThrow(RangeError)
  })
})
