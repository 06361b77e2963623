import dayGridPlugin from '@fullcalendar/daygrid'
import FullCalendar from '@fullcalendar/react'
import type { DayCellMountArg, EventContentArg, EventMountArg } from '@fullcalendar/core'
import { useMemo, useState } from 'react'
import type { Booking } from '../../../core/src/model/workspace'
import { monthCells, monthEvents, monthShift } from '../bookings/month-events'
import type { MonthEvent, MonthMoreItem } from '../bookings/month-events'
import type { LiveWorkspace } from '../db/workspace-store'
import { appLocale, bookingsText, dayText } from '../format/datetime-format'
import { AppDialog } from '../ui/AppDialog'

export interface BookingsMonthProps {
  readonly live: LiveWorkspace
  readonly zone: string
  /** `YYYY-MM-DD`: the month holding it is shown. */
  readonly date: string
  readonly today: string
  /** 0 = Sunday … 6 = Saturday. */
  readonly firstDay: number
  /** The month's bookings to draw (already filtered). */
  readonly bookings: readonly Booking[]
  readonly onOpen: (bookingId: string) => void
  /** A day's number was chosen (`YYYY-MM-DD`). */
  readonly onOpenDay: (date: string) => void
}

/** Bookings per day cell before the rest becomes "+N more" (a list of the whole day). */
const DAY_MAX_EVENTS = 3

type MonthEventProps = MonthEvent['extendedProps']
type MonthItemProps = MonthEventProps | MonthMoreItem['extendedProps']

/** The FullCalendar date (UTC-coerced: FullCalendar runs in `UTC` here) as `YYYY-MM-DD`. */
function dateOf(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** A `YYYY-MM-DD` date in words (`Tuesday, 28 November 2023`). */
function dateText(date: string): string {
  return dayText(Date.parse(`${date}T12:00:00Z`), 'UTC')
}

function isMoreProps(props: MonthItemProps): props is MonthMoreItem['extendedProps'] {
  return 'kind' in props && props.kind === 'more'
}

function EventContent({ event }: EventContentArg) {
  const props = event.extendedProps as MonthItemProps
  if (isMoreProps(props)) return <span className="month-more">+{props.count} more</span>
  return (
    <span className="month-event" style={{ borderLeftColor: props.color }}>
      <span className="visually-hidden">{props.label}</span>
      <span aria-hidden="true">
        <span className="block-time">{props.time}</span> {props.who}
      </span>
    </span>
  )
}

/** The bookings of one day, listed when its "+N more" is chosen. */
function DayList(props: {
  readonly date: string
  readonly events: readonly MonthEvent[]
  /** A booking of the list is chosen: its details open over the list. */
  readonly onChoose: (bookingId: string) => void
  readonly onOpenDay: (date: string) => void
  readonly onClose: () => void
}) {
  const { date, events, onChoose, onOpenDay, onClose } = props
  const count = bookingsText(events.length)
  return (
    <AppDialog title={`${dateText(date)} · ${count}`} onClose={onClose}>
      <ul className="month-day-list">
        {events.map((event, i) => (
          <li key={event.id}>
            <button
              type="button"
              className="month-day-item"
              style={{ borderLeftColor: event.extendedProps.color }}
              autoFocus={i === 0}
              onClick={() => onChoose(event.id)}
            >
              {/* The whole name (times, event, customer and hosts in full): many a day look alike
                  by first names. */}
              {event.extendedProps.label}
            </button>
          </li>
        ))}
      </ul>
      <p>
        <button
          type="button"
          className="btn"
          onClick={() => {
            onClose()
            onOpenDay(date)
          }}
        >
          Open this day on the calendar
        </button>
      </p>
    </AppDialog>
  )
}

/**
 * The month (FullCalendar's day grid) of the view's date: whole weeks from the locale's first day,
 * each booking as start time, customer and host first names, "+N more" on a full day, which lists
 * the whole day. The date comes from the app's address only (no toolbar of FullCalendar's own); a
 * booking opens the details panel; a day's number opens that day.
 */
export function BookingsMonth(props: BookingsMonthProps) {
  const { live, zone, date, today, firstDay, bookings, onOpen, onOpenDay } = props
  const { workspace, conflicts, pending, unsynced } = live
  const events = useMemo(
    () =>
      monthEvents(bookings, {
        zone,
        memberNames: new Map(workspace.members.map((m) => [m.id, m.name])),
        memberColors: new Map(
          workspace.members.flatMap((m) => (m.color ? [[m.id, m.color] as const] : [])),
        ),
        eventNames: new Map(workspace.eventTypes.map((e) => [e.id, e.name])),
        conflicts,
        pending,
        unsynced,
      }),
    [bookings, zone, workspace, conflicts, pending, unsynced],
  )
  // FullCalendar gets at most DAY_MAX_EVENTS bookings and a "+N more" per day (see monthCells).
  const cells = useMemo(() => monthCells(events, DAY_MAX_EVENTS), [events])
  const [listed, setListed] = useState<string | null>(null)
  const listedEvents = listed === null ? undefined : cells.byDay.get(listed)
  return (
    <div className="month-calendar">
      {/* A new month is a new calendar: FullCalendar keeps no navigation state of its own, and
          the day numbers' names set when a cell mounts always match their date. */}
      <FullCalendar
        key={monthShift(date, 0)}
        plugins={[dayGridPlugin]}
        initialView="dayGridMonth"
        initialDate={date}
        headerToolbar={false}
        // The events carry the scheduler's wall-clock times; FullCalendar must not shift them.
        timeZone="UTC"
        now={today}
        locale={appLocale()}
        firstDay={firstDay}
        fixedWeekCount={false}
        height="auto"
        dayMaxEvents={false}
        events={cells.items as (MonthEvent | MonthMoreItem)[]}
        eventDisplay="block"
        eventContent={EventContent}
        eventClick={(arg) => {
          arg.jsEvent.preventDefault()
          const props = arg.event.extendedProps as MonthItemProps
          if (isMoreProps(props)) setListed(props.date)
          else onOpen(arg.event.id)
        }}
        eventDidMount={(arg: EventMountArg) => {
          arg.el.setAttribute('role', 'button')
          const props = arg.event.extendedProps as MonthItemProps
          if (isMoreProps(props)) {
            arg.el.classList.add('month-more-link')
            arg.el.setAttribute('title', `Show ${props.count} more bookings`)
          }
        }}
        navLinks
        navLinkDayClick={(day) => onOpenDay(dateOf(day))}
        navLinkHint={(_text: string, day: Date) =>
          `Open ${dayText(day.getTime(), 'UTC')} on the calendar`
        }
        dayCellDidMount={(arg: DayCellMountArg) => {
          // FullCalendar's day number is an <a> without href: say it is a link, named by its hint.
          const link = arg.el.querySelector('a[data-navlink]')
          link?.setAttribute('role', 'link')
          link?.setAttribute('aria-label', link.getAttribute('title') ?? '')
        }}
      />
      {listed !== null && listedEvents ? (
        <DayList
          date={listed}
          events={listedEvents}
          // The list stays open under the booking's details: closing them returns to the same
          // place in it (a scheduler works through a full day), Escape then to "+N more".
          onChoose={onOpen}
          onOpenDay={onOpenDay}
          onClose={() => setListed(null)}
        />
      ) : null}
    </div>
  )
}
