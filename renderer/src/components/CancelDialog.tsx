import { useState } from 'react'
import type { FormEvent } from 'react'
import type { ProposeResult } from '../db/booking-changes'
import { AppDialog } from '../ui/AppDialog'

export interface CancelDialogProps {
  readonly label: string
  /** Whether the sync server sends email (null: not known yet). */
  readonly sendsEmail: boolean | null
  readonly onCancel: (reason: string) => Promise<ProposeResult>
  readonly onClose: () => void
}

/**
 * Confirm a staff cancellation with a reason (kept in the history, and in the customer's
 * cancellation email where the server sends email; the time is freed at once).
 */
export function CancelDialog({ label, sendsEmail, onCancel, onClose }: CancelDialogProps) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const result = await onCancel(reason)
    if (!result.ok) setError(result.message)
  }
  return (
    <AppDialog title="Cancel booking" size="small" onClose={onClose}>
      <form className="stack" onSubmit={submit}>
        <p>
          Cancel {label}? The time becomes free at once. As staff you may cancel even where the
          customer’s own cancellation deadline has passed.
        </p>
        <label className="field">
          <span>
            {sendsEmail === false
              ? 'Message to the customer (kept in the history and in their cancellation email, which this sync server cannot send: tell them yourself)'
              : 'Message to the customer (in their cancellation email; kept in the history)'}
          </span>
          <input
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
          />
        </label>
        {error ? (
          <p role="alert" className="field-error">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="btn btn-danger">
            Cancel booking
          </button>
          <button type="button" className="btn" onClick={onClose}>
            Keep it
          </button>
        </div>
      </form>
    </AppDialog>
  )
}
