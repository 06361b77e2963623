import type { Booking, Member } from '../../../core/src/model/workspace'
import { useDocuments } from '../db/hooks'

/** Bookings in start order with host names and status. */
export function BookingsView() {
  const bookings = useDocuments<Booking>(
    'bookings',
    { sort: [{ start: 'asc' }] },
    'bookings-by-start',
  )
  const members = useDocuments<Member>('members')
  if (!bookings || !members) return <p>Loading bookings…</p>
  const names = new Map(members.map((m) => [m.id, m.name]))
  return (
    <section aria-labelledby="bookings-heading">
      <h2 id="bookings-heading">Bookings</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Start</th>
            <th scope="col">Customer</th>
            <th scope="col">Host</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {bookings.map((b) => (
            <tr key={b.id}>
              <td>{new Date(b.start).toLocaleString()}</td>
              <td>{b.customer.name}</td>
              <td>{b.hostMemberIds.map((id) => names.get(id) ?? id).join(', ')}</td>
              <td>{b.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
