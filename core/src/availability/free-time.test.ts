import { describe, expect, it } from 'vitest'
import { memberFreeTime } from './free-time'
import {
  fixtureBooking,
  fixtureEventType,
  fixtureIso,
  fixtureMember,
  fixtureState,
} from './test-fixtures'

const window = {
  fromMs: Date.parse('2027-03-15T00:00:00Z'),
  toMs: Date.parse('2027-03-16T00:00:00Z'),
}

function free(state: ReturnType<typeof fixtureState>, excludeBookingId?: string): string[][] {
  return memberFreeTime(state, {
    memberId: 'm-ana',
    ...window,
    excludeBookingId: excludeBookingId ?? null,
  }).map(([start, end]) => [fixtureIso(start), fixtureIso(end)])
}

describe('memberFreeTime', () => {
  const member = fixtureMember({ timeZone: 'UTC' })
  const eventType = fixtureEventType({ bufferBeforeMinutes: 5, bufferAfterMinutes: 10 })
  const booking = fixtureBooking({
    id: 'bk-a',
    start: '2027-03-15T10:00:00Z',
    end: '2027-03-15T11:00:00Z',
  })

  it('takes busy time widened by the booking’s own buffers out of the hours', () => {
    expect(free(fixtureState([member], [booking], [eventType]))).toEqual([
      ['2027-03-15T09:00:00Z', '2027-03-15T09:55:00Z'],
      ['2027-03-15T11:10:00Z', '2027-03-15T17:00:00Z'],
    ])
  })

  it('ignores cancelled and excluded bookings', () => {
    const cancelled = fixtureBooking({ ...booking, id: 'bk-c', status: 'cancelled' })
    expect(free(fixtureState([member], [cancelled, booking], [eventType]), 'bk-a')).toEqual([
      ['2027-03-15T09:00:00Z', '2027-03-15T17:00:00Z'],
    ])
  })

  it('gives a capped day no free time', () => {
    const capped = { ...member, maxBookingsPerDay: 1 }
    expect(free(fixtureState([capped], [booking], [eventType]))).toEqual([])
  })

  it('gives an inactive member no free time', () => {
    expect(free(fixtureState([{ ...member, active: false }], [], [eventType]))).toEqual([])
  })
})
