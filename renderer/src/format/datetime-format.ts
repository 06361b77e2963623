/**
 * The one way the app writes dates and times: the person's locale (24-hour where the locale
 * says so, e.g. en-GB and de; 12-hour with am/pm in en-US), always with an explicit zone.
 * Formatters are cached per (locale, zone, style).
 */

import { zoneIsValid } from '../../../core/src/time'

const cache = new Map<string, Intl.DateTimeFormat>()

/** The person's locale (the browser's / the OS's). */
export function appLocale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en-GB'
}

const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>()

/** A count as the app's locale writes it (`21,072`, `21.072`), one formatter per locale. */
export function numberText(n: number): string {
  const locale = appLocale()
  let format = NUMBER_FORMATS.get(locale)
  if (format === undefined) {
    format = new Intl.NumberFormat(locale)
    NUMBER_FORMATS.set(locale, format)
  }
  return format.format(n)
}

/** "1 booking", "21,072 bookings" (the locale's digits). */
export function bookingsText(n: number): string {
  return n === 1 ? '1 booking' : `${numberText(n)} bookings`
}

const collators = new Map<string, Intl.Collator>()

/**
 * Orders names as people read them in the app's locale, numbers by value ("Member 2" before
 * "Member 10"), case and accents second.
 */
export function nameOrder(a: string, b: string): number {
  const locale = appLocale()
  let collator = collators.get(locale)
  if (!collator) {
    collator = new Intl.Collator(locale, { numeric: true })
    collators.set(locale, collator)
  }
  return collator.compare(a, b)
}

/** The zone of this computer: the calendar shows the scheduler's day in it. */
export function localZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

function formatter(zone: string, options: Intl.DateTimeFormatOptions, locale: string) {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`
  let f = cache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone })
    cache.set(key, f)
  }
  return f
}

const TIME_OPTIONS = new Map<string, Intl.DateTimeFormatOptions>()

/**
 * Hours as the locale writes them: two digits on a 24-hour clock (`09:30`), else `9:30 AM`. Kept
 * per locale: asking the formatter's resolved options for every time written cost a month of a
 * large team's bookings (~8,000) a tenth of a second.
 */
function timeOptions(locale: string): Intl.DateTimeFormatOptions {
  let options = TIME_OPTIONS.get(locale)
  if (options === undefined) {
    const cycle = formatter('UTC', { hour: 'numeric' }, locale).resolvedOptions().hourCycle
    const is24 = cycle === 'h23' || cycle === 'h24'
    options = { hour: is24 ? '2-digit' : 'numeric', minute: '2-digit' }
    TIME_OPTIONS.set(locale, options)
  }
  return options
}
const DATE: Intl.DateTimeFormatOptions = {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
}
const DAY: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
}
const SHORT_DAY: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' }

type Instant = number | string

function ms(at: Instant): number {
  return typeof at === 'number' ? at : Date.parse(at)
}

/** Whether the locale writes times on a 24-hour clock. */
export function localeIs24Hour(locale = appLocale()): boolean {
  return timeOptions(locale).hour === '2-digit'
}

/** `14:00` / `2:00 PM`. */
export function timeText(at: Instant, zone: string, locale = appLocale()): string {
  return formatter(zone, timeOptions(locale), locale).format(ms(at))
}

/** `14:00–14:30`: a range on one day. */
export function timeRangeText(
  from: Instant,
  to: Instant,
  zone: string,
  locale = appLocale(),
): string {
  return `${timeText(from, zone, locale)}–${timeText(to, zone, locale)}`
}

/** `Mon, 15 Mar 2027`. */
export function dateText(at: Instant, zone: string, locale = appLocale()): string {
  return formatter(zone, DATE, locale).format(ms(at))
}

/** `Monday, 15 March 2027`. */
export function dayText(at: Instant, zone: string, locale = appLocale()): string {
  return formatter(zone, DAY, locale).format(ms(at))
}

/** `Mon, 15 Mar`. */
export function shortDayText(at: Instant, zone: string, locale = appLocale()): string {
  return formatter(zone, SHORT_DAY, locale).format(ms(at))
}

/** A calendar date `YYYY-MM-DD` (no moment, no zone) as the locale writes it: `Wed, 2 Dec 2026`. */
export function localDateText(date: string, locale = appLocale()): string {
  return formatter('UTC', DATE, locale).format(Date.parse(`${date}T12:00:00Z`))
}

/** A reminder's offset in words: `1 day before`, `2 hours before`, `15 minutes before`. */
export function reminderOffsetText(minutes: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'} before`
  if (minutes % 1440 === 0) return unit(minutes / 1440, 'day')
  if (minutes % 60 === 0) return unit(minutes / 60, 'hour')
  return unit(minutes, 'minute')
}

/** `March 2027`. */
export function monthText(at: Instant, zone: string, locale = appLocale()): string {
  return formatter(zone, { month: 'long', year: 'numeric' }, locale).format(ms(at))
}

/** `Mon, 15 Mar 2027, 14:00`. */
export function dateTimeText(at: Instant, zone: string, locale = appLocale()): string {
  return `${dateText(at, zone, locale)}, ${timeText(at, zone, locale)}`
}

/** A wall-clock `HH:mm` (a member's hours) in the locale's format, e.g. `9:00 AM` or `09:00`. */
export function wallClockText(hhmm: string, locale = appLocale()): string {
  if (hhmm === '24:00')
    return (
      formatter('UTC', timeOptions(locale), locale).format(Date.UTC(2000, 0, 1, 0, 0)) +
      ' (midnight)'
    )
  const [h = 0, m = 0] = hhmm.split(':').map(Number)
  return formatter('UTC', timeOptions(locale), locale).format(Date.UTC(2000, 0, 1, h, m))
}

/**
 * A zone as people name it: its city ("New York" for `America/New_York`, "Buenos Aires" for
 * `America/Argentina/Buenos_Aires`), "UTC" for UTC and its aliases; other `Etc/` zones as they are
 * (`Etc/GMT+5` is five hours behind UTC: its name would mislead).
 */
export function zoneText(zone: string): string {
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'Etc/GMT' || zone === 'GMT') return 'UTC'
  if (zone.startsWith('Etc/') || !zone.includes('/')) return zone
  return (zone.split('/').at(-1) ?? zone).replace(/_/g, ' ')
}

/** Whether clocks in `a` and `b` read the same at `at` (same UTC offset then): one time to say. */
export function zonesAgreeAt(a: string, b: string, at: number): boolean {
  return a === b || utcOffsetText(a, at) === utcOffsetText(b, at)
}

/**
 * A meeting on another person's clock (a member's, a customer's), where it reads otherwise than
 * on the desk's: its time — or `at`–`end` — preceded by that clock's short day when its day is not
 * the desk’s ("Tue 1 Dec, 02:30"). Null where both clocks read the same then, or `zone` is not
 * one this browser knows (nothing to add). The one rule for every "their time" the app shows.
 */
export function otherClockText(
  at: Instant,
  zone: string,
  deskZone: string,
  end?: Instant,
  locale = appLocale(),
): string | null {
  if (!zoneIsValid(zone) || zonesAgreeAt(zone, deskZone, ms(at))) return null
  const time = end === undefined ? timeText(at, zone, locale) : timeRangeText(at, end, zone, locale)
  const day = shortDayText(at, zone, locale)
  return day === shortDayText(at, deskZone, locale) ? time : `${day}, ${time}`
}

/** `UTC+05:30` for a zone at `at`. */
export function utcOffsetText(zone: string, at: number): string {
  const parts = formatter(zone, { timeZoneName: 'longOffset' }, 'en-US').formatToParts(at)
  const name = parts.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  return name === 'GMT' ? 'UTC+00:00' : name.replace('GMT', 'UTC')
}
