import { useState } from 'react'
import { DISTRIBUTION_METHODS } from '../../../core/src/distribution'
import type {
  Assignment,
  BookingPage,
  EventType,
  MasterPage,
  Panel,
  Pool,
  Workspace,
} from '../../../core/src/model/workspace'
import { useWorkspace } from '../db/data-layer'
import type { SyncTarget } from '../db/replication'
import { usePublicUrl } from '../hooks/use-notify-settings'
import { toastShow } from '../ui/toasts'
import { BookingPageEditor } from './BookingPageEditor'
import { EventTypeEditor } from './EventTypeEditor'
import { MasterPageEditor } from './MasterPageEditor'
import { PanelEditor } from './PanelEditor'
import { PoolEditor } from './PoolEditor'

type Editing =
  | { kind: 'eventType'; record: EventType | null }
  | { kind: 'pool'; record: Pool | null }
  | { kind: 'bookingPage'; record: BookingPage | null }
  | { kind: 'panel'; record: Panel | null }
  | { kind: 'masterPage'; record: MasterPage | null }

const ASSIGNMENT_TEXT: Readonly<Record<Assignment['type'], string>> = {
  'customer-choice': 'customer chooses',
  static: 'always one target',
  dynamic: 'rules',
}

/**
 * What customers can book and how it is distributed: event types, resource pools, booking pages,
 * panels and master pages, each listed by name and edited in a form that core's validation
 * checks before anything is saved.
 */
export function SetupView({ target }: { readonly target: SyncTarget }) {
  const live = useWorkspace()!
  const [editing, setEditing] = useState<Editing | null>(null)
  const { workspace } = live
  // The address customers open: the server's public address when it has one.
  const publicUrl = usePublicUrl(target).replace(/\/+$/, '')
  const linkOf = (slug: string) => `${publicUrl}/book/${encodeURIComponent(slug)}`
  const done = () => setEditing(null)
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))
  return (
    <section aria-labelledby="setup-heading" className="view">
      <h2 id="setup-heading">Setup</h2>
      {editing ? (
        <EditorFor editing={editing} workspace={workspace} onDone={done} publicUrl={publicUrl} />
      ) : null}
      <div className="setup-grid">
        <SetupList
          title="Master pages"
          help="The links customers book through, and who takes each booking."
          addLabel="Add master page"
          onAdd={() => setEditing({ kind: 'masterPage', record: null })}
          rows={workspace.masterPages.map((p) => ({
            key: p.id,
            name: p.title,
            detail: `${ASSIGNMENT_TEXT[p.assignment.type]}${p.assignment.type === 'dynamic' ? ` (${p.assignment.rules.length} rules)` : ''}`,
            link: linkOf(p.slug),
            edit: () => setEditing({ kind: 'masterPage', record: p }),
          }))}
        />
        <SetupList
          title="Event types"
          help="What can be booked: length, start times, buffers, notice, questions."
          addLabel="Add event type"
          onAdd={() => setEditing({ kind: 'eventType', record: null })}
          rows={workspace.eventTypes.map((e) => ({
            key: e.id,
            name: e.name,
            detail: `${e.durationMinutes} min · ${e.questions.length} question${e.questions.length === 1 ? '' : 's'}`,
            edit: () => setEditing({ kind: 'eventType', record: e }),
          }))}
        />
        <SetupList
          title="Resource pools"
          help="Groups of members that share bookings by a distribution method."
          addLabel="Add pool"
          onAdd={() => setEditing({ kind: 'pool', record: null })}
          rows={workspace.pools.map((p) => ({
            key: p.id,
            name: p.name,
            detail: `${DISTRIBUTION_METHODS[p.distribution].label} · ${p.members.map((m) => names.get(m.memberId) ?? 'a former member').join(', ')}`,
            edit: () => setEditing({ kind: 'pool', record: p }),
          }))}
        />
        <SetupList
          title="Panels"
          help="Meetings with several people at once."
          addLabel="Add panel"
          onAdd={() => setEditing({ kind: 'panel', record: null })}
          rows={workspace.panels.map((p) => ({
            key: p.id,
            name: p.name,
            detail: `${p.seats.length} seats`,
            edit: () => setEditing({ kind: 'panel', record: p }),
          }))}
        />
        <SetupList
          title="Booking pages"
          help="Each member’s own page and the event types it offers."
          addLabel="Add booking page"
          onAdd={() => setEditing({ kind: 'bookingPage', record: null })}
          rows={workspace.bookingPages.map((b) => ({
            key: b.id,
            name: `${names.get(b.memberId) ?? 'A former member'}`,
            detail: `${b.eventTypeIds.length} event type${b.eventTypeIds.length === 1 ? '' : 's'}`,
            link: linkOf(b.slug),
            edit: () => setEditing({ kind: 'bookingPage', record: b }),
            editLabel: `Edit booking page /${b.slug}`,
          }))}
        />
      </div>
    </section>
  )
}

function EditorFor({
  editing,
  workspace,
  onDone,
  publicUrl,
}: {
  editing: Editing
  workspace: Workspace
  onDone: () => void
  publicUrl: string
}) {
  const key = `${editing.kind}-${editing.record?.id ?? 'new'}`
  switch (editing.kind) {
    case 'eventType':
      return (
        <EventTypeEditor key={key} workspace={workspace} record={editing.record} onDone={onDone} />
      )
    case 'pool':
      return <PoolEditor key={key} workspace={workspace} record={editing.record} onDone={onDone} />
    case 'bookingPage':
      return (
        <BookingPageEditor
          key={key}
          workspace={workspace}
          record={editing.record}
          onDone={onDone}
          publicUrl={publicUrl}
        />
      )
    case 'panel':
      return <PanelEditor key={key} workspace={workspace} record={editing.record} onDone={onDone} />
    case 'masterPage':
      return (
        <MasterPageEditor
          key={key}
          workspace={workspace}
          record={editing.record}
          onDone={onDone}
          publicUrl={publicUrl}
        />
      )
  }
}

interface SetupRow {
  readonly key: string
  readonly name: string
  readonly detail: string
  readonly edit: () => void
  readonly editLabel?: string
  /** The page's public address, to open or copy and send to customers. */
  readonly link?: string
}

/** Copies a page's address; without clipboard permission, says where to find it instead. */
async function copyLink(name: string, url: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(url)
    toastShow({ title: `Link to ${name} copied`, description: url, tone: 'info' })
  } catch {
    toastShow({
      title: 'Could not copy the link',
      description: `Select it and copy it yourself: ${url}`,
      tone: 'error',
    })
  }
}

function SetupList({
  title,
  help,
  addLabel,
  onAdd,
  rows,
}: {
  title: string
  help: string
  addLabel: string
  onAdd: () => void
  rows: readonly SetupRow[]
}) {
  return (
    <section className="setup-list card" aria-label={title}>
      <div className="toolbar">
        <h3>{title}</h3>
        <span className="spacer" />
        <button type="button" className="btn" onClick={onAdd}>
          {addLabel}
        </button>
      </div>
      <p className="small muted">{help}</p>
      {rows.length === 0 ? <p className="small muted">None yet.</p> : null}
      <ul>
        {rows.map((row) => (
          <li key={row.key}>
            <span>
              <strong>{row.name}</strong>
              <br />
              <span className="muted">{row.detail}</span>
              {row.link ? (
                <>
                  <br />
                  <a
                    href={row.link}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="small page-link"
                    aria-label={`Open ${row.name}’s page for customers: ${row.link}`}
                  >
                    {row.link}
                  </a>
                </>
              ) : null}
            </span>
            <span className="spacer" />
            {row.link ? (
              <button
                type="button"
                className="btn btn-quiet"
                aria-label={`Copy the link to ${row.name}`}
                onClick={() => void copyLink(row.name, row.link!)}
              >
                Copy link
              </button>
            ) : null}
            <button
              type="button"
              className="btn"
              onClick={row.edit}
              aria-label={row.editLabel ?? `Edit ${row.name}`}
            >
              Edit
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
