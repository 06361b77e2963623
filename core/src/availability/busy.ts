/**
 * Busy time: which bookings occupy a member, and how far. Intervals are half-open `[start, end)`
 * in epoch minutes (see `intervals.ts`).
 *
 * - Busy statuses: `scheduled`, `rescheduled`, `completed` and `no-show`. A completed or no-show
 *   booking did occupy its time (and counts toward workload caps), so it stays busy; `cancelled`
 *   frees its time at once.
 * - A booking occupies every member in `hostMemberIds` (all seats of a panel booking).
 * - A booking's busy span is `[start - before, end + after)` with the buffers of ITS event type;
 *   a booking whose event type is unknown (deleted) keeps its meeting time busy with no buffers.
 * - Seconds are rounded outward (start down, end up to the minute). For whole-minute slot starts
 *   and durations this is exact, so the minute kernels decide exactly as the ms instants would.
 */

import type { Booking, BookingStatus, EventType } from '../model/workspace'
import { instantParse, MS_PER_MINUTE } from '../time/instant'
import { bookingHoldsTime, TIME_HOLDING_STATUSES } from '../model/booking-statuses'

/** Statuses whose bookings keep their hosts busy and count toward workload caps. */
export const BUSY_STATUSES: ReadonlySet<BookingStatus> = TIME_HOLDING_STATUSES

/** True when the booking keeps its hosts busy (any status but `cancelled`). */
export const bookingIsBusy: (booking: Pick<Booking, 'status'>) => boolean = bookingHoldsTime

/** One member's busy bookings near a window, in epoch minutes. */
export interface BusyBookings {
  /** Busy spans widened by each booking's own buffers, flat `[s, e, …]`, in booking order (not merged). */
  readonly spans: number[]
  /** Start minute of each booking that counts toward workload caps. */
  readonly starts: number[]
}

/** Which bookings {@link busyCollect} keeps: spans reaching `[spanFrom, spanTo)`, starts in `[startFrom, startTo)`. */
export interface BusyReach {
  readonly spanFrom: number
  readonly spanTo: number
  readonly startFrom: number
  readonly startTo: number
}

/**
 * Parsed instants per booking object. Workspace records are immutable values, so a booking
 * parsed once never needs parsing again while the caller keeps the same object (the sync
 * server's mirror keeps records between requests). Invisible to callers: results are identical.
 */
const PARSED = new WeakMap<Booking, { readonly startMs: number; readonly endMs: number }>()

/** A booking's `[start, end)` in epoch ms. Throws a `RangeError` for a malformed or inverted span. */
export function bookingInstants(booking: Booking): {
  readonly startMs: number
  readonly endMs: number
} {
  let parsed = PARSED.get(booking)
  if (parsed === undefined) {
    const startMs = instantParse(booking.start)
    const endMs = instantParse(booking.end)
    if (endMs < startMs) throw new RangeError(`Booking ${booking.id} ends before it starts`)
    parsed = { startMs, endMs }
    PARSED.set(booking, parsed)
  }
  return parsed
}

/**
 * Sorts the busy bookings of `bookings` to the members they occupy, in one pass. `positions` maps
 * member id → slot in the result; hosts not in it are skipped. Skips cancelled bookings and
 * `excludeBookingId` (the booking being rescheduled or reassigned). Throws a `RangeError` for a
 * malformed instant or a booking that ends before it starts.
 */
export function busyCollect(
  bookings: readonly Booking[],
  eventTypes: readonly EventType[],
  positions: ReadonlyMap<string, number>,
  reach: BusyReach,
  excludeBookingId: string | null,
): BusyBookings[] {
  const buffers = new Map<string, EventType>()
  for (const eventType of eventTypes) buffers.set(eventType.id, eventType)
  const collected: BusyBookings[] = []
  for (let i = 0; i < positions.size; i++) collected.push({ spans: [], starts: [] })
  for (const booking of bookings) {
    if (!BUSY_STATUSES.has(booking.status) || booking.id === excludeBookingId) continue
    let firstHost: number | undefined
    for (const host of booking.hostMemberIds) {
      firstHost ??= positions.get(host)
    }
    if (firstHost === undefined) continue
    const { startMs, endMs } = bookingInstants(booking)
    const eventType = buffers.get(booking.eventTypeId)
    const spanStart = Math.floor(startMs / MS_PER_MINUTE) - (eventType?.bufferBeforeMinutes ?? 0)
    const spanEnd = Math.ceil(endMs / MS_PER_MINUTE) + (eventType?.bufferAfterMinutes ?? 0)
    const start = Math.floor(startMs / MS_PER_MINUTE)
    const isSpanNear = spanStart < reach.spanTo && spanEnd > reach.spanFrom
    const isStartNear = start >= reach.startFrom && start < reach.startTo
    if (!isSpanNear && !isStartNear) continue
    for (const host of booking.hostMemberIds) {
      const position = positions.get(host)
      const target = position === undefined ? undefined : collected[position]
      if (target === undefined) continue
      if (isSpanNear) target.spans.push(spanStart, spanEnd)
      if (isStartNear) target.starts.push(start)
    }
  }
  return collected
}
