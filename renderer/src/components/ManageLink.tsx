import { useRef } from 'react'
import type { ManageLink as Link } from '../bookings/manage-link'
import { toastShow } from '../ui/toasts'

/**
 * The customer's manage link, to read out or copy; or why the booking has none. `canChange`:
 * the booking is still open and to come (else the link only shows it).
 */
export function ManageLink({ link, canChange }: { link: Link; canChange: boolean }) {
  const field = useRef<HTMLInputElement>(null)
  const copy = async () => {
    if (!link.ok) return
    try {
      await navigator.clipboard.writeText(link.url)
    } catch {
      // Without clipboard permission (a sandboxed window): select the text and copy it.
      field.current?.select()
      document.execCommand('copy')
    }
    toastShow({ title: 'Manage link copied', tone: 'info' })
  }
  return (
    <section aria-labelledby="details-manage">
      <h3 id="details-manage">Manage link</h3>
      {link.ok ? (
        <div className="stack">
          <label className="field">
            <span className="visually-hidden">Manage link</span>
            <input
              ref={field}
              readOnly
              value={link.url}
              className="manage-link"
              onFocus={(e) => e.target.select()}
            />
          </label>
          <div className="actions">
            <button type="button" className="btn" onClick={() => void copy()}>
              Copy manage link
            </button>
          </div>
          <p className="small muted">
            {canChange
              ? 'The customer can cancel or reschedule with it.'
              : 'The customer can see the booking with it; it can no longer be changed.'}
          </p>
        </div>
      ) : (
        <p className="small muted">{link.reason}</p>
      )}
    </section>
  )
}
