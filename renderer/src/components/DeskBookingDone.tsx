import type { Booking } from '../../../core/src/model/workspace'
import { manageLinkFor } from '../bookings/manage-link'
import { useWorkspace } from '../db/data-layer'
import type { SyncTarget } from '../db/replication'
import { dateTimeText } from '../format/datetime-format'
import { ManageLink } from './ManageLink'
import { usePublicUrl } from '../hooks/use-notify-settings'

export interface DeskBookingDoneProps {
  readonly booking: Booking
  /** The manage token the desk generated for it (the link is there at once, offline too). */
  readonly manageToken: string
  readonly zone: string
  readonly target: SyncTarget
  readonly onOpen: () => void
  readonly onClose: () => void
}

/** The confirmation of a desk booking: when, with whom and why, and the manage link. */
export function DeskBookingDone(props: DeskBookingDoneProps) {
  const { booking, manageToken, zone, target, onOpen, onClose } = props
  const live = useWorkspace()!
  const publicUrl = usePublicUrl(target)
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
        {booking.customer.timeZone}). You can undo for a few seconds from the notice below.
      </p>
      <ManageLink link={manageLinkFor(workspace, booking, manageToken, publicUrl)} canChange />
      <p className="small muted">
        Read the link out or copy it; {booking.customer.email} also gets it in the confirmation
        email once this booking syncs.
      </p>
      <div className="actions">
        <button type="button" className="btn btn-primary" onClick={onClose}>
          Done
        </button>
        <button type="button" className="btn" onClick={onOpen}>
          Open booking
        </button>
      </div>
    </div>
  )
}
