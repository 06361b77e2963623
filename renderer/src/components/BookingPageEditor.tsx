import { useState } from 'react'
import type { BookingPage } from '../../../core/src/model/workspace'
import { problemWhere } from '../forms/problem-where'
import { useRecordStore } from '../hooks/use-record-store'
import { ChecklistField } from '../ui/ChecklistField'
import { FieldError } from '../ui/FieldError'
import { TextInput } from '../ui/TextInput'
import type { EditorProps } from './EventTypeEditor'
import { RecordEditorFrame } from './RecordEditorFrame'

/** A link name from a person's name: `Ana Silva` → `ana-silva`. */
export function slugFrom(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
}

/** A member's own booking page: whose, its link, and which event types it offers. */
export function BookingPageEditor({
  workspace,
  record,
  onDone,
  publicUrl,
}: EditorProps<BookingPage> & {
  /** The address customers' links start with (the server's public address). */
  readonly publicUrl: string
}) {
  const store = useRecordStore(workspace, 'bookingPages', onDone)
  const [id] = useState(() => record?.id ?? `bp-${crypto.randomUUID().slice(0, 8)}`)
  const [memberId, setMemberId] = useState(record?.memberId ?? '')
  const [slug, setSlug] = useState(record?.slug ?? '')
  const [eventTypeIds, setEventTypeIds] = useState<readonly string[]>(record?.eventTypeIds ?? [])
  const problems = store.problems
  const next: BookingPage = { id, memberId, slug: slug.trim(), eventTypeIds }
  const memberName = workspace.members.find((m) => m.id === memberId)?.name
  return (
    <RecordEditorFrame
      title={record ? `Edit booking page /${record.slug}` : 'New booking page'}
      problems={problems}
      where={problemWhere('bookingPages', next, workspace)}
      onSave={() => void store.save(next)}
      onCancel={onDone}
      onDelete={record ? () => void store.remove(id) : undefined}
    >
      <FieldError messages={problems.at('(record)')} />
      <div className="form-grid">
        <label className={`field ${problems.at('memberId').length > 0 ? 'is-invalid' : ''}`}>
          <span>Member</span>
          <select
            value={memberId}
            onChange={(e) => {
              setMemberId(e.target.value)
              const name = workspace.members.find((m) => m.id === e.target.value)?.name
              if (!slug && name) setSlug(slugFrom(name))
            }}
          >
            <option value="">Choose…</option>
            {workspace.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <FieldError messages={problems.at('memberId')} />
        </label>
        <TextInput
          label="Link"
          value={slug}
          onChange={setSlug}
          help={`Customers open ${publicUrl}/book/${slug || '…'}${memberName ? ` to book ${memberName}` : ''}`}
          problems={problems.at('slug')}
        />
      </div>
      <ChecklistField
        legend="Event types offered"
        options={workspace.eventTypes.map((e) => ({ id: e.id, label: e.name }))}
        selected={eventTypeIds}
        onChange={setEventTypeIds}
        problems={problems.under('eventTypeIds')}
      />
    </RecordEditorFrame>
  )
}
