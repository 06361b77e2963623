import { useState } from 'react'
import type {
  BookingPage,
  EventType,
  MasterPage,
  Panel,
  Pool,
  Workspace,
} from '../../../core/src/model/workspace'
import { useWorkspace } from '../db/use-workspace'
import { EventTypeEditor, JsonRecordEditor, PoolEditor } from './SetupEditors'

type Editing =
  | { kind: 'eventType'; record: EventType | null }
  | { kind: 'pool'; record: Pool | null }
  | { kind: 'bookingPage'; record: BookingPage | null }
  | { kind: 'panel'; record: Panel | null }
  | { kind: 'masterPage'; record: MasterPage | null }

function newId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`
}

/**
 * What customers can book and how it is distributed: event types, resource pools, booking pages,
 * panels and master pages. Each editor validates with core before saving to the local replica.
 */
export function SetupView() {
  const live = useWorkspace()
  const [editing, setEditing] = useState<Editing | null>(null)
  if (!live) return <p>Loading setup…</p>
  const { workspace } = live
  const done = () => setEditing(null)
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))
  return (
    <section aria-labelledby="setup-heading" className="setup">
      <h2 id="setup-heading">Setup</h2>
      {editing ? <EditorFor editing={editing} workspace={workspace} onDone={done} /> : null}
      <SetupList
        title="Event types"
        addLabel="Add event type"
        onAdd={() => setEditing({ kind: 'eventType', record: null })}
        rows={workspace.eventTypes.map((e) => ({
          id: e.id,
          name: e.name,
          detail: `${e.durationMinutes} min, every ${e.slotIntervalMinutes} min, ${e.questions.length} questions`,
          edit: () => setEditing({ kind: 'eventType', record: e }),
        }))}
      />
      <SetupList
        title="Resource pools"
        addLabel="Add pool"
        onAdd={() => setEditing({ kind: 'pool', record: null })}
        rows={workspace.pools.map((p) => ({
          id: p.id,
          name: p.name,
          detail: `${p.distribution}, ${p.members.map((m) => names.get(m.memberId) ?? m.memberId).join(', ')}`,
          edit: () => setEditing({ kind: 'pool', record: p }),
        }))}
      />
      <SetupList
        title="Booking pages"
        addLabel="Add booking page"
        onAdd={() => setEditing({ kind: 'bookingPage', record: null })}
        rows={workspace.bookingPages.map((b) => ({
          id: b.id,
          name: `/${b.slug}`,
          detail: names.get(b.memberId) ?? b.memberId,
          edit: () => setEditing({ kind: 'bookingPage', record: b }),
        }))}
      />
      <SetupList
        title="Panels"
        addLabel="Add panel"
        onAdd={() => setEditing({ kind: 'panel', record: null })}
        rows={workspace.panels.map((p) => ({
          id: p.id,
          name: p.name,
          detail: `${p.seats.length} seats`,
          edit: () => setEditing({ kind: 'panel', record: p }),
        }))}
      />
      <SetupList
        title="Master pages"
        addLabel="Add master page"
        onAdd={() => setEditing({ kind: 'masterPage', record: null })}
        rows={workspace.masterPages.map((p) => ({
          id: p.id,
          name: p.title,
          detail: `/book/${p.slug} · ${p.assignment.type}`,
          edit: () => setEditing({ kind: 'masterPage', record: p }),
        }))}
      />
    </section>
  )
}

function EditorFor({
  editing,
  workspace,
  onDone,
}: {
  editing: Editing
  workspace: Workspace
  onDone: () => void
}) {
  const key = `${editing.kind}-${editing.record?.id ?? 'new'}`
  const firstMember = workspace.members[0]?.id ?? 'm-…'
  const firstEvent = workspace.eventTypes[0]?.id ?? 'et-…'
  switch (editing.kind) {
    case 'eventType':
      return (
        <EventTypeEditor key={key} workspace={workspace} record={editing.record} onDone={onDone} />
      )
    case 'pool':
      return <PoolEditor key={key} workspace={workspace} record={editing.record} onDone={onDone} />
    case 'bookingPage':
      return (
        <JsonRecordEditor
          key={key}
          recordKey="bookingPages"
          label="booking page"
          workspace={workspace}
          record={editing.record}
          onDone={onDone}
          template={{
            id: newId('bp'),
            slug: 'new-page',
            memberId: firstMember,
            eventTypeIds: [firstEvent],
          }}
        />
      )
    case 'panel':
      return (
        <JsonRecordEditor
          key={key}
          recordKey="panels"
          label="panel"
          workspace={workspace}
          record={editing.record}
          onDone={onDone}
          template={{ id: newId('panel'), name: 'New panel', seats: [{ memberId: firstMember }] }}
        />
      )
    case 'masterPage':
      return (
        <JsonRecordEditor
          key={key}
          recordKey="masterPages"
          label="master page"
          workspace={workspace}
          record={editing.record}
          onDone={onDone}
          template={{
            id: newId('mp'),
            slug: 'new-page',
            title: 'New master page',
            eventTypeIds: [firstEvent],
            assignment: {
              type: 'static',
              target: { bookingPageId: workspace.bookingPages[0]?.id ?? 'bp-…' },
            },
          }}
        />
      )
  }
}

interface SetupRow {
  readonly id: string
  readonly name: string
  readonly detail: string
  readonly edit: () => void
}

function SetupList({
  title,
  addLabel,
  onAdd,
  rows,
}: {
  title: string
  addLabel: string
  onAdd: () => void
  rows: readonly SetupRow[]
}) {
  return (
    <section className="setup-list" aria-label={title}>
      <div className="board-toolbar">
        <h3>{title}</h3>
        <button type="button" onClick={onAdd}>
          {addLabel}
        </button>
      </div>
      <ul>
        {rows.map((row) => (
          <li key={row.id}>
            <strong>{row.name}</strong> <span className="muted">{row.detail}</span>{' '}
            <button type="button" onClick={row.edit} aria-label={`Edit ${row.name}`}>
              Edit
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
