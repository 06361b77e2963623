import { createHash } from 'node:crypto'
import type { BookingRequest } from '../../core/src/booking/booking-types'

/**
 * The fingerprint of a public booking request: SHA-256 (hex) of its canonical JSON — event type,
 * start (as an ISO UTC instant, however the client spelled it), booking page (null when none),
 * customer name, e-mail and time zone, and the answers with their keys sorted. Stored next to the
 * request's idempotency key, so a repeated key is replayed only for the same request; the master
 * page is already part of the (page-scoped) key.
 */
export function bookingRequestHash(request: BookingRequest): string {
  const canonical = JSON.stringify([
    request.eventTypeId,
    new Date(request.startMs).toISOString(),
    request.bookingPageId ?? null,
    [request.customer.name, request.customer.email, request.customer.timeZone],
    Object.entries(request.answers).toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  ])
  return createHash('sha256').update(canonical).digest('hex')
}
