import type { Booking } from '../../../core/src/model/workspace'
import { manageLinkFor } from '../bookings/manage-link'
import { useWorkspace } from '../db/data-layer'
import type { SyncTarget } from '../db/replication'
import { dateTimeText } from '../format/datetime-format'
import { ManageLink } from './ManageLink'

export interface DeskBookingDoneProps {
  readonly booking: Booking
  readonly zone: string
  readonly target: SyncTarget
  readonly onOpen: () => void
  readonly onClose: () => void
}

/** The confirmation of a desk booking: when, with whom and why, and the manage link. */
export function DeskBookingDone({ booking, zone, target, onOpen, onClose }: DeskBookingDoneProps) {
  const live = useWorkspace()!
  const { workspace, manageTokens } = live
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
      <ManageLink
        link={manageLinkFor(workspace, booking, manageTokens.get(booking.id), target.serverUrl)}
      />
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
