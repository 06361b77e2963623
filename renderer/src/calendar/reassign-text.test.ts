import { describe, expect, it } from 'vitest'
import type { Booking } from '../../../core/src/model/workspace'
import { fixtureEventType } from '../../../core/src/booking/test-fixtures'
import { testBooking } from '../test-support/booking'
import { bookingsDuring, busyWithText, reassignReasonsText, whoIsToldText } from './reassign-text'

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

describe('busyWithText with buffers', () => {
  it('names a booking that only comes too close, as core’s check does with the buffers', () => {
    // The event type keeps 10 minutes after each meeting free: Ben's 10:35 meeting is too close
    // to the 10:00–10:30 one being moved, though they do not overlap.
    const eventTypes = [fixtureEventType({ id: moved.eventTypeId, bufferAfterMinutes: 10 })]
    const near = booking('bk-2', 'Tom Baker', '2027-03-15T10:35:00Z', '2027-03-15T11:00:00Z', [
      'm-ben',
    ])
    const during = bookingsDuring([moved, near], moved, eventTypes)
    expect(busyWithText(during, 'm-ben', 'UTC', moved)).toMatch(
      /^with Tom Baker (10:35|10:35 AM)–(11:00|11:00 AM), too close: buffers keep time free around meetings$/,
    )
    // Without buffers it is not in the way at all.
    expect(busyWithText(bookingsDuring([moved, near], moved), 'm-ben', 'UTC', moved)).toBeNull()
  })
})

describe('reassignReasonsText', () => {
  it('says every reason in words', () => {
    expect(reassignReasonsText(['busy', 'over-daily-limit'])).toBe('busy, daily limit reached')
  })
})

describe('whoIsToldText', () => {
  it('says before a reassignment that the customer is not told and both members are', () => {
    expect(whoIsToldText('Anna Clarke', 'Chloe Martin', true)).toBe(
      'The customer is not told: their time and their link stay the same (their manage page shows the new host). Anna Clarke and Chloe Martin get an email with a calendar update.',
    )
    expect(whoIsToldText('Anna Clarke', null, false)).toBe(
      'The customer is not told: their time and their link stay the same (their manage page shows the new host). This sync server sends no email: tell Anna Clarke and the member you pick yourself.',
    )
  })
})
