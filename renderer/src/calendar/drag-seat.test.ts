import { describe, expect, it } from 'vitest'
import { dragSeatDecode, dragSeatEncode, dropStartMs } from './drag-seat'

describe('dragSeat', () => {
  it('round-trips and refuses foreign data', () => {
    const seat = { bookingId: 'bk-1', fromMemberId: 'm-ana', grabOffsetMin: 10 }
    expect(dragSeatDecode(dragSeatEncode(seat))).toEqual(seat)
    expect(dragSeatDecode('hello')).toBeNull()
    expect(dragSeatDecode('{"bookingId":1}')).toBeNull()
  })
})

describe('dropStartMs', () => {
  const day = Date.parse('2027-03-15T00:00:00.000Z')
  it('puts the block’s top where it was grabbed, snapped to the step', () => {
    // Pointer at 14:07 (0.8 px per minute), grabbed 10 minutes below the block's top → 13:57 → 14:00.
    const at = dropStartMs((14 * 60 + 7) * 0.8, 0.8, 10, day, 15)
    expect(new Date(at).toISOString()).toBe('2027-03-15T14:00:00.000Z')
  })
  it('never goes above the column', () => {
    expect(dropStartMs(2, 0.8, 30, day, 15)).toBe(day)
  })
})
