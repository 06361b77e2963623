import { zoneSearchText, zoneTodayName } from '../../../core/src/time/zone-search'
import { utcOffsetText } from '../format/datetime-format'

export interface ZoneOption {
  readonly id: string
  /** `Europe/Berlin (UTC+01:00)`: what the picker lists. */
  readonly label: string
  /** What it is found by (core's `zoneSearchText`: the label and words such as "Eastern"). */
  readonly search: string
  readonly offsetMinutes: number
}

function offsetMinutes(text: string): number {
  const match = /UTC([+-])(\d{2}):(\d{2})/.exec(text)
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

/**
 * Every IANA zone this computer knows, with its UTC offset at `atMs` (DST included), sorted by
 * offset then name; `extra` zones (a stored value the browser does not list) are kept.
 */
export function zoneOptions(atMs: number, extra: readonly string[] = []): readonly ZoneOption[] {
  const listed = Intl.supportedValuesOf('timeZone').map((zone) => {
    const renamed = zoneTodayName(zone)
    return renamed !== zone && isZone(renamed) ? renamed : zone
  })
  const names = new Set(['UTC', ...listed, ...extra.filter(Boolean)])
  return [...names]
    .map((id) => {
      let offset = 'UTC+00:00'
      try {
        offset = utcOffsetText(id, atMs)
      } catch {
        offset = 'unknown offset'
      }
      const label = `${id.replace(/_/g, ' ')} (${offset})`
      return {
        id,
        label,
        search: zoneSearchText(id, label),
        offsetMinutes: offsetMinutes(offset),
      }
    })
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.id.localeCompare(b.id))
}
