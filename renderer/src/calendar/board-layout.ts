import { busyIntervalsWithin, workingHoursInWindow } from '../../../core/src/availability'
import type { BusyInterval } from '../../../core/src/availability'
import { bookingHoldsTime } from '../../../core/src/model/booking-statuses'
import type { Booking, Member } from '../../../core/src/model/workspace'
import {
  instantParse,
  localDateFormat,
  localDateParse,
  localDateWeekday,
  MS_PER_MINUTE,
  zoneDayRange,
  zoneUtcToLocal,
} from '../../../core/src/time'

/** The board shows one local day of the scheduler: `[fromMs, toMs)` (23 or 25 h on DST days). */
export interface BoardDay {
  readonly date: string
  readonly fromMs: number
  readonly toMs: number
}

/** The local day `date` (`YYYY-MM-DD`) in `zone`. */
export function boardDay(zone: string, date: string): BoardDay {
  const [fromMs, toMs] = zoneDayRange(zone, date)
  return { date, fromMs, toMs }
}

/** Today's local date in `zone` at `nowMs`. */
export function boardToday(zone: string, nowMs: number): string {
  return zoneUtcToLocal(zone, nowMs).date
}

/** The date `days` away from `date`. */
export function boardShiftDate(date: string, days: number): string {
  return localDateFormat(localDateParse(date) + days)
}

/** One booking seat drawn in one member's column, in minutes from the day's start. */
export interface BoardBlock {
  readonly booking: Booking
  readonly memberId: string
  readonly topMin: number
  readonly heightMin: number
}

/**
 * The blocks of the day per member id: every shown booking overlapping the day, once per host
 * (a panel booking appears in each host's column), clipped to the day, by start.
 */
export function boardBlocks(
  bookings: readonly Booking[],
  day: BoardDay,
): ReadonlyMap<string, readonly BoardBlock[]> {
  const byMember = new Map<string, BoardBlock[]>()
  for (const booking of bookings) {
    if (!bookingHoldsTime(booking)) continue
    const start = instantParse(booking.start)
    const end = instantParse(booking.end)
    if (end <= day.fromMs || start >= day.toMs) continue
    const top = Math.max(start, day.fromMs)
    const bottom = Math.min(end, day.toMs)
    for (const memberId of booking.hostMemberIds) {
      const list = byMember.get(memberId) ?? []
      list.push({
        booking,
        memberId,
        topMin: (top - day.fromMs) / MS_PER_MINUTE,
        heightMin: (bottom - top) / MS_PER_MINUTE,
      })
      byMember.set(memberId, list)
    }
  }
  for (const list of byMember.values()) list.sort((a, b) => a.topMin - b.topMin)
  return byMember
}

/** A member's working hours on the board, as `[topMin, bottomMin)` pairs from the day's start. */
export function boardWorkingHours(
  member: Member,
  day: BoardDay,
): readonly (readonly [number, number])[] {
  return workingHoursInWindow(member, day.fromMs, day.toMs).map(
    ([from, to]) =>
      [(from - day.fromMs) / MS_PER_MINUTE, (to - day.fromMs) / MS_PER_MINUTE] as const,
  )
}

/**
 * A member's busy time from their own calendars on the day, as `[top, bottom]` minutes from the
 * day's start, clipped to the day (nothing else about the events is known here).
 */
export function boardBusyBlocks(
  busy: readonly BusyInterval[],
  day: BoardDay,
): readonly (readonly [number, number])[] {
  return busyIntervalsWithin(busy, day.fromMs, day.toMs).map(
    ([from, to]) =>
      [
        (Math.max(from, day.fromMs) - day.fromMs) / MS_PER_MINUTE,
        (Math.min(to, day.toMs) - day.fromMs) / MS_PER_MINUTE,
      ] as const,
  )
}

/**
 * Hour marks of the day: minutes from its start, the instant (epoch ms) and the local wall clock
 * (`09:00`), DST-aware (a spring-forward day has 23 marks).
 */
export function boardHourMarks(
  zone: string,
  day: BoardDay,
): readonly { topMin: number; atMs: number; label: string }[] {
  const marks: { topMin: number; atMs: number; label: string }[] = []
  for (let ms = day.fromMs; ms < day.toMs; ms += 60 * MS_PER_MINUTE) {
    marks.push({
      topMin: (ms - day.fromMs) / MS_PER_MINUTE,
      atMs: ms,
      label: zoneUtcToLocal(zone, ms).time,
    })
  }
  return marks
}

/** The seven dates of the week (Monday first) containing `date`. */
export function boardWeekDates(date: string): readonly string[] {
  const day = localDateParse(date)
  const monday = day - localDateWeekday(day)
  return Array.from({ length: 7 }, (_, i) => localDateFormat(monday + i))
}
