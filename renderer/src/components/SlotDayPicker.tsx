import { parseDate } from '@internationalized/date'
import type { CalendarDate } from '@internationalized/date'
import { useId, useMemo, useState } from 'react'
import type { PageSlot } from '../../../core/src/booking'
import { zoneIsValid } from '../../../core/src/time'
import { boardDay } from '../calendar/board-layout'
import {
  dateTimeText,
  dayText,
  otherClockText,
  timeRangeText,
  zoneText,
} from '../format/datetime-format'
import { MonthCalendar } from '../ui/MonthCalendar'
import type { SlotWho } from '../hooks/use-desk-slots'

export interface SlotDayPickerProps {
  readonly zone: string
  readonly initialDate: string
  /**
   * Free starts in `[fromMs, toMs)` (core's computation; the caller memoises it). A round-robin
   * page must answer per local day of `zone` (core's `dayZone`): any range then gives each day
   * what that day alone gives.
   */
  readonly slotsIn: (fromMs: number, toMs: number) => readonly PageSlot[]
  /** Who a start would go to (shown beside each) and why (shown for the one picked). */
  readonly describe?: (slot: PageSlot) => SlotWho
  readonly selected: string | null
  readonly onSelect: (start: string | null) => void
  /** The customer's zone: when it is not `zone`, the time picked is also said in it. */
  readonly customerZone?: string
  /** Round-robin pools the times come from: each day offers one member's times (said so). */
  readonly turnsOf?: readonly string[]
  /** A page where the caller picks the member (named when a pool takes turns). */
  readonly pickMemberPage?: string
  /** Told the day shown (`YYYY-MM-DD`) when it changes, so a picker made again opens there. */
  readonly onDateChange?: (date: string) => void
}

/** How far ahead a day without a free time looks for the next one. */
const NEXT_FREE_DAYS = 62

/** The month of `date` in `zone`, as an instant range. */
function monthRange(date: CalendarDate, zone: string): readonly [number, number] {
  const first = date.set({ day: 1 })
  const last = first.add({ months: 1 }).subtract({ days: 1 })
  return [boardDay(zone, first.toString()).fromMs, boardDay(zone, last.toString()).toMs]
}

/**
 * Pick a day on a calendar (days without a free time are struck through), then one of that
 * day's free times (in `zone`), each with who it would go to. Any date: the calendar pages
 * through months.
 */
export function SlotDayPicker(props: SlotDayPickerProps) {
  const { zone, slotsIn, describe, selected, onSelect, customerZone, pickMemberPage } = props
  const turnsOf = props.turnsOf ?? []
  const [date, setDate] = useState(() => parseDate(props.initialDate))
  const [focused, setFocused] = useState(date)
  const [monthFrom, monthTo] = monthRange(focused, zone)
  // One range for the month: a round-robin page answers per day of `zone` (core's `dayZone`), so
  // the days marked are those whose own list has a time.
  const freeDays = useMemo(() => {
    const days = new Set<string>()
    for (const slot of slotsIn(monthFrom, monthTo)) {
      days.add(new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(Date.parse(slot.start)))
    }
    return days
  }, [slotsIn, monthFrom, monthTo, zone])
  const day = boardDay(zone, date.toString())
  const slots = useMemo(() => slotsIn(day.fromMs, day.toMs), [slotsIn, day.fromMs, day.toMs])
  // On a day without a free time: the next day that has one (looked for NEXT_FREE_DAYS ahead).
  const nextFree = useMemo(() => {
    if (slots.length > 0) return null
    const [first] = slotsIn(day.toMs, day.toMs + NEXT_FREE_DAYS * 86_400_000)
    if (first === undefined) return undefined
    return parseDate(
      new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(Date.parse(first.start)),
    )
  }, [slots, slotsIn, day.toMs, zone])
  // Who takes each time (beside it), and why only for the one picked: the same sentence on
  // every line was hard to scan with a caller waiting.
  const described = useMemo(
    () => (describe ? new Map(slots.map((slot) => [slot.start, describe(slot)])) : null),
    [describe, slots],
  )
  const why = selected ? (described?.get(selected)?.why ?? null) : null
  const noteId = useId()
  // The customer's clock, where it does not read as the desk's: said beside every time (a caller
  // is told times in their own), and in full for the one picked.
  const otherZone =
    customerZone && customerZone !== zone && zoneIsValid(customerZone) ? customerZone : null
  const customerClock = (start: string): string | null => {
    const clock = otherZone === null ? null : otherClockText(start, otherZone, zone)
    return clock === null ? null : `${clock} ${zoneText(otherZone!)}`
  }
  // Each time's customer clock, once per list (the note, each row).
  const clocks = new Map(slots.map((slot) => [slot.start, customerClock(slot.start)]))
  const customerTime =
    selected && otherZone && customerClock(selected) !== null
      ? `For the customer: ${dateTimeText(selected, otherZone)} (${zoneText(otherZone)} time)`
      : null
  const show = (next: CalendarDate) => {
    setDate(next)
    props.onDateChange?.(next.toString())
  }
  const goTo = (next: CalendarDate) => {
    show(next)
    setFocused(next)
    onSelect(null)
  }
  return (
    <div className="slot-picker">
      <MonthCalendar
        label="Day"
        value={date}
        onChange={(next) => {
          show(next)
          onSelect(null)
        }}
        focusedValue={focused}
        onFocusChange={setFocused}
        isDateUnavailable={(d) => !freeDays.has(d.toString())}
      />
      <fieldset aria-describedby={noteId}>
        <legend>Free times on {dayText(day.fromMs + 12 * 3600_000, zone)}</legend>
        <div id={noteId}>
          <p className="small muted">
            Times are {zoneText(zone)} time
            {otherZone && [...clocks.values()].some((clock) => clock !== null)
              ? `; the customer’s time (${zoneText(otherZone)}) is beside each.`
              : '.'}
          </p>
          {turnsOf.length > 0 ? (
            <p className="small muted slot-turns">
              {turnsOf.join(' and ')} {turnsOf.length === 1 ? 'takes' : 'take'} turns (round robin):
              each day offers the times of one member — the next in line who is free that day — not
              everyone’s.
              {pickMemberPage
                ? ` For a particular member, book through “${pickMemberPage}”, where the caller picks the member.`
                : ''}
            </p>
          ) : null}
        </div>
        {slots.length === 0 ? (
          <p className="muted small">
            No free time on this day.{' '}
            {nextFree ? (
              <button type="button" className="btn btn-quiet" onClick={() => goTo(nextFree)}>
                Next free day:{' '}
                {dayText(boardDay(zone, nextFree.toString()).fromMs + 12 * 3600_000, zone)}
              </button>
            ) : (
              `None in the next ${NEXT_FREE_DAYS} days either.`
            )}
          </p>
        ) : (
          <div className="slot-list">
            {slots.map((slot) => (
              <label key={slot.start} className="slot">
                <input
                  type="radio"
                  name="slot"
                  checked={selected === slot.start}
                  onChange={() => onSelect(slot.start)}
                />
                <span className="slot-times">
                  <span className="slot-time">{timeRangeText(slot.start, slot.end, zone)}</span>
                  {clocks.get(slot.start) ? (
                    <span className="slot-customer"> ({clocks.get(slot.start)})</span>
                  ) : null}
                </span>
                {described ? (
                  <span className="slot-who">{described.get(slot.start)?.who}</span>
                ) : null}
              </label>
            ))}
          </div>
        )}
        {/* Always there, so screen readers announce what appears in it when a time is picked. */}
        <div aria-live="polite">
          {customerTime ? <p className="small slot-customer-time">{customerTime}</p> : null}
          {why ? <p className="small muted slot-why">Why: {why}</p> : null}
        </div>
      </fieldset>
    </div>
  )
}
