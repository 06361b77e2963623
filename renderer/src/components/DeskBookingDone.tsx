import { useEffect, useRef, useState } from 'react'
import type { Booking } from '../../../core/src/model/workspace'
import { manageLinkFor } from '../bookings/manage-link'
import { useWorkspace } from '../db/data-layer'
import type { SyncTarget } from '../db/replication'
import { dateTimeText, zoneText } from '../format/datetime-format'
import { ManageLink } from './ManageLink'
import { UNDO_WINDOW_MS } from '../db/booking-changes'
import { useNotifySettings } from '../hooks/use-notify-settings'

export interface DeskBookingDoneProps {
  readonly booking: Booking
  /** The manage token the desk generated for it (the link is there at once, offline too). */
  readonly manageToken: string
  readonly zone: string
  readonly target: SyncTarget
  readonly onOpen: () => void
  readonly onClose: () => void
  /** Takes the booking back while it is in its undo window; false once it is too late. */
  readonly onUndo: () => boolean
}

/** The confirmation of a desk booking: when, with whom and why, and the manage link. */
export function DeskBookingDone(props: DeskBookingDoneProps) {
  const { booking, manageToken, zone, target, onOpen, onClose, onUndo } = props
  const [isUndoable, setIsUndoable] = useState(true)
  const [tooLate, setTooLate] = useState(false)
  const undoRef = useRef<HTMLButtonElement>(null)
  const doneRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    const timer = setTimeout(() => {
      // The keyboard on Undo goes to Done when Undo goes away.
      if (document.activeElement === undoRef.current) doneRef.current?.focus()
      setIsUndoable(false)
    }, UNDO_WINDOW_MS)
    return () => clearTimeout(timer)
  }, [])
  const live = useWorkspace()!
  const settings = useNotifySettings(target)
  const publicUrl = settings?.publicUrl ?? target.serverUrl
  const email = booking.customer.email
  const { workspace } = live
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))
  const eventType = workspace.eventTypes.find((e) => e.id === booking.eventTypeId)
  const why = booking.history[0]?.reason
  return (
    <div className="stack" role="status">
      <p>
        <strong>{booking.customer.name}</strong> is booked for {eventType?.name ?? 'a meeting'} on{' '}
        <strong>{dateTimeText(booking.start, zone)}</strong> with{' '}
        <strong>
          {booking.hostMemberIds.map((id) => names.get(id) ?? 'a member').join(' and ')}
        </strong>
        .
      </p>
      {why ? <p className="timeline-why small">Why: {why}</p> : null}
      <p className="small muted">
        For the customer: {dateTimeText(booking.start, booking.customer.timeZone)} (
        {zoneText(booking.customer.timeZone)} time).{' '}
        {isUndoable ? 'Undo booking takes it back for a few seconds.' : null}
      </p>
      <ManageLink link={manageLinkFor(workspace, booking, manageToken, publicUrl)} canChange />
      {settings?.mail.configured === false ? (
        <p className="small">
          <strong>This sync server sends no email</strong>, so {email} gets no confirmation: tell
          the caller the time, and copy the link into a message to them (it is too long to read
          out). (Settings says how to connect a mail server.)
        </p>
      ) : (
        <p className="small muted">
          Tell the caller the time; {email} gets the link to change or cancel in the confirmation
          email once this booking syncs{settings === null ? ', if the sync server sends email' : ''}
          . You can also copy the link into a message.
        </p>
      )}
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={onClose} ref={doneRef}>
          Done
        </button>
        <button type="button" className="btn" onClick={onOpen}>
          Open booking
        </button>
        {isUndoable ? (
          <button
            type="button"
            className="btn"
            ref={undoRef}
            onClick={() => {
              if (onUndo()) return
              doneRef.current?.focus()
              setIsUndoable(false)
              setTooLate(true)
            }}
          >
            Undo booking
          </button>
        ) : null}
      </div>
      {tooLate ? (
        <p className="small">
          Too late to undo: the booking is saved. Cancel it from its details (Open booking).
        </p>
      ) : null}
    </div>
  )
}
