import { useState } from 'react'
import { calendarFeedAddress } from '../calendars/calendar-api'
import type { SyncTarget } from '../db/replication'
import { useUiStore } from '../stores/ui-store'
import { toastShow } from '../ui/toasts'

/**
 * The member's bookings as a calendar feed their Google, Outlook or Apple calendar can subscribe
 * to: copy its secret address, or replace it (the old one stops working). Online only: the
 * address comes from the server and is never kept on this computer.
 */
export function CalendarFeedLink({ memberId, target }: { memberId: string; target: SyncTarget }) {
  const [address, setAddress] = useState<string | null>(null)
  const [isBusy, setIsBusy] = useState(false)
  const isOffline = useUiStore((s) => s.syncStatus.state === 'offline')
  const fetchAndCopy = async (renew: boolean) => {
    setIsBusy(true)
    const result = await calendarFeedAddress(target, memberId, renew)
    setIsBusy(false)
    if (!result.ok) {
      toastShow({ title: 'No feed address', description: result.message, tone: 'error' })
      return
    }
    setAddress(result.value)
    try {
      await navigator.clipboard.writeText(result.value)
      toastShow({ title: renew ? 'New feed address copied' : 'Feed address copied', tone: 'info' })
    } catch {
      toastShow({ title: 'Select the address below and copy it', tone: 'info' })
    }
  }
  return (
    <section aria-labelledby="feed-heading" className="stack">
      <h3 id="feed-heading">Bookings in their calendar</h3>
      <p className="small muted">
        Subscribe to this secret address in their calendar (Google: Other calendars → From URL;
        Outlook: Add calendar → Subscribe from web; Apple: File → New Calendar Subscription). It
        follows every booking change.
      </p>
      {address ? (
        <label className="field">
          <span className="visually-hidden">Feed address</span>
          <input
            readOnly
            value={address}
            className="manage-link"
            onFocus={(e) => e.target.select()}
          />
        </label>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="btn"
          disabled={isOffline || isBusy}
          onClick={() => void fetchAndCopy(false)}
        >
          Copy feed address
        </button>
        <button
          type="button"
          className="btn btn-quiet"
          disabled={isOffline || isBusy}
          onClick={() => void fetchAndCopy(true)}
        >
          Replace the address
        </button>
        {isOffline ? (
          <span className="small muted">The feed address needs a connection to the server.</span>
        ) : null}
      </div>
    </section>
  )
}
