import { useState } from 'react'
import type { Panel, PanelSeat } from '../../../core/src/model/workspace'
import { problemWhere } from '../forms/problem-where'
import { seatFromValue, seatGroups, seatValue } from '../forms/target-options'
import { useRecordStore } from '../hooks/use-record-store'
import { FieldError } from '../ui/FieldError'
import { PickField } from '../ui/PickField'
import { TextInput } from '../ui/TextInput'
import type { EditorProps } from './EventTypeEditor'
import { RecordEditorFrame } from './RecordEditorFrame'

/** A seat being edited: a member, a pool, or not chosen yet. */
type DraftSeat = PanelSeat | null

/**
 * A panel meeting: several people at once. Each seat is a specific member or anyone from a pool
 * (picked by the pool's method); the first seat is the organizer. No two seats can be the same
 * member or the same pool, and distinct people must be able to fill every seat (core checks).
 */
export function PanelEditor({ workspace, record, onDone }: EditorProps<Panel>) {
  const store = useRecordStore(workspace, 'panels', onDone)
  const [id] = useState(() => record?.id ?? `panel-${crypto.randomUUID().slice(0, 8)}`)
  const [name, setName] = useState(record?.name ?? '')
  const [seats, setSeats] = useState<readonly DraftSeat[]>(record?.seats ?? [null, null])
  const problems = store.problems
  const groups = seatGroups(workspace)
  const next: Panel = {
    id,
    name: name.trim(),
    // A seat not chosen yet is sent empty: core names what is missing.
    seats: seats.map((seat) => seat ?? ({} as PanelSeat)),
  }
  const move = (index: number, by: number) => {
    const list = [...seats]
    const [seat] = list.splice(index, 1)
    list.splice(index + by, 0, seat ?? null)
    setSeats(list)
  }
  return (
    <RecordEditorFrame
      title={record ? `Edit ${record.name}` : 'New panel'}
      problems={problems}
      where={problemWhere('panels', next, workspace)}
      onSave={() => void store.save(next)}
      onCancel={onDone}
      onDelete={record ? () => void store.remove(id) : undefined}
    >
      <FieldError messages={problems.at('(record)')} />
      <TextInput
        label="Name"
        value={name}
        maxLength={200}
        onChange={setName}
        problems={problems.at('name')}
      />
      <fieldset>
        <legend>Seats</legend>
        <p className="small muted">Everyone seated attends; seat 1 is the organizer.</p>
        {seats.map((seat, i) => (
          <div key={i} className="row" role="group" aria-label={`Seat ${i + 1}`}>
            <PickField
              label={i === 0 ? 'Seat 1 (organizer)' : `Seat ${i + 1}`}
              value={seat ? seatValue(seat) : ''}
              groups={groups}
              onChange={(value) =>
                setSeats(seats.map((s, j) => (j === i ? seatFromValue(value) : s)))
              }
              problems={problems.under(`seats.${i}`)}
            />
            <button
              type="button"
              className="btn btn-icon"
              aria-label={`Move seat ${i + 1} up`}
              disabled={i === 0}
              onClick={() => move(i, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn-icon"
              aria-label={`Move seat ${i + 1} down`}
              disabled={i === seats.length - 1}
              onClick={() => move(i, 1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="btn btn-quiet"
              aria-label={`Remove seat ${i + 1}`}
              onClick={() => setSeats(seats.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </div>
        ))}
        <FieldError messages={problems.at('seats')} />
        <div className="actions">
          <button type="button" className="btn" onClick={() => setSeats([...seats, null])}>
            + Add seat
          </button>
        </div>
      </fieldset>
    </RecordEditorFrame>
  )
}
