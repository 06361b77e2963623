import type { CalendarDate } from '@internationalized/date'
import { parseDate, startOfMonth, toZoned, today } from '@internationalized/date'
import { useEffect, useMemo, useRef, useState } from 'react'
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  Heading,
  I18nProvider,
} from 'react-aria-components'
import type { ApiResult, Slot } from '../api/types'
import { dateLongFormat, localDateKey, timeFormat, zoneOffset } from '../format/datetime'
import { useI18n } from '../i18n/i18n-context'
import { ZoneBar } from './ZoneBar'

export interface TimePickerProps {
  readonly zone: string
  onZoneChange(zone: string): void
  readonly durationMinutes: number
  readonly maxDaysAhead: number
  /** Loads the free slots whose start lies in `[fromMs, toMs)` (at most a month). */
  load(fromMs: number, toMs: number): Promise<ApiResult<{ slots: Slot[] }>>
  onPick(slot: Slot): void
  /** Shown above the calendar ("That time was just taken…"). */
  readonly notice?: string | null
  /** Nearest free times offered with the notice. */
  readonly alternatives?: readonly Slot[] | null
  /** A change starts afresh, every month asked for again (other answers, member, event type). */
  readonly reloadKey: string
  /**
   * Open on this instant's day (the customer's zone) instead of the first free day: the day of a
   * time just refused, so the customer stays where they were.
   */
  readonly startAt?: string | null
}

type MonthSlots = { readonly slots: readonly Slot[] } | { readonly error: string }

const monthKey = (date: CalendarDate) => `${date.year}-${date.month}`

/**
 * A month calendar with the days that have free times marked (React Aria's Calendar: a grid
 * navigable by arrow keys, Page Up/Down for months, Home/End) and, for the chosen day, a column
 * of times, each with its end, duration and the customer's zone. Loads a month at a time (the
 * visible one), starting on the first day with free times.
 */
export function TimePicker(props: TimePickerProps) {
  // A zone picked in the zone bar remounts the picker: its new zone bar takes the focus back.
  const drawKey = (zone: string) => `${zone}|${props.reloadKey}`
  const [picked, setPicked] = useState<string | null>(null)
  const onZoneChange = (zone: string) => {
    setPicked(drawKey(zone))
    props.onZoneChange(zone)
  }
  // Another zone, member, event type or answers: a fresh picker asks for every month again.
  // Only the picker drawn for that pick focuses its zone bar (not a later one for other answers).
  return (
    <MonthsAndTimes
      key={drawKey(props.zone)}
      {...props}
      onZoneChange={onZoneChange}
      focusZoneBar={picked === drawKey(props.zone)}
    />
  )
}

function MonthsAndTimes(props: TimePickerProps & { readonly focusZoneBar: boolean }) {
  const { zone, durationMinutes, maxDaysAhead, load, onPick } = props
  const { t, locale } = useI18n()
  const [now] = useState(() => Date.now())
  const firstDay = useMemo(() => today(zone), [zone])
  const lastDay = useMemo(() => firstDay.add({ days: maxDaysAhead }), [firstDay, maxDaysAhead])
  const startDay = useMemo(
    () => (props.startAt ? parseDate(localDateKey(props.startAt, zone)) : null),
    [props.startAt, zone],
  )
  const [focused, setFocused] = useState<CalendarDate>(startDay ?? firstDay)
  const [selected, setSelected] = useState<CalendarDate | null>(startDay)
  const [months, setMonths] = useState<ReadonlyMap<string, MonthSlots>>(new Map())
  /** Months asked for (answered or not): each is asked once. */
  const asked = useRef(new Set<string>())
  /** Until the customer picks a day, the picker moves to the first free day it finds. */
  const isSeeking = useRef(startDay === null)

  const key = monthKey(focused)
  const month = months.get(key)
  useEffect(() => {
    if (asked.current.has(key)) return
    asked.current.add(key)
    const start = startOfMonth(focused)
    const fromMs = Math.max(Date.now(), toZoned(start, zone).toDate().getTime())
    const toMs = toZoned(start.add({ months: 1 }), zone)
      .toDate()
      .getTime()
    const answer =
      fromMs < toMs
        ? load(fromMs, toMs)
        : Promise.resolve({ ok: true as const, status: 200, data: { slots: [] } })
    void answer.then((result) => {
      const loaded: MonthSlots = result.ok
        ? { slots: result.data.slots }
        : {
            error:
              result.error.message ||
              (result.status === 0
                ? t('page.unreachable')
                : t('error.generic', { status: result.status })),
          }
      setMonths((previous) => new Map(previous).set(key, loaded))
      if (!result.ok || !isSeeking.current) return
      // Start where the free times are: the month's first free day, else the next month (once).
      const first = result.data.slots[0]
      if (first) {
        isSeeking.current = false
        const day = parseDate(localDateKey(first.start, zone))
        setSelected(day)
        setFocused(day)
      } else if (start.compare(firstDay) <= 0 && start.add({ months: 1 }).compare(lastDay) <= 0) {
        setFocused(start.add({ months: 1 }))
      } else {
        isSeeking.current = false
      }
    })
  }, [key, focused, zone, load, t, firstDay, lastDay])

  const byDay = useMemo(() => {
    const days = new Map<string, Slot[]>()
    for (const loaded of months.values()) {
      if ('error' in loaded) continue
      for (const slot of loaded.slots) {
        const day = localDateKey(slot.start, zone)
        days.set(day, [...(days.get(day) ?? []), slot])
      }
    }
    return days
  }, [months, zone])

  const daySlots = selected ? (byDay.get(selected.toString()) ?? []) : []
  const dayLabel = selected
    ? dateLongFormat(toZoned(selected, zone).toDate().toISOString(), zone, locale)
    : ''
  const offset = zoneOffset(zone, now, locale)
  const slotButton = (slot: Slot, withDay: boolean) => {
    const start = timeFormat(slot.start, zone, locale)
    const end = timeFormat(slot.end, zone, locale)
    const duration = t('event.minutes', { count: durationMinutes })
    const day = withDay ? `${dateLongFormat(slot.start, zone, locale)}, ` : ''
    return (
      <li key={slot.start}>
        <button
          type="button"
          className="slot"
          aria-label={day + t('time.slotLabel', { start, end, duration, zone: offset })}
          onClick={() => onPick(slot)}
        >
          {withDay ? (
            <span className="slot-day">{dateLongFormat(slot.start, zone, locale)}</span>
          ) : null}
          <span className="slot-time">{start}</span>
          <span className="slot-meta">
            {duration} · {offset}
          </span>
        </button>
      </li>
    )
  }

  return (
    <div className="time-picker">
      {props.notice ? (
        <div className="notice" role="alert">
          <p>{props.notice}</p>
          {props.alternatives && props.alternatives.length > 0 ? (
            <section aria-label={t('time.alternatives')}>
              <h3>{t('time.alternatives')}</h3>
              <ul className="slots">{props.alternatives.map((slot) => slotButton(slot, true))}</ul>
            </section>
          ) : null}
        </div>
      ) : null}
      <ZoneBar zone={zone} onZoneChange={props.onZoneChange} isFocused={props.focusZoneBar} />
      <div className="picker-columns">
        <I18nProvider locale={locale}>
          <Calendar
            aria-label={t('time.calendar')}
            className="calendar"
            value={selected}
            onChange={(day) => {
              isSeeking.current = false
              setSelected(day)
            }}
            focusedValue={focused}
            onFocusChange={setFocused}
            minValue={firstDay}
            maxValue={lastDay}
            isDateUnavailable={(day) => !byDay.has(day.toString())}
          >
            <header className="calendar-header">
              <Button slot="previous" aria-label={t('time.previousMonth')}>
                ‹
              </Button>
              <Heading level={3} />
              <Button slot="next" aria-label={t('time.nextMonth')}>
                ›
              </Button>
            </header>
            <CalendarGrid>{(date) => <CalendarCell date={date} className="day" />}</CalendarGrid>
          </Calendar>
        </I18nProvider>
        <section
          className="times"
          aria-label={selected ? t('time.dayTimes', { day: dayLabel }) : undefined}
        >
          {month === undefined ? (
            <p className="muted">{t('time.loading')}</p>
          ) : 'error' in month ? (
            <p role="alert">{month.error}</p>
          ) : selected === null ? (
            <p className="muted">{month.slots.length === 0 ? t('time.none') : t('time.pickDay')}</p>
          ) : (
            <>
              <h3>{dayLabel}</h3>
              <p className="muted" role="status">
                {t('time.count', { count: daySlots.length, day: dayLabel })}
              </p>
              <ul className="slots">{daySlots.map((slot) => slotButton(slot, false))}</ul>
            </>
          )}
        </section>
      </div>
    </div>
  )
}
