/**
 * Instants: points on the UTC time line, as integer epoch milliseconds in core/ and as ISO-8601
 * strings in records (`2027-03-15T09:00:00.000Z`). Parsing is strict and never consults the host's
 * local zone: a string without `Z` or an explicit offset is refused, not guessed.
 */

import { localDateFromCivil } from './local-date'

/** Milliseconds in a minute: epoch ms ↔ the epoch minutes the availability kernels use. */
export const MS_PER_MINUTE = 60_000
/** Milliseconds in an hour. */
export const MS_PER_HOUR = 3_600_000
/** Milliseconds in a 24-hour day (not a calendar day: DST days differ; see zone-convert.ts). */
export const MS_PER_DAY = 86_400_000

const CHAR_0 = 48
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

function daysInMonth(year: number, month: number): number {
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return month === 2 && isLeap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0)
}

function refuse(text: string): never {
  throw new RangeError(`Not an ISO-8601 instant with a zone designator: ${JSON.stringify(text)}`)
}

/** Reads `Z` or `±HH:mm` at `at` (which must end the text) as minutes east of UTC; null when malformed. */
function offsetAt(text: string, at: number): number | null {
  if (text.length === at + 1 && text.charCodeAt(at) === 90 /* Z */) return 0
  if (text.length !== at + 6 || text.charCodeAt(at + 3) !== 58 /* : */) return null
  const sign = text.charCodeAt(at)
  const hours = digitsAt(text, at + 1, 2)
  const minutes = digitsAt(text, at + 4, 2)
  if (hours < 0 || minutes < 0 || hours > 23 || minutes > 59) return null
  if (sign === 43 /* + */) return hours * 60 + minutes
  if (sign === 45 /* - */) return -(hours * 60 + minutes)
  return null
}

/** Days before each month in a common year (index 0 = January). */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334] as const
/** Day number of 2000-01-01. */
const DAY_2000_01_01 = 10_957

/** `count` ASCII digits at `at` as a number, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - CHAR_0
    if (!(digit >= 0 && digit <= 9)) return -1
    value = value * 10 + digit
  }
  return value
}

/**
 * The canonical UTC forms `20YY-MM-DDTHH:mm:ss.sssZ` (24 chars) and `20YY-MM-DDTHH:mm:ssZ`
 * (20 chars), or NaN for anything else (the general parser then decides). Straight-line integer
 * arithmetic, because availability parses every booking of a workspace.
 */
function canonicalUtcParse(text: string): number {
  const length = text.length
  if (
    (length !== 24 && length !== 20) ||
    text.charCodeAt(length - 1) !== 90 /* Z */ ||
    text.charCodeAt(0) !== 50 /* 2 */ ||
    text.charCodeAt(1) !== 48 /* 0 */ ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 ||
    text.charCodeAt(13) !== 58 ||
    text.charCodeAt(16) !== 58 ||
    (length === 24 && text.charCodeAt(19) !== 46)
  ) {
    return Number.NaN
  }
  const yearOfCentury = digitsAt(text, 2, 2)
  const month = digitsAt(text, 5, 2)
  const day = digitsAt(text, 8, 2)
  const hour = digitsAt(text, 11, 2)
  const minute = digitsAt(text, 14, 2)
  const second = digitsAt(text, 17, 2)
  const millisecond = length === 24 ? digitsAt(text, 20, 3) : 0
  if (
    yearOfCentury < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(2000 + yearOfCentury, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59 ||
    millisecond < 0
  ) {
    return Number.NaN
  }
  // 2000–2099: every fourth year is a leap year, 2000 included.
  const leapDaysBefore = (yearOfCentury + 3) >> 2
  const leapDayThisYear = (yearOfCentury & 3) === 0 && month > 2 ? 1 : 0
  const dayNumber =
    DAY_2000_01_01 +
    yearOfCentury * 365 +
    leapDaysBefore +
    DAYS_BEFORE_MONTH[month - 1]! +
    leapDayThisYear +
    day -
    1
  return (((dayNumber * 24 + hour) * 60 + minute) * 60 + second) * 1000 + millisecond
}

/**
 * Epoch milliseconds of an ISO-8601 instant `YYYY-MM-DDTHH:mm[:ss[.fraction]](Z|±HH:mm)`.
 * Fractions beyond milliseconds are truncated. Throws a `RangeError` on anything else, including
 * impossible dates and times and strings without a zone designator. Hand-rolled (no regex, no
 * `Date.parse`), with a fast path for canonical UTC strings.
 */
export function instantParse(text: string): number {
  const canonical = canonicalUtcParse(text)
  if (canonical === canonical) return canonical // not NaN
  if (
    text.length < 17 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 84 /* T */ ||
    text.charCodeAt(13) !== 58
  ) {
    refuse(text)
  }
  const year = digitsAt(text, 0, 4)
  const month = digitsAt(text, 5, 2)
  const day = digitsAt(text, 8, 2)
  const hour = digitsAt(text, 11, 2)
  const minute = digitsAt(text, 14, 2)
  let second = 0
  let millisecond = 0
  let at = 16
  if (text.charCodeAt(at) === 58) {
    second = digitsAt(text, at + 1, 2)
    at += 3
    if (text.charCodeAt(at) === 46 /* . */) {
      const fractionStart = ++at
      while (at < text.length && digitsAt(text, at, 1) >= 0) at++
      const fractionLength = at - fractionStart
      if (fractionLength === 0 || fractionLength > 9) refuse(text)
      const kept = Math.min(3, fractionLength)
      millisecond = digitsAt(text, fractionStart, kept) * 10 ** (3 - kept)
    }
  }
  const offset = offsetAt(text, at)
  if (
    offset === null ||
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  ) {
    refuse(text)
  }
  const minutes = localDateFromCivil(year, month, day) * 1440 + hour * 60 + minute - offset
  return minutes * MS_PER_MINUTE + second * 1000 + millisecond
}

/** The canonical ISO-8601 UTC form (`2027-03-15T09:00:00.000Z`) of epoch milliseconds. Throws a `RangeError` when not finite. */
export function instantFormat(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`Not an instant: ${ms}`)
  return new Date(ms).toISOString()
}
