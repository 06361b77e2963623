import type { Subscription } from 'rxjs'
import type { BookingLedgerRow } from '../../core/src/distribution/pool-ledger'
import { bookingLedgerRows } from '../../core/src/distribution/pool-ledger'
import type { Booking } from '../../core/src/model/workspace'
import { documentToRecord } from '../../core/src/schema/workspace-documents'
import type { AnyDoc, ServerDatabase } from './database'
import type { LedgerSource } from './workspace-mirror'

/** Bookings read per page when loading. */
const PAGE = 2000

/**
 * Every stored booking's seat changes, kept in memory from the change stream (INTERIM: replaced
 * by the store's derived table, which answers the same rows without holding them in memory).
 */
export class MemoryLedgerSource implements LedgerSource {
  private readonly byBooking = new Map<string, readonly BookingLedgerRow[]>()
  private subscription: Subscription | null = null

  static async load(db: ServerDatabase): Promise<MemoryLedgerSource> {
    const source = new MemoryLedgerSource()
    source.subscription = db.bookings.$.subscribe((event) => {
      const doc = event.documentData as unknown as AnyDoc
      if (event.operation === 'DELETE' || doc['_deleted']) source.byBooking.delete(event.documentId)
      else source.byBooking.set(doc.id, rowsOf(doc))
    })
    let last = ''
    for (;;) {
      const page = await db.bookings
        .find({ selector: { id: { $gt: last } }, sort: [{ id: 'asc' }], limit: PAGE })
        .exec()
      for (const found of page)
        source.byBooking.set(found.primary, rowsOf(found.toJSON() as AnyDoc))
      if (page.length < PAGE) break
      last = page[page.length - 1]?.primary ?? last
    }
    return source
  }

  *rows(): Iterable<BookingLedgerRow> {
    for (const rows of this.byBooking.values()) yield* rows
  }

  close(): void {
    this.subscription?.unsubscribe()
  }
}

function rowsOf(doc: AnyDoc): readonly BookingLedgerRow[] {
  return bookingLedgerRows(documentToRecord(doc) as unknown as Booking)
}
