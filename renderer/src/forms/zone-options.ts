import { utcOffsetText } from '../format/datetime-format'

export interface ZoneOption {
  readonly id: string
  /** `Europe/Berlin (UTC+01:00)`: what the picker lists and searches. */
  readonly label: string
  readonly offsetMinutes: number
}

function offsetMinutes(text: string): number {
  const match = /UTC([+-])(\d{2}):(\d{2})/.exec(text)
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

/**
 * Current IANA names that ICU still lists under their old name (`Asia/Calcutta`): people search
 * for the city's name today.
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
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
    const renamed = RENAMED[zone]
    return renamed !== undefined && isZone(renamed) ? renamed : zone
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
      return {
        id,
        label: `${id.replace(/_/g, ' ')} (${offset})`,
        offsetMinutes: offsetMinutes(offset),
      }
    })
    .sort((a, b) => a.offsetMinutes - b.offsetMinutes || a.id.localeCompare(b.id))
}
