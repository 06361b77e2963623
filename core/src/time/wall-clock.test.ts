import { describe, expect, it } from 'vitest'
import { wallClockFormat, wallClockParse } from './wall-clock'

describe('wallClockParse', () => {
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('reads %s as %i minutes after midnight', (time, minutes) => {
    expect(wallClockParse(time)).toBe(minutes)
  })

  it.each(['9:00', '24:30', '12:60', '25:00', '0900', '', '09:00:00'])('refuses %j', (time) => {
    expect(() => wallClockParse(time)).toThrow(RangeError)
  })
})

describe('wallClockFormat', () => {
  it('writes 1440 as 24:00 and 545 as 09:05', () => {
    expect(wallClockFormat(1440)).toBe('24:00')
    expect(wallClockFormat(545)).toBe('09:05')
  })

  it('refuses minutes outside a day', () => {
    expect(() => wallClockFormat(1441)).toThrow(RangeError)
    expect(() => wallClockFormat(-1)).toThrow(RangeError)
  })
})
