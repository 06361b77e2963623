import { describe, expect, it } from 'vitest'
import { fixtureBooking, fixtureEventType } from '../booking/test-fixtures'
import { instantText } from './message-compose'
import fc from 'fast-check'
import { reminderKey, remindersAhead, reminderStillValid, remindersDue } from './reminders-due'

const ms = (iso: string) => Date.parse(iso)
// Europe/Berlin springs forward on 2027-03-28 at 02:00 (CET +01:00 → CEST +02:00).
const eventType = fixtureEventType({ reminderMinutesBefore: [1440, 60] })
const sunday = fixtureBooking('bk-1', ['m-ana'], '2027-03-28T08:00:00Z', {
  createdAt: '2027-03-01T00:00:00.000Z',
})

describe('remindersDue', () => {
  it('is due exactly minutes before the start on the UTC line, across a DST change', () => {
    // 10:00 CEST on Sunday; 1440 minutes before is 09:00 CET on Saturday (24 h, not "same time").
    expect(remindersDue([sunday], [eventType], ms('2027-03-27T07:59:59Z'), 0)).toEqual([])
    const due = remindersDue([sunday], [eventType], ms('2027-03-27T08:00:00Z'), 0)
    expect(due.map((r) => [r.minutesBefore, new Date(r.dueAtMs).toISOString()])).toEqual([
      [1440, '2027-03-27T08:00:00.000Z'],
    ])
    expect(instantText('2027-03-27T08:00:00Z', 'Europe/Berlin', 'en-GB')).toBe(
      'Saturday, 27 March 2027, 09:00 CET',
    )
    expect(instantText(sunday.start, 'Europe/Berlin', 'en-GB')).toBe(
      'Sunday, 28 March 2027, 10:00 CEST',
    )
    expect(
      remindersDue([sunday], [eventType], ms('2027-03-28T07:00:00Z'), 0).map(
        (r) => r.minutesBefore,
      ),
    ).toEqual([1440, 60])
  })

  it('is never due once the meeting started, or for a cancelled or closed booking', () => {
    expect(remindersDue([sunday], [eventType], ms('2027-03-28T08:00:00Z'), 0)).toEqual([])
    for (const status of ['cancelled', 'completed', 'no-show'] as const) {
      const closed = { ...sunday, status }
      expect(remindersDue([closed], [eventType], ms('2027-03-28T07:30:00Z'), 0)).toEqual([])
    }
  })

  it('skips reminders whose instant passed before the booking got its time', () => {
    const late = fixtureBooking('bk-2', ['m-ana'], '2027-03-28T08:00:00Z', {
      createdAt: '2027-03-28T07:30:00.000Z',
    })
    expect(remindersDue([late], [eventType], ms('2027-03-28T07:31:00Z'), 0)).toEqual([])
  })

  it('skips instants before notifications began on the store', () => {
    const now = ms('2027-03-28T07:30:00Z')
    expect(remindersDue([sunday], [eventType], now, ms('2027-03-28T07:10:00Z'))).toEqual([])
  })

  it('plans new reminders after a reschedule and keys them by the new start', () => {
    const moved = {
      ...sunday,
      start: '2027-03-29T08:00:00.000Z',
      end: '2027-03-29T08:30:00.000Z',
      status: 'rescheduled' as const,
      history: [
        ...sunday.history,
        {
          at: '2027-03-27T12:00:00.000Z',
          action: 'rescheduled' as const,
          by: 'customer',
          previousStart: sunday.start,
        },
      ],
    }
    // The old 1440 reminder (2027-03-27T08:00) was before the reschedule: not due again.
    const due = remindersDue([moved], [eventType], ms('2027-03-29T07:00:00Z'), 0)
    expect(due.map((r) => r.key)).toEqual([
      reminderKey('bk-1', '2027-03-29T08:00:00.000Z', 1440),
      reminderKey('bk-1', '2027-03-29T08:00:00.000Z', 60),
    ])
    expect(reminderStillValid(moved, sunday.start, ms('2027-03-28T07:00:00Z'))).toBe(false)
    expect(reminderStillValid(moved, moved.start, ms('2027-03-29T07:00:00Z'))).toBe(true)
  })
})

describe('remindersAhead', () => {
  // Booked on 1 March for 09:30Z on 1 April, with reminders a day and an hour before.
  const later = fixtureBooking('bk-2', ['m-ben'], '2027-04-01T09:30:00Z', {
    createdAt: '2027-03-01T00:00:00.000Z',
  })
  it('lists the reminders still to come by instant, up to a limit', () => {
    const ahead = remindersAhead([later, sunday], [eventType], ms('2027-03-27T12:00:00Z'), 3)
    expect(ahead.map((r) => `${r.bookingId} ${r.minutesBefore}`)).toEqual([
      'bk-1 60',
      'bk-2 1440',
      'bk-2 60',
    ])
    expect(
      remindersAhead([later, sunday], [eventType], ms('2027-03-27T12:00:00Z'), 1),
    ).toHaveLength(1)
  })

  it('leaves out one that would come before the booking got its time', () => {
    // Booked 30 minutes ahead: no reminder an hour or a day before.
    const late = fixtureBooking('bk-3', ['m-ben'], '2027-04-01T09:30:00Z', {
      createdAt: '2027-04-01T09:00:00.000Z',
    })
    expect(remindersAhead([late], [eventType], ms('2027-04-01T09:00:00Z'), 10)).toEqual([])
  })

  it('each reminder ahead is due at its own instant, and not before', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: ms('2027-03-01T00:00:00Z'), max: ms('2027-04-01T09:29:00Z') }),
        (now) => {
          for (const reminder of remindersAhead([later, sunday], [eventType], now, 10)) {
            expect(reminder.dueAtMs).toBeGreaterThan(now)
            const keys = (at: number) =>
              remindersDue([later, sunday], [eventType], at, 0).map((r) => r.key)
            expect(keys(reminder.dueAtMs)).toContain(reminder.key)
            expect(keys(reminder.dueAtMs - 1)).not.toContain(reminder.key)
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
