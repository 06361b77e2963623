import { useCan } from '../session/use-can'
import { useMemo } from 'react'
import { boardDay, boardShiftDate, boardToday, boardWeekDates } from '../calendar/board-layout'
import { useBookings, useWorkspace } from '../db/data-layer'
import { localZone } from '../format/datetime-format'
import { useNow } from '../hooks/use-now'
import { useRoute } from '../routing/use-route'
import { useUiStore } from '../stores/ui-store'
import { DateNav } from '../ui/DateNav'
import { BookingsList } from './BookingsList'
import { HistoryNotice } from './HistoryNotice'
import { WeekGrid } from './WeekGrid'

/**
 * Bookings as a week (navigate week by week, drag to reschedule) or as a searchable list (by
 * customer, member, status and dates, exported as CSV). Mode, week, member and pool live in the URL.
 */
export function BookingsView() {
  const live = useWorkspace()!
  const [route, navigate] = useRoute()
  const now = useNow(30_000)
  const zone = useMemo(() => localZone(), [])
  const openNewBooking = useUiStore((s) => s.openNewBooking)
  const canBook = useCan('book')
  const mode = route.params['mode'] === 'list' ? 'list' : 'week'
  const today = boardToday(zone, now)
  const date = route.params['date'] ?? today
  const week = boardWeekDates(date)
  const fromMs = boardDay(zone, week[0]!).fromMs
  const toMs = boardDay(zone, week[6]!).toMs
  const inRange = useBookings({ fromMs, toMs })
  const weekBookings = inRange?.bookings ?? []
  const { workspace } = live
  const memberId = route.params['member'] ?? ''
  const poolId = route.params['pool'] ?? ''
  const pool = workspace.pools.find((p) => p.id === poolId)
  const poolMembers = pool ? new Set(pool.members.map((m) => m.memberId)) : null
  const shown = weekBookings
    .filter((b) => memberId === '' || b.hostMemberIds.includes(memberId))
    .filter((b) => poolMembers === null || b.hostMemberIds.some((id) => poolMembers.has(id)))
  const setParam = (key: string, value: string) => navigate({ params: { [key]: value || null } })

  return (
    <section aria-labelledby="bookings-heading" className="view">
      <div className="toolbar">
        <h2 id="bookings-heading">Bookings</h2>
        <div className="btn-group" role="group" aria-label="Show as">
          <button
            type="button"
            className="btn"
            aria-pressed={mode === 'week'}
            onClick={() => setParam('mode', '')}
          >
            Week
          </button>
          <button
            type="button"
            className="btn"
            aria-pressed={mode === 'list'}
            onClick={() => setParam('mode', 'list')}
          >
            List
          </button>
        </div>
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
      {mode === 'week' ? (
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
              Times in {zone}. Drag a booking to another time or day to move it.
            </p>
          </div>
          <HistoryNotice result={inRange} zone={zone} />
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
      ) : (
        <BookingsList live={live} zone={zone} />
      )}
    </section>
  )
}
