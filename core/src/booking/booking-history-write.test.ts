import { describe, expect, it } from 'vitest'
import { historyAppend, historyAt, historyCreated } from './booking-history-write'
import { fixtureBooking, ms } from './test-fixtures'

const booking = fixtureBooking('bk-1', ['m-ana'], '2027-03-15T08:00:00Z', {
  createdAt: '2027-03-01T10:00:00.000Z',
})

describe('historyAt', () => {
  it('is now, or the last entry when the deciding clock is behind it', () => {
    expect(historyAt(booking, ms('2027-03-02T00:00:00Z'))).toBe('2027-03-02T00:00:00.000Z')
    expect(historyAt(booking, ms('2027-03-01T09:00:00Z'))).toBe('2027-03-01T10:00:00.000Z')
  })

  it('throws for a non-finite now', () => {
    expect(() => historyAt(booking, Number.NaN)).toThrow(RangeError)
  })
})

describe('historyCreated', () => {
  it('is the created entry at the given instant', () => {
    expect(historyCreated(ms('2027-03-01T10:00:00Z'), 'customer')).toEqual({
      at: '2027-03-01T10:00:00.000Z',
      action: 'created',
      by: 'customer',
    })
  })
})

describe('historyAppend', () => {
  it('returns a new booking with the entries added, leaving the input alone', () => {
    const entry = { at: '2027-03-02T00:00:00.000Z', action: 'cancelled', by: 'customer' } as const
    const next = historyAppend(booking, entry)
    expect(next.history).toEqual([...booking.history, entry])
    expect(booking.history).toHaveLength(1)
  })
})
