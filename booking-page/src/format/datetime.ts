/**
 * Dates, times and zones as a customer reads them: always through `Intl`, in the page's locale
 * and the customer's zone (never the browser's local zone by accident).
 */

import { zoneTodayName } from '../../../core/src/time/zone-search'

/** `Intl.DateTimeFormat`s are costly to build: one per (locale, zone, options). */
const formats = new Map<string, Intl.DateTimeFormat>()

function format(locale: string, zone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale}|${zone}|${JSON.stringify(options)}`
  let found = formats.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone })
    formats.set(key, found)
  }
  return found
}

/** "09:30" / "9:30 AM": a time of day in `zone`. */
export function timeFormat(iso: string, zone: string, locale: string): string {
  return format(locale, zone, { timeStyle: 'short' }).format(new Date(iso))
}

/** "Thursday, 11 March 2027": the date in `zone`. */
export function dateLongFormat(iso: string, zone: string, locale: string): string {
  return format(locale, zone, { dateStyle: 'full' }).format(new Date(iso))
}

/** "Thursday, 11 March 2027, 09:00–09:30": a meeting in `zone`. */
export function meetingFormat(startIso: string, endIso: string, zone: string, locale: string) {
  const range = format(locale, zone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  })
  return range.formatRange(new Date(startIso), new Date(endIso))
}

/** "Thursday, 11 March 2027 at 10:00 (GMT+1)": an instant with the zone's offset. */
export function instantWithZoneFormat(iso: string, zone: string, locale: string): string {
  return (
    format(locale, zone, {
      dateStyle: 'full',
      timeStyle: 'short',
    }).format(new Date(iso)) + ` (${zoneOffset(zone, Date.parse(iso), locale)})`
  )
}

/** The calendar date of `iso` in `zone`, `YYYY-MM-DD`. */
export function localDateKey(iso: string, zone: string): string {
  const parts = format('en-CA', zone, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(iso))
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {})
  return `${parts['year']}-${parts['month']}-${parts['day']}`
}

/** "GMT+1", "GMT−5", "GMT+5:30" at instant `atMs` (offsets change with DST). */
export function zoneOffset(zone: string, atMs: number, locale = 'en'): string {
  const part = format(locale, zone, { timeZoneName: 'shortOffset' })
    .formatToParts(new Date(atMs))
    .find((p) => p.type === 'timeZoneName')
  return part?.value ?? zone
}

/** The city of a zone name: "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(zone: string): string {
  return (zone.split('/').at(-1) ?? zone).replaceAll('_', ' ')
}

/** "New York (GMT−5)": how a zone is named beside times. */
export function zoneLabel(zone: string, atMs: number, locale: string): string {
  return `${zoneCity(zone)} (${zoneOffset(zone, atMs, locale)})`
}

/** The browser's zone (by today's name), or UTC when it names none. */
export function browserZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
  return zoneTodayName(zone)
}

/** True when `zone` is an IANA zone this browser knows. */
export function zoneIsKnown(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
