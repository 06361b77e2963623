import { useCan } from '../session/use-can'
import { useEffect, useMemo } from 'react'
import { boardDay, boardShiftDate, boardToday, boardWeekDates } from '../calendar/board-layout'
import { useBookings, useWorkspace } from '../db/data-layer'
import { localZone, monthText, zoneText } from '../format/datetime-format'
import { useNow } from '../hooks/use-now'
import { useRoute } from '../routing/use-route'
import { useUiStore } from '../stores/ui-store'
import { DateNav } from '../ui/DateNav'
import { localeFirstDay, monthGrid, monthShift } from '../bookings/month-events'
import { BookingsList } from './BookingsList'
import { BookingsMonth } from './BookingsMonth'
import { HistoryNotice } from './HistoryNotice'
import { WeekGrid } from './WeekGrid'

/** How the Bookings screen shows them (`mode` in the URL; the week is the default). */
type BookingsMode = 'week' | 'month' | 'list'
const MODES: readonly BookingsMode[] = ['week', 'month', 'list']
const MODE_LABEL: Readonly<Record<BookingsMode, string>> = {
  week: 'Week',
  month: 'Month',
  list: 'List',
}

/**
 * Bookings as a week (navigate week by week, drag to reschedule), a month (FullCalendar's day
 * grid: an overview, "+N more" on full days) or a searchable list (by customer, member, status and
 * dates, exported as CSV). Mode, date, member and pool live in the URL.
 */
export function BookingsView() {
  const live = useWorkspace()!
  const [route, navigate] = useRoute()
  const now = useNow(30_000)
  const zone = useMemo(() => localZone(), [])
  const openNewBooking = useUiStore((s) => s.openNewBooking)
  const canBook = useCan('book')
  const mode = MODES.find((m) => m === route.params['mode']) ?? 'week'
  // Remembered for the navigation: leaving the list and coming back to Bookings opens the list.
  const setBookingsMode = useUiStore((s) => s.setBookingsMode)
  useEffect(() => setBookingsMode(mode), [mode, setBookingsMode])
  const today = boardToday(zone, now)
  const date = route.params['date'] ?? today
  const firstDay = useMemo(() => localeFirstDay(), [])
  const week = boardWeekDates(date)
  const month = monthGrid(date, firstDay)
  const [firstShown, lastShown] =
    mode === 'month' ? [month.gridStart, month.gridEnd] : [week[0]!, week[6]!]
  const fromMs = boardDay(zone, firstShown).fromMs
  const toMs = boardDay(zone, lastShown).toMs
  const inRange = useBookings({ fromMs, toMs })
  const rangeBookings = inRange?.bookings ?? []
  const { workspace } = live
  const memberId = route.params['member'] ?? ''
  const poolId = route.params['pool'] ?? ''
  const pool = workspace.pools.find((p) => p.id === poolId)
  const poolMembers = pool ? new Set(pool.members.map((m) => m.memberId)) : null
  const shown = rangeBookings
    .filter((b) => memberId === '' || b.hostMemberIds.includes(memberId))
    .filter((b) => poolMembers === null || b.hostMemberIds.some((id) => poolMembers.has(id)))
  const setParam = (key: string, value: string) => navigate({ params: { [key]: value || null } })

  return (
    <section aria-labelledby="bookings-heading" className="view">
      <div className="toolbar">
        <h2 id="bookings-heading">Bookings</h2>
        <div className="btn-group" role="group" aria-label="Show as">
          {MODES.map((m) => (
            <button
              key={m}
              type="button"
              className="btn"
              aria-pressed={mode === m}
              onClick={() => setParam('mode', m === 'week' ? '' : m)}
            >
              {MODE_LABEL[m]}
            </button>
          ))}
        </div>
        {mode === 'month' ? (
          <DateNav
            date={date}
            today={today}
            step="month"
            onChange={(next) => navigate({ params: { date: next === today ? null : next } })}
            shift={monthShift}
          />
        ) : null}
        {mode === 'week' ? (
          <DateNav
            date={date}
            today={today}
            step="week"
            onChange={(next) => navigate({ params: { date: next === today ? null : next } })}
            shift={(d, n) => boardShiftDate(d, 7 * n)}
          />
        ) : null}
        <span className="spacer" />
        {canBook ? (
          <button type="button" className="btn btn-primary" onClick={() => openNewBooking(date)}>
            New booking
          </button>
        ) : null}
      </div>
      {mode !== 'list' ? (
        <>
          <div className="board-filters" role="group" aria-label="Filter bookings">
            <label className="field">
              <span>Member</span>
              <select value={memberId} onChange={(e) => setParam('member', e.target.value)}>
                <option value="">Everyone</option>
                {workspace.members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Pool</span>
              <select value={poolId} onChange={(e) => setParam('pool', e.target.value)}>
                <option value="">All pools</option>
                {workspace.pools.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            <p className="small muted">
              {mode === 'week'
                ? `Times are ${zoneText(zone)} time. Drag a booking to another time or day to move it; to give it to another member, drag it onto their column in Calendar.`
                : `Times are ${zoneText(zone)} time. Choose a day's number to open that day.`}
            </p>
          </div>
          <HistoryNotice result={inRange} zone={zone} />
        </>
      ) : null}
      {mode === 'month' ? (
        <>
          <h3 className="month-title">
            {monthText(boardDay(zone, month.monthStart).fromMs + 12 * 3600_000, zone)}
          </h3>
          <BookingsMonth
            live={live}
            zone={zone}
            date={date}
            today={today}
            firstDay={firstDay}
            bookings={shown}
            onOpen={(id) => navigate({ params: { booking: id } })}
            onOpenDay={(day) =>
              navigate({ view: 'calendar', params: { date: day === today ? null : day } })
            }
          />
        </>
      ) : null}
      {mode === 'week' ? (
        <>
          <WeekGrid
            live={live}
            zone={zone}
            date={date}
            today={today}
            nowMs={now}
            bookings={shown}
            onOpen={(id) => navigate({ params: { booking: id } })}
          />
        </>
      ) : null}
      {mode === 'list' ? <BookingsList live={live} zone={zone} /> : null}
    </section>
  )
}
