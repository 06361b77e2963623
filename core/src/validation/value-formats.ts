/**
 * Checks of single values in workspace records: IANA zones, local times, calendar dates, instants.
 * Zone checks share the time module's cached `zoneIsValid`.
 */

import { instantParse } from '../time/instant'
import { localDateParse } from '../time/local-date'
import { zoneIsValid } from '../time/zone'

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/
/** The workspace format's instants: UTC with a `Z`, seconds and fractions optional. */
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?Z$/
/** `"24:00"` ends a day's last range: minute 1440 after local midnight. */
export const END_OF_DAY_MINUTES = 1440

/** True when `zone` is an IANA zone name this runtime knows (`Europe/Berlin`, `UTC`). */
export function zoneIsKnown(zone: unknown): boolean {
  return typeof zone === 'string' && zoneIsValid(zone)
}

/**
 * Minutes after local midnight of a `"HH:mm"` wall-clock time (`"00:00"` → 0, `"23:59"` → 1439),
 * `"24:00"` → 1440; null for anything else.
 */
export function localTimeMinutes(text: unknown): number | null {
  if (text === '24:00') return END_OF_DAY_MINUTES
  if (typeof text !== 'string') return null
  const match = LOCAL_TIME.exec(text)
  if (match === null) return null
  return Number(match[1]) * 60 + Number(match[2])
}

/** True for a real calendar date written `YYYY-MM-DD` (`2027-02-29` is not one). */
export function localDateIsReal(text: unknown): boolean {
  if (typeof text !== 'string' || !LOCAL_DATE.test(text)) return false
  try {
    localDateParse(text)
    return true
  } catch {
    return false
  }
}

/**
 * Epoch ms of an ISO-8601 UTC instant (`2027-03-15T09:00:00.000Z`) whose date and time are real;
 * null otherwise (offsets other than `Z`, `2027-02-30`, `25:00`).
 */
export function instantMs(text: unknown): number | null {
  if (typeof text !== 'string' || !UTC_INSTANT.test(text)) return null
  try {
    // The time module's parser: hand-rolled, checks real dates and times (luxon was 5× slower).
    return instantParse(text)
  } catch {
    return null
  }
}
