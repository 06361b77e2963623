import { describe, expect, it } from 'vitest'
import type { Booking, HistoryEntry } from '../model/workspace'
import { fixtureBooking } from '../booking/test-fixtures'
import { bookingAtEntry, calendarSequence } from './booking-at-entry'
import { notifyPlan, webhookEventId, webhookEventType } from './notify-plan'

const created: HistoryEntry = { at: '2027-03-01T10:00:00.000Z', action: 'created', by: 'customer' }

/** A booking of Ana and Ben (a panel) now at 11:00 on 2027-03-16, with this history. */
function booking(history: readonly HistoryEntry[], fields: Partial<Booking> = {}): Booking {
  return fixtureBooking('bk-1', ['m-ana', 'm-ben'], '2027-03-16T11:00:00Z', {
    history,
    ...fields,
  })
}

const summary = (b: Booking, i: number) =>
  notifyPlan(b, i).map(
    (m) => `${m.kind}→${'customer' in m.to ? 'customer' : m.to.memberId} ${m.method}#${m.sequence}`,
  )

describe('notifyPlan', () => {
  it('confirms a new booking to the customer and tells every host, with invitations', () => {
    expect(summary(booking([created]), 0)).toEqual([
      'confirmation→customer REQUEST#0',
      'new-booking→m-ana REQUEST#0',
      'new-booking→m-ben REQUEST#0',
    ])
  })

  it('sends updates with a higher sequence on a reschedule, cancellations with CANCEL', () => {
    const b = booking(
      [
        created,
        {
          at: '2027-03-02T10:00:00.000Z',
          action: 'rescheduled',
          by: 'customer',
          previousStart: '2027-03-15T11:00:00.000Z',
        },
        { at: '2027-03-03T10:00:00.000Z', action: 'cancelled', by: 'customer' },
      ],
      { status: 'cancelled' },
    )
    expect(summary(b, 1)).toEqual([
      'rescheduled→customer REQUEST#1',
      'host-rescheduled→m-ana REQUEST#1',
      'host-rescheduled→m-ben REQUEST#1',
    ])
    expect(summary(b, 2)).toEqual([
      'cancelled→customer CANCEL#2',
      'host-cancelled→m-ana CANCEL#2',
      'host-cancelled→m-ben CANCEL#2',
    ])
  })

  it('tells only the two hosts about a reassignment, never the customer', () => {
    const b = booking([
      created,
      {
        at: '2027-03-02T10:00:00.000Z',
        action: 'reassigned',
        by: 'Desk',
        fromMemberId: 'm-cat',
        toMemberId: 'm-ben',
      },
    ])
    expect(summary(b, 1)).toEqual([
      'reassigned-away→m-cat CANCEL#1',
      'assigned-to-you→m-ben REQUEST#1',
    ])
    // The creation told the hosts of that time: Ana and Cat.
    expect(summary(b, 0)).toContain('new-booking→m-cat REQUEST#0')
    expect(summary(b, 0)).not.toContain('new-booking→m-ben REQUEST#0')
  })

  it('does not send an update to a host a reschedule moved the seat away from', () => {
    const at = '2027-03-02T10:00:00.000Z'
    const b = booking([
      created,
      { at, action: 'rescheduled', by: 'customer', previousStart: '2027-03-15T11:00:00.000Z' },
      { at, action: 'reassigned', by: 'customer', fromMemberId: 'm-cat', toMemberId: 'm-ben' },
    ])
    expect(summary(b, 1)).toEqual([
      'rescheduled→customer REQUEST#1',
      'host-rescheduled→m-ana REQUEST#1',
    ])
    expect(summary(b, 2)).toEqual([
      'reassigned-away→m-cat CANCEL#2',
      'assigned-to-you→m-ben REQUEST#2',
    ])
    // Cat is told about the meeting she had, at its time before the move; Ben about the new one.
    const [away, assigned] = notifyPlan(b, 2)
    expect(bookingAtEntry(b, away!.describedAt)).toMatchObject({
      start: '2027-03-15T11:00:00.000Z',
      hostMemberIds: ['m-ana', 'm-cat'],
    })
    expect(bookingAtEntry(b, assigned!.describedAt).start).toBe('2027-03-16T11:00:00.000Z')
    // The customer's email and Ana's update name the hosts after the move: Ana and Ben, at the
    // new time (a review found "with Dev" in the email while the manage page said Ben).
    for (const told of notifyPlan(b, 1)) {
      expect(bookingAtEntry(b, told.describedAt)).toMatchObject({
        start: '2027-03-16T11:00:00.000Z',
        hostMemberIds: ['m-ana', 'm-ben'],
      })
    }
    // A reassignment of its own (a day later) names the booking's time then.
    const later = booking([
      ...b.history,
      {
        at: '2027-03-03T10:00:00.000Z',
        action: 'reassigned',
        by: 'Desk',
        fromMemberId: 'm-ben',
        toMemberId: 'm-cat',
      },
    ])
    const [benAway] = notifyPlan(later, 3)
    expect(benAway!.describedAt).toBe(3)
  })

  it('tells no one by email about completions, no-shows and conflict notes', () => {
    const b = booking(
      [
        created,
        { at: '2027-03-16T11:30:00.000Z', action: 'completed', by: 'system' },
        { at: '2027-03-16T12:00:00.000Z', action: 'conflict-resolved', by: 'Desk' },
      ],
      { status: 'completed' },
    )
    expect(notifyPlan(b, 1)).toEqual([])
    expect(notifyPlan(b, 2)).toEqual([])
    expect(webhookEventType(b, 1)).toBe('booking.completed')
    expect(webhookEventType(b, 2)).toBeNull()
  })

  it('gives every message a key unique per booking, entry and recipient', () => {
    const keys = notifyPlan(booking([created]), 0).map((m) => m.key)
    expect(keys).toEqual(['bk-1.0.customer', 'bk-1.0.host:m-ana', 'bk-1.0.host:m-ben'])
    expect(webhookEventId('bk-1', 3)).toBe('ev.bk-1.3')
  })

  it('throws for an entry outside the history', () => {
    expect(() => notifyPlan(booking([created]), 1)).toThrow(RangeError)
  })
})

describe('bookingAtEntry', () => {
  it('reads the time and hosts of each entry back from later reschedules and reassignments', () => {
    const b = booking(
      [
        created,
        {
          at: '2027-03-02T10:00:00.000Z',
          action: 'rescheduled',
          by: 'customer',
          previousStart: '2027-03-15T11:00:00.000Z',
        },
        {
          at: '2027-03-03T10:00:00.000Z',
          action: 'reassigned',
          by: 'Desk',
          fromMemberId: 'm-cat',
          toMemberId: 'm-ben',
        },
      ],
      { status: 'rescheduled' },
    )
    expect(bookingAtEntry(b, 0)).toEqual({
      start: '2027-03-15T11:00:00.000Z',
      end: '2027-03-15T11:30:00.000Z',
      hostMemberIds: ['m-ana', 'm-cat'],
      status: 'scheduled',
    })
    expect(bookingAtEntry(b, 1)).toEqual({
      start: '2027-03-16T11:00:00.000Z',
      end: '2027-03-16T11:30:00.000Z',
      hostMemberIds: ['m-ana', 'm-cat'],
      status: 'rescheduled',
    })
    expect(bookingAtEntry(b, 2).hostMemberIds).toEqual(['m-ana', 'm-ben'])
  })
})

describe('calendarSequence', () => {
  it('grows with each reschedule, reassignment and cancellation, not with other entries', () => {
    const b = booking([
      created,
      { at: '2027-03-02T10:00:00.000Z', action: 'conflict-resolved', by: 'Desk' },
      {
        at: '2027-03-03T10:00:00.000Z',
        action: 'rescheduled',
        by: 'Desk',
        previousStart: '2027-03-15T11:00:00.000Z',
      },
      { at: '2027-03-04T10:00:00.000Z', action: 'cancelled', by: 'Desk' },
    ])
    expect([0, 1, 2, 3].map((i) => calendarSequence(b, i))).toEqual([0, 0, 1, 2])
    expect(calendarSequence(b)).toBe(2)
  })
})
