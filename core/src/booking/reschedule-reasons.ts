import type { DecisionState } from './booking-types'
/**
 * Why a booking cannot move to a start: for each host, every check of `memberCanTake` that fails
 * at the new start (the booking itself left out of busy time and caps). The calendar says this
 * when a drag is refused ("Ana Silva is busy then"), where `rescheduleDecide` only answers
 * `slot-unavailable`.
 */

import { availabilityIndexBuild } from '../availability/availability-index'
import {
  type MemberCannotTakeReason,
  memberCanTakeFromIndex,
} from '../availability/member-can-take'
import { bookingsNear } from './bookings-near'

/** One host of the booking and what stops them at the new start (`[]`: nothing). */
export interface HostReasons {
  readonly memberId: string
  readonly reasons: readonly MemberCannotTakeReason[]
}

/**
 * Per host of booking `bookingId` (seat order), the failing checks if the meeting started at
 * `startMs` (epoch ms) at `nowMs`. `[]` for an unknown booking, a deleted event type or hosts no
 * longer in the workspace (those are left out). Throws a `RangeError` for non-finite times.
 */
export function rescheduleHostReasons(
  state: DecisionState,
  bookingId: string,
  startMs: number,
  nowMs: number,
): readonly HostReasons[] {
  if (!Number.isFinite(startMs) || !Number.isFinite(nowMs)) {
    throw new RangeError(`Bad start ${startMs} or now ${nowMs}`)
  }
  const booking = state.bookings.find((b) => b.id === bookingId)
  const eventType = state.eventTypes.find((e) => e.id === booking?.eventTypeId)
  if (booking === undefined || eventType === undefined) return []
  const known = new Set(state.members.map((m) => m.id))
  const memberIds = [...new Set(booking.hostMemberIds)].filter((id) => known.has(id))
  if (memberIds.length === 0) return []
  const near = { ...state, bookings: bookingsNear(state.bookings, startMs, startMs + 1) }
  const index = availabilityIndexBuild(near, {
    fromMs: startMs,
    toMs: startMs + 1,
    memberIds,
    excludeBookingId: booking.id,
  })
  return memberIds.map((memberId) => {
    const result = memberCanTakeFromIndex(index, memberId, eventType, nowMs, startMs)
    return { memberId, reasons: result.ok ? [] : result.reasons }
  })
}
