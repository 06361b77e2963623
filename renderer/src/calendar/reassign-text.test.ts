import { describe, expect, it } from 'vitest'
import type { Booking } from '../../../core/src/model/workspace'
import { testBooking } from '../test-support/booking'
import { bookingsDuring, busyWithText, reassignReasonsText } from './reassign-text'

const booking = (
  id: string,
  customer: string,
  start: string,
  end: string,
  hosts: string[],
  status: Booking['status'] = 'scheduled',
) => testBooking(id, start, end, hosts, status, customer)

const moved = booking('bk-1', 'Lee Park', '2027-03-15T10:00:00Z', '2027-03-15T10:30:00Z', ['m-ana'])

describe('busyWithText', () => {
  it('names what keeps the member busy during the meeting, the earliest first, in the desk’s zone', () => {
    const bookings = [
      moved,
      booking('bk-3', 'Kai Roth', '2027-03-15T10:15:00Z', '2027-03-15T11:00:00Z', ['m-ben']),
      booking('bk-2', 'Noor Haddad', '2027-03-15T09:45:00Z', '2027-03-15T10:15:00Z', ['m-ben']),
    ]
    expect(busyWithText(bookingsDuring(bookings, moved), 'm-ben', 'Europe/London')).toMatch(
      /^with Noor Haddad (09:45|9:45 AM)–(10:15|10:15 AM) and 1 more$/,
    )
  })

  it('is null when nothing of theirs overlaps: touching, cancelled, someone else’s, the booking itself', () => {
    const bookings = [
      moved,
      booking('bk-2', 'Noor Haddad', '2027-03-15T10:30:00Z', '2027-03-15T11:00:00Z', ['m-ben']),
      booking(
        'bk-3',
        'Kai Roth',
        '2027-03-15T10:00:00Z',
        '2027-03-15T10:30:00Z',
        ['m-ben'],
        'cancelled',
      ),
      booking('bk-4', 'Eve Ng', '2027-03-15T10:00:00Z', '2027-03-15T10:30:00Z', ['m-cai']),
    ]
    expect(busyWithText(bookingsDuring(bookings, moved), 'm-ben', 'UTC')).toBeNull()
    expect(busyWithText(bookingsDuring(bookings, moved), 'm-ana', 'UTC')).toBeNull()
  })
})

describe('reassignReasonsText', () => {
  it('says every reason in words', () => {
    expect(reassignReasonsText(['busy', 'over-daily-limit'])).toBe('busy, daily limit reached')
  })
})
