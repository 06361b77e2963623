/**
 * The zone picker's list: every IANA zone the browser knows, each with its current offset, its
 * city and region, searchable by any of them ("berlin", "gmt+1", "europe") and by common words
 * ("Eastern", "Mumbai": core's `zone-search.ts`).
 */
import {
  zoneSearchMatches,
  zoneSearchText,
  zoneTodayName,
} from '../../../core/src/time/zone-search'
import { zoneCity, zoneOffset } from './datetime'

export interface ZoneOption {
  readonly id: string
  /** "Berlin (GMT+1) · Europe", "Center (GMT-6) · America/North Dakota" */
  readonly label: string
  /** Offset in minutes at the time the list was made, for ordering. */
  readonly offsetMinutes: number
  /** Folded text searched (core's `zoneSearchText`): zone name, other words, city, offset. */
  readonly search: string
}

/** Minutes east of UTC in a "GMT+5:30" text (0 for "GMT"). */
export function offsetMinutesOf(offset: string): number {
  const match = /GMT([+\u2212-])(\d{1,2})(?::(\d{2}))?/.exec(offset)
  if (!match) return 0
  const sign = match[1] === '+' ? 1 : -1
  return sign * (Number(match[2]) * 60 + Number(match[3] ?? 0))
}

/** Every zone in `zones` (plus `current` when missing) as options, by offset then name. */
export function zoneOptions(
  zones: readonly string[],
  current: string,
  atMs: number,
): readonly ZoneOption[] {
  const renamed = zones.map(zoneTodayName)
  const all = [...new Set(renamed.includes(current) ? renamed : [current, ...renamed])]
  return all
    .map((id) => {
      const offset = zoneOffset(id, atMs)
      const region = id.split('/').slice(0, -1).join('/').replaceAll('_', ' ')
      const city = zoneCity(id)
      return {
        id,
        label: `${city} (${offset})${region ? ` · ${region}` : ''}`,
        offsetMinutes: offsetMinutesOf(offset),
        search: zoneSearchText(id, `${city} ${offset} ${offset.replace('\u2212', '-')}`),
      }
    })
    .toSorted((a, b) => a.offsetMinutes - b.offsetMinutes || a.id.localeCompare(b.id))
}

/**
 * The options found by `query`: every word of it in the zone's search text (core's
 * `zoneSearchMatches`: names, cities, common words such as "Eastern" or "Mumbai"; accents and
 * case ignored).
 */
export function zoneFilter(options: readonly ZoneOption[], query: string): readonly ZoneOption[] {
  return options.filter((option) => zoneSearchMatches(option.search, query))
}

/** The zones this browser knows (`Intl.supportedValuesOf`), or just `fallback`. */
export function knownZones(fallback: string): readonly string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf
  return typeof supported === 'function' ? supported('timeZone') : [fallback]
}
