/**
 * What each booking status means, in one exhaustive table (a new status must be placed here
 * before anything compiles), and the predicates every module asks instead of listing statuses.
 */

import type { BookingStatus } from './workspace'

interface StatusMeaning {
  /** The hosts' time is taken: busy for availability, counted for workload caps and overlaps. */
  readonly holdsTime: boolean
  /** Still to happen (or happening): it can be cancelled, rescheduled, reassigned, moved. */
  readonly isOpen: boolean
  /** For people: the status in plain words. */
  readonly label: string
}

export const BOOKING_STATUS_MEANING: Readonly<Record<BookingStatus, StatusMeaning>> = {
  scheduled: { holdsTime: true, isOpen: true, label: 'Scheduled' },
  rescheduled: { holdsTime: true, isOpen: true, label: 'Rescheduled' },
  // A completed or no-show booking did occupy its time (and counts toward workload caps).
  completed: { holdsTime: true, isOpen: false, label: 'Completed' },
  'no-show': { holdsTime: true, isOpen: false, label: 'No-show' },
  // Cancelled bookings free their time at once.
  cancelled: { holdsTime: false, isOpen: false, label: 'Cancelled' },
}

/** True when the booking keeps its hosts busy (every status but `cancelled`). */
export function bookingHoldsTime(booking: { readonly status: BookingStatus }): boolean {
  return BOOKING_STATUS_MEANING[booking.status].holdsTime
}

/** True while the booking can still be changed (`scheduled`, `rescheduled`). */
export function bookingIsOpen(booking: { readonly status: BookingStatus }): boolean {
  return BOOKING_STATUS_MEANING[booking.status].isOpen
}

/** The statuses for which `bookingHoldsTime` is true. */
export const TIME_HOLDING_STATUSES: ReadonlySet<BookingStatus> = new Set(
  (Object.keys(BOOKING_STATUS_MEANING) as BookingStatus[]).filter(
    (status) => BOOKING_STATUS_MEANING[status].holdsTime,
  ),
)

/** The statuses for which `bookingIsOpen` is true. */
export const OPEN_STATUSES: ReadonlySet<BookingStatus> = new Set(
  (Object.keys(BOOKING_STATUS_MEANING) as BookingStatus[]).filter(
    (status) => BOOKING_STATUS_MEANING[status].isOpen,
  ),
)
