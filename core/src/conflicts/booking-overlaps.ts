import { bookingHoldsTime } from '../model/booking-statuses'
import type { Booking } from '../model/workspace'

/** Two bookings of one member whose meetings overlap. `bookingIds` is sorted. */
export interface BookingOverlap {
  readonly memberId: string
  readonly bookingIds: readonly [string, string]
}

/**
 * Every pair of time-holding bookings that share a host and whose meetings `[start, end)` overlap
 * (touching is not overlapping; buffers are not considered: a conflict is a double booking). When
 * `onlyInvolving` is given, only pairs with at least one of those booking ids are returned.
 * Ordered by member id, then booking ids. O(n log n + k) for n bookings and k overlaps.
 */
export function bookingOverlaps(
  bookings: readonly Booking[],
  onlyInvolving?: ReadonlySet<string>,
): BookingOverlap[] {
  const byMember = new Map<string, { id: string; start: number; end: number }[]>()
  for (const booking of bookings) {
    if (!bookingHoldsTime(booking)) continue
    const span = { id: booking.id, start: Date.parse(booking.start), end: Date.parse(booking.end) }
    for (const memberId of new Set(booking.hostMemberIds)) {
      const list = byMember.get(memberId) ?? []
      list.push(span)
      byMember.set(memberId, list)
    }
  }
  const overlaps: BookingOverlap[] = []
  for (const memberId of [...byMember.keys()].sort()) {
    const spans = (byMember.get(memberId) ?? []).toSorted(
      (a, b) => a.start - b.start || a.id.localeCompare(b.id),
    )
    const open: { id: string; start: number; end: number }[] = []
    for (const span of spans) {
      // Drop meetings that ended at or before this one starts; the rest overlap it.
      for (let i = open.length - 1; i >= 0; i--)
        if ((open[i]?.end ?? 0) <= span.start) open.splice(i, 1)
      for (const other of open) {
        if (onlyInvolving && !onlyInvolving.has(span.id) && !onlyInvolving.has(other.id)) continue
        const pair = [span.id, other.id].sort() as [string, string]
        overlaps.push({ memberId, bookingIds: pair })
      }
      open.push(span)
    }
  }
  return overlaps.sort(
    (a, b) =>
      a.memberId.localeCompare(b.memberId) ||
      a.bookingIds[0].localeCompare(b.bookingIds[0]) ||
      a.bookingIds[1].localeCompare(b.bookingIds[1]),
  )
}
