import { useState } from 'react'
import { BOOKING_STATUSES } from '../../../core/src/schema/records'
import { BOOKING_STATUS_MEANING } from '../../../core/src/model/booking-statuses'
import type { BookingStatus } from '../../../core/src/model/workspace'
import { bookingsCsv, bookingsFilter } from '../bookings/bookings-table'
import { boardDay } from '../calendar/board-layout'
import { windowStartMs } from '../../../core/src/booking/booking-window'
import { useBookings } from '../db/data-layer'
import type { LiveWorkspace } from '../db/workspace-store'
import { dateText, timeRangeText } from '../format/datetime-format'
import { useRoute } from '../routing/use-route'
import { DateField } from '../ui/DateField'
import { toastShow } from '../ui/toasts'
import { clockIso } from '../clock'
import { HistoryNotice } from './HistoryNotice'

/** Rows drawn at once; "Show more" adds this many. */
const PAGE = 100

/**
 * The bookings on this computer (its window), searchable by customer name or e-mail, member,
 * status and a range of dates (all in the URL), newest filters applied at once; exported as CSV
 * exactly as filtered. A From date before the window reads the earlier bookings from the sync
 * server. Open a row for its details.
 */
export function BookingsList({ live, zone }: { live: LiveWorkspace; zone: string }) {
  const [route, navigate] = useRoute()
  const [limit, setLimit] = useState(PAGE)
  const p = route.params
  const range = p['from']
    ? {
        fromMs: boardDay(zone, p['from']).fromMs,
        toMs: p['to'] ? boardDay(zone, p['to']).toMs : Number.MAX_SAFE_INTEGER,
      }
    : undefined
  const inRange = useBookings(range)
  const all = inRange?.bookings ?? []
  // The part before the window could not be shown (yet): the count says what is listed.
  const historyMissing = !!inRange?.history && inRange.history.status !== 'ready'
  const windowStart = windowStartMs(live.windowStart)
  const { workspace, unsynced, pending } = live
  const status = (BOOKING_STATUSES as readonly string[]).includes(p['status'] ?? '')
    ? (p['status'] as BookingStatus)
    : undefined
  const rows = bookingsFilter(all, {
    query: p['q'],
    memberId: p['member'],
    status,
    fromMs: p['from'] ? boardDay(zone, p['from']).fromMs : undefined,
    toMs: p['to'] ? boardDay(zone, p['to']).toMs : undefined,
  })
  const members = new Map(workspace.members.map((m) => [m.id, m.name]))
  const eventTypes = new Map(workspace.eventTypes.map((e) => [e.id, e.name]))
  const set = (key: string, value: string, replace = false) => {
    setLimit(PAGE)
    navigate({ params: { [key]: value || null } }, replace)
  }
  const exportCsv = () => {
    const blob = new Blob([bookingsCsv(workspace, rows)], { type: 'text/csv;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = `teamslot-bookings-${clockIso().slice(0, 10)}.csv`
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    toastShow({
      title: `Exported ${rows.length === 1 ? '1 booking' : `${rows.length} bookings`}`,
      tone: 'info',
    })
  }
  return (
    <div className="stack">
      <div className="board-filters" role="search" aria-label="Find bookings">
        <label className="field">
          <span>Customer</span>
          <input
            type="search"
            placeholder="Name or e-mail"
            value={p['q'] ?? ''}
            onChange={(e) => set('q', e.target.value, true)}
          />
        </label>
        <label className="field">
          <span>Member</span>
          <select value={p['member'] ?? ''} onChange={(e) => set('member', e.target.value)}>
            <option value="">Everyone</option>
            {workspace.members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Status</span>
          <select value={status ?? ''} onChange={(e) => set('status', e.target.value)}>
            <option value="">Any status</option>
            {BOOKING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {BOOKING_STATUS_MEANING[s].label}
              </option>
            ))}
          </select>
        </label>
        <DateField label="From" value={p['from'] ?? ''} onChange={(v) => set('from', v)} />
        <DateField label="To" value={p['to'] ?? ''} onChange={(v) => set('to', v)} />
        <button type="button" className="btn" onClick={exportCsv} disabled={rows.length === 0}>
          Export CSV
        </button>
      </div>
      <HistoryNotice result={inRange} zone={zone} />
      <p className="small muted" aria-live="polite">
        {historyMissing && range && range.toMs <= windowStart
          ? 'Not listed yet: this range lies before the bookings kept on this computer (see above).'
          : `${rows.length === 1 ? '1 booking' : `${rows.length} bookings`}${
              !p['from']
                ? ` (this computer keeps bookings ending from ${dateText(windowStart, zone)} on; set From for earlier ones)`
                : historyMissing
                  ? ` ending from ${dateText(windowStart, zone)} on only: the earlier ones are not listed (see above)`
                  : ''
            }`}
      </p>
      {rows.length === 0 && inRange?.history?.status === 'loading' ? null : rows.length === 0 ? (
        <p className="empty">No booking matches.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Bookings found">
          <table className="data-table" aria-label="Bookings">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Customer</th>
                <th scope="col">Event</th>
                <th scope="col">Hosts</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, limit).map((b) => {
                const waiting = pending.has(b.id) || unsynced.has(`bookings:${b.id}`)
                return (
                  <tr key={b.id}>
                    <td>
                      {dateText(b.start, zone)}
                      <br />
                      <span className="muted">{timeRangeText(b.start, b.end, zone)}</span>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-quiet"
                        onClick={() => navigate({ params: { booking: b.id } })}
                      >
                        {b.customer.name}
                      </button>
                      <br />
                      <span className="muted">{b.customer.email}</span>
                    </td>
                    <td>{eventTypes.get(b.eventTypeId) ?? 'Deleted event type'}</td>
                    <td>
                      {b.hostMemberIds.map((id) => members.get(id) ?? 'former member').join(', ')}
                    </td>
                    <td>
                      <span className={`chip status-${b.status}`}>
                        {BOOKING_STATUS_MEANING[b.status].label}
                      </span>
                      {waiting ? <span className="chip is-warning">not synced yet</span> : null}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > limit ? (
        <button type="button" className="btn" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, rows.length - limit)} more
        </button>
      ) : null}
    </div>
  )
}
