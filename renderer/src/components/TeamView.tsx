import type { Member } from '../../../core/src/model/workspace'
import { WEEKDAYS } from '../../../core/src/model/workspace'
import { useDocuments } from '../db/hooks'

function hoursSummary(member: Member): string {
  const days = WEEKDAYS.filter((d) => member.weeklyHours[d].length > 0)
  const first = days[0] ? member.weeklyHours[days[0]] : []
  const ranges = first.map(([s, e]) => `${s}–${e}`).join(', ')
  return days.length === 0 ? 'no weekly hours' : `${days.join(' ')} · ${ranges}`
}

/** The team: every member with zone, weekly hours and state. */
export function TeamView() {
  const members = useDocuments<Member>('members', { sort: [{ id: 'asc' }] }, 'members-by-id')
  if (!members) return <p>Loading team…</p>
  return (
    <section aria-labelledby="team-heading">
      <h2 id="team-heading">Team members</h2>
      {members.length === 0 ? (
        <p>No team members yet.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Time zone</th>
              <th scope="col">Weekly hours</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {[...members]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((m) => (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{m.timeZone}</td>
                  <td>{hoursSummary(m)}</td>
                  <td>{m.active ? 'active' : 'inactive'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
