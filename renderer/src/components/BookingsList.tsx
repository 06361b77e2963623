import { useEffect, useRef, useState } from 'react'
import { BOOKING_STATUSES } from '../../../core/src/schema/records'
import { BOOKING_STATUS_MEANING } from '../../../core/src/model/booking-statuses'
import type { BookingStatus } from '../../../core/src/model/workspace'
import { bookingsCsv, bookingsCsvFileName } from '../bookings/bookings-table'
import { bookingMatcher, bookingsFilter } from '../../../core/src/booking/bookings-search'
import type { BookingsFilter } from '../../../core/src/booking/bookings-search'
import type { Booking } from '../../../core/src/model/workspace'
import { SEARCH_PAGE } from '../db/booking-search'
import type { BookingSearchState } from '../db/booking-search'
import { boardDay, boardToday } from '../calendar/board-layout'
import { windowStartMs } from '../../../core/src/booking/booking-window'
import { useBookingSearch } from '../db/data-layer'
import type { LiveWorkspace } from '../db/workspace-store'
import { bookingsText, dateText, nameOrder, timeRangeText } from '../format/datetime-format'
import { useNow } from '../hooks/use-now'
import { useRoute } from '../routing/use-route'
import { DateField } from '../ui/DateField'
import { DATE_EARLIEST } from '../ui/date-earliest'
import { toastShow } from '../ui/toasts'

/** Rows drawn at once; "Show more" adds this many. */
const PAGE = SEARCH_PAGE

/**
 * The bookings on this computer (its window), searchable by customer name or e-mail, member,
 * status and a range of dates (all in the URL), newest filters applied at once; exported as CSV
 * exactly as filtered. From is today unless chosen (the field shows it): what the desk looks at is
 * what comes next, not the first day this computer keeps (at a large team that is thousands of
 * rows back); a customer typed without a From date is looked for at any date, their upcoming
 * bookings first (soonest first), then the past ones (most recent first). A From date before the
 * window searches the earlier bookings on the sync server with the same rule (`booking-search.ts`:
 * page by page, whatever the range holds), listed before this computer's own (after them, most
 * recent first, for a customer at any date). Open a row for its details.
 */
export function BookingsList({ live, zone }: { live: LiveWorkspace; zone: string }) {
  const [route, navigate] = useRoute()
  const [limit, setLimit] = useState(PAGE)
  /**
   * After "Show more": the index of the first row it adds, focused once that row is listed (the
   * rows arrive inside the scrolled table, out of sight, and from the server perhaps later).
   */
  const focusRow = useRef<number | null>(null)
  const bodyRef = useRef<HTMLTableSectionElement>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  /** Bookings read for the export running now (null: none runs). */
  const [exporting, setExporting] = useState<number | null>(null)
  const p = route.params
  const now = useNow(60_000)
  const windowStart = windowStartMs(live.windowStart)
  const { workspace, unsynced, pending } = live
  const status = (BOOKING_STATUSES as readonly string[]).includes(p['status'] ?? '')
    ? (p['status'] as BookingStatus)
    : undefined
  // A customer searched without a From date is looked for at any date (the history before this
  // computer's window through the server's booking list index); otherwise From is today.
  const isAnyDate = !p['from'] && (p['q'] ?? '').trim() !== ''
  const isFromToday = !p['from'] && !isAnyDate
  const from = p['from'] || (isAnyDate ? '' : boardToday(zone, now))
  const fromMs = from
    ? boardDay(zone, from).fromMs
    : boardDay(zone, DATE_EARLIEST.toString()).fromMs
  const toMs = p['to'] ? boardDay(zone, p['to']).toMs : undefined
  const isToBeforeFrom = toMs !== undefined && toMs <= fromMs
  const filter = { query: p['q'], memberId: p['member'], status }
  // The part before the window: meetings starting in [from, min(to, window start)), searched by
  // the server; this computer lists the meetings starting from its window start on.
  const earlierTo = Math.min(toMs ?? Number.MAX_SAFE_INTEGER, windowStart)
  const order = isAnyDate ? ('desc' as const) : undefined
  const earlierQuery = fromMs < earlierTo ? { ...filter, fromMs, toMs: earlierTo, order } : null
  const earlier = useBookingSearch(earlierQuery)
  const inWindow = bookingsFilter(workspace.bookings, {
    ...filter,
    fromMs: earlier === null ? fromMs : windowStart,
    toMs,
  })
  // A customer at any date: what is still to come first, soonest first (the caller's next
  // appointment on top), then what is past, most recent first.
  const upcoming = order === 'desc' ? inWindow.filter((b) => Date.parse(b.end) > now) : []
  const local =
    order === 'desc'
      ? [...upcoming, ...inWindow.filter((b) => Date.parse(b.end) <= now).toReversed()]
      : inWindow
  const earlierShown =
    earlier === null || earlierQuery === null
      ? []
      : withLocalVersions(earlier.state.bookings, workspace.bookings, earlierQuery)
  const earlierDone = earlier === null || !earlier.state.hasMore
  const isLooking = earlier?.state.status === 'loading'
  const earlierMissing = earlier?.state.status === 'offline' || earlier?.state.status === 'failed'
  // Earliest first: the earlier part, then (once it is searched to its end, or cannot be) this
  // computer's. Upcoming, then most recent first: this computer's at once, then the earlier part
  // (all past) as it comes.
  const rows =
    order === 'desc'
      ? [...local, ...earlierShown]
      : [...earlierShown, ...(earlierDone || earlierMissing ? local : [])]
  const since = dateText(windowStart, zone)
  const members = new Map(workspace.members.map((m) => [m.id, m.name]))
  const eventTypes = new Map(workspace.eventTypes.map((e) => [e.id, e.name]))
  const set = (key: string, value: string, replace = false) => {
    setLimit(PAGE)
    focusRow.current = null
    // Another search starts at its top, not where the last one was scrolled to.
    scrollRef.current?.scrollTo({ top: 0 })
    navigate({ params: { [key]: value || null } }, replace)
  }
  const exportCsv = async () => {
    let exported = rows
    if (earlier && !earlierDone) {
      setExporting(rows.length)
      try {
        const all = await earlier.search.all((found) => setExporting(found + local.length))
        const before = earlierQuery ? withLocalVersions(all, workspace.bookings, earlierQuery) : all
        exported = order === 'desc' ? [...local, ...before] : [...before, ...local]
      } catch (err) {
        toastShow({
          title: 'Nothing exported',
          description: `The bookings before ${since} could not be read: ${err instanceof Error ? err.message : String(err)}.`,
          tone: 'error',
        })
        return
      } finally {
        setExporting(null)
      }
    }
    const blob = new Blob([bookingsCsv(workspace, exported)], { type: 'text/csv;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = bookingsCsvFileName(from, p['to'] ?? '')
    document.body.append(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    toastShow({
      title: `Exported ${bookingsText(exported.length)}`,
      tone: 'info',
    })
  }
  const showMore = () => {
    focusRow.current = Math.min(limit, rows.length)
    setLimit(limit + PAGE)
    if (rows.length <= limit + PAGE && !earlierDone) earlier?.search.more()
  }
  const shownCount = Math.min(rows.length, limit)
  useEffect(() => {
    const first = focusRow.current
    if (first === null || shownCount <= first) return
    focusRow.current = null
    bodyRef.current?.rows[first]?.querySelector('button')?.focus()
  }, [shownCount])
  const countText = earlierMissing
    ? `${bookingsText(rows.length)} starting from ${since} on only: the earlier ones are not listed (see above)`
    : !earlierDone && rows.length === 0
      ? '' // the notice above says it is looking
      : !earlierDone
        ? isLooking
          ? `${bookingsText(rows.length)} found so far; looking further…`
          : order === 'desc'
            ? `${bookingsText(rows.length)} so far, upcoming first, then the most recent: “Show more” looks for earlier ones.`
            : `The first ${bookingsText(rows.length)}, earliest first: “Show more” looks for the next ones.`
        : `${bookingsText(rows.length)}${
            isFromToday
              ? ' from today on (set From for earlier ones)'
              : isAnyDate
                ? ' at any date, upcoming first, then the most recent (set From to narrow)'
                : ''
          }`
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
            {workspace.members
              .toSorted((a, b) => nameOrder(a.name, b.name))
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.active ? m.name : `${m.name} (inactive)`}
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
        <DateField
          label="From"
          value={from}
          isClearable={!isFromToday}
          onChange={(v) => set('from', v)}
        />
        <DateField
          label="To"
          value={p['to'] ?? ''}
          opensAt={from || undefined}
          onChange={(v) => set('to', v)}
        />
        <button
          type="button"
          className="btn"
          onClick={() => void exportCsv()}
          disabled={rows.length === 0 || exporting !== null}
        >
          {exporting === null ? 'Export CSV' : `Exporting… ${bookingsText(exporting)}`}
        </button>
      </div>
      {earlier ? (
        <SearchNotice state={earlier.state} since={since} onRetry={() => earlier.search.more()} />
      ) : null}
      <p className="small muted" aria-live="polite">
        {earlierMissing && toMs !== undefined && toMs <= windowStart
          ? 'Not listed yet: this range lies before the bookings kept on this computer (see above).'
          : countText}
      </p>
      {rows.length === 0 && isLooking ? null : rows.length === 0 ? (
        <p className="empty">
          {isToBeforeFrom ? 'No booking matches: To is before From.' : 'No booking matches.'}
        </p>
      ) : (
        <div
          ref={scrollRef}
          className="table-scroll"
          tabIndex={0}
          role="region"
          aria-label="Bookings found"
        >
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
            <tbody ref={bodyRef}>
              {rows.slice(0, limit).map((b, index) => {
                const waiting = pending.has(b.id) || unsynced.has(`bookings:${b.id}`)
                // The line between a customer's upcoming bookings and their past ones.
                const isFirstPast = upcoming.length > 0 && index === upcoming.length
                return (
                  <tr key={b.id} className={isFirstPast ? 'is-first-past' : undefined}>
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
      {rows.length > limit || !earlierDone ? (
        <button
          type="button"
          className="btn"
          onClick={showMore}
          disabled={rows.length <= limit && isLooking}
        >
          {rows.length > limit && earlierDone
            ? `Show ${Math.min(PAGE, rows.length - limit)} more`
            : rows.length <= limit && isLooking
              ? 'Looking further…'
              : 'Show more'}
        </button>
      ) : null}
    </div>
  )
}

/**
 * The earlier part's versions as this computer has them: a booking it holds (one across the
 * window start) shows its local state, pending and unsynced changes included — or is left out when
 * that state no longer matches the search.
 */
function withLocalVersions(
  found: readonly Booking[],
  held: readonly Booking[],
  filter: BookingsFilter,
): Booking[] {
  const ids = new Set(found.map((b) => b.id))
  const local = new Map(held.filter((b) => ids.has(b.id)).map((b) => [b.id, b]))
  if (local.size === 0) return [...found]
  const matches = bookingMatcher(filter)
  return found.flatMap((b) => {
    const mine = local.get(b.id)
    return mine === undefined ? [b] : matches(mine) ? [mine] : []
  })
}

/** Where the search of the bookings before the window stands, in words. */
function SearchNotice({
  state,
  since,
  onRetry,
}: {
  state: BookingSearchState
  since: string
  onRetry: () => void
}) {
  if (state.status === 'ready' || (state.status === 'loading' && state.bookings.length > 0)) {
    return null
  }
  if (state.status === 'loading') {
    return (
      <p className="history-notice small muted" role="status">
        Looking up bookings before {since} on the sync server…
      </p>
    )
  }
  return (
    <p className="history-notice small is-warning" role="alert">
      {state.status === 'offline'
        ? `Bookings before ${since} cannot be looked up offline. They are listed when the sync server can be reached.`
        : `Bookings before ${since} could not be looked up on the sync server.`}{' '}
      {state.status === 'failed' ? (
        <button type="button" className="btn btn-quiet" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </p>
  )
}
