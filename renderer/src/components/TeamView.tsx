import { useState } from 'react'
import type { Member } from '../../../core/src/model/workspace'
import { memberColorFor } from '../../../core/src/schema/migrations'
import { useWorkspace } from '../db/data-layer'
import { nameOrder, utcOffsetText, zoneText } from '../format/datetime-format'
import { useNow } from '../hooks/use-now'
import { hoursSummary } from '../team/hours-summary'
import type { SyncTarget } from '../db/replication'
import { MemberEditor } from './MemberEditor'
import { useCan } from '../session/use-can'

/** The team: every member with zone (and its offset now), each weekday's hours and state. */
export function TeamView({ target }: { readonly target: SyncTarget }) {
  const live = useWorkspace()!
  const now = useNow(60_000)
  const [editing, setEditing] = useState<Member | 'new' | null>(null)
  const canEdit = useCan('setup')
  const members = live.workspace.members.toSorted((a, b) => nameOrder(a.name, b.name))
  return (
    <section aria-labelledby="team-heading" className="view">
      <div className="toolbar">
        <h2 id="team-heading">Team members</h2>
        <span className="spacer" />
        {canEdit ? (
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            Add member
          </button>
        ) : null}
      </div>
      {editing && canEdit ? (
        <MemberEditor
          key={editing === 'new' ? 'new' : editing.id}
          workspace={live.workspace}
          member={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
          busyCalendars={editing === 'new' ? [] : (live.busyCalendars.get(editing.id) ?? [])}
          target={target}
        />
      ) : null}
      {members.length === 0 ? (
        <p className="empty">No team members yet.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Team members list">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Time zone</th>
                <th scope="col">Weekly hours (their time)</th>
                <th scope="col">Limits</th>
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
                    <span className="row">
                      <span
                        className="member-dot"
                        style={{ background: m.color ?? memberColorFor(m.id) }}
                      />
                      {m.name}
                    </span>
                  </td>
                  <td>
                    <span title={m.timeZone}>{zoneText(m.timeZone)}</span>{' '}
                    <span className="muted">({utcOffsetText(m.timeZone, now)})</span>
                  </td>
                  <td>
                    {hoursSummary(m.weeklyHours)}
                    {m.dateOverrides.length > 0 ? (
                      <span className="muted">
                        {' '}
                        · {m.dateOverrides.length} date{' '}
                        {m.dateOverrides.length === 1 ? 'override' : 'overrides'}
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {[
                      m.maxBookingsPerDay ? `${m.maxBookingsPerDay}/day` : null,
                      m.maxBookingsPerWeek ? `${m.maxBookingsPerWeek}/week` : null,
                    ]
                      .filter(Boolean)
                      .join(', ') || '—'}
                  </td>
                  <td>
                    <span className={`chip ${m.active ? 'status-completed' : ''}`}>
                      {m.active ? 'active' : 'inactive'}
                    </span>
                    {(live.busyCalendars.get(m.id) ?? []).some((c) => c.lastError !== null) ? (
                      <span className="muted small"> · a calendar could not be read</span>
                    ) : null}
                  </td>
                  <td>
                    {canEdit ? (
                      <button
                        type="button"
                        className="btn"
                        onClick={() => setEditing(m)}
                        aria-label={`Edit ${m.name}`}
                      >
                        Edit
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
