import { useState } from 'react'
import type { EventType, Question, Workspace } from '../../../core/src/model/workspace'
import { problemWhere } from '../forms/problem-where'
import { useRecordStore } from '../hooks/use-record-store'
import { FieldError } from '../ui/FieldError'
import { TextInput } from '../ui/TextInput'
import { QuestionsEditor, questionIdFor } from './QuestionsEditor'
import { LocationEditor, locationDraftOf, locationOfDraft } from './LocationEditor'
import { RemindersEditor } from './RemindersEditor'
import { RecordEditorFrame } from './RecordEditorFrame'

export interface EditorProps<T> {
  readonly workspace: Workspace
  /** The record to edit, or null to add one. */
  readonly record: T | null
  readonly onDone: () => void
}

const NUMBER_FIELDS = [
  ['durationMinutes', 'Duration (minutes)', 30],
  ['slotIntervalMinutes', 'Start every (minutes)', 15],
  ['bufferBeforeMinutes', 'Buffer before (minutes)', 0],
  ['bufferAfterMinutes', 'Buffer after (minutes)', 0],
  ['minNoticeMinutes', 'Minimum notice (minutes)', 240],
  ['maxDaysAhead', 'Bookable up to (days ahead)', 60],
] as const

type NumberKey = (typeof NUMBER_FIELDS)[number][0]

const asNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

/**
 * Questions as saved: labels trimmed; a question new in this edit gets an id from its label
 * (`region`), an existing one keeps its id (rules refer to it).
 */
function questionIds(questions: readonly Question[], saved: readonly Question[]): Question[] {
  const old = new Set(saved.map((q) => q.id))
  const taken = new Set(questions.filter((q) => old.has(q.id)).map((q) => q.id))
  return questions.map((q) => {
    const label = q.label.trim()
    if (old.has(q.id) || label === '') return { ...q, label }
    const id = questionIdFor(label, taken)
    taken.add(id)
    return { ...q, id, label }
  })
}

/**
 * Event type: duration, start times, buffers, notice, booking window, the customers'
 * cancellation and reschedule notice, where it takes place, reminder emails, booking-form
 * questions. Fields this editor does not show are kept as stored.
 */
export function EventTypeEditor({ workspace, record, onDone }: EditorProps<EventType>) {
  const store = useRecordStore(workspace, 'eventTypes', onDone)
  const [id] = useState(() => record?.id ?? `et-${crypto.randomUUID().slice(0, 8)}`)
  const [name, setName] = useState(record?.name ?? '')
  const [numbers, setNumbers] = useState<Record<NumberKey, string>>(
    () =>
      Object.fromEntries(
        NUMBER_FIELDS.map(([key, , fallback]) => [key, String(record?.[key] ?? fallback)]),
      ) as Record<NumberKey, string>,
  )
  const [questions, setQuestions] = useState(record?.questions ?? [])
  const [cancelNotice, setCancelNotice] = useState(
    record?.cancelNoticeMinutes == null ? '' : String(record.cancelNoticeMinutes),
  )
  const [location, setLocation] = useState(() => locationDraftOf(record?.location))
  const [reminders, setReminders] = useState<readonly number[]>(record?.reminderMinutesBefore ?? [])
  const problems = store.problems
  const next: EventType = {
    ...record,
    id,
    name: name.trim(),
    durationMinutes: asNumber(numbers.durationMinutes),
    slotIntervalMinutes: asNumber(numbers.slotIntervalMinutes),
    bufferBeforeMinutes: asNumber(numbers.bufferBeforeMinutes),
    bufferAfterMinutes: asNumber(numbers.bufferAfterMinutes),
    minNoticeMinutes: asNumber(numbers.minNoticeMinutes),
    maxDaysAhead: asNumber(numbers.maxDaysAhead),
    questions: questionIds(questions, record?.questions ?? []),
    cancelNoticeMinutes: cancelNotice.trim() === '' ? null : asNumber(cancelNotice),
    location: locationOfDraft(location),
    reminderMinutesBefore: reminders,
  }
  return (
    <RecordEditorFrame
      title={record ? `Edit ${record.name}` : 'New event type'}
      problems={problems}
      where={problemWhere('eventTypes', next, workspace)}
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
        {NUMBER_FIELDS.map(([key, label]) => (
          <TextInput
            key={key}
            label={label}
            type="number"
            min={0}
            value={numbers[key]}
            onChange={(value) => setNumbers({ ...numbers, [key]: value })}
            problems={problems.at(key)}
          />
        ))}
        <TextInput
          label="Customers may cancel or reschedule until (minutes before the start)"
          type="number"
          min={0}
          value={cancelNotice}
          onChange={setCancelNotice}
          help="Empty: until the meeting starts. Later than this they are asked to contact you; staff can still change the booking."
          problems={problems.at('cancelNoticeMinutes')}
        />
      </div>
      <LocationEditor
        draft={location}
        onChange={setLocation}
        problems={(field) => [...problems.at('location'), ...problems.under(`location.${field}`)]}
      />
      <RemindersEditor
        minutes={reminders}
        onChange={setReminders}
        problems={problems.under('reminderMinutesBefore')}
      />
      <QuestionsEditor questions={questions} onChange={setQuestions} problems={problems} />
    </RecordEditorFrame>
  )
}
