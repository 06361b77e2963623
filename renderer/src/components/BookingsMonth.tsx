import dayGridPlugin from '@fullcalendar/daygrid'
import FullCalendar from '@fullcalendar/react'
import type {
  DayCellMountArg,
  EventContentArg,
  EventMountArg,
  MoreLinkMountArg,
} from '@fullcalendar/core'
import { useMemo, useRef } from 'react'
import type { KeyboardEvent } from 'react'
import type { Booking } from '../../../core/src/model/workspace'
import { monthEvents, monthShift } from '../bookings/month-events'
import type { MonthEvent } from '../bookings/month-events'
import type { LiveWorkspace } from '../db/workspace-store'
import { appLocale, dayText } from '../format/datetime-format'

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

/** Bookings per day cell before the rest becomes "+N more" (a popover listing the whole day). */
const DAY_MAX_EVENTS = 3

type MonthEventProps = MonthEvent['extendedProps']

/** The FullCalendar date (UTC-coerced: FullCalendar runs in `UTC` here) as `YYYY-MM-DD`. */
function dateOf(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** Frames to wait for FullCalendar to draw what was asked (it renders in its own next frames). */
const FOCUS_FRAMES = 30

/** Focuses the first `selector` inside `root` once it is drawn (gives up after a few frames). */
function focusWhenShown(root: Element, selector: string, frames = FOCUS_FRAMES): void {
  const target = root.querySelector<HTMLElement>(selector)
  if (target) target.focus()
  else if (frames > 0) requestAnimationFrame(() => focusWhenShown(root, selector, frames - 1))
}

function EventContent({ event }: EventContentArg) {
  const props = event.extendedProps as MonthEventProps
  return (
    <span className="month-event" style={{ borderLeftColor: props.color }}>
      <span className="visually-hidden">{props.label}</span>
      <span aria-hidden="true">
        <span className="block-time">{props.time}</span> {props.who}
      </span>
    </span>
  )
}

/**
 * The month (FullCalendar's day grid) of the view's date: whole weeks from the locale's first day,
 * each booking as start time, customer and host first names, "+N more" on a full day. The date
 * comes from the app's address only (no toolbar of FullCalendar's own); a booking opens the
 * details panel; a day's number opens that day.
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
  // The "+N more" link whose day list is open: focus returns to it when Escape closes the list.
  const moreLink = useRef<HTMLElement | null>(null)
  const onKeyDown = (event: KeyboardEvent) => {
    const link = moreLink.current
    if (event.key !== 'Escape' || !link) return
    moreLink.current = null
    // FullCalendar closes the list on the same keydown (a document listener); focus after it.
    requestAnimationFrame(() => {
      if (link.isConnected) link.focus()
    })
  }
  return (
    <div className="month-calendar" onKeyDown={onKeyDown}>
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
        dayMaxEvents={DAY_MAX_EVENTS}
        events={events as MonthEvent[]}
        eventDisplay="block"
        eventContent={EventContent}
        eventClick={(arg) => {
          arg.jsEvent.preventDefault()
          onOpen(arg.event.id)
        }}
        eventDidMount={(arg: EventMountArg) => arg.el.setAttribute('role', 'button')}
        moreLinkDidMount={(arg: MoreLinkMountArg) => arg.el.setAttribute('role', 'button')}
        moreLinkClick={(arg) => {
          // The day list opens where FullCalendar puts it (after the grid): take focus there.
          const link = arg.jsEvent.target
          moreLink.current = link instanceof HTMLElement ? link.closest('.fc-more-link') : null
          const root = moreLink.current?.closest('.month-calendar')
          if (root) focusWhenShown(root, '.fc-more-popover .fc-event')
          return 'popover'
        }}
        moreLinkHint={(count: number) => `Show ${count} more bookings`}
        moreLinkText={(count: number) => `+${count} more`}
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
    </div>
  )
}
