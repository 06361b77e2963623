import { useState } from 'react'
import { parseDate } from '@internationalized/date'
import type { CalendarDate } from '@internationalized/date'
import {
  Button,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Label,
  Popover,
} from 'react-aria-components'
import { DATE_EARLIEST, dateIsTaken } from './date-earliest'
import { MonthCalendar } from './MonthCalendar'

export interface DateFieldProps {
  readonly label: string
  /** `YYYY-MM-DD`, or '' for none. */
  readonly value: string
  readonly onChange: (value: string) => void
  /** Offer the clear button when a value is set (not when the value shown is a default). */
  readonly isClearable?: boolean
  /**
   * `YYYY-MM-DD` the calendar opens at while the field is empty (default: today): a To field
   * opens at its From date, not at this month when From is years back.
   */
  readonly opensAt?: string | undefined
}

/**
 * A labelled date: typed in the locale's order or picked on a calendar; clearable. Dates before
 * {@link DATE_EARLIEST} (a year being typed) are not passed on.
 */
export function DateField({ label, value, onChange, isClearable = true, opensAt }: DateFieldProps) {
  // A whole date typed on the way to the one meant (year 2 before 2023) is shown but not passed on
  // until `value` changes: handing React Aria back the previous value (none, in an empty field)
  // wiped the day and month already typed.
  const [draft, setDraft] = useState<{ readonly over: string; readonly date: CalendarDate } | null>(
    null,
  )
  const shown =
    draft !== null && draft.over === value ? draft.date : value ? parseDate(value) : null
  return (
    <DatePicker
      className="field"
      value={shown}
      {...(opensAt ? { placeholderValue: parseDate(opensAt) } : {})}
      minValue={DATE_EARLIEST}
      onChange={(next) => {
        if (next !== null && !dateIsTaken(next)) {
          setDraft({ over: value, date: next })
          return
        }
        setDraft(null)
        onChange(next === null ? '' : next.toString())
      }}
      firstDayOfWeek="mon"
    >
      <Label>{label}</Label>
      <Group className="segmented">
        <DateInput className="row">
          {(segment) => <DateSegment segment={segment} className="segment" />}
        </DateInput>
        <Button className="btn btn-icon" aria-label={`Pick ${label.toLowerCase()}`}>
          ▾
        </Button>
        {value && isClearable ? (
          <button
            type="button"
            className="btn btn-icon"
            aria-label={`Clear ${label.toLowerCase()}`}
            onClick={() => onChange('')}
          >
            ×
          </button>
        ) : null}
      </Group>
      <Popover className="popover">
        <Dialog className="dialog-body" aria-label={label}>
          <MonthCalendar label={label} />
        </Dialog>
      </Popover>
    </DatePicker>
  )
}
