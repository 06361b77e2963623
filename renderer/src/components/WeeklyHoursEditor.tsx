import type { LocalRange, Weekday, WeeklyHours } from '../../../core/src/model/workspace'
import { WEEKDAYS } from '../../../core/src/model/workspace'
import type { FormProblems } from '../forms/form-problems'
import { zoneText } from '../format/datetime-format'
import { HoursRangesEditor } from './HoursRangesEditor'

export const DAY_LABEL: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
}

/** Weekly working hours, weekday by weekday, several ranges a day, in the member's own zone. */
export function WeeklyHoursEditor({
  hours,
  onChange,
  problems,
  zone,
}: {
  hours: WeeklyHours
  onChange: (hours: WeeklyHours) => void
  problems: FormProblems
  zone: string
}) {
  const setDay = (day: Weekday, ranges: readonly LocalRange[]) =>
    onChange({ ...hours, [day]: ranges })
  return (
    <fieldset>
      <legend>Weekly hours ({zoneText(zone)} time)</legend>
      <div className="actions">
        <button
          type="button"
          className="btn btn-quiet"
          onClick={() =>
            onChange({ ...hours, tue: hours.mon, wed: hours.mon, thu: hours.mon, fri: hours.mon })
          }
        >
          Copy Monday to Tuesday–Friday
        </button>
      </div>
      {WEEKDAYS.map((day) => (
        <div key={day} className="hours-day" role="group" aria-label={DAY_LABEL[day]}>
          <span className="field-label">{DAY_LABEL[day]}</span>
          <div className="stack" style={{ gap: 'var(--space-1)' }}>
            <HoursRangesEditor
              label={DAY_LABEL[day]}
              ranges={hours[day]}
              onChange={(ranges) => setDay(day, ranges)}
              problemsAt={(i) => problems.under(`weeklyHours.${day}.${i}`)}
              emptyText="Not working"
            />
          </div>
        </div>
      ))}
    </fieldset>
  )
}
