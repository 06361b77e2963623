import { cancelDecide } from '../../../core/src/booking'
import type { Booking } from '../../../core/src/model/workspace'
import { bookingStore } from '../db/booking-writes'
import { useDatabase } from '../db/hooks'
import type { BookingConflictMark } from '../db/use-workspace'
import { useWorkspace } from '../db/use-workspace'
import { useNow } from '../hooks/use-now'
import { useUiStore } from '../stores/ui-store'

/**
 * Bookings a person has to look at: overlaps with another booking of the same member (an offline
 * booking or reassignment that met a public booking), and desktop edits that lost to a change made
 * elsewhere. Each can be reassigned, cancelled, or kept as it is ("keep both").
 */
export function ConflictsView() {
  const live = useWorkspace()
  const db = useDatabase()
  const now = useNow(30_000)
  const by = useUiStore((s) => s.schedulerName)
  const openReassign = useUiStore((s) => s.openReassign)
  if (!live) return <p>Loading conflicts…</p>
  const { workspace, conflicts } = live
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))
  const marked = workspace.bookings
    .filter((b) => conflicts.has(b.id))
    .toSorted((a, b) => a.start.localeCompare(b.start))

  const keepBoth = async (booking: Booking, mark: BookingConflictMark) => {
    const entry = {
      at: new Date(Math.max(now, Date.now())).toISOString(),
      action: 'conflict-resolved' as const,
      by,
      reason: 'kept as it is',
      withBookingIds: [...mark.withBookingIds],
    }
    await bookingStore(
      db,
      { ...booking, history: [...booking.history, entry] },
      { clearConflict: true },
    )
  }
  const cancel = async (booking: Booking) => {
    const decision = cancelDecide(workspace, { bookingId: booking.id, by, reason: 'conflict' }, now)
    if (decision.ok) await bookingStore(db, decision.booking)
  }

  return (
    <section aria-labelledby="conflicts-heading">
      <h2 id="conflicts-heading">Conflicts</h2>
      {marked.length === 0 ? <p>No conflicts. Everything synced without collisions.</p> : null}
      <ul className="conflict-list">
        {marked.map((booking) => {
          const mark = conflicts.get(booking.id)!
          const local = mark.localVersion
          return (
            <li
              key={booking.id}
              className="conflict-item"
              aria-label={`Conflict: ${booking.customer.name}`}
            >
              <p>
                <strong>{new Date(booking.start).toLocaleString()}</strong> ·{' '}
                {booking.customer.name} ·{' '}
                {booking.hostMemberIds.map((id) => names.get(id) ?? id).join(', ')} ·{' '}
                {booking.status}
              </p>
              {mark.withBookingIds.length > 0 ? (
                <p>
                  Overlaps{' '}
                  {mark.withBookingIds
                    .map((id) => workspace.bookings.find((b) => b.id === id))
                    .map((b) =>
                      b
                        ? `${b.customer.name} at ${new Date(b.start).toLocaleTimeString()}`
                        : 'a booking',
                    )
                    .join('; ')}{' '}
                  for {mark.memberIds.map((id) => names.get(id) ?? id).join(', ')}.
                </p>
              ) : null}
              {local ? (
                <p>
                  Changed on a desktop while offline: it had{' '}
                  {(local.hostMemberIds ?? []).map((id) => names.get(id) ?? id).join(', ')}
                  {local.status ? `, ${local.status}` : ''}; the server's version was kept.
                </p>
              ) : null}
              <div className="actions">
                <button
                  type="button"
                  onClick={() =>
                    openReassign({
                      bookingId: booking.id,
                      fromMemberId: mark.memberIds[0] ?? booking.hostMemberIds[0] ?? '',
                      toMemberId: null,
                    })
                  }
                >
                  Reassign…
                </button>
                <button type="button" onClick={() => void keepBoth(booking, mark)}>
                  Keep both
                </button>
                <button type="button" onClick={() => void cancel(booking)}>
                  Cancel booking
                </button>
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
