import { useState } from 'react'
import type { EventType, Pool, Workspace } from '../../../core/src/model/workspace'
import { ID_PATTERN } from '../../../core/src/model/workspace'
import { questionsFormat, questionsParse } from '../team/questions-text'
import { useRecordStore } from '../hooks/use-record-store'
import { RecordEditorFrame } from './RecordEditorFrame'

const minutes = (text: string) => (text.trim() === '' ? NaN : Number(text))

export interface EditorProps<T> {
  readonly workspace: Workspace
  /** The record to edit, or null to add one. */
  readonly record: T | null
  readonly onDone: () => void
}

/** Event type: duration, slot interval, buffers, notice, booking window, booking-form questions. */
export function EventTypeEditor({ workspace, record, onDone }: EditorProps<EventType>) {
  const store = useRecordStore(workspace, 'eventTypes', onDone)
  const [id] = useState(() => record?.id ?? `et-${crypto.randomUUID().slice(0, 8)}`)
  const [name, setName] = useState(record?.name ?? '')
  const [numbers, setNumbers] = useState({
    durationMinutes: String(record?.durationMinutes ?? 30),
    slotIntervalMinutes: String(record?.slotIntervalMinutes ?? 15),
    bufferBeforeMinutes: String(record?.bufferBeforeMinutes ?? 0),
    bufferAfterMinutes: String(record?.bufferAfterMinutes ?? 0),
    minNoticeMinutes: String(record?.minNoticeMinutes ?? 240),
    maxDaysAhead: String(record?.maxDaysAhead ?? 60),
  })
  const [questions, setQuestions] = useState(record ? questionsFormat(record.questions) : '')
  const field = (key: keyof typeof numbers, label: string) => (
    <label>
      {label}
      <input
        type="number"
        min={0}
        value={numbers[key]}
        onChange={(e) => setNumbers({ ...numbers, [key]: e.target.value })}
      />
    </label>
  )
  const save = () => {
    const parsed = questionsParse(questions)
    if (!parsed.ok) return store.setProblems([`questions: ${parsed.message}`])
    const next: EventType = {
      id,
      name: name.trim(),
      durationMinutes: minutes(numbers.durationMinutes),
      slotIntervalMinutes: minutes(numbers.slotIntervalMinutes),
      bufferBeforeMinutes: minutes(numbers.bufferBeforeMinutes),
      bufferAfterMinutes: minutes(numbers.bufferAfterMinutes),
      minNoticeMinutes: minutes(numbers.minNoticeMinutes),
      maxDaysAhead: minutes(numbers.maxDaysAhead),
      questions: parsed.value,
    }
    const extra = [
      ...(next.name === '' ? ['name: a name is required'] : []),
      ...Object.entries(numbers)
        .filter(([, v]) => !Number.isInteger(minutes(v)))
        .map(([k]) => `${k}: a whole number is required`),
    ]
    void store.save(next, extra)
  }
  return (
    <RecordEditorFrame
      title={record ? `Edit ${record.name}` : 'New event type'}
      problems={store.problems}
      onSave={save}
      onCancel={onDone}
      onDelete={record ? () => void store.remove(id) : undefined}
    >
      <div className="editor-grid">
        <label>
          Name
          <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        {field('durationMinutes', 'Duration (minutes)')}
        {field('slotIntervalMinutes', 'Start every (minutes)')}
        {field('bufferBeforeMinutes', 'Buffer before (minutes)')}
        {field('bufferAfterMinutes', 'Buffer after (minutes)')}
        {field('minNoticeMinutes', 'Minimum notice (minutes)')}
        {field('maxDaysAhead', 'Bookable up to (days ahead)')}
      </div>
      <label>
        Booking-form questions, one per line: id; label; text|select|phone|note; required|optional[;
        options]
        <textarea rows={3} value={questions} onChange={(e) => setQuestions(e.target.value)} />
      </label>
    </RecordEditorFrame>
  )
}

/** Resource pool: distribution method, reporting cycle, automatic correction, members with priority. */
export function PoolEditor({ workspace, record, onDone }: EditorProps<Pool>) {
  const store = useRecordStore(workspace, 'pools', onDone)
  const [id] = useState(() => record?.id ?? `pool-${crypto.randomUUID().slice(0, 8)}`)
  const [name, setName] = useState(record?.name ?? '')
  const [distribution, setDistribution] = useState<Pool['distribution']>(
    record?.distribution ?? 'round-robin',
  )
  const [cycle, setCycle] = useState<Pool['reportingCycle']>(record?.reportingCycle ?? 'monthly')
  const [correction, setCorrection] = useState(record?.automaticCorrection ?? true)
  const [members, setMembers] = useState(
    () => new Map((record?.members ?? []).map((m) => [m.memberId, m])),
  )
  const toggle = (memberId: string, on: boolean) => {
    const next = new Map(members)
    if (on)
      next.set(memberId, {
        memberId,
        priority: 1,
        addedAt: record ? new Date().toISOString() : null,
      })
    else next.delete(memberId)
    setMembers(next)
  }
  const save = () => {
    const next: Pool = {
      id,
      name: name.trim(),
      distribution,
      reportingCycle: cycle,
      automaticCorrection: correction,
      // Keep the pool's order for current members; newcomers go to the end.
      members: [
        ...(record?.members ?? [])
          .filter((m) => members.has(m.memberId))
          .map((m) => members.get(m.memberId)!),
        ...[...members.values()].filter(
          (m) => !record?.members.some((r) => r.memberId === m.memberId),
        ),
      ],
    }
    void store.save(next, next.name === '' ? ['name: a name is required'] : [])
  }
  return (
    <RecordEditorFrame
      title={record ? `Edit ${record.name}` : 'New pool'}
      problems={store.problems}
      onSave={save}
      onCancel={onDone}
      onDelete={record ? () => void store.remove(id) : undefined}
    >
      <div className="editor-grid">
        <label>
          Name
          <input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Distribution
          <select
            value={distribution}
            onChange={(e) => setDistribution(e.target.value as Pool['distribution'])}
          >
            <option value="round-robin">Round robin (equal distribution)</option>
            <option value="pooled">Pooled availability (longest idle)</option>
            <option value="pooled-priority">Pooled availability with priority</option>
          </select>
        </label>
        <label>
          Reporting cycle
          <select
            value={cycle}
            onChange={(e) => setCycle(e.target.value as Pool['reportingCycle'])}
          >
            <option value="monthly">Monthly</option>
            <option value="quarterly">Quarterly</option>
            <option value="continuous">Continuous</option>
          </select>
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={correction}
            onChange={(e) => setCorrection(e.target.checked)}
          />{' '}
          Automatic correction
        </label>
      </div>
      <fieldset>
        <legend>Members (priority 1 = highest)</legend>
        {workspace.members.map((m) => {
          const entry = members.get(m.id)
          return (
            <div key={m.id} className="pool-member">
              <label className="inline">
                <input
                  type="checkbox"
                  checked={entry !== undefined}
                  onChange={(e) => toggle(m.id, e.target.checked)}
                />{' '}
                {m.name}
              </label>
              {entry ? (
                <label className="inline">
                  Priority
                  <input
                    type="number"
                    min={1}
                    max={10}
                    value={entry.priority}
                    aria-label={`Priority of ${m.name}`}
                    onChange={(e) =>
                      setMembers(
                        new Map(members).set(m.id, { ...entry, priority: Number(e.target.value) }),
                      )
                    }
                  />
                </label>
              ) : null}
            </div>
          )
        })}
      </fieldset>
    </RecordEditorFrame>
  )
}

/**
 * Booking pages, panels and master pages (rules, targets, conditions) edited as JSON in the v1
 * workspace format (`../shared/docs/api.md`), validated by core with every problem named before
 * anything is saved.
 */
export function JsonRecordEditor<K extends 'bookingPages' | 'panels' | 'masterPages'>(
  props: EditorProps<Workspace[K][number]> & {
    readonly recordKey: K
    readonly template: Workspace[K][number]
    readonly label: string
  },
) {
  const { workspace, record, onDone, recordKey, template, label } = props
  const store = useRecordStore(workspace, recordKey, onDone)
  const [text, setText] = useState(() => JSON.stringify(record ?? template, null, 2))
  const save = () => {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch (err) {
      return store.setProblems([
        `not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
      ])
    }
    const next = parsed as Workspace[K][number]
    if (
      typeof next !== 'object' ||
      next === null ||
      typeof next.id !== 'string' ||
      !ID_PATTERN.test(next.id)
    ) {
      return store.setProblems(['id: a string of A-Z a-z 0-9 _ . : | - is required'])
    }
    if (record && next.id !== record.id)
      return store.setProblems(['id: the id of an existing record cannot change'])
    void store.save(next)
  }
  return (
    <RecordEditorFrame
      title={record ? `Edit ${label}` : `New ${label}`}
      problems={store.problems}
      onSave={save}
      onCancel={onDone}
      onDelete={record ? () => void store.remove(record.id) : undefined}
    >
      <label>
        {label} (v1 workspace JSON)
        <textarea
          className="json"
          rows={14}
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
        />
      </label>
    </RecordEditorFrame>
  )
}
