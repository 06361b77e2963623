import { useContext } from 'react'
import type { CalendarDate, DateValue } from '@internationalized/date'
import {
  Button,
  Calendar,
  CalendarStateContext,
  CalendarCell,
  CalendarGrid,
  CalendarGridBody,
  CalendarGridHeader,
  CalendarHeaderCell,
  Heading,
} from 'react-aria-components'

export interface MonthCalendarProps {
  readonly label: string
  /** Absent inside a DatePicker, whose value and closing it uses. */
  readonly value?: CalendarDate | null
  readonly onChange?: (date: CalendarDate) => void
  readonly minValue?: CalendarDate
  readonly maxValue?: CalendarDate
  readonly isDateUnavailable?: (date: DateValue) => boolean
  /** Dates drawn with a dot (e.g. a date override). */
  readonly isMarked?: (date: CalendarDate) => boolean
  readonly focusedValue?: CalendarDate
  readonly onFocusChange?: (date: CalendarDate) => void
}

/** A month calendar (React Aria: arrow keys move, Enter picks, screen readers read dates). */
export function MonthCalendar(props: MonthCalendarProps) {
  const { label, isMarked, ...rest } = props
  return (
    <Calendar aria-label={label} className="calendar" firstDayOfWeek="mon" {...rest}>
      <header>
        <Button slot="previous" className="btn btn-icon" aria-label="Previous month">
          ‹
        </Button>
        <Heading className="calendar-heading" />
        <YearPicker />
        <Button slot="next" className="btn btn-icon" aria-label="Next month">
          ›
        </Button>
      </header>
      <CalendarGrid>
        <CalendarGridHeader>
          {(day) => <CalendarHeaderCell>{day}</CalendarHeaderCell>}
        </CalendarGridHeader>
        <CalendarGridBody>
          {(date) => (
            <CalendarCell
              date={date}
              className={`calendar-cell ${isMarked?.(date) ? 'has-mark' : ''}`}
            />
          )}
        </CalendarGridBody>
      </CalendarGrid>
    </Calendar>
  )
}

/**
 * The calendar's year, to jump years at once (two years back was 24 clicks on ‹): the years
 * around the one shown; picking one keeps the month and day shown.
 */
function YearPicker() {
  const state = useContext(CalendarStateContext)
  if (!state) return null
  const year = state.focusedDate.year
  const years = Array.from({ length: 16 }, (_, i) => year - 10 + i)
  return (
    <select
      className="calendar-year"
      aria-label="Year"
      value={year}
      onChange={(e) =>
        state.setFocusedDate(state.focusedDate.set({ year: Number(e.target.value) }))
      }
    >
      {years.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  )
}
