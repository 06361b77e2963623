import { useState } from 'react'
import { busyCalendarStatusText } from '../calendars/busy-calendar-text'
import { busyCalendarsRefresh } from '../calendars/calendar-api'
import type { SyncTarget } from '../db/replication'
import type { BusyCalendarStatus } from '../db/workspace-store'
import type { FormProblems } from '../forms/form-problems'
import { useNow } from '../hooks/use-now'
import { useUiStore } from '../stores/ui-store'
import { FieldError } from '../ui/FieldError'
import { TextInput } from '../ui/TextInput'
import { toastShow } from '../ui/toasts'

export interface BusyCalendarsEditorProps {
  readonly memberId: string
  /** The addresses in the draft. */
  readonly calendars: readonly { readonly url: string }[]
  /** The addresses of the saved member (the server reads only those). */
  readonly savedUrls: ReadonlySet<string>
  /** How the server last read each saved address (synced). */
  readonly statuses: readonly BusyCalendarStatus[]
  readonly onChange: (calendars: readonly { readonly url: string }[]) => void
  readonly problems: FormProblems
  readonly target: SyncTarget
}

/**
 * A member's own calendars: add or remove their secret iCalendar addresses, see when the server
 * last read each one or why it could not, and ask it to read them now (online only). Core checks
 * the addresses when the member is saved.
 */
export function BusyCalendarsEditor(props: BusyCalendarsEditorProps) {
  const { calendars, savedUrls, statuses, onChange, problems } = props
  const [address, setAddress] = useState('')
  const [isReading, setIsReading] = useState(false)
  const now = useNow(30_000)
  const isOffline = useUiStore((s) => s.syncStatus.state === 'offline')
  const statusOf = new Map(statuses.map((status) => [status.url, status]))
  const add = () => {
    const url = address.trim()
    if (url === '' || calendars.some((calendar) => calendar.url === url)) return
    onChange([...calendars, { url }])
    setAddress('')
  }
  const refresh = async () => {
    setIsReading(true)
    const result = await busyCalendarsRefresh(props.target, props.memberId)
    setIsReading(false)
    toastShow(
      result.ok
        ? { title: 'Calendars read', tone: 'info' }
        : { title: 'Calendars not read', description: result.message, tone: 'error' },
    )
  }
  const hasSaved = calendars.some((calendar) => savedUrls.has(calendar.url))
  return (
    <section aria-labelledby="busy-calendars-heading" className="stack">
      <h3 id="busy-calendars-heading">Their own calendars</h3>
      <p className="small muted">
        Events in these calendars block the member&apos;s time for bookings. Customers see only that
        the time is taken, never what it is. Paste the secret iCalendar (.ics) address from Google
        Calendar, Outlook or Apple Calendar.
      </p>
      <FieldError messages={problems.at('busyCalendars')} />
      {calendars.length > 0 ? (
        <ul className="stack calendar-list" aria-label="Calendars">
          {calendars.map((calendar, index) => (
            <li key={calendar.url} className="stack">
              <div className="actions">
                <span className="calendar-url">{calendar.url}</span>
                <button
                  type="button"
                  className="btn btn-quiet"
                  aria-label={`Remove calendar ${calendar.url}`}
                  onClick={() => onChange(calendars.filter((_, i) => i !== index))}
                >
                  Remove
                </button>
              </div>
              <span className="small muted">
                {busyCalendarStatusText(
                  statusOf.get(calendar.url),
                  savedUrls.has(calendar.url),
                  now,
                )}
              </span>
              <FieldError messages={problems.at(`busyCalendars.${index}.url`)} />
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <TextInput
          label="Calendar address"
          type="url"
          value={address}
          maxLength={2000}
          placeholder="https://calendar.google.com/calendar/ical/…/basic.ics"
          onChange={setAddress}
        />
        <button type="button" className="btn" onClick={add} disabled={address.trim() === ''}>
          Add calendar
        </button>
      </div>
      {hasSaved ? (
        <div className="actions">
          <button
            type="button"
            className="btn"
            disabled={isOffline || isReading}
            onClick={() => void refresh()}
          >
            {isReading ? 'Reading…' : 'Refresh now'}
          </button>
          {isOffline ? (
            <span className="small muted">Reading calendars needs a connection to the server.</span>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
