import { useState } from 'react'
import type { Booking } from '../../../core/src/model/workspace'
import { BOOKING_STATUS_MEANING, bookingIsOpen } from '../../../core/src/model/booking-statuses'
import { adminApi, AdminApiError } from '../db/admin-api'
import type { SyncTarget } from '../db/replication'
import { toastShow } from '../ui/toasts'

export interface ConfirmationResendProps {
  readonly booking: Booking
  readonly target: SyncTarget
}

/** "Resend confirmation": the customer gets the confirmation (with the invitation) again. */
export function ConfirmationResend({ booking, target }: ConfirmationResendProps) {
  const [isBusy, setBusy] = useState(false)
  const isOpen = bookingIsOpen(booking)
  const resend = async () => {
    setBusy(true)
    try {
      const { message } = await adminApi(target).resendConfirmation(booking.id)
      toastShow(
        message.status === 'not-sent'
          ? {
              title: 'Kept in the outbox, not sent',
              description: 'The sync server has no mail server; see Settings.',
              tone: 'info',
            }
          : { title: `Confirmation sent again to ${booking.customer.email}`, tone: 'info' },
      )
    } catch (err) {
      toastShow({
        title: 'Confirmation not sent',
        description: err instanceof AdminApiError ? err.message : String(err),
        tone: 'error',
      })
    } finally {
      setBusy(false)
    }
  }
  return (
    <section aria-labelledby="details-emails">
      <h3 id="details-emails">Emails</h3>
      <div className="actions">
        <button
          type="button"
          className="btn"
          disabled={!isOpen || isBusy}
          aria-describedby={isOpen ? undefined : 'resend-closed'}
          onClick={() => void resend()}
        >
          Resend confirmation
        </button>
        <a className="btn btn-quiet" href="#/outbox">
          Open the outbox
        </a>
      </div>
      {isOpen ? null : (
        <p className="small muted" id="resend-closed">
          A {BOOKING_STATUS_MEANING[booking.status].label.toLowerCase()} booking has no confirmation
          to send again.
        </p>
      )}
    </section>
  )
}
