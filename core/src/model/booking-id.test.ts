import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ID_PATTERN } from '../schema/records'
import { bookingIdCompose } from './booking-id'

const randomArb = fc.string({
  unit: fc.constantFrom(...'ABCXYZabcxyz0189-_'.split('')),
  minLength: 8,
  maxLength: 8,
})

describe('bookingIdCompose', () => {
  it('orders ids by creation time as strings, whatever their random parts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_800_000_000_000 }),
        fc.integer({ min: 1, max: 10 ** 9 }),
        randomArb,
        randomArb,
        (t, gap, a, b) => {
          const earlier = bookingIdCompose(t, a)
          const later = bookingIdCompose(t + gap, b)
          expect(earlier < later).toBe(true)
          expect(earlier).toMatch(ID_PATTERN)
          expect(later).toMatch(ID_PATTERN)
        },
      ),
    )
  })

  it('refuses a time or random part it cannot make a valid id of', () => {
    expect(() => bookingIdCompose(-1, 'abcdefgh')).toThrow(RangeError)
    expect(() => bookingIdCompose(1.5, 'abcdefgh')).toThrow(RangeError)
    expect(() => bookingIdCompose(0, 'short')).toThrow(RangeError)
    expect(() => bookingIdCompose(0, 'abcdefg/')).toThrow(RangeError)
    expect(bookingIdCompose(Date.parse('2026-11-27T00:00:00Z'), 'abcdefgh')).toBe(
      'bk-mwy7sw00abcdefgh',
    )
  })
})
