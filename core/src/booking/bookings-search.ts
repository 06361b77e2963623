import type { Booking, BookingStatus } from '../model/workspace'
import { instantParse } from '../time/instant'

/**
 * The bookings list's search: one rule for the desktop (its window, offline too) and the sync
 * server (`GET /api/admin/bookings/search`, the history before the window), so both parts of one
 * list match the same bookings.
 */
export interface BookingsFilter {
  /** Customer name or e-mail contains this (case-insensitive, outer spaces ignored). */
  readonly query?: string | undefined
  /** One of the booking's hosts. */
  readonly memberId?: string | undefined
  readonly status?: BookingStatus | undefined
  /** Meetings starting in `[fromMs, toMs)` (epoch ms). */
  readonly fromMs?: number | undefined
  readonly toMs?: number | undefined
}

/** A compiled {@link BookingsFilter}: true for the bookings it matches. */
export type BookingMatcher = (booking: Booking) => boolean

/** A customer query as the search compares it: outer spaces ignored, lowercased ('' for none). */
export function bookingQueryNormal(query: string | undefined): string {
  return query?.trim().toLowerCase() ?? ''
}

/** The test of `filter`, the query normalised once (a list tests thousands of bookings). */
export function bookingMatcher(filter: BookingsFilter): BookingMatcher {
  const query = bookingQueryNormal(filter.query)
  const { memberId, status, fromMs, toMs } = filter
  return (b) => {
    if (
      query !== '' &&
      !b.customer.name.toLowerCase().includes(query) &&
      !b.customer.email.toLowerCase().includes(query)
    ) {
      return false
    }
    if (memberId && !b.hostMemberIds.includes(memberId)) return false
    if (status && b.status !== status) return false
    if (fromMs === undefined && toMs === undefined) return true
    const startMs = instantParse(b.start)
    return (fromMs === undefined || startMs >= fromMs) && (toMs === undefined || startMs < toMs)
  }
}

/** The list's order: soonest start first, ties by id. */
export function bookingsByStart(a: Booking, b: Booking): number {
  return instantParse(a.start) - instantParse(b.start) || a.id.localeCompare(b.id)
}

/** The bookings matching `filter`, soonest first (ties by id). */
export function bookingsFilter(bookings: readonly Booking[], filter: BookingsFilter): Booking[] {
  return bookings.filter(bookingMatcher(filter)).toSorted(bookingsByStart)
}
