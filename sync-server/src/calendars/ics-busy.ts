/**
 * A member's busy time from one iCalendar (`.ics`) text (issue 11), parsed and expanded with
 * Mozilla's ical.js (RRULE, RDATE, EXDATE, RECURRENCE-ID overrides, VTIMEZONE), never by hand:
 *
 * - Times with a `TZID` are read as wall-clock times in that zone: an IANA name as is, a Windows
 *   name (Outlook: "W. Europe Standard Time") through CLDR's windowsZones table (the
 *   `windows-iana` package), a Mozilla-style path by its last `Area/City`; only a name none of
 *   these knows falls back to the file's own VTIMEZONE (through ical.js). UTC (`Z`) times are
 *   instants; floating times (no zone) are read in the member's zone.
 * - All-day events (`VALUE=DATE`) block the member's local days, midnight to midnight in the
 *   member's zone (DTEND exclusive; one day when it is missing).
 * - `TRANSP:TRANSPARENT` ("show as free") and `STATUS:CANCELLED` events and instances are ignored;
 *   so are events without length.
 * - Only occurrences reaching into `[fromMs, toMs)` are kept. Expansion stops after
 *   {@link MAX_OCCURRENCES} occurrences in all (counted from each series' first one), so a hostile
 *   or broken file cannot hold the server.
 *
 * Only the times leave this module: titles, descriptions, attendees are never read.
 */

import ICAL from 'ical.js'
import { DateTime, IANAZone } from 'luxon'
import { findIana } from 'windows-iana'
import { type BusyInterval, busyTimesNormalize } from '../../../core/src/availability/busy-times'

/** Occurrences expanded per calendar before it is refused (a daily series over 25 years is ~9,000). */
export const MAX_OCCURRENCES = 200_000

export interface IcsBusyOptions {
  /** The member's IANA zone: all-day events and floating times are read in it. */
  readonly memberZone: string
  /** Keep occurrences reaching into `[fromMs, toMs)` (epoch ms). */
  readonly fromMs: number
  readonly toMs: number
  readonly maxOccurrences?: number
}

export type IcsBusyResult =
  | {
      readonly ok: true
      /** Sorted, merged `[start, end)` epoch ms. */
      readonly intervals: readonly BusyInterval[]
      /** Busy occurrences within the range (before merging). */
      readonly events: number
    }
  | { readonly ok: false; readonly message: string }

const zoneCache = new Map<string, string | null>()

/** The IANA zone a `TZID` names (IANA, Windows, Mozilla path), or null. */
export function icsZoneResolve(tzid: string): string | null {
  const cached = zoneCache.get(tzid)
  if (cached !== undefined) return cached
  let found: string | null = null
  const trimmed = tzid.trim().replace(/^"|"$/g, '')
  if (IANAZone.isValidZone(trimmed)) found = trimmed
  if (found === null) {
    const windows = findIana(trimmed)[0]
    if (windows !== undefined && IANAZone.isValidZone(windows)) found = windows
  }
  if (found === null) {
    // "/mozilla.org/20050126_1/Europe/Berlin", "/citadel.org/20190914_1/America/New_York"
    const path = /([A-Za-z_]+\/[A-Za-z_+-]+(?:\/[A-Za-z_+-]+)?)$/.exec(trimmed)?.[1]
    for (const candidate of path ? [path, path.split('/').slice(-2).join('/')] : []) {
      if (found === null && IANAZone.isValidZone(candidate)) found = candidate
    }
  }
  if (zoneCache.size > 1000) zoneCache.clear()
  zoneCache.set(tzid, found)
  return found
}

class TooManyOccurrences extends Error {}

/** Reads a time of the file as an instant (epoch ms); `tzid` is its property's TZID, if any. */
function instantOf(time: ICAL.Time, tzid: string | null, memberZone: string): number {
  if (time.isDate) {
    return DateTime.fromObject(
      { year: time.year, month: time.month, day: time.day },
      { zone: memberZone },
    ).toMillis()
  }
  const zoneId = time.zone?.tzid
  if (zoneId === 'UTC' || time.zone === ICAL.Timezone.utcTimezone) return time.toUnixTime() * 1000
  const named = tzid ?? (zoneId !== undefined && zoneId !== 'floating' ? zoneId : null)
  const iana = named === null ? memberZone : icsZoneResolve(named)
  if (iana === null) {
    // A zone only the file defines: ical.js converts with its VTIMEZONE (floating if none).
    return named !== null && zoneId === named ? time.toUnixTime() * 1000 : localIn(time, memberZone)
  }
  return localIn(time, iana)
}

function localIn(time: ICAL.Time, zone: string): number {
  return DateTime.fromObject(
    {
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.hour,
      minute: time.minute,
      second: time.second,
    },
    { zone },
  ).toMillis()
}

function tzidOf(component: ICAL.Component, property: 'dtstart' | 'dtend'): string | null {
  const value = component.getFirstProperty(property)?.getParameter('tzid')
  return typeof value === 'string' ? value : null
}

/** True when the event (or instance) does not make the member busy. */
function isFree(component: ICAL.Component): boolean {
  const transparency = String(component.getFirstPropertyValue('transp') ?? '').toUpperCase()
  const status = String(component.getFirstPropertyValue('status') ?? '').toUpperCase()
  return transparency === 'TRANSPARENT' || status === 'CANCELLED'
}

/** `[start, end)` of one occurrence read from its event (the series or an override). */
function spanOf(
  event: ICAL.Event,
  start: ICAL.Time,
  end: ICAL.Time | null,
  memberZone: string,
): [number, number] {
  const startTzid = tzidOf(event.component, 'dtstart')
  const startMs = instantOf(start, startTzid, memberZone)
  if (end === null) {
    // No DTEND/DURATION: a day for an all-day event, nothing for a timed one (RFC 5545).
    if (!start.isDate) return [startMs, startMs]
    const next = start.clone()
    next.day += 1
    return [startMs, instantOf(next, null, memberZone)]
  }
  const endTzid = tzidOf(event.component, 'dtend') ?? startTzid
  return [startMs, instantOf(end, endTzid, memberZone)]
}

function hasEnd(component: ICAL.Component): boolean {
  return component.hasProperty('dtend') || component.hasProperty('duration')
}

/**
 * The busy intervals of `text` within the range (see the module comment). A file that is not
 * iCalendar, or one with too many occurrences, is refused with a sentence for admins.
 */
export function icsBusyIntervals(text: string, options: IcsBusyOptions): IcsBusyResult {
  const limit = options.maxOccurrences ?? MAX_OCCURRENCES
  let root: ICAL.Component
  try {
    if (!/BEGIN:VCALENDAR/i.test(text.slice(0, 2048))) {
      return { ok: false, message: 'the address did not answer with an iCalendar (.ics) file' }
    }
    root = new ICAL.Component(ICAL.parse(text))
  } catch {
    return { ok: false, message: 'the calendar file could not be understood' }
  }
  const calendars = root.name === 'vcalendar' ? [root] : root.getAllSubcomponents('vcalendar')
  const intervals: [number, number][] = []
  let events = 0
  let expanded = 0
  const keep = (span: [number, number]): void => {
    if (span[0] < span[1] && span[1] > options.fromMs && span[0] < options.toMs) {
      intervals.push(span)
      events += 1
    }
  }
  try {
    for (const calendar of calendars) {
      const series = new Map<string, ICAL.Event>()
      const overrides: ICAL.Event[] = []
      for (const component of calendar.getAllSubcomponents('vevent')) {
        const event = new ICAL.Event(component)
        if (!component.hasProperty('dtstart')) continue
        if (component.hasProperty('recurrence-id')) overrides.push(event)
        else series.set(event.uid ?? `#${series.size}`, event)
      }
      for (const override of overrides) {
        const master = series.get(override.uid)
        if (master !== undefined) master.relateException(override)
        else if (!isFree(override.component)) {
          // An instance whose series is not in the file: an event of its own.
          keep(
            spanOf(
              override,
              override.startDate,
              hasEnd(override.component) ? override.endDate : null,
              options.memberZone,
            ),
          )
        }
      }
      for (const event of series.values()) {
        const seriesFree = isFree(event.component)
        const endless = !hasEnd(event.component)
        if (!event.isRecurring()) {
          expanded += 1
          if (!seriesFree) {
            keep(spanOf(event, event.startDate, endless ? null : event.endDate, options.memberZone))
          }
          continue
        }
        const iterator = event.iterator()
        const startTzid = tzidOf(event.component, 'dtstart')
        for (let next = iterator.next(); next; next = iterator.next()) {
          expanded += 1
          if (expanded > limit) throw new TooManyOccurrences()
          // Overrides move instances by hours or days, not by more than a week: stop well past the range.
          if (instantOf(next, startTzid, options.memberZone) >= options.toMs + 8 * 86_400_000) break
          const details = event.getOccurrenceDetails(next)
          const item = details.item ?? event
          if (details.item ? isFree(details.item.component) : seriesFree) continue
          const itemEndless = details.item ? !hasEnd(details.item.component) : endless
          keep(
            spanOf(
              item,
              details.startDate,
              itemEndless ? null : details.endDate,
              options.memberZone,
            ),
          )
        }
      }
    }
  } catch (error) {
    if (error instanceof TooManyOccurrences) {
      return {
        ok: false,
        message: `the calendar repeats too many events to read (over ${limit.toLocaleString('en')})`,
      }
    }
    return { ok: false, message: 'the calendar file could not be understood' }
  }
  return { ok: true, intervals: busyTimesNormalize(intervals), events }
}
