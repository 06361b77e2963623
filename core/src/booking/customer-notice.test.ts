import { describe, expect, it } from 'vitest'
import { cancelDecide } from './booking-status'
import {
  customerChangeDeadlineMs,
  customerMayChange,
  customerNoticeRefusal,
} from './customer-notice'
import { rescheduleDecide } from './reschedule'
import { fixtureBooking, fixtureEventType, fixtureWorkspace, ms } from './test-fixtures'

const START = '2027-03-15T09:00:00Z'
const dayNotice = fixtureEventType({ cancelNoticeMinutes: 24 * 60 })
const state = fixtureWorkspace({
  eventTypes: [dayNotice],
  bookings: [fixtureBooking('bk-1', ['m-ana'], START)],
})

describe('customerChangeDeadlineMs', () => {
  it.each([
    ['a day of notice', 24 * 60, '2027-03-14T09:00:00.000Z'],
    ['90 minutes', 90, '2027-03-15T07:30:00.000Z'],
    ['no notice', null, '2027-03-15T09:00:00.000Z'],
    ['an absent notice', undefined, '2027-03-15T09:00:00.000Z'],
  ])('is the start minus %s', (_, notice, expected) => {
    const eventType = fixtureEventType(notice === undefined ? {} : { cancelNoticeMinutes: notice })
    const deadline = customerChangeDeadlineMs({ start: START }, eventType)
    expect(new Date(deadline).toISOString()).toBe(expected)
  })
})

describe('customerMayChange', () => {
  it('is true before the deadline only, and only for open bookings', () => {
    const booking = fixtureBooking('bk-1', ['m-ana'], START)
    expect(customerMayChange(booking, dayNotice, ms('2027-03-14T08:59:59Z'))).toBe(true)
    expect(customerMayChange(booking, dayNotice, ms('2027-03-14T09:00:00Z'))).toBe(false)
    expect(
      customerMayChange({ ...booking, status: 'cancelled' }, dayNotice, ms('2027-03-01T00:00Z')),
    ).toBe(false)
  })
})

describe('customerNoticeRefusal', () => {
  it('names the notice and the deadline', () => {
    const refusal = customerNoticeRefusal(
      { start: START },
      dayNotice,
      ms('2027-03-14T10:00:00Z'),
      'cancel',
    )
    expect(refusal).toEqual({
      ok: false,
      reason: 'not-allowed',
      message:
        'This booking can no longer be changed online: customers may cancel until 1 day before ' +
        'it starts (2027-03-14T09:00:00.000Z). Please contact the host.',
    })
  })

  it.each([
    [120, '2 hours before it starts'],
    [45, '45 minutes before it starts'],
    [0, 'until it starts'],
  ])('speaks of %i minutes as "%s"', (notice, words) => {
    const eventType = fixtureEventType({ cancelNoticeMinutes: notice })
    const refusal = customerNoticeRefusal({ start: START }, eventType, ms(START), 'reschedule')
    expect(refusal?.message).toContain(words)
  })
})

describe('cancelDecide and rescheduleDecide with asCustomer', () => {
  const lateNow = ms('2027-03-14T12:00:00Z')
  const earlyNow = ms('2027-03-13T12:00:00Z')

  it('refuse the customer after the deadline', () => {
    const cancel = cancelDecide(
      state,
      { bookingId: 'bk-1', by: 'customer', asCustomer: true },
      lateNow,
    )
    expect(cancel).toMatchObject({ ok: false, reason: 'not-allowed' })
    expect(!cancel.ok && cancel.message).toContain('2027-03-14T09:00:00.000Z')
    const move = rescheduleDecide(
      state,
      { bookingId: 'bk-1', startMs: ms('2027-03-16T09:00:00Z'), by: 'customer', asCustomer: true },
      lateNow,
    )
    expect(move).toMatchObject({ ok: false, reason: 'not-allowed' })
  })

  it('let the customer act before the deadline', () => {
    const cancel = cancelDecide(
      state,
      { bookingId: 'bk-1', by: 'customer', asCustomer: true },
      earlyNow,
    )
    expect(cancel.ok && cancel.booking.status).toBe('cancelled')
    const move = rescheduleDecide(
      state,
      { bookingId: 'bk-1', startMs: ms('2027-03-16T09:00:00Z'), by: 'customer', asCustomer: true },
      earlyNow,
    )
    expect(move.ok && move.booking.start).toBe('2027-03-16T09:00:00.000Z')
  })

  it('let staff act after the customer’s deadline', () => {
    const cancel = cancelDecide(state, { bookingId: 'bk-1', by: 'Desk' }, lateNow)
    expect(cancel.ok && cancel.booking.status).toBe('cancelled')
    const move = rescheduleDecide(
      state,
      { bookingId: 'bk-1', startMs: ms('2027-03-16T09:00:00Z'), by: 'Desk' },
      lateNow,
    )
    expect(move.ok).toBe(true)
  })

  it('keep customers from cancelling a meeting that has started when no notice is set', () => {
    const noNotice = { ...state, eventTypes: [fixtureEventType()] }
    const during = ms('2027-03-15T09:10:00Z')
    const byCustomer = cancelDecide(
      noNotice,
      { bookingId: 'bk-1', by: 'customer', asCustomer: true },
      during,
    )
    expect(byCustomer).toMatchObject({ ok: false, reason: 'not-allowed' })
    expect(cancelDecide(noNotice, { bookingId: 'bk-1', by: 'Desk' }, during).ok).toBe(true)
  })
})
