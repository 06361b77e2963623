import { getDayOfWeek, parseDate } from '@internationalized/date'
import { bookingHoldsTime } from '../../../core/src/model/booking-statuses'
import { memberColorFor } from '../../../core/src/schema/migrations'
import type { Booking } from '../../../core/src/model/workspace'
import {
  instantParse,
  localDateFormat,
  localDateParse,
  localDateWeekday,
  zoneUtcToLocal,
} from '../../../core/src/time'
import { appLocale, timeRangeText, timeText } from '../format/datetime-format'

/**
 * The Bookings month view's pure parts: which dates the month shows, and each booking as the
 * event FullCalendar draws. FullCalendar runs in its `UTC` zone and is given the scheduler's
 * wall-clock times (`YYYY-MM-DDTHH:mm`), so a booking lands on its day in the scheduler's zone
 * whatever zone this computer has, and the times it shows are written by the app's own helpers.
 */

/** The dates the month of `date` shows: whole weeks, starting on `firstDay`. */
export interface MonthGrid {
  /** `YYYY-MM-01` of the month. */
  readonly monthStart: string
  /** The first date shown (the week holding the 1st starts here). */
  readonly gridStart: string
  /** The last date shown (inclusive; the week holding the month's last day ends here). */
  readonly gridEnd: string
}

/** 2024-01-07 was a Sunday: the reference for a locale's first day of the week. */
const A_SUNDAY = '2024-01-07'

/**
 * The locale's first day of the week, 0 = Sunday … 6 = Saturday (FullCalendar's `firstDay`):
 * Sunday in `en-US`, Monday in `en-GB` and `de`, from @internationalized/date's week data (the
 * same data React Aria's calendars use).
 */
export function localeFirstDay(locale = appLocale()): number {
  const sundayIndex = getDayOfWeek(parseDate(A_SUNDAY), locale)
  return (7 - sundayIndex) % 7
}

/** Weekday with 0 = Sunday (core's `localDateWeekday` has 0 = Monday). */
function sundayWeekday(day: number): number {
  return (localDateWeekday(day) + 1) % 7
}

/** The first date of the month `months` away from the month of `date` (`YYYY-MM-DD`). */
export function monthShift(date: string, months: number): string {
  const [year = 1970, month = 1] = date.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1 + months, 1)).toISOString().slice(0, 10)
}

/** The weeks shown for the month of `date`, weeks starting on `firstDay` (0 = Sunday). */
export function monthGrid(date: string, firstDay: number): MonthGrid {
  const monthStart = monthShift(date, 0)
  const first = localDateParse(monthStart)
  const last = localDateParse(monthShift(date, 1)) - 1
  const gridStart = first - ((sundayWeekday(first) - firstDay + 7) % 7)
  const lastWeekStart = last - ((sundayWeekday(last) - firstDay + 7) % 7)
  return {
    monthStart,
    gridStart: localDateFormat(gridStart),
    gridEnd: localDateFormat(lastWeekStart + 6),
  }
}

/** One booking as the month draws it (FullCalendar's event input). */
export interface MonthEvent {
  /** The booking's id: FullCalendar's key and what a click opens; never shown. */
  readonly id: string
  /** Wall-clock start and end in the scheduler's zone, `YYYY-MM-DDTHH:mm`. */
  readonly start: string
  readonly end: string
  /** What the day cell shows: start time, customer's and hosts' first names. */
  readonly title: string
  readonly extendedProps: {
    /** The start time in the locale's format (`14:00`, `2:00 PM`). */
    readonly time: string
    /** `Lee · Ana, Ben`. */
    readonly who: string
    /** The accessible name, as the week view's: `10:00–10:30 Call with Lee Park · Ana Silva`. */
    readonly label: string
    /** The first host's colour. */
    readonly color: string
  }
}

/** A set or a map of keys: only membership is asked. */
export interface KeySet {
  has(key: string): boolean
}

export interface MonthEventsContext {
  readonly zone: string
  readonly locale?: string
  readonly memberNames: ReadonlyMap<string, string>
  /** Members' own colours (others get the colour core derives from the id). */
  readonly memberColors: ReadonlyMap<string, string>
  readonly eventNames: ReadonlyMap<string, string>
  /** Booking ids in conflict, waiting in the undo window, and record keys not yet synced. */
  readonly conflicts: KeySet
  readonly pending: KeySet
  readonly unsynced: KeySet
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name
}

function wallClock(ms: number, zone: string): string {
  const local = zoneUtcToLocal(zone, ms)
  return `${local.date}T${local.time}`
}

/**
 * The month's events, by start (then id): cancelled bookings are left out as the week view
 * leaves them out (they free their time); everything else is named like the week view's blocks.
 * Hosts no longer in the workspace are "former member".
 */
export function monthEvents(bookings: readonly Booking[], ctx: MonthEventsContext): MonthEvent[] {
  const locale = ctx.locale ?? appLocale()
  return bookings
    .filter((b) => bookingHoldsTime(b))
    .toSorted((a, b) => instantParse(a.start) - instantParse(b.start) || a.id.localeCompare(b.id))
    .map((b) => {
      const names = b.hostMemberIds.map((id) => ctx.memberNames.get(id))
      const hosts = names.map((name) => name ?? 'former member')
      const hostFirstNames = names.map((name) => (name ? firstName(name) : 'former member'))
      const time = timeText(b.start, ctx.zone, locale)
      const who = `${firstName(b.customer.name)} · ${hostFirstNames.join(', ')}`
      const marks = [
        ctx.conflicts.has(b.id) ? 'conflict' : null,
        ctx.pending.has(b.id)
          ? 'saving'
          : ctx.unsynced.has(`bookings:${b.id}`)
            ? 'not synced yet'
            : null,
        b.status === 'scheduled' || b.status === 'rescheduled' ? null : b.status,
      ].filter(Boolean)
      const label =
        `${timeRangeText(b.start, b.end, ctx.zone, locale)} ` +
        `${ctx.eventNames.get(b.eventTypeId) ?? 'Booking'} with ${b.customer.name} · ${hosts.join(', ')}` +
        (marks.length > 0 ? ` (${marks.join(', ')})` : '')
      const firstHost = b.hostMemberIds[0] ?? ''
      return {
        id: b.id,
        start: wallClock(instantParse(b.start), ctx.zone),
        end: wallClock(instantParse(b.end), ctx.zone),
        title: `${time} ${who}`,
        extendedProps: {
          time,
          who,
          label,
          color: ctx.memberColors.get(firstHost) ?? memberColorFor(firstHost),
        },
      }
    })
}

/** A day's "+N more" as the month draws it: the day's bookings beyond those shown in its cell. */
export interface MonthMoreItem {
  /** `more|YYYY-MM-DD`: FullCalendar's key; never shown. */
  readonly id: string
  /**
   * Last in the day's cell (FullCalendar orders a cell by start): `YYYY-MM-DDT23:58` to `…T23:59`
   * (an end equal to the start would get FullCalendar's default hour, into the next day).
   */
  readonly start: string
  readonly end: string
  readonly title: string
  readonly extendedProps: {
    readonly kind: 'more'
    /** The day, `YYYY-MM-DD` (the scheduler's wall clock). */
    readonly date: string
    /** Bookings of the day not shown in the cell. */
    readonly count: number
  }
}

/** What a month's day cells hold: at most `perDay` bookings each, then the day's "+N more". */
export interface MonthCells {
  readonly items: readonly (MonthEvent | MonthMoreItem)[]
  /** Every event of a day, by date (`YYYY-MM-DD`), in order: what its "+N more" lists. */
  readonly byDay: ReadonlyMap<string, readonly MonthEvent[]>
}

/**
 * The month's events (`monthEvents`, in order) as day cells: each day (the date of an event's
 * wall-clock start) keeps its first `perDay` events, and a day with more gets one "+N more" item
 * after them (a booking past midnight is also drawn in the next day's cell, uncounted there). So the calendar draws at most `perDay + 1` items per day however full the day is:
 * FullCalendar lays out and measures every event it is given, hidden ones too, and a month of a
 * large team (~300 bookings a day) held the page for minutes.
 */
export function monthCells(events: readonly MonthEvent[], perDay: number): MonthCells {
  const byDay = new Map<string, MonthEvent[]>()
  for (const event of events) {
    const date = event.start.slice(0, 10)
    const day = byDay.get(date)
    if (day === undefined) byDay.set(date, [event])
    else day.push(event)
  }
  const items: (MonthEvent | MonthMoreItem)[] = []
  for (const [date, day] of byDay) {
    items.push(...day.slice(0, perDay))
    const count = day.length - perDay
    if (count > 0) {
      items.push({
        id: `more|${date}`,
        start: `${date}T23:58`,
        end: `${date}T23:59`,
        title: `+${count} more`,
        extendedProps: { kind: 'more', date, count },
      })
    }
  }
  return { items, byDay }
}
