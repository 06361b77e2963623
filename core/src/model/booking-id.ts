/**
 * New booking ids, `bk-<time><random>`: the creating machine's clock in base 36 (eight digits,
 * so the string order of ids is their creation order until 2059, when a ninth digit comes), then
 * random characters that make the id unique. Nineteen characters in all, like the ids before
 * (`bk-` and 16 random ones): short enough that logs keep them (`logScrub` hides longer runs).
 * Stores index bookings and everything derived from them (messages, notification progress, host
 * and reference rows) by booking id: ids that grow with time are added at the end of those
 * indexes instead of at random places all over them, so a write touches a few pages instead of
 * one per index. Nothing reads the time back out of an id, and
 * two machines' clocks need not agree: an id is only ever compared for equality.
 */

/** Digits of the time part: base 36 of epoch ms fits eight digits until 2059. */
const TIME_DIGITS = 8

/**
 * A booking id made at `nowMs` (epoch ms, the creating machine's clock) with `random` as its
 * unique part: base64url characters, at least 8 (48 bits: two ids made in the same millisecond
 * differ but for one chance in 2^48; a decision refuses a used id). Throws a `RangeError` for a
 * negative or non-integer time or a short or foreign random part.
 */
export function bookingIdCompose(nowMs: number, random: string): string {
  if (!Number.isSafeInteger(nowMs) || nowMs < 0) {
    throw new RangeError(`a booking id needs a whole, non-negative time (got ${nowMs})`)
  }
  if (!/^[A-Za-z0-9_-]{8,80}$/.test(random)) {
    throw new RangeError('a booking id needs at least 8 random base64url characters')
  }
  return `bk-${nowMs.toString(36).padStart(TIME_DIGITS, '0')}${random}`
}
