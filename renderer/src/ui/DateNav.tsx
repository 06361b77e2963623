import { parseDate } from '@internationalized/date'
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

export interface DateNavProps {
  /** `YYYY-MM-DD`. */
  readonly date: string
  readonly today: string
  readonly step: 'day' | 'week' | 'month'
  readonly onChange: (date: string) => void
  /** Shifts `date` by `n` steps. */
  readonly shift: (date: string, n: number) => string
}

/** Previous / Today / Next and a date picker (typed or picked on a calendar). */
export function DateNav({ date, today, step, onChange, shift }: DateNavProps) {
  return (
    <div className="row" role="group" aria-label="Date">
      <button
        type="button"
        className="btn"
        aria-label={`Previous ${step}`}
        onClick={() => onChange(shift(date, -1))}
      >
        ‹
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => onChange(today)}
        aria-pressed={date === today}
      >
        Today
      </button>
      <button
        type="button"
        className="btn"
        aria-label={`Next ${step}`}
        onClick={() => onChange(shift(date, 1))}
      >
        ›
      </button>
      <DatePicker
        value={parseDate(date)}
        minValue={DATE_EARLIEST}
        onChange={(value) => {
          if (value && dateIsTaken(value)) onChange(value.toString())
        }}
        className="row"
        firstDayOfWeek="mon"
      >
        <Label className="visually-hidden">Go to date</Label>
        <Group className="segmented">
          <DateInput className="row">
            {(segment) => <DateSegment segment={segment} className="segment" />}
          </DateInput>
          <Button className="btn btn-icon" aria-label="Pick a date">
            ▾
          </Button>
        </Group>
        <Popover className="popover">
          <Dialog className="dialog-body" aria-label="Pick a date">
            <MonthCalendar label="Pick a date" />
          </Dialog>
        </Popover>
      </DatePicker>
    </div>
  )
}
