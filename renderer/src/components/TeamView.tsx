import { useState } from 'react'
import type { Member } from '../../../core/src/model/workspace'
import { WEEKDAYS } from '../../../core/src/model/workspace'
import { memberColorFor } from '../../../core/src/schema/migrations'
import { useWorkspace } from '../db/use-workspace'
import { hoursFormat } from '../team/hours-text'
import { MemberEditor } from './MemberEditor'

function hoursSummary(member: Member): string {
  const days = WEEKDAYS.filter((d) => member.weeklyHours[d].length > 0)
  const first = days[0] ? member.weeklyHours[days[0]] : []
  return days.length === 0 ? 'no weekly hours' : `${days.join(' ')} · ${hoursFormat(first)}`
}

/** The team: every member with zone, weekly hours and state; add or edit members. */
export function TeamView() {
  const live = useWorkspace()
  const [editing, setEditing] = useState<Member | 'new' | null>(null)
  if (!live) return <p>Loading team…</p>
  const members = live.workspace.members.toSorted((a, b) => a.name.localeCompare(b.name))
  return (
    <section aria-labelledby="team-heading">
      <div className="board-toolbar">
        <h2 id="team-heading">Team members</h2>
        <button type="button" className="primary" onClick={() => setEditing('new')}>
          Add member
        </button>
      </div>
      {editing ? (
        <MemberEditor
          key={editing === 'new' ? 'new' : editing.id}
          workspace={live.workspace}
          member={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
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
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>
                  <span
                    className="member-dot"
                    style={{ background: m.color ?? memberColorFor(m.id) }}
                  />{' '}
                  {m.name}
                </td>
                <td>{m.timeZone}</td>
                <td>{hoursSummary(m)}</td>
                <td>{m.active ? 'active' : 'inactive'}</td>
                <td>
                  <button type="button" onClick={() => setEditing(m)} aria-label={`Edit ${m.name}`}>
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
