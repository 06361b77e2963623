/**
 * Wall-clock times of day, `"HH:mm"` on a 24-hour clock, as minutes after local midnight.
 * `"24:00"` is allowed and means the end of the day (1440); it is only meaningful as the end of a
 * range. No zone is involved here: see `zone-convert.ts` for turning a wall-clock time on a local
 * date into UTC instants.
 */

/** Minutes in a wall-clock day (a calendar day; DST days still run 00:00–24:00 on the wall clock). */
export const MINUTES_PER_DAY = 1440

const TIME_PATTERN = /^([01]\d|2[0-4]):([0-5]\d)$/

/**
 * Minutes after local midnight (0–1440) of a `"HH:mm"` time. `"24:00"` gives 1440.
 * Throws a `RangeError` on anything else (`"9:00"`, `"24:30"`, `"12:60"`).
 */
export function wallClockParse(time: string): number {
  const match = TIME_PATTERN.exec(time)
  if (match === null) throw new RangeError(`Not an HH:mm time: ${JSON.stringify(time)}`)
  const minutes = Number(match[1]) * 60 + Number(match[2])
  if (minutes > MINUTES_PER_DAY) throw new RangeError(`Not an HH:mm time: ${JSON.stringify(time)}`)
  return minutes
}

/** The `"HH:mm"` form of minutes after local midnight (0–1440; 1440 gives `"24:00"`). Throws a `RangeError` outside that. */
export function wallClockFormat(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > MINUTES_PER_DAY) {
    throw new RangeError(`Minutes of day out of range: ${minutes}`)
  }
  const hours = Math.floor(minutes / 60)
  return `${String(hours).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}
