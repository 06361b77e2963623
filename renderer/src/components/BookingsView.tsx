import { bookingIsOpen } from '../../../core/src/model/booking-statuses'
import FullCalendar from '@fullcalendar/react'
import interactionPlugin from '@fullcalendar/react/interaction'
import classicThemePlugin from '@fullcalendar/react/themes/classic'
import timeGridPlugin from '@fullcalendar/react/timegrid'
import type { EventDropInfo, EventInput } from '@fullcalendar/react'
import '@fullcalendar/react/skeleton.css'
import '@fullcalendar/react/themes/classic/theme.css'
import '@fullcalendar/react/themes/classic/palette.css'
import { useMemo, useState } from 'react'
import { rescheduleDecide } from '../../../core/src/booking'
import { memberColorFor } from '../../../core/src/schema/migrations'
import { bookingStore } from '../db/booking-writes'
import { useDatabase } from '../db/hooks'
import { useWorkspace } from '../db/use-workspace'
import { useUiStore } from '../stores/ui-store'

/** Bookings that still hold their time and can be moved. */

/**
 * The week of bookings (FullCalendar's free time-grid week), coloured by host, filterable by
 * member. Drag a booking to another time to reschedule it: core's rescheduleDecide keeps the hosts
 * when they are free then (re-filling pool seats otherwise) and refuses what no one can take, in
 * which case the booking jumps back with the reason. Click a booking to reassign it.
 */
export function BookingsView() {
  const live = useWorkspace()
  const db = useDatabase()
  const by = useUiStore((s) => s.schedulerName)
  const openReassign = useUiStore((s) => s.openReassign)
  const [memberFilter, setMemberFilter] = useState('')
  const [message, setMessage] = useState<string | null>(null)

  const events = useMemo((): EventInput[] => {
    if (!live) return []
    const names = new Map(live.workspace.members.map((m) => [m.id, m]))
    return live.workspace.bookings
      .filter((b) => b.status !== 'cancelled')
      .filter((b) => memberFilter === '' || b.hostMemberIds.includes(memberFilter))
      .map((b) => {
        const host = names.get(b.hostMemberIds[0] ?? '')
        const color = host?.color ?? memberColorFor(host?.id ?? '')
        return {
          id: b.id,
          title: `${b.customer.name} · ${b.hostMemberIds.map((id) => names.get(id)?.name ?? id).join(', ')}`,
          start: b.start,
          end: b.end,
          editable: bookingIsOpen(b),
          color,
          contrastColor: '#ffffff',
          className: live.conflicts.has(b.id) ? 'has-conflict' : '',
        }
      })
  }, [live, memberFilter])

  if (!live) return <p>Loading bookings…</p>
  const { workspace } = live

  const onDrop = (info: EventDropInfo) => {
    const start = info.event.start
    if (!start) return info.revert()
    const decision = rescheduleDecide(
      workspace,
      { bookingId: info.event.id, startMs: start.getTime(), by },
      Date.now(),
    )
    if (!decision.ok) {
      info.revert()
      setMessage(`Not moved: ${decision.message}`)
      return
    }
    setMessage(null)
    void bookingStore(db, decision.booking)
  }

  return (
    <section aria-labelledby="bookings-heading" className="bookings-view">
      <div className="board-toolbar">
        <h2 id="bookings-heading">Bookings</h2>
        <label>
          Member{' '}
          <select value={memberFilter} onChange={(e) => setMemberFilter(e.target.value)}>
            <option value="">Everyone</option>
            {workspace.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {message ? <p role="alert">{message}</p> : null}
      <FullCalendar
        plugins={[timeGridPlugin, interactionPlugin, classicThemePlugin]}
        initialView="timeGridWeek"
        firstDay={1}
        nowIndicator
        allDaySlot={false}
        scrollTime="07:00:00"
        height="75vh"
        eventDurationEditable={false}
        events={events}
        eventDrop={onDrop}
        eventClick={(info) => {
          const booking = workspace.bookings.find((b) => b.id === info.event.id)
          if (booking)
            openReassign({
              bookingId: booking.id,
              fromMemberId: booking.hostMemberIds[0] ?? '',
              toMemberId: null,
            })
        }}
      />
    </section>
  )
}
