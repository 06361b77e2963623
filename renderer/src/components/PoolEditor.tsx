import { useState } from 'react'
import { DISTRIBUTION_METHODS } from '../../../core/src/distribution'
import type {
  Distribution,
  Pool,
  PoolMember,
  ReportingCycle,
} from '../../../core/src/model/workspace'
import { clockIso } from '../clock'
import { problemWhere } from '../forms/problem-where'
import { useRecordStore } from '../hooks/use-record-store'
import { FieldError } from '../ui/FieldError'
import { ReorderList } from '../ui/ReorderList'
import { TextInput } from '../ui/TextInput'
import { focusKey, useFocusLater } from '../ui/use-focus-later'
import type { EditorProps } from './EventTypeEditor'
import { RecordEditorFrame } from './RecordEditorFrame'

const CYCLES: readonly { id: ReportingCycle; label: string }[] = [
  { id: 'monthly', label: 'Monthly' },
  { id: 'quarterly', label: 'Quarterly' },
  { id: 'continuous', label: 'Continuous (never resets)' },
]

/**
 * Resource pool: distribution method (with what it means), reporting cycle, automatic
 * correction, and its members in order — the order breaks ties, so it is shown and rearranged
 * by dragging. Priorities appear only for the method that uses them.
 */
export function PoolEditor({ workspace, record, onDone }: EditorProps<Pool>) {
  const store = useRecordStore(workspace, 'pools', onDone)
  const [id] = useState(() => record?.id ?? `pool-${crypto.randomUUID().slice(0, 8)}`)
  const [name, setName] = useState(record?.name ?? '')
  const [distribution, setDistribution] = useState<Distribution>(
    record?.distribution ?? 'round-robin',
  )
  const [cycle, setCycle] = useState<ReportingCycle>(record?.reportingCycle ?? 'monthly')
  const [correction, setCorrection] = useState(record?.automaticCorrection ?? true)
  const [members, setMembers] = useState<readonly PoolMember[]>(record?.members ?? [])
  const [adding, setAdding] = useState('')
  const problems = store.problems
  const method = DISTRIBUTION_METHODS[distribution]
  const names = new Map(workspace.members.map((m) => [m.id, m.name]))
  const outside = workspace.members.filter((m) => !members.some((e) => e.memberId === m.id))
  const next: Pool = {
    id,
    name: name.trim(),
    distribution,
    reportingCycle: cycle,
    automaticCorrection: correction,
    members,
  }
  // The keyboard stays in the members list: on "Add a member" while anyone is left to add, else
  // on the member just added; after a removal, on "Add a member".
  const { box, later } = useFocusLater<HTMLFieldSetElement>()
  const add = (memberId: string) => {
    if (!memberId) return
    later((root) => focusKey(root, 'add-member') ?? focusKey(root, `remove-${memberId}`))
    // A member joining an existing pool enters at the pool's current level (see README).
    setMembers([...members, { memberId, priority: 1, addedAt: record ? clockIso() : null }])
    setAdding('')
  }
  return (
    <RecordEditorFrame
      title={record ? `Edit ${record.name}` : 'New pool'}
      problems={problems}
      where={problemWhere('pools', next, workspace)}
      onSave={() => void store.save(next)}
      onCancel={onDone}
      onDelete={record ? () => void store.remove(id) : undefined}
    >
      <FieldError messages={problems.at('(record)')} />
      <div className="form-grid">
        <TextInput
          label="Name"
          value={name}
          maxLength={200}
          onChange={setName}
          problems={problems.at('name')}
        />
        <label className="field">
          <span>Distribution</span>
          <select
            value={distribution}
            onChange={(e) => setDistribution(e.target.value as Distribution)}
          >
            {(Object.keys(DISTRIBUTION_METHODS) as Distribution[]).map((d) => (
              <option key={d} value={d}>
                {DISTRIBUTION_METHODS[d].label}
              </option>
            ))}
          </select>
          <span className="field-help">{method.description}</span>
        </label>
        <label className="field">
          <span>Reporting cycle</span>
          <select value={cycle} onChange={(e) => setCycle(e.target.value as ReportingCycle)}>
            {CYCLES.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={correction}
            onChange={(e) => setCorrection(e.target.checked)}
          />
          Automatic correction (cancelled and reassigned bookings are given back)
        </label>
      </div>
      <fieldset ref={box}>
        <legend>Members, in order</legend>
        <p className="small muted">
          {method.usesPriority
            ? 'Priority 1 is served first; the order breaks remaining ties.'
            : 'The order breaks ties (for example among members never assigned). Drag to rearrange.'}
        </p>
        <ReorderList
          label="Pool members"
          items={members.map((m) => ({
            ...m,
            id: m.memberId,
            name: names.get(m.memberId) ?? 'a former member',
          }))}
          onReorder={(items) =>
            setMembers(items.map(({ id: _id, name: _name, ...entry }) => entry))
          }
        >
          {(item, index) => (
            <>
              <span>{item.name}</span>
              {method.usesPriority ? (
                <label className="row small">
                  Priority
                  <select
                    aria-label={`Priority of ${item.name}`}
                    value={item.priority}
                    onChange={(e) =>
                      setMembers(
                        members.map((m, i) =>
                          i === index ? { ...m, priority: Number(e.target.value) } : m,
                        ),
                      )
                    }
                  >
                    {Array.from({ length: 10 }, (_, p) => (
                      <option key={p + 1} value={p + 1}>
                        {p + 1}
                        {p === 0 ? ' (highest)' : ''}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              <button
                type="button"
                className="btn btn-quiet"
                aria-label={`Remove ${item.name} from the pool`}
                data-focus={`remove-${item.id}`}
                onClick={() => {
                  later((root) => focusKey(root, 'add-member'))
                  setMembers(members.filter((_, i) => i !== index))
                }}
              >
                Remove
              </button>
              <FieldError messages={problems.under(`members.${index}`)} />
            </>
          )}
        </ReorderList>
        <FieldError messages={problems.at('members')} />
        {outside.length > 0 ? (
          <div className="row">
            <label className="field">
              <span>Add a member</span>
              <select value={adding} onChange={(e) => add(e.target.value)} data-focus="add-member">
                <option value="">Choose…</option>
                {outside.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
        ) : null}
      </fieldset>
    </RecordEditorFrame>
  )
}
