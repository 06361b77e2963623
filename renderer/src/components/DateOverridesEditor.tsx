import { parseDate } from '@internationalized/date'
import type { CalendarDate } from '@internationalized/date'
import { useState } from 'react'
import type { DateOverride } from '../../../core/src/model/workspace'
import type { FormProblems } from '../forms/form-problems'
import { appLocale, localDateText, wallClockText } from '../format/datetime-format'
import { FieldError } from '../ui/FieldError'
import { MonthCalendar } from '../ui/MonthCalendar'
import { HoursRangesEditor } from './HoursRangesEditor'

function longDate(date: string): string {
  return new Intl.DateTimeFormat(appLocale(), { dateStyle: 'full', timeZone: 'UTC' }).format(
    Date.parse(`${date}T12:00:00Z`),
  )
}

/**
 * Dates with other hours than the week's, picked on a calendar (dates with an override carry a
 * dot): a day off, or that day's own ranges.
 */
export function DateOverridesEditor({
  overrides,
  onChange,
  problems,
  today,
}: {
  overrides: readonly DateOverride[]
  onChange: (overrides: readonly DateOverride[]) => void
  problems: FormProblems
  today: string
}) {
  const [picked, setPicked] = useState<CalendarDate>(() => parseDate(today))
  const date = picked.toString()
  const index = overrides.findIndex((o) => o.date === date)
  const current = overrides[index]
  const dates = new Set(overrides.map((o) => o.date))
  const put = (next: DateOverride | null) => {
    const rest = overrides.filter((o) => o.date !== date)
    onChange(next ? [...rest, next].toSorted((a, b) => a.date.localeCompare(b.date)) : rest)
  }
  return (
    <fieldset>
      <legend>Date overrides</legend>
      <div className="overrides">
        <MonthCalendar
          label="Override date"
          value={picked}
          onChange={setPicked}
          isMarked={(d) => dates.has(d.toString())}
        />
        <div className="stack">
          <h4>{longDate(date)}</h4>
          {current ? (
            <>
              <div className="actions" role="radiogroup" aria-label={`Hours on ${longDate(date)}`}>
                <label className="check">
                  <input
                    type="radio"
                    checked={current.hours.length === 0}
                    onChange={() => put({ date, hours: [] })}
                  />
                  Day off
                </label>
                <label className="check">
                  <input
                    type="radio"
                    checked={current.hours.length > 0}
                    onChange={() => put({ date, hours: [['09:00', '17:00']] })}
                  />
                  Other hours
                </label>
              </div>
              {current.hours.length > 0 ? (
                <HoursRangesEditor
                  label={localDateText(date)}
                  ranges={current.hours}
                  onChange={(hours) => put({ date, hours })}
                  problemsAt={(i) => problems.under(`dateOverrides.${index}.hours.${i}`)}
                  emptyText="Day off"
                />
              ) : null}
              <FieldError messages={problems.at(`dateOverrides.${index}.date`)} />
              <div className="actions">
                <button type="button" className="btn" onClick={() => put(null)}>
                  Remove override
                </button>
              </div>
            </>
          ) : (
            <div className="actions">
              <span className="muted small">The weekly hours apply.</span>
              <button type="button" className="btn" onClick={() => put({ date, hours: [] })}>
                Day off on this date
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => put({ date, hours: [['09:00', '17:00']] })}
              >
                Other hours on this date
              </button>
            </div>
          )}
          {overrides.length > 0 ? (
            <ul className="timeline" aria-label="All overrides">
              {overrides.map((o, i) => (
                <li key={o.date}>
                  <button
                    type="button"
                    className="btn btn-quiet"
                    onClick={() => setPicked(parseDate(o.date))}
                  >
                    {localDateText(o.date)}
                  </button>{' '}
                  {o.hours.length === 0
                    ? 'day off'
                    : o.hours
                        .map(
                          ([s, e]) =>
                            `${wallClockText(s)}–${e === '24:00' ? 'midnight' : wallClockText(e)}`,
                        )
                        .join(', ')}
                  <FieldError messages={problems.under(`dateOverrides.${i}`)} />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </fieldset>
  )
}
