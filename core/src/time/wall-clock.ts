/**
 * Wall-clock times of day, `"HH:mm"` on a 24-hour clock, as minutes after local midnight.
 * `"24:00"` is allowed and means the end of the day (1440); it is only meaningful as the end of a
 * range. No zone is involved here: see `zone-convert.ts` for turning a wall-clock time on a local
 * date into UTC instants.
 */

/** Minutes in a wall-clock day (a calendar day; DST days still run 00:00–24:00 on the wall clock). */
export const MINUTES_PER_DAY = 1440

function refuse(time: string): never {
  throw new RangeError(`Not an HH:mm time: ${JSON.stringify(time)}`)
}

/**
 * Minutes after local midnight (0–1440) of a `"HH:mm"` time. `"24:00"` gives 1440.
 * Throws a `RangeError` on anything else (`"9:00"`, `"24:30"`, `"12:60"`).
 */
export function wallClockParse(time: string): number {
  if (typeof time !== 'string' || time.length !== 5 || time.charCodeAt(2) !== 58 /* : */) {
    refuse(time)
  }
  const h1 = time.charCodeAt(0) - 48
  const h2 = time.charCodeAt(1) - 48
  const m1 = time.charCodeAt(3) - 48
  const m2 = time.charCodeAt(4) - 48
  if (!(h1 >= 0 && h1 <= 9 && h2 >= 0 && h2 <= 9 && m1 >= 0 && m1 <= 5 && m2 >= 0 && m2 <= 9)) {
    refuse(time)
  }
  const minutes = (h1 * 10 + h2) * 60 + m1 * 10 + m2
  if (minutes > MINUTES_PER_DAY) refuse(time)
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
