import { hostsOutsideHours } from '../../../core/src/booking'
import type { BookingConflict } from '../../../core/src/conflicts/booking-conflicts'
import type { ConflictResolveRequest } from '../../../core/src/conflicts/conflict-resolve'
import { bookingIsOpen } from '../../../core/src/model/booking-statuses'
import type { Booking, Workspace } from '../../../core/src/model/workspace'
import { useMemo, useState } from 'react'
import { bookingLabel } from '../bookings/booking-label'
import { useWorkspace } from '../db/data-layer'
import type { SyncTarget } from '../db/replication'
import { dateTimeText, localZone } from '../format/datetime-format'
import { useBookingActions } from '../hooks/use-booking-actions'
import { useNotifySettings } from '../hooks/use-notify-settings'
import { useNow } from '../hooks/use-now'
import { useUiStore } from '../stores/ui-store'
import { toastShow } from '../ui/toasts'
import { CancelDialog } from './CancelDialog'

/**
 * What a person has to look at, derived from the bookings by core: two bookings of one member
 * that overlap (an offline booking or reassignment that met a booking made elsewhere), and
 * offline changes that lost to a change made elsewhere, and bookings that meet a host's own
 * calendar (as last synced). Each is resolved with core's decisions:
 * reassign or cancel one side, or keep both / keep the current version (recorded in history).
 * Below them, meetings still to come that their member's own hours no longer cover.
 */
export function ConflictsView({ target }: { readonly target: SyncTarget }) {
  const live = useWorkspace()!
  const actions = useBookingActions()
  const openReassign = useUiStore((s) => s.openReassign)
  const { workspace, conflictList } = live
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))
  const bookingById = new Map(workspace.bookings.map((b) => [b.id, b]))
  const refused = async (proposed: Promise<{ ok: boolean; message?: string }>) => {
    const result = await proposed
    if (!result.ok)
      toastShow({ title: 'Not changed', description: result.message ?? '', tone: 'error' })
  }
  const resolve = (request: Omit<ConflictResolveRequest, 'by'>) =>
    refused(actions.resolveConflict(request, 'Conflict resolved'))
  const reassign = (booking: Booking, fromMemberId: string) =>
    openReassign({ bookingId: booking.id, fromMemberId, toMemberId: null })
  // Cancelling asks first, with a reason for the customer's email (as the booking's details do).
  const [cancelling, setCancelling] = useState<Booking | null>(null)
  const cancel = (booking: Booking) => setCancelling(booking)
  const notify = useNotifySettings(target)
  const cancellingLabel = cancelling ? bookingLabel(cancelling, workspace) : ''
  // Meetings still to come that their member's own hours no longer cover (core's
  // `hostsOutsideHours`): a day off or other hours saved after they were booked.
  const now = useNow(60_000)
  const outside = useMemo(() => hostsOutsideHours(workspace, now), [workspace, now])

  return (
    <section aria-labelledby="conflicts-heading" className="view">
      <h2 id="conflicts-heading">Conflicts</h2>
      {conflictList.length === 0 && outside.length === 0 ? (
        <p>
          No conflicts: no member has two bookings at once, every offline change synced, and every
          booking still to come is within its member’s hours.
        </p>
      ) : null}
      <ul className="conflict-list">
        {conflictList.map((conflict) => {
          if (conflict.kind === 'overlap') {
            const [a, b] = conflict.bookingIds.map((id) => bookingById.get(id))
            if (!a || !b) return null
            const member = names.get(conflict.memberId) ?? 'a member'
            return (
              <li
                key={`${conflict.bookingIds.join('|')}|${conflict.memberId}`}
                className="conflict-item card"
                aria-label={`Conflict: ${a.customer.name} and ${b.customer.name}`}
              >
                <p>
                  <strong>{member}</strong> is booked twice: {bookingLine(a, workspace)} overlaps{' '}
                  {bookingLine(b, workspace)}.
                </p>
                {[a, b].map((booking) => (
                  <div
                    key={booking.id}
                    className="actions"
                    role="group"
                    aria-label={booking.customer.name}
                  >
                    <span>{booking.customer.name}:</span>
                    {bookingIsOpen(booking) ? (
                      <ReassignOrCancel
                        onReassign={() => reassign(booking, conflict.memberId)}
                        onCancel={() => cancel(booking)}
                      />
                    ) : (
                      <span>{booking.status}</span>
                    )}
                  </div>
                ))}
                <div className="actions">
                  <button
                    type="button"
                    className="btn"
                    onClick={() => resolve({ bookingId: a.id, withBookingIds: [b.id] })}
                  >
                    Keep both
                  </button>
                </div>
              </li>
            )
          }
          const booking = bookingById.get(conflict.bookingId)
          if (!booking) return null
          if (conflict.kind === 'calendar') {
            const member = names.get(conflict.memberId) ?? 'a member'
            return (
              <li
                key={`${conflict.bookingId}|calendar|${conflict.memberId}`}
                className="conflict-item card"
                aria-label={`Conflict: ${booking.customer.name} and ${member}'s own calendar`}
              >
                <p>
                  <strong>{member}</strong> is busy in their own calendar during{' '}
                  {bookingLine(booking, workspace)} (busy{' '}
                  {dateTimeText(conflict.busyStart, localZone())} to{' '}
                  {dateTimeText(conflict.busyEnd, localZone())}).
                </p>
                <div className="actions">
                  {bookingIsOpen(booking) ? (
                    <ReassignOrCancel
                      onReassign={() => reassign(booking, conflict.memberId)}
                      onCancel={() => cancel(booking)}
                    />
                  ) : null}
                  <button
                    type="button"
                    className="btn"
                    onClick={() => resolve({ bookingId: booking.id, calendar: true })}
                  >
                    Keep as is
                  </button>
                </div>
              </li>
            )
          }
          return (
            <li
              key={`${conflict.bookingId}|${conflict.entryIndex}`}
              className="conflict-item card"
              aria-label={`Conflict: ${booking.customer.name}`}
            >
              <p>
                {conflict.by} changed {bookingLine(booking, workspace)} offline, while it was
                changed elsewhere; the other change was kept.
              </p>
              <p>{supersededText(conflict, names)}</p>
              <div className="actions">
                {bookingIsOpen(booking) ? (
                  <button
                    type="button"
                    className="btn"
                    onClick={() => reassign(booking, booking.hostMemberIds[0] ?? '')}
                  >
                    Reassign…
                  </button>
                ) : null}
                <button
                  type="button"
                  className="btn"
                  onClick={() => resolve({ bookingId: booking.id, superseded: true })}
                >
                  Keep current version
                </button>
              </div>
            </li>
          )
        })}
      </ul>
      {outside.length > 0 ? (
        <section aria-labelledby="outside-hours-heading">
          <h3 id="outside-hours-heading">Booked outside their hours</h3>
          <p className="small muted">
            Meetings still to come that their member’s hours no longer cover: a day off, other hours
            or another time zone saved after they were booked, or a member no longer active. They
            stay booked until someone moves them.
          </p>
          <ul className="conflict-list">
            {outside.map(({ booking, memberId }) => {
              const member = names.get(memberId) ?? 'a member'
              return (
                <li
                  key={`${booking.id}|outside|${memberId}`}
                  className="conflict-item card"
                  aria-label={`Outside hours: ${booking.customer.name} with ${member}`}
                >
                  <p>
                    <strong>{member}</strong> does not work then: {bookingLine(booking, workspace)}.
                  </p>
                  <div className="actions">
                    <ReassignOrCancel
                      onReassign={() => reassign(booking, memberId)}
                      onCancel={() => cancel(booking)}
                    />
                  </div>
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}
      {cancelling ? (
        <CancelDialog
          label={cancellingLabel}
          sendsEmail={notify === null ? null : notify.mail.configured}
          onCancel={async (reason) => {
            const result = await actions.cancel(
              cancelling.id,
              reason,
              `Cancelled ${cancellingLabel}`,
            )
            if (result.ok) setCancelling(null)
            return result
          }}
          onClose={() => setCancelling(null)}
        />
      ) : null}
    </section>
  )
}

/** The two ways out of a conflict for one open booking of it. */
function ReassignOrCancel({
  onReassign,
  onCancel,
}: {
  readonly onReassign: () => void
  readonly onCancel: () => void
}) {
  return (
    <>
      <button type="button" className="btn" onClick={onReassign}>
        Reassign…
      </button>
      <button type="button" className="btn btn-danger" onClick={onCancel}>
        Cancel booking…
      </button>
    </>
  )
}

function bookingLine(booking: Booking, workspace: Workspace): string {
  return `${bookingLabel(booking, workspace)} (${dateTimeText(booking.start, localZone())})`
}

function supersededText(
  conflict: Extract<BookingConflict, { kind: 'superseded' }>,
  names: ReadonlyMap<string, string>,
): string {
  const version = conflict.version
  const hosts = version.hostMemberIds.map((id) => names.get(id) ?? 'a former member').join(', ')
  const when = dateTimeText(version.start, localZone())
  return `The offline change had: ${hosts}, ${when}, ${version.status}.`
}
