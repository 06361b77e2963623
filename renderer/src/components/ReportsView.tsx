import { useMemo } from 'react'
import { BOOKING_STATUS_MEANING } from '../../../core/src/model/booking-statuses'
import { bookingTallyCreate, bookingTallyResult } from '../../../core/src/reports/booking-counts'
import type { CountRow } from '../../../core/src/reports/booking-counts'
import { boardDay, boardToday } from '../calendar/board-layout'
import { useBookingCounts, useWorkspace } from '../db/data-layer'
import { dateText, localZone, numberText } from '../format/datetime-format'
import { useNow } from '../hooks/use-now'
import { useRoute } from '../routing/use-route'
import { DateField } from '../ui/DateField'
import { HistoryNotice } from './HistoryNotice'
import { PoolStatsCard } from './PoolStatsCard'
import { monthBounds, reportRanges } from '../reports/report-ranges'

/**
 * Reports: bookings per member, event type and page for a range of dates (this month unless
 * chosen; in the URL), and each pool's distribution for the cycle the range ends in (the current
 * one while the range reaches today), earlier and later cycles a click away. All
 * derived from the bookings by core, offline too inside this computer's window; the part of a range
 * before it is counted by the sync server, and pool statistics count all history through the
 * baseline.
 */
export function ReportsView() {
  const live = useWorkspace()!
  const [route, navigate] = useRoute()
  const now = useNow(60_000)
  const zone = useMemo(() => localZone(), [])
  const { workspace } = live
  const today = boardToday(zone, now)
  const [monthFrom, monthTo] = monthBounds(today)
  const from = route.params['from'] ?? monthFrom
  const to = route.params['to'] ?? monthTo
  const fromMs = boardDay(zone, from).fromMs
  const toMs = boardDay(zone, to < from ? from : to).toMs
  // The range may reach before this computer's window: that part is counted by the sync server.
  const inRange = useBookingCounts(fromMs, toMs)
  const counts = inRange?.counts ?? EMPTY_COUNTS
  // Until the server's part is in, the figures are the window's part only, and say so; a range
  // lying wholly before the window has no such part: it is not counted yet.
  const partial =
    inRange?.history && inRange.history.status !== 'ready'
      ? toMs <= inRange.windowStartMs
        ? ''
        : dateText(inRange.windowStartMs, zone)
      : null
  // The pools' cycles follow the range: the cycle holding its last day, when that is past —
  // that day as the workspace's zone has it, the zone the pools count their cycles in.
  const lastDay = to < from ? from : to
  const cycleAt = toMs <= now ? boardDay(workspace.timeZone ?? 'UTC', lastDay).fromMs : null
  const names = {
    member: new Map(workspace.members.map((m) => [m.id, m.name])),
    eventType: new Map(workspace.eventTypes.map((e) => [e.id, e.name])),
    page: new Map(workspace.masterPages.map((p) => [p.id, p.title])),
  }
  return (
    <section aria-labelledby="reports-heading" className="view">
      <div className="toolbar">
        <h2 id="reports-heading">Reports</h2>
      </div>
      <div className="board-filters" role="group" aria-label="Report range">
        <DateField
          label="From"
          value={from}
          isClearable={route.params['from'] !== undefined}
          onChange={(v) => navigate({ params: { from: v || null } })}
        />
        <DateField
          label="To"
          value={to}
          isClearable={route.params['to'] !== undefined}
          onChange={(v) => navigate({ params: { to: v || null } })}
        />
        <div className="btn-group" role="group" aria-label="Ranges">
          {reportRanges(today).map((range) => (
            <button
              key={range.label}
              type="button"
              className="btn"
              aria-pressed={range.from === from && range.to === to}
              onClick={() => navigate({ params: { from: range.from, to: range.to } })}
            >
              {range.label}
            </button>
          ))}
        </div>
        <p className="small muted">
          {partial === ''
            ? 'Not counted yet: this range lies before the bookings kept on this computer'
            : partial === null
              ? `${numberText(counts.total)} bookings starting in this range: `
              : `Counted so far, from ${partial} on only — ${numberText(counts.total)} bookings: `}
          {partial === ''
            ? ''
            : Object.entries(counts.byStatus)
                .filter(([, n]) => n > 0)
                .map(
                  ([status, n]) =>
                    `${numberText(n)} ${BOOKING_STATUS_MEANING[status as keyof typeof counts.byStatus].label.toLowerCase()}`,
                )
                .join(', ') || 'none'}
          .
        </p>
      </div>
      <HistoryNotice result={inRange} zone={zone} />
      <div className="report-grid">
        <CountTable
          title="Bookings per member"
          note="A booking with several hosts counts once for each."
          partial={partial}
          rows={counts.byMember}
          name={(id) => names.member.get(id ?? '') ?? 'A former member'}
        />
        <CountTable
          title="Bookings per event type"
          partial={partial}
          rows={counts.byEventType}
          name={(id) => names.eventType.get(id ?? '') ?? 'A deleted event type'}
        />
        <CountTable
          title="Bookings per page"
          partial={partial}
          rows={counts.byPage}
          name={(id) =>
            id === null ? 'Without a master page' : (names.page.get(id) ?? 'A deleted page')
          }
        />
      </div>
      <h3>Pool distribution</h3>
      {workspace.pools.length === 0 ? (
        <p className="empty">No resource pools yet.</p>
      ) : (
        <p className="small muted">
          Each pool counts by its own reporting cycle — bookings by when they were made, not by
          their meeting day as the tables above — and opens at{' '}
          {cycleAt === null
            ? 'the current one'
            : `the one holding ${dateText(boardDay(zone, lastDay).fromMs, zone)}, the last day of the range`}
          ; ‹ Previous cycle and Next cycle › move from there.
        </p>
      )}
      <div className="report-grid">
        {workspace.pools.map((pool) => (
          // A range that ended opens each pool at the cycle it ends in (remounted when it moves).
          <PoolStatsCard
            key={`${pool.id}:${cycleAt ?? 'now'}`}
            pool={pool}
            live={live}
            now={now}
            atMs={cycleAt ?? now}
          />
        ))}
      </div>
    </section>
  )
}

function CountTable({
  title,
  rows,
  name,
  partial,
  note,
}: {
  title: string
  /** Said under the table. */
  note?: string
  rows: readonly CountRow[]
  name: (id: string | null) => string
  /**
   * The window's first day when only its part is counted so far; '' when the range lies wholly
   * before the window and is not counted yet; null: the whole range is counted.
   */
  partial: string | null
}) {
  const max = Math.max(1, ...rows.map((r) => r.total))
  return (
    <div className="card">
      <table className="data-table count-table" aria-label={title}>
        <caption className="field-label" style={{ textAlign: 'left', paddingBottom: '0.5rem' }}>
          {title}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Total</th>
            <th scope="col">
              <abbr title="Scheduled or rescheduled, not held yet">To come</abbr>
            </th>
            <th scope="col">Completed</th>
            <th scope="col">No&#8209;show</th>
            <th scope="col">Cancelled</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted">
                {partial === null
                  ? 'No bookings in this range.'
                  : partial === ''
                    ? 'Not counted yet.'
                    : `No bookings from ${partial} on; earlier ones are not counted yet.`}
              </td>
            </tr>
          ) : null}
          {rows.map((row) => (
            <tr key={String(row.id)}>
              <th scope="row">{name(row.id)}</th>
              <td>
                <span className="bar-cell">
                  <span
                    className="bar"
                    style={{ width: `${(row.total / max) * 2.5}rem` }}
                    aria-hidden="true"
                  />
                  {numberText(row.total)}
                </span>
              </td>
              <td>{numberText(row.byStatus.scheduled + row.byStatus.rescheduled)}</td>
              <td>{numberText(row.byStatus.completed)}</td>
              <td>{numberText(row.byStatus['no-show'])}</td>
              <td>{numberText(row.byStatus.cancelled)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note ? <p className="small muted">{note}</p> : null}
    </div>
  )
}

/** No bookings counted (before the local database has opened), every status at zero. */
const EMPTY_COUNTS = bookingTallyResult(bookingTallyCreate(), {
  members: [],
  eventTypes: [],
  masterPages: [],
})
