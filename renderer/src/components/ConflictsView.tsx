import { cancelDecide } from '../../../core/src/booking'
import type { BookingConflict } from '../../../core/src/conflicts/booking-conflicts'
import { conflictResolveDecide } from '../../../core/src/conflicts/conflict-resolve'
import type { ConflictResolveRequest } from '../../../core/src/conflicts/conflict-resolve'
import { bookingIsOpen } from '../../../core/src/model/booking-statuses'
import type { Booking, Workspace } from '../../../core/src/model/workspace'
import { bookingStore } from '../db/booking-writes'
import { useDatabase } from '../db/hooks'
import { useWorkspace } from '../db/use-workspace'
import { currentTimeMs } from '../hooks/use-now'
import { useUiStore } from '../stores/ui-store'

/**
 * What a person has to look at, derived from the bookings by core: two bookings of one member
 * that overlap (an offline booking or reassignment that met a booking made elsewhere), and
 * offline changes that lost to a change made elsewhere. Each is resolved with core's decisions:
 * reassign or cancel one side, or keep both / keep the current version (recorded in history).
 */
export function ConflictsView() {
  const live = useWorkspace()
  const db = useDatabase()
  const by = useUiStore((s) => s.schedulerName)
  const openReassign = useUiStore((s) => s.openReassign)
  if (!live) return <p>Loading conflicts…</p>
  const { workspace, conflictList } = live
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))
  const bookingById = new Map(workspace.bookings.map((b) => [b.id, b]))

  const resolve = async (request: Omit<ConflictResolveRequest, 'by'>) => {
    const decision = conflictResolveDecide(workspace, { ...request, by }, currentTimeMs())
    if (decision.ok) await bookingStore(db, decision.booking)
  }
  const cancel = async (booking: Booking) => {
    const decision = cancelDecide(
      workspace,
      { bookingId: booking.id, by, reason: 'double booking' },
      currentTimeMs(),
    )
    if (decision.ok) await bookingStore(db, decision.booking)
  }

  return (
    <section aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">Conflicts</h2>
      {conflictList.length === 0 ? (
        <p>No conflicts. Everything synced without collisions.</p>
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
                className="conflict-item"
                aria-label={`Conflict: ${a.customer.name} and ${b.customer.name}`}
              >
                <p>
                  <strong>{member}</strong> is booked twice: {bookingLine(a, workspace)} overlaps{' '}
                  {bookingLine(b, workspace)}.
                </p>
                {[a, b].map((booking) => (
                  <div key={booking.id} className="actions" aria-label={booking.customer.name}>
                    <span>{booking.customer.name}:</span>
                    {bookingIsOpen(booking) ? (
                      <>
                        <button
                          type="button"
                          onClick={() =>
                            openReassign({
                              bookingId: booking.id,
                              fromMemberId: conflict.memberId,
                              toMemberId: null,
                            })
                          }
                        >
                          Reassign…
                        </button>
                        <button type="button" onClick={() => void cancel(booking)}>
                          Cancel booking
                        </button>
                      </>
                    ) : (
                      <span>{booking.status}</span>
                    )}
                  </div>
                ))}
                <div className="actions">
                  <button
                    type="button"
                    onClick={() => void resolve({ bookingId: a.id, withBookingIds: [b.id] })}
                  >
                    Keep both
                  </button>
                </div>
              </li>
            )
          }
          const booking = bookingById.get(conflict.bookingId)
          if (!booking) return null
          return (
            <li
              key={`${conflict.bookingId}|${conflict.entryIndex}`}
              className="conflict-item"
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
                    onClick={() =>
                      openReassign({
                        bookingId: booking.id,
                        fromMemberId: booking.hostMemberIds[0] ?? '',
                        toMemberId: null,
                      })
                    }
                  >
                    Reassign…
                  </button>
                ) : null}
                <button
                  type="button"
                  onClick={() => void resolve({ bookingId: booking.id, superseded: true })}
                >
                  Keep current version
                </button>
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function bookingLine(booking: Booking, workspace: Workspace): string {
  const eventType = workspace.eventTypes.find((e) => e.id === booking.eventTypeId)
  const when = new Date(booking.start).toLocaleString([], {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  return `${booking.customer.name}'s ${eventType?.name ?? 'booking'} (${when})`
}

function supersededText(
  conflict: Extract<BookingConflict, { kind: 'superseded' }>,
  names: ReadonlyMap<string, string>,
): string {
  const version = conflict.version
  const hosts = version.hostMemberIds.map((id) => names.get(id) ?? 'a former member').join(', ')
  const when = new Date(version.start).toLocaleString([], {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  return `The offline change had: ${hosts}, ${when}, ${version.status}.`
}
