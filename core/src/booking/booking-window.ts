/**
 * The desktop's booking window: which bookings a desktop replica keeps. Every booking whose meeting
 * ends at or after the window's start (a UTC midnight), which includes every future booking;
 * older history is read from the server when a view asks for it.
 *
 * Why a UTC midnight: the window start moves once a day (queries and the pool-ledger baseline are
 * re-read once a day, not on every clock tick), and comparing a booking's `end` text with the
 * start's key text `YYYY-MM-DDT00:00` ({@link windowStartKey}) gives exactly the instant
 * comparison for every instant form records allow (UTC with `Z`: `…THH:mmZ`, `…:ssZ`, `…:ss.sssZ`,
 * more fraction digits): an earlier date reads smaller, and every time of the same date or later
 * reads at least that key. So the storage's `end` index (text order), the server's filters and the
 * desktop's query agree on every booking. (The canonical `…T00:00:00.000Z` would not: it reads
 * after `…T00:00:00.0001Z`, an instant of the same millisecond.)
 */

import { MS_PER_DAY } from '../time/instant'

/**
 * Days of past meetings a desktop keeps: a month's reporting cycle (up to 31 days) and two weeks
 * more, so this month's calendars, lists and reports, and last month's second half, are local and
 * work offline. Earlier bookings are read from the sync server when a view reaches them (the week
 * and month views, the list's search, Reports' counts); pool statistics stay exact for any cycle
 * through the server's ledger baseline. Chosen by measurement: 100 days (a quarter and a week)
 * made a desktop's first sync of a large team (~24,000 bookings at 100 members) take 9–12 s on a
 * 2-core machine, 45 days (~11,500) 5.5–6.2 s, and halved the renderer's heap (README).
 */
export const DESKTOP_WINDOW_PAST_DAYS = 45

/**
 * The longest range one read of stored bookings may span (`GET /api/admin/bookings`: a year and a
 * bit); a desktop reads a longer one in consecutive ranges of at most this many days.
 */
export const HISTORY_READ_MAX_DAYS = 400

/** A window start: a UTC calendar date `YYYY-MM-DD` (its midnight is the first instant kept). */
export type WindowStart = string

const WINDOW_START = /^\d{4}-\d{2}-\d{2}$/

/** True when `text` is a window start (`YYYY-MM-DD` of a real date). */
export function windowStartIsValid(text: unknown): text is WindowStart {
  if (typeof text !== 'string' || !WINDOW_START.test(text)) return false
  const ms = Date.parse(`${text}T00:00:00.000Z`)
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text
}

/**
 * The window start at `nowMs`: the UTC date of `nowMs − pastDays × 24 h` (so the window reaches at
 * least `pastDays` back, at most one day more). Throws on a non-finite `nowMs` or negative days.
 */
export function bookingWindowStart(
  nowMs: number,
  pastDays: number = DESKTOP_WINDOW_PAST_DAYS,
): WindowStart {
  if (!Number.isFinite(nowMs) || !(pastDays >= 0)) {
    throw new RangeError(`bookingWindowStart needs a finite now and days ≥ 0`)
  }
  return new Date(nowMs - pastDays * MS_PER_DAY).toISOString().slice(0, 10)
}

/** The window start's first instant as canonical ISO text (`YYYY-MM-DDT00:00:00.000Z`). */
export function windowStartIso(start: WindowStart): string {
  if (!windowStartIsValid(start)) throw new RangeError(`not a window start: ${String(start)}`)
  return `${start}T00:00:00.000Z`
}

/**
 * The text every kept booking's `end` reads at or after (`YYYY-MM-DDT00:00`): what index ranges
 * and filters compare with (see above).
 */
export function windowStartKey(start: WindowStart): string {
  if (!windowStartIsValid(start)) throw new RangeError(`not a window start: ${String(start)}`)
  return `${start}T00:00`
}

/** The window start's first instant in epoch ms. */
export function windowStartMs(start: WindowStart): number {
  return Date.parse(windowStartIso(start))
}

/**
 * Whether a booking whose meeting ends at `end` (a record instant) is inside the window starting
 * at `start`: `end ≥ start`, compared as text (equal to the instant comparison, see above).
 */
export function windowHoldsEnd(start: WindowStart, end: string): boolean {
  return end >= windowStartKey(start)
}

/**
 * Whether a desktop holding the window that starts at `start` must be sent this version of a
 * booking (the change feed's filter): its meeting ends inside the window, or its latest history
 * entry was written inside it — it was changed since the window began, so the desktop may hold
 * an earlier version that was inside (a booking moved out of the window, or a late change). A
 * desktop stores such a version and drops it from its window (its `end` is before the start).
 * History entries are chronological (`booking-history-write.ts`), so the last one is the latest.
 */
export function windowNeedsVersion(
  start: WindowStart,
  booking: { readonly end: string; readonly history?: readonly { readonly at: string }[] },
): boolean {
  const key = windowStartKey(start)
  if (booking.end >= key) return true
  const latest = booking.history?.at(-1)?.at
  return latest !== undefined && latest >= key
}

/** The earlier of two window starts (dates compare as text). */
export function windowStartEarlier(a: WindowStart, b: WindowStart): WindowStart {
  return a <= b ? a : b
}
