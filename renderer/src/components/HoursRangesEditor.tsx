import type { LocalRange } from '../../../core/src/model/workspace'
import { FieldError } from '../ui/FieldError'
import { TimeInput } from '../ui/TimeInput'
import { useFocusLater } from '../ui/use-focus-later'

export interface HoursRangesEditorProps {
  /** What the ranges are for ("Monday", "19 March"): names every field. */
  readonly label: string
  readonly ranges: readonly LocalRange[]
  readonly onChange: (ranges: readonly LocalRange[]) => void
  /** Problems of range `i` (core's, at `…hours.i` / `weeklyHours.mon.i`). */
  readonly problemsAt: (index: number) => readonly string[]
  /** Shown when there are no ranges. */
  readonly emptyText: string
}

/** One day's working hours: ranges of two time fields, added and removed with buttons. */
export function HoursRangesEditor({
  label,
  ranges,
  onChange,
  problemsAt,
  emptyText,
}: HoursRangesEditorProps) {
  const set = (index: number, range: LocalRange) =>
    onChange(ranges.map((r, i) => (i === index ? range : r)))
  // After adding, the new range's first field; after removing, the range before, else "Add hours".
  const { box, later } = useFocusLater<HTMLDivElement>()
  const rangeField = (root: HTMLDivElement, index: number) => {
    const row = root.querySelectorAll<HTMLElement>(':scope > .stack').item(index)
    return row?.querySelector<HTMLElement>('[role="spinbutton"], input')
  }
  const addButton = (root: HTMLDivElement) => root.querySelector<HTMLElement>(':scope > .add-hours')
  const add = () => {
    const last = ranges.at(-1)
    const start = last ? last[1] : '09:00'
    const startHour = Number(start.slice(0, 2))
    const end =
      startHour >= 23
        ? '24:00'
        : `${String(Math.min(startHour + 4, 23)).padStart(2, '0')}:${start.slice(3)}`
    const index = ranges.length
    later((root) => rangeField(root, index))
    onChange([...ranges, [start === '24:00' ? '23:00' : start, end]])
  }
  const remove = (index: number) => {
    later((root) => (index > 0 ? rangeField(root, index - 1) : addButton(root)))
    onChange(ranges.filter((_, j) => j !== index))
  }
  return (
    <div className="hours-ranges" ref={box}>
      {ranges.length === 0 ? <span className="muted small">{emptyText}</span> : null}
      {ranges.map((range, i) => {
        const problems = problemsAt(i)
        const suffix = ranges.length > 1 ? ` (${i + 1})` : ''
        return (
          <div key={i} className="stack" style={{ gap: 'var(--space-1)' }}>
            <div className="hours-range">
              <TimeInput
                label={`${label} from${suffix}`}
                isLabelHidden
                value={range[0]}
                isInvalid={problems.length > 0}
                onChange={(start) => set(i, [start, range[1]])}
              />
              <span aria-hidden="true">–</span>
              <TimeInput
                label={`${label} until${suffix}`}
                isLabelHidden
                value={range[1]}
                isEnd
                isInvalid={problems.length > 0}
                onChange={(end) => set(i, [range[0], end])}
              />
              <button
                type="button"
                className="btn btn-icon"
                aria-label={`Remove ${label} hours${suffix}`}
                onClick={() => remove(i)}
              >
                ×
              </button>
            </div>
            <FieldError messages={problems} />
          </div>
        )
      })}
      <button
        type="button"
        className="btn btn-quiet add-hours"
        onClick={add}
        aria-label={`Add ${label} hours`}
      >
        + Add hours
      </button>
    </div>
  )
}
