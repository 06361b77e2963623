import { describe, expect, it } from 'vitest'
import type { Member } from '../../../core/src/model/workspace'
import { testBooking as booking } from '../test-support/booking'
import {
  boardBlocks,
  boardDay,
  boardHourMarks,
  boardShiftDate,
  boardToday,
  boardWeekDates,
  boardWorkingHours,
} from './board-layout'

const member: Member = {
  id: 'm-ana',
  name: 'Ana',
  email: 'ana@example.com',
  timeZone: 'Europe/Berlin',
  weeklyHours: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  dateOverrides: [],
  active: true,
}

describe('boardDay', () => {
  it('is 24 hours on an ordinary day and 23 on the spring-forward day', () => {
    const day = boardDay('Europe/Berlin', '2027-03-15')
    expect(new Date(day.fromMs).toISOString()).toBe('2027-03-14T23:00:00.000Z')
    expect(day.toMs - day.fromMs).toBe(24 * 3600_000)
    const dst = boardDay('Europe/Berlin', '2027-03-28')
    expect(dst.toMs - dst.fromMs).toBe(23 * 3600_000)
    expect(
      boardHourMarks('Europe/Berlin', dst)
        .map((m) => m.label)
        .slice(0, 4),
    ).toEqual(['00:00', '01:00', '03:00', '04:00'])
  })

  it('knows the Monday-first week of a date', () => {
    expect(boardWeekDates('2027-03-17')).toEqual([
      '2027-03-15',
      '2027-03-16',
      '2027-03-17',
      '2027-03-18',
      '2027-03-19',
      '2027-03-20',
      '2027-03-21',
    ])
    expect(boardWeekDates('2027-03-21')[0]).toBe('2027-03-15')
  })

  it('moves by days and knows today in the zone', () => {
    expect(boardShiftDate('2027-02-28', 1)).toBe('2027-03-01')
    expect(boardToday('Pacific/Auckland', Date.parse('2027-03-15T20:00:00.000Z'))).toBe(
      '2027-03-16',
    )
  })
})

describe('boardBlocks', () => {
  it('places each host seat in its column, clips to the day and hides cancelled bookings', () => {
    const day = boardDay('UTC', '2027-03-15')
    const bookings = [
      booking('b1', '2027-03-15T09:00:00.000Z', '2027-03-15T09:30:00.000Z', ['m-ana', 'm-ben']),
      booking('b2', '2027-03-14T23:30:00.000Z', '2027-03-15T00:30:00.000Z', ['m-ana']),
      booking('b3', '2027-03-15T10:00:00.000Z', '2027-03-15T11:00:00.000Z', ['m-ana'], 'cancelled'),
      booking('b4', '2027-03-16T10:00:00.000Z', '2027-03-16T11:00:00.000Z', ['m-ana']),
    ]
    const blocks = boardBlocks(bookings, day)
    expect(blocks.get('m-ana')?.map((b) => [b.booking.id, b.topMin, b.heightMin])).toEqual([
      ['b2', 0, 30],
      ['b1', 540, 30],
    ])
    expect(blocks.get('m-ben')?.map((b) => b.booking.id)).toEqual(['b1'])
  })
})

describe('boardWorkingHours', () => {
  it('shows a Berlin member’s hours in a UTC scheduler’s day', () => {
    expect(boardWorkingHours(member, boardDay('UTC', '2027-03-15'))).toEqual([[480, 960]])
  })
})
