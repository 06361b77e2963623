/**
 * Calendar dates without a zone (`"YYYY-MM-DD"`, proleptic Gregorian) as integer day numbers:
 * whole days since 1970-01-01. Day numbers are how core/ does date arithmetic (add days, weekday,
 * ISO week) without luxon and without the host's local time. "Local" means "in whatever zone the
 * caller has in mind": these functions never look at a zone.
 */

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days in the 400-year Gregorian cycle, and the shift from 0000-03-01 to 1970-01-01. */
const DAYS_PER_ERA = 146_097
const EPOCH_SHIFT = 719_468

/**
 * The day number of a civil date (1970-01-01 = 0). `month` is 1–12, `day` 1–31; the caller
 * guarantees a real date (see {@link localDateParse} for validation). Pure integer arithmetic
 * (Hinnant's days-from-civil), valid for any year.
 */
export function localDateFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * DAYS_PER_ERA + dayOfEra - EPOCH_SHIFT
}

/** The civil date of a day number, as `{ year, month: 1–12, day: 1–31 }`. Inverse of {@link localDateFromCivil}. */
export function localDateToCivil(dayNumber: number): {
  readonly year: number
  readonly month: number
  readonly day: number
} {
  const z = dayNumber + EPOCH_SHIFT
  const era = Math.floor(z / DAYS_PER_ERA)
  const dayOfEra = z - era * DAYS_PER_ERA
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  )
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/**
 * The day number of a `"YYYY-MM-DD"` date. Throws a `RangeError` on anything else, including
 * impossible dates such as `2027-02-29`.
 */
export function localDateParse(date: string): number {
  const match = DATE_PATTERN.exec(date)
  if (match === null) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`)
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  const dayNumber = localDateFromCivil(year, month, day)
  const back = localDateToCivil(dayNumber)
  if (month < 1 || month > 12 || day < 1 || back.month !== month || back.day !== day) {
    throw new RangeError(`Not a calendar date: ${JSON.stringify(date)}`)
  }
  return dayNumber
}

/** The `"YYYY-MM-DD"` form of a day number (years 0000–9999). */
export function localDateFormat(dayNumber: number): string {
  const { year, month, day } = localDateToCivil(dayNumber)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * The ISO weekday of a day number: 0 = Monday … 6 = Sunday, the order of `WEEKDAYS` in the
 * workspace model. (1970-01-01 was a Thursday.)
 */
export function localDateWeekday(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7
}

/** The day number of the Monday that starts the ISO week (Monday–Sunday) containing `dayNumber`. */
export function localDateWeekStart(dayNumber: number): number {
  return dayNumber - localDateWeekday(dayNumber)
}
