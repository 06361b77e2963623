import type { Booking } from '../../../core/src/model/workspace'
import type { AppDatabase } from './database'

/**
 * Stores a booking as a core decision returned it (reassigned, cancelled, a conflict kept…) in
 * the local replica; replication pushes it when online. Works offline. Throws when the booking is
 * not in the replica.
 */
export async function bookingStore(db: AppDatabase, booking: Booking): Promise<void> {
  const doc = await db.bookings.findOne(booking.id).exec()
  if (!doc) throw new Error(`Booking ${booking.id} is not in the local replica`)
  await doc.incrementalModify((current) => ({
    ...current,
    ...booking,
    updatedAt: new Date().toISOString(),
  }))
}
