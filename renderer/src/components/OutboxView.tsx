import { useEffect, useMemo, useState } from 'react'
import { adminApi, AdminApiError } from '../db/admin-api'
import type { OutboxMessage, OutboxMessageText, ReminderAhead } from '../db/admin-api'
import type { SyncTarget } from '../db/replication'
import { useWorkspace } from '../db/data-layer'
import { dateTimeText, localZone, reminderOffsetText } from '../format/datetime-format'
import { useNotifySettings } from '../hooks/use-notify-settings'
import { AppDialog } from '../ui/AppDialog'
import { toastShow } from '../ui/toasts'

export interface OutboxViewProps {
  readonly target: SyncTarget
}

/** Each status in words. */
const STATUS_TEXT: Readonly<Record<OutboxMessage['status'], string>> = {
  queued: 'Waiting to send',
  sent: 'Sent',
  failed: 'Failed',
  'not-sent': 'Not sent',
  skipped: 'Not needed',
}

/** What each kind of message is, for people. */
const KIND_TEXT: Readonly<Record<string, string>> = {
  confirmation: 'Confirmation',
  'new-booking': 'New booking (host)',
  rescheduled: 'Rescheduled',
  'host-rescheduled': 'Rescheduled (host)',
  cancelled: 'Cancellation',
  'host-cancelled': 'Cancellation (host)',
  'reassigned-away': 'Reassigned away (host)',
  'assigned-to-you': 'Assigned (host)',
  reminder: 'Reminder',
}

const FILTERS: readonly { id: OutboxMessage['status'] | ''; label: string }[] = [
  { id: '', label: 'All' },
  { id: 'failed', label: 'Failed' },
  { id: 'not-sent', label: 'Not sent' },
  { id: 'queued', label: 'Waiting' },
  { id: 'sent', label: 'Sent' },
]

/**
 * How often an open Outbox reads the server again: the server makes a booking's emails just after
 * it answers the booking, and sends them a moment later, so a list read once goes stale at once.
 */
const OUTBOX_REFRESH_MS = 5_000

/**
 * The server's outbox: every email with its status, the reason when it failed, attempts, and
 * "Send again" for failed or unsent ones. Read from the server (it needs a connection), again every
 * few seconds while the window is visible and as soon as it is shown again, so new emails and
 * their sending appear without pressing Refresh.
 */
export function OutboxView({ target }: OutboxViewProps) {
  const zone = useMemo(() => localZone(), [])
  const settings = useNotifySettings(target)
  const [filter, setFilter] = useState<OutboxMessage['status'] | ''>('')
  const [messages, setMessages] = useState<readonly OutboxMessage[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [round, setRound] = useState(0)
  const [reading, setReading] = useState<OutboxMessage | null>(null)
  const [ahead, setAhead] = useState<readonly ReminderAhead[] | null>(null)
  const reload = () => setRound((n) => n + 1)
  useEffect(() => {
    let isLive = true
    adminApi(target)
      .outbox(filter || undefined)
      .then(
        (result) => {
          if (!isLive) return
          setMessages(result.messages)
          setError(null)
        },
        (err: unknown) => {
          if (isLive) setError(err instanceof AdminApiError ? err.message : String(err))
        },
      )
    // The reminders still to come: not in the outbox until due.
    adminApi(target)
      .remindersAhead()
      .then(
        (result) => isLive && setAhead(result.reminders),
        () => undefined,
      )
    return () => {
      isLive = false
    }
  }, [target, filter, round])
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === 'visible') setRound((n) => n + 1)
    }
    const timer = setInterval(refresh, OUTBOX_REFRESH_MS)
    document.addEventListener('visibilitychange', refresh)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', refresh)
    }
  }, [])
  const sendAgain = async (message: OutboxMessage) => {
    try {
      await adminApi(target).sendAgain(message.id)
      toastShow({ title: `Sending again to ${message.to}`, tone: 'info' })
      reload()
    } catch (err) {
      toastShow({
        title: 'Not sent again',
        description: err instanceof AdminApiError ? err.message : String(err),
        tone: 'error',
      })
    }
  }
  const canSend = settings?.mail.configured ?? false
  return (
    <section aria-labelledby="outbox-heading" className="view">
      <h2 id="outbox-heading">Outbox</h2>
      {settings && !settings.mail.configured ? (
        <p className="card" role="note">
          This sync server has no mail server, so emails are kept here as not sent. Settings says
          how to connect one.
        </p>
      ) : null}
      <div className="actions" role="group" aria-label="Show">
        {FILTERS.map((f) => (
          <button
            key={f.id || 'all'}
            type="button"
            className={`btn ${filter === f.id ? 'btn-primary' : ''}`}
            aria-pressed={filter === f.id}
            onClick={() => setFilter(f.id)}
          >
            {f.label}
          </button>
        ))}
        <button type="button" className="btn btn-quiet" onClick={reload}>
          Refresh
        </button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {messages === null && !error ? <p>Loading the outbox…</p> : null}
      {messages && messages.length === 0 ? <p className="muted">No emails here.</p> : null}
      {messages && messages.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Emails">
          <table className="data-table" aria-label="Emails">
            <thead>
              <tr>
                <th scope="col">Made</th>
                <th scope="col">Email</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {messages.map((message) => (
                <tr key={message.id}>
                  <td>{dateTimeText(message.createdAt, zone)}</td>
                  <td>
                    <strong>{KIND_TEXT[message.kind] ?? message.kind}</strong>
                    <br />
                    <span className="small muted">{message.subject}</span>
                  </td>
                  <td>
                    {message.toName}
                    <br />
                    <span className="small muted">{message.to}</span>
                  </td>
                  <td>
                    {STATUS_TEXT[message.status]}
                    {message.sentAt ? (
                      <span className="small muted"> {dateTimeText(message.sentAt, zone)}</span>
                    ) : null}
                    {message.lastError ? (
                      <>
                        <br />
                        <span className="small">{message.lastError}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{message.attempts}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-quiet"
                      aria-label={`Read the email to ${message.toName}: ${message.subject}`}
                      onClick={() => setReading(message)}
                    >
                      Read
                    </button>{' '}
                    {message.status === 'failed' || message.status === 'not-sent' ? (
                      canSend ? (
                        <button
                          type="button"
                          className="btn"
                          onClick={() => void sendAgain(message)}
                        >
                          Send again
                        </button>
                      ) : settings ? (
                        <span className="small muted">
                          Can be sent again once a mail server is connected (see Settings).
                        </span>
                      ) : null
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {ahead && ahead.length > 0 ? <RemindersAhead reminders={ahead} zone={zone} /> : null}
      {reading ? (
        <OutboxMessageDialog
          target={target}
          message={reading}
          zone={zone}
          onClose={() => setReading(null)}
        />
      ) : null}
    </section>
  )
}

/** What an invitation attached does, for people. */
const INVITATION_TEXT = {
  request: 'With a calendar invitation (.ics) that adds or updates the meeting.',
  cancel: 'With a calendar cancellation (.ics) that removes the meeting from their calendar.',
} as const

/** One email as it was (or will be) sent: to whom, its subject and its text. */
function OutboxMessageDialog({
  target,
  message,
  zone,
  onClose,
}: {
  readonly target: SyncTarget
  readonly message: OutboxMessage
  readonly zone: string
  readonly onClose: () => void
}) {
  const [full, setFull] = useState<OutboxMessageText | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let isLive = true
    adminApi(target)
      .outboxMessage(message.id)
      .then(
        (result) => isLive && setFull(result.message),
        (err: unknown) => {
          if (isLive) setError(err instanceof AdminApiError ? err.message : String(err))
        },
      )
    return () => {
      isLive = false
    }
  }, [target, message.id])
  return (
    <AppDialog title={KIND_TEXT[message.kind] ?? 'Email'} onClose={onClose} size="large">
      <dl className="definition">
        <dt>To</dt>
        <dd>
          {message.toName} &lt;{message.to}&gt;
        </dd>
        <dt>Subject</dt>
        <dd>{message.subject}</dd>
        <dt>Status</dt>
        <dd>
          {STATUS_TEXT[message.status]}
          {message.sentAt ? ` ${dateTimeText(message.sentAt, zone)}` : ''}
        </dd>
      </dl>
      {error ? (
        <p role="alert">This email could not be read from the sync server: {error}</p>
      ) : null}
      {full === null && !error ? <p>Reading the email…</p> : null}
      {full ? (
        <>
          {full.invitation ? (
            <p className="small muted">{INVITATION_TEXT[full.invitation]}</p>
          ) : null}
          <div className="email-text" role="document" aria-label="Email text" tabIndex={0}>
            {full.text}
          </div>
        </>
      ) : null}
    </AppDialog>
  )
}

/** The next reminder emails, before they reach the outbox (when each goes out, to whom, of what). */
function RemindersAhead({
  reminders,
  zone,
}: {
  readonly reminders: readonly ReminderAhead[]
  readonly zone: string
}) {
  const live = useWorkspace()
  const eventName = (id: string) =>
    live?.workspace.eventTypes.find((e) => e.id === id)?.name ?? 'Meeting'
  return (
    <div className="stack">
      <h3>Reminders to come</h3>
      <p className="small muted">
        A reminder is made when it is due and then listed above with the other emails. The next{' '}
        {reminders.length === 1 ? 'one' : reminders.length}, by when they go out:
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Reminders to come">
        <table className="data-table" aria-label="Reminders to come">
          <thead>
            <tr>
              <th scope="col">Goes out</th>
              <th scope="col">To</th>
              <th scope="col">Reminds of</th>
            </tr>
          </thead>
          <tbody>
            {reminders.map((reminder) => (
              <tr key={`${reminder.bookingId}-${reminder.minutesBefore}`}>
                <td>
                  {dateTimeText(reminder.dueAt, zone)}
                  <br />
                  <span className="small muted">{reminderOffsetText(reminder.minutesBefore)}</span>
                </td>
                <td>
                  {reminder.toName}
                  <br />
                  <span className="small muted">{reminder.to}</span>
                </td>
                <td>
                  {eventName(reminder.eventTypeId)}, {dateTimeText(reminder.start, zone)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  )
}
