import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { testBooking as booking } from '../test-support/booking'
import { localeFirstDay, monthCells, monthEvents, monthGrid, monthShift } from './month-events'
import type { MonthEvent, MonthEventsContext } from './month-events'

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

describe('monthCells', () => {
  /** An event starting at `start` (wall clock); only id and start matter here. */
  const event = (id: string, start: string): MonthEvent => ({
    id,
    start,
    end: start,
    title: id,
    extendedProps: { time: start.slice(11), who: id, label: id, color: '#000000' },
  })

  it('keeps a day’s first three and puts "+N more" after them, on its last minute', () => {
    const day = ['09:00', '10:00', '11:00', '12:00', '13:00'].map((time, i) =>
      event(`bk-${i}`, `2027-03-15T${time}`),
    )
    const next = event('bk-next', '2027-03-16T09:00')
    const cells = monthCells([...day, next], 3)
    expect(cells.items.map((item) => item.id)).toEqual([
      'bk-0',
      'bk-1',
      'bk-2',
      'more|2027-03-15',
      'bk-next',
    ])
    expect(cells.items[3]).toEqual({
      id: 'more|2027-03-15',
      start: '2027-03-15T23:58',
      end: '2027-03-15T23:59',
      title: '+2 more',
      extendedProps: { kind: 'more', date: '2027-03-15', count: 2 },
    })
    expect(cells.byDay.get('2027-03-15')).toEqual(day)
    expect(cells.byDay.get('2027-03-16')).toEqual([next])
  })

  it('gives a day of exactly three no "+N more"', () => {
    const day = ['09:00', '10:00', '11:00'].map((time, i) => event(`bk-${i}`, `2027-03-15T${time}`))
    expect(monthCells(day, 3).items).toEqual(day)
  })

  it('draws at most four items a day however full, and lists every event once', () => {
    const starts = fc.array(
      fc.record({
        day: fc.integer({ min: 1, max: 28 }),
        minute: fc.integer({ min: 0, max: 1439 }),
      }),
      { maxLength: 300 },
    )
    fc.assert(
      fc.property(starts, (picked) => {
        const events = picked
          .map(({ day, minute }, i) => {
            const hh = String(Math.floor(minute / 60)).padStart(2, '0')
            const mm = String(minute % 60).padStart(2, '0')
            return event(`bk-${i}`, `2027-03-${String(day).padStart(2, '0')}T${hh}:${mm}`)
          })
          .toSorted((a, b) => a.start.localeCompare(b.start))
        const cells = monthCells(events, 3)
        const perDay = new Map<string, number>()
        for (const item of cells.items) {
          const date = item.start.slice(0, 10)
          perDay.set(date, (perDay.get(date) ?? 0) + 1)
        }
        for (const [date, drawn] of perDay) {
          const all = events.filter((e) => e.start.startsWith(date)).length
          expect(drawn).toBe(all > 3 ? 4 : all)
          const more = cells.items.find((item) => item.id === `more|${date}`)
          expect(more?.title ?? null).toBe(all > 3 ? `+${all - 3} more` : null)
        }
        expect([...cells.byDay.values()].flat()).toEqual(events)
      }),
    )
  })
})
