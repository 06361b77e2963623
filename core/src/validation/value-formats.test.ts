import { describe, expect, it } from 'vitest'
import { instantMs, localDateIsReal, localTimeMinutes, zoneIsKnown } from './value-formats'

describe('zoneIsKnown', () => {
  const cases: readonly [unknown, boolean][] = [
    ['Europe/Berlin', true],
    ['UTC', true],
    ['Asia/Kolkata', true],
    ['Mars/Olympus', false],
    ['', false],
    [42, false],
  ]
  it.each(cases)('%j → %s', (zone, expected) => expect(zoneIsKnown(zone)).toBe(expected))
})

describe('localTimeMinutes', () => {
  const cases: readonly [unknown, number | null][] = [
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
    ['24:01', null],
    ['9:30', null],
    ['12:60', null],
    [' 09:30', null],
    [930, null],
  ]
  it.each(cases)('%j → %s', (text, expected) => expect(localTimeMinutes(text)).toBe(expected))
})

describe('localDateIsReal', () => {
  const cases: readonly [unknown, boolean][] = [
    ['2027-03-19', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2027-13-01', false],
    ['2027-3-19', false],
    ['2027-03-19T00:00', false],
    [null, false],
  ]
  it.each(cases)('%j → %s', (text, expected) => expect(localDateIsReal(text)).toBe(expected))
})

describe('instantMs', () => {
  const cases: readonly [unknown, number | null][] = [
    ['2027-03-15T09:00:00.000Z', Date.UTC(2027, 2, 15, 9)],
    ['2027-03-15T09:00Z', Date.UTC(2027, 2, 15, 9)],
    ['2027-03-15T09:00:00+01:00', null],
    ['2027-02-30T09:00:00.000Z', null],
    ['2027-03-15T25:00:00.000Z', null],
    ['2027-03-15', null],
  ]
  it.each(cases)('%j → %s', (text, expected) => expect(instantMs(text)).toBe(expected))
})
