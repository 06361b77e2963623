import { describe, expect, it } from 'vitest'
import type { Booking } from '../../../core/src/model/workspace'
import { localeFirstDay, monthEvents, monthGrid, monthShift } from './month-events'
import type { MonthEventsContext } from './month-events'

function booking(
  id: string,
  start: string,
  end: string,
  hosts: string[],
  status: Booking['status'] = 'scheduled',
  customer = 'Lee Park',
): Booking {
  return {
    id,
    eventTypeId: 'et-call',
    masterPageId: null,
    start,
    end,
    hostMemberIds: hosts,
    poolId: null,
    panelId: null,
    status,
    customer: { name: customer, email: 'lee@example.com', timeZone: 'UTC' },
    answers: {},
    createdVia: 'desktop',
    history: [],
  }
}

const ctx = (over: Partial<MonthEventsContext> = {}): MonthEventsContext => ({
  zone: 'Europe/Berlin',
  locale: 'en-GB',
  memberNames: new Map([
    ['m-ana', 'Ana Silva'],
    ['m-ben', 'Ben Okafor'],
  ]),
  memberColors: new Map([['m-ana', '#123456']]),
  eventNames: new Map([['et-call', 'Call']]),
  conflicts: new Set(),
  pending: new Set(),
  unsynced: new Set(),
  ...over,
})

describe('localeFirstDay', () => {
  it.each([
    ['en-US', 0],
    ['en-GB', 1],
    ['de-DE', 1],
    ['ar-EG', 6],
  ])('starts weeks in %s on day %i (0 = Sunday)', (locale, day) => {
    expect(localeFirstDay(locale)).toBe(day)
  })
})

describe('monthShift', () => {
  it.each([
    ['2027-03-15', 0, '2027-03-01'],
    ['2027-03-31', 1, '2027-04-01'],
    ['2027-01-10', -1, '2026-12-01'],
    ['2027-12-31', 1, '2028-01-01'],
    ['2028-02-29', 12, '2029-02-01'],
  ])('moves %s by %i months to %s', (date, months, expected) => {
    expect(monthShift(date, months)).toBe(expected)
  })
})

describe('monthGrid', () => {
  it.each([
    // March 2027 starts on a Monday and ends on a Wednesday.
    ['2027-03-15', 1, '2027-03-01', '2027-04-04'],
    ['2027-03-15', 0, '2027-02-28', '2027-04-03'],
    // February 2026 starts on a Sunday: exactly four Sunday-first weeks.
    ['2026-02-10', 1, '2026-01-26', '2026-03-01'],
    ['2026-02-10', 0, '2026-02-01', '2026-02-28'],
    ['2027-01-01', 6, '2026-12-26', '2027-02-05'],
  ])('shows the month of %s with first day %i from %s to %s', (date, firstDay, from, to) => {
    const grid = monthGrid(date, firstDay)
    expect(grid.monthStart).toBe(`${date.slice(0, 7)}-01`)
    expect([grid.gridStart, grid.gridEnd]).toEqual([from, to])
  })
})

describe('monthEvents', () => {
  it('gives each booking its wall-clock times in the zone, first names and the week view’s name', () => {
    const [event] = monthEvents(
      [booking('bk-1', '2027-03-15T09:00:00.000Z', '2027-03-15T09:30:00.000Z', ['m-ana', 'm-ben'])],
      ctx(),
    )
    expect(event).toEqual({
      id: 'bk-1',
      start: '2027-03-15T10:00',
      end: '2027-03-15T10:30',
      title: '10:00 Lee · Ana, Ben',
      extendedProps: {
        time: '10:00',
        who: 'Lee · Ana, Ben',
        label: '10:00–10:30 Call with Lee Park · Ana Silva, Ben Okafor',
        color: '#123456',
      },
    })
  })

  it('places a booking on its day in the scheduler’s zone, not in UTC', () => {
    const late = booking('bk-late', '2027-03-15T23:30:00.000Z', '2027-03-16T00:00:00.000Z', [
      'm-ana',
    ])
    expect(monthEvents([late], ctx({ zone: 'Europe/Berlin' }))[0]?.start).toBe('2027-03-16T00:30')
    expect(monthEvents([late], ctx({ zone: 'America/New_York' }))[0]?.start).toBe(
      '2027-03-15T19:30',
    )
  })

  it('writes times in the locale’s format', () => {
    const [event] = monthEvents(
      [booking('bk-1', '2027-03-15T14:00:00.000Z', '2027-03-15T14:30:00.000Z', ['m-ana'])],
      ctx({ zone: 'UTC', locale: 'en-US' }),
    )
    expect(event?.extendedProps.time).toMatch(/^2:00\s?PM$/)
  })

  it('leaves cancelled bookings out, like the week view, and sorts by start', () => {
    const events = monthEvents(
      [
        booking('bk-b', '2027-03-16T09:00:00.000Z', '2027-03-16T09:30:00.000Z', ['m-ana']),
        booking(
          'bk-x',
          '2027-03-15T08:00:00.000Z',
          '2027-03-15T08:30:00.000Z',
          ['m-ana'],
          'cancelled',
        ),
        booking('bk-a', '2027-03-15T09:00:00.000Z', '2027-03-15T09:30:00.000Z', ['m-ana']),
      ],
      ctx(),
    )
    expect(events.map((e) => e.id)).toEqual(['bk-a', 'bk-b'])
  })

  it('names marks, a former member and an unknown event type in words, never ids', () => {
    const [event] = monthEvents(
      [
        {
          ...booking(
            'bk-1',
            '2027-03-15T09:00:00.000Z',
            '2027-03-15T09:30:00.000Z',
            ['m-gone'],
            'no-show',
          ),
          eventTypeId: 'et-gone',
        },
      ],
      ctx({ conflicts: new Set(['bk-1']), unsynced: new Set(['bookings:bk-1']) }),
    )
    expect(event?.extendedProps.label).toBe(
      '10:00–10:30 Booking with Lee Park · former member (conflict, not synced yet, no-show)',
    )
    expect(event?.title).toBe('10:00 Lee · former member')
    expect(JSON.stringify(event?.extendedProps)).not.toMatch(/m-gone|et-gone|bk-1/)
  })
})
