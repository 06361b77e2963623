/**
 * Status changes that pick nobody: cancel, no-show, completion. Each returns the changed booking
 * (same id, a new object) with one history entry appended (see `booking-history-write.ts`).
 */

import type { Booking, Workspace } from '../model/workspace'
import { OPEN_STATUSES } from '../model/booking-statuses'
import { instantParse } from '../time/instant'
import { SYSTEM_ACTOR, historyAppend, historyAt } from './booking-history-write'
import type { BookingChange, CancelRequest, NoShowRequest } from './booking-types'
import { customerNoticeRefusal } from './customer-notice'

export { OPEN_STATUSES } from '../model/booking-statuses'

/** The booking with `bookingId`, or a `not-found` refusal. */
export function bookingFind(
  state: Pick<Workspace, 'bookings'>,
  bookingId: string,
): { readonly ok: true; readonly booking: Booking } | Extract<BookingChange, { ok: false }> {
  const booking = state.bookings.find((candidate) => candidate.id === bookingId)
  return booking === undefined
    ? { ok: false, reason: 'not-found', message: 'No such booking' }
    : { ok: true, booking }
}

function notAllowed(message: string): BookingChange {
  return { ok: false, reason: 'not-allowed', message }
}

/**
 * Cancels a booking at `nowMs`: status `cancelled`, history `{ at, action: 'cancelled', by,
 * reason }`; its time is free at once (cancelled bookings are never busy). Refused (`not-allowed`)
 * for a booking already cancelled, completed or marked no-show, and for one whose meeting has
 * ended (`end <= now`: it took place or is a no-show; mark it so instead), and — with
 * `request.asCustomer` — once the customer's deadline has passed (`customer-notice.ts`: the event
 * type's `cancelNoticeMinutes` before the start, read from `state.eventTypes`). `not-found` for an
 * unknown id. Throws a `RangeError` for a non-finite `nowMs`.
 */
export function cancelDecide(
  state: Pick<Workspace, 'bookings'> & Partial<Pick<Workspace, 'eventTypes'>>,
  request: CancelRequest,
  nowMs: number,
): BookingChange {
  const found = bookingFind(state, request.bookingId)
  if (!found.ok) return found
  const { booking } = found
  if (!OPEN_STATUSES.has(booking.status)) {
    return notAllowed(`A ${booking.status} booking cannot be cancelled`)
  }
  if (instantParse(booking.end) <= nowMs) {
    return notAllowed('This meeting has already ended')
  }
  if (request.asCustomer === true) {
    const eventType = state.eventTypes?.find((candidate) => candidate.id === booking.eventTypeId)
    const late = customerNoticeRefusal(booking, eventType, nowMs, 'cancel')
    if (late !== null) return late
  }
  const entry = {
    at: historyAt(booking, nowMs),
    action: 'cancelled',
    by: request.by,
    reason: request.reason ?? null,
  } as const
  return { ok: true, booking: historyAppend({ ...booking, status: 'cancelled' }, entry) }
}

/**
 * Marks a booking whose meeting has begun (`start <= now`) as a no-show: status `no-show`,
 * history `{ at, action: 'no-show', by, reason }` (the hosts lose the booking in pool statistics).
 * Allowed from `scheduled`, `rescheduled` and `completed` (a no-show is often noticed after the
 * automatic completion); refused (`not-allowed`) for cancelled and no-show bookings and before the
 * start. Throws a `RangeError` for a non-finite `nowMs`.
 */
export function noShowDecide(
  state: Pick<Workspace, 'bookings'>,
  request: NoShowRequest,
  nowMs: number,
): BookingChange {
  const found = bookingFind(state, request.bookingId)
  if (!found.ok) return found
  const { booking } = found
  if (booking.status === 'cancelled' || booking.status === 'no-show') {
    return notAllowed(`A ${booking.status} booking cannot be marked as a no-show`)
  }
  if (instantParse(booking.start) > nowMs) {
    return notAllowed('A no-show can be recorded once the meeting has begun')
  }
  const entry = {
    at: historyAt(booking, nowMs),
    action: 'no-show',
    by: request.by,
    reason: request.reason ?? null,
  } as const
  return { ok: true, booking: historyAppend({ ...booking, status: 'no-show' }, entry) }
}

/**
 * The `scheduled` and `rescheduled` bookings whose meeting has ended by `nowMs` (`end <= now`),
 * each as it should be stored: status `completed`, history + `{ at: end, action: 'completed',
 * by: 'system' }` (dated at the meeting's end, not at `now`, so every device that runs this
 * produces the same record). In the order of `state.bookings`. Throws a `RangeError` for a
 * malformed booking instant or a non-finite `nowMs`.
 */
export function completedDue(
  state: Pick<Workspace, 'bookings'>,
  nowMs: number,
): readonly Booking[] {
  if (!Number.isFinite(nowMs)) throw new RangeError(`Bad now: ${nowMs}`)
  return state.bookings
    .filter((booking) => OPEN_STATUSES.has(booking.status) && instantParse(booking.end) <= nowMs)
    .map((booking) =>
      historyAppend(
        { ...booking, status: 'completed' },
        {
          at: historyAt(booking, instantParse(booking.end)),
          action: 'completed',
          by: SYSTEM_ACTOR,
        },
      ),
    )
}
