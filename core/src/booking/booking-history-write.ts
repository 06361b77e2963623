/**
 * The history entries the booking decisions write, shaped exactly as the distribution module reads
 * them (`../distribution/booking-history.ts`), so pool statistics count every decision right:
 *
 * - new booking: `{ at, action: 'created', by }` — the first and only `created` entry; every
 *   seat's host received the booking at `at` (creation time, not meeting time);
 * - cancel: `{ at, action: 'cancelled', by, reason }` — every host loses it;
 * - no-show: `{ at, action: 'no-show', by, reason }` — every host loses it;
 * - reassign: `{ at, action: 'reassigned', by, reason, fromMemberId, toMemberId, forced }` — the
 *   seat of `fromMemberId` moves to `toMemberId`;
 * - reschedule: `{ at, action: 'rescheduled', by, previousStart }`, followed by one `reassigned`
 *   entry per seat whose host was not free at the new time (same `at`);
 * - completion: `{ at: booking end, action: 'completed', by: 'system' }`.
 *
 * Instants are ISO UTC strings. History is read in array order and must stay chronological, so an
 * appended entry is never dated before the last one (a deciding clock a little behind the clock
 * that wrote the last entry would otherwise make the history contradict itself).
 */

import type { Booking, HistoryEntry } from '../model/workspace'
import { instantFormat, instantParse } from '../time/instant'

/** Who acts when nobody does: automatic completion. */
export const SYSTEM_ACTOR = 'system'

/**
 * The instant (ISO UTC) a change decided at `nowMs` is recorded at: `nowMs`, or the last history
 * entry's instant when that is later. Throws a `RangeError` for a non-finite `nowMs`.
 */
export function historyAt(booking: Pick<Booking, 'history'>, nowMs: number): string {
  if (!Number.isFinite(nowMs)) throw new RangeError(`Bad now: ${nowMs}`)
  let latest = nowMs
  for (const entry of booking.history) latest = Math.max(latest, instantParse(entry.at))
  return instantFormat(latest)
}

/** The `created` entry of a new booking. */
export function historyCreated(atMs: number, by: string): HistoryEntry {
  return { at: instantFormat(atMs), action: 'created', by }
}

/** `booking` with `entries` appended to its history (a new object; the input is untouched). */
export function historyAppend(booking: Booking, ...entries: readonly HistoryEntry[]): Booking {
  return { ...booking, history: [...booking.history, ...entries] }
}
