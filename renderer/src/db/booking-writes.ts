import type { Booking } from '../../../core/src/model/workspace'
import type { AppDatabase } from './database'

/**
 * Stores a booking as a core decision returned it (reassigned, cancelled, …) in the local
 * replica; replication pushes it when online. Works offline. `clearConflict` also removes the
 * booking's conflict mark (a person resolved it). Throws when the booking is not in the replica.
 */
export async function bookingStore(
  db: AppDatabase,
  booking: Booking,
  options: { readonly clearConflict?: boolean } = {},
): Promise<void> {
  const doc = await db.bookings.findOne(booking.id).exec()
  if (!doc) throw new Error(`Booking ${booking.id} is not in the local replica`)
  await doc.incrementalModify((current) => ({
    ...current,
    ...booking,
    ...(options.clearConflict ? { conflict: null } : {}),
    updatedAt: new Date().toISOString(),
  }))
}
