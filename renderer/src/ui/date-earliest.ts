import { parseDate } from '@internationalized/date'
import type { CalendarDate } from '@internationalized/date'

/**
 * The earliest date the app's date fields take. A year is typed digit by digit, and each digit
 * makes a whole date (year 2, 20, 202 on the way to 2023): those are not taken as the date asked
 * for, so a view neither jumps to them nor asks the sync server for them.
 */
export const DATE_EARLIEST: CalendarDate = parseDate('1900-01-01')

/** Whether a date typed or picked is one to take (see {@link DATE_EARLIEST}). */
export function dateIsTaken(date: CalendarDate): boolean {
  return date.compare(DATE_EARLIEST) >= 0
}
