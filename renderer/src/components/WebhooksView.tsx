import { useMemo, useState } from 'react'
import type { FormEvent } from 'react'
import {
  WEBHOOK_EVENT_TEXT,
  WEBHOOK_EVENT_TYPES,
  webhookEventIsKnown,
  webhookEventsText,
} from '../../../core/src/notify'
import { adminApi } from '../db/admin-api'
import type { WebhookDelivery, WebhookRow, WebhookTestResult } from '../db/admin-api'
import type { SyncTarget } from '../db/replication'
import { dateTimeText, localZone } from '../format/datetime-format'
import { ChecklistField } from '../ui/ChecklistField'
import { FieldError } from '../ui/FieldError'
import { toastOutcome } from '../ui/toasts'
import { copyText } from '../ui/copy-text'
import { useAdminRead } from '../hooks/use-admin-read'

export interface WebhooksViewProps {
  readonly target: SyncTarget
}

/** "a booking is made" → "A booking is made". */
function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`
}

/** A webhook's event in words, or its name when this version does not know it. */
function eventText(type: string): string {
  return webhookEventIsKnown(type) ? sentence(WEBHOOK_EVENT_TEXT[type]) : type
}

/** How a test went, in words. */
export function webhookTestText(result: WebhookTestResult): string {
  if (result.delivered) return `Delivered: the receiver answered ${result.statusCode ?? ''}.`
  if (result.statusCode !== null) {
    return `Not delivered: the receiver answered ${result.statusCode}${
      result.statusCode === 404 ? ' (no such page there: check the address)' : ''
    }.`
  }
  return `Not delivered: ${result.error ?? 'no answer'}.`
}

/** A delivery's state in words, times on this computer's clock. */
function deliveryStateText(delivery: WebhookDelivery, zone: string): string {
  const tries = `${delivery.attempts} ${delivery.attempts === 1 ? 'try' : 'tries'}`
  if (delivery.status === 'delivered') return `Delivered (${tries})`
  if (delivery.status === 'failed') return `Failed after ${tries}; not tried again`
  if (delivery.attempts === 0) return 'Waiting to be sent'
  return delivery.nextAttemptAt
    ? `Not delivered yet (${tries}); next try ${dateTimeText(delivery.nextAttemptAt, zone)}`
    : `Not delivered yet (${tries})`
}

/**
 * Webhooks (owners): which other systems are told about booking changes as they happen. Adding
 * one shows its signing secret once, to copy; each can be sent a test, shows its recent
 * deliveries, and can be removed. Needs the server (offline: said so).
 */
export function WebhooksView({ target }: WebhooksViewProps) {
  const read = useAdminRead(target, 'webhooks', (api) => api.webhooks())
  const hooks = read.value?.webhooks ?? null
  const { error, reload } = read
  const [issued, setIssued] = useState<{ url: string; secret: string } | null>(null)
  const [removing, setRemoving] = useState<string | null>(null)
  const [tests, setTests] = useState<Readonly<Record<string, string>>>({})
  const [shown, setShown] = useState<WebhookRow | null>(null)
  const zone = useMemo(() => localZone(), [])
  const api = adminApi(target)
  const test = async (hook: WebhookRow) => {
    setTests((now) => ({ ...now, [hook.id]: 'Sending a test…' }))
    const text = await api
      .webhookTest(hook.id)
      .then(webhookTestText, (err: unknown) => String((err as Error).message))
    setTests((now) => ({ ...now, [hook.id]: text }))
  }
  const remove = async (hook: WebhookRow) => {
    setRemoving(null)
    const isRemoved = await toastOutcome(
      () => api.webhookRemove(hook.id),
      `${hook.url} is sent nothing more`,
      'Not removed',
    )
    if (isRemoved && shown?.id === hook.id) setShown(null)
    reload()
  }
  return (
    <section aria-labelledby="webhooks-heading" className="view">
      <h2 id="webhooks-heading">Webhooks</h2>
      <p className="muted" style={{ maxWidth: '48rem' }}>
        A webhook tells another system — Zapier, Make, your CRM or your own code — about bookings as
        they happen: the sync server sends each booking change to the address you give, with the
        booking’s details, signed with a secret so the receiver can tell it came from here. If the
        receiver does not answer, it is tried again for three days. Emails are not affected.
      </p>
      {issued ? (
        <SecretCard url={issued.url} secret={issued.secret} onDone={() => setIssued(null)} />
      ) : null}
      <AddWebhookForm
        onAdd={async (input) => {
          const added = await api.webhookAdd(input)
          setIssued({ url: added.url, secret: added.secret })
          reload()
        }}
      />
      {error ? <p role="alert">{error}</p> : null}
      {hooks === null && !error ? <p>Loading webhooks…</p> : null}
      {hooks && hooks.length === 0 ? (
        <p className="empty">No webhooks yet: no other system is told about bookings.</p>
      ) : null}
      {hooks && hooks.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Webhooks list">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Address</th>
                <th scope="col">Sent when</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {hooks.map((hook) => (
                <tr key={hook.id}>
                  <td style={{ overflowWrap: 'anywhere' }}>{hook.url}</td>
                  <td>{sentence(webhookEventsText(hook.events))}</td>
                  <td>{dateTimeText(hook.createdAt, zone)}</td>
                  <td className="actions">
                    <button
                      type="button"
                      className="btn"
                      aria-label={`Send a test to ${hook.url}`}
                      onClick={() => void test(hook)}
                    >
                      Send a test
                    </button>
                    <button
                      type="button"
                      className="btn"
                      aria-label={`Deliveries to ${hook.url}`}
                      aria-pressed={shown?.id === hook.id}
                      onClick={() => setShown(shown?.id === hook.id ? null : hook)}
                    >
                      Deliveries
                    </button>
                    {removing === hook.id ? (
                      <>
                        <button
                          type="button"
                          className="btn btn-danger"
                          onClick={() => void remove(hook)}
                        >
                          Remove now
                        </button>
                        <button type="button" className="btn" onClick={() => setRemoving(null)}>
                          Keep
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="btn"
                        aria-label={`Remove ${hook.url}…`}
                        onClick={() => setRemoving(hook.id)}
                      >
                        Remove…
                      </button>
                    )}
                    <span role="status" aria-label={`Test of ${hook.url}`}>
                      {tests[hook.id] ?? ''}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {shown ? <Deliveries key={shown.id} hook={shown} target={target} zone={zone} /> : null}
    </section>
  )
}

/** The newest deliveries to one webhook (up to 200), with a refresh. */
function Deliveries({
  hook,
  target,
  zone,
}: {
  readonly hook: WebhookRow
  readonly target: SyncTarget
  readonly zone: string
}) {
  const read = useAdminRead(target, hook.id, (api) => api.webhookDeliveries(hook.id))
  const deliveries = read.value?.deliveries ?? null
  const { error, reload: load } = read
  return (
    <section className="card stack" aria-labelledby="deliveries-heading">
      <h3 id="deliveries-heading" style={{ overflowWrap: 'anywhere' }}>
        Deliveries to {hook.url}
      </h3>
      <div className="actions">
        <button type="button" className="btn" onClick={load}>
          Refresh
        </button>
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {deliveries === null && !error ? <p>Loading deliveries…</p> : null}
      {deliveries && deliveries.length === 0 ? (
        <p className="empty">
          Nothing sent yet: the next booking change it is sent appears here. Tests are not listed.
        </p>
      ) : null}
      {deliveries && deliveries.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Deliveries list">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Happened</th>
                <th scope="col">Change</th>
                <th scope="col">State</th>
                <th scope="col">Last answer</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.eventId}>
                  <td>{dateTimeText(delivery.createdAt, zone)}</td>
                  <td>{eventText(delivery.type)}</td>
                  <td>{deliveryStateText(delivery, zone)}</td>
                  <td>
                    {delivery.lastError ??
                      (delivery.lastStatusCode === null
                        ? '—'
                        : `answered ${delivery.lastStatusCode}`)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}

/** The secret of a webhook just added, shown this once. */
function SecretCard({
  url,
  secret,
  onDone,
}: {
  readonly url: string
  readonly secret: string
  readonly onDone: () => void
}) {
  return (
    <div className="card stack" role="region" aria-label="Signing secret">
      <h3>Copy the signing secret now</h3>
      <p style={{ overflowWrap: 'anywhere' }}>
        Bookings are now sent to <strong>{url}</strong>. Give this secret to the receiver (where it
        asks for a signing or webhook secret) so it can check each request came from here. It is
        shown only now.
      </p>
      <label className="field">
        <span>Secret</span>
        <input readOnly value={secret} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <div className="actions">
        <button type="button" className="btn" onClick={() => copyText(secret, 'Secret')}>
          Copy secret
        </button>
        <button type="button" className="btn btn-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  )
}

const EVENT_OPTIONS = WEBHOOK_EVENT_TYPES.map((name) => ({
  id: name,
  label: sentence(WEBHOOK_EVENT_TEXT[name]),
}))

/**
 * Problems with an address typed for a webhook, in words (empty: none): it must be a whole
 * http(s) address without a user name or password in it.
 */
export function webhookAddressProblems(text: string): string[] {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return ['Paste the whole address, starting with https://']
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return ['The address must start with https:// (or http://)']
  }
  if (url.username || url.password) {
    return ['Leave the user name and password out of the address; the secret signs each request']
  }
  return []
}

/** True for an address whose requests travel unencrypted beyond this computer. */
function isPlainHttpAway(text: string): boolean {
  try {
    const url = new URL(text.trim())
    return url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  } catch {
    return false
  }
}

function AddWebhookForm({
  onAdd,
}: {
  readonly onAdd: (input: {
    url: string
    events: readonly string[]
    secret?: string
  }) => Promise<void>
}) {
  const [url, setUrl] = useState('')
  const [isEvery, setIsEvery] = useState(true)
  const [events, setEvents] = useState<readonly string[]>([])
  const [secret, setSecret] = useState('')
  const [problems, setProblems] = useState<{
    url: string[]
    events: string[]
    secret: string[]
    other: string | null
  }>({ url: [], events: [], secret: [], other: null })
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const next = {
      url: webhookAddressProblems(url),
      events:
        !isEvery && events.length === 0
          ? ['Tick at least one change, or choose every booking change']
          : [],
      secret:
        secret.trim() !== '' && secret.trim().length < 16
          ? ['A secret of your own needs at least 16 characters (or leave it empty)']
          : [],
      other: null,
    }
    setProblems(next)
    if (next.url.length + next.events.length + next.secret.length > 0) return
    try {
      await onAdd({
        url: url.trim(),
        events: isEvery ? ['*'] : events,
        ...(secret.trim() !== '' ? { secret: secret.trim() } : {}),
      })
      setUrl('')
      setIsEvery(true)
      setEvents([])
      setSecret('')
    } catch (err) {
      setProblems({ ...next, other: err instanceof Error ? err.message : String(err) })
    }
  }
  return (
    <form
      className="card stack"
      style={{ maxWidth: '40rem' }}
      aria-labelledby="add-webhook-heading"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <h3 id="add-webhook-heading">Add a webhook</h3>
      <label className="field">
        <span>Address the receiver gave you</span>
        <input
          type="url"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://hooks.example.com/teamslot"
          aria-invalid={problems.url.length > 0 || undefined}
          aria-describedby={problems.url.length > 0 ? 'webhook-url-problem' : undefined}
          required
        />
      </label>
      <FieldError messages={problems.url} id="webhook-url-problem" />
      {isPlainHttpAway(url) ? (
        <p className="small" role="note">
          This address is not encrypted (http://): customers’ names and emails would cross the
          network readable. Use https:// if the receiver offers it.
        </p>
      ) : null}
      <fieldset>
        <legend>Send</legend>
        <label className="check">
          <input
            type="radio"
            name="webhook-events"
            checked={isEvery}
            onChange={() => setIsEvery(true)}
          />
          Every booking change
        </label>
        <label className="check">
          <input
            type="radio"
            name="webhook-events"
            checked={!isEvery}
            onChange={() => setIsEvery(false)}
          />
          Only the changes ticked below
        </label>
      </fieldset>
      {isEvery ? null : (
        <ChecklistField
          legend="Send when"
          options={EVENT_OPTIONS}
          selected={events}
          onChange={setEvents}
          problems={problems.events}
        />
      )}
      <details>
        <summary>Use a secret of your own</summary>
        <label className="field">
          <span>Secret (leave empty to have one made)</span>
          <input
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            aria-invalid={problems.secret.length > 0 || undefined}
            aria-describedby={problems.secret.length > 0 ? 'webhook-secret-problem' : undefined}
          />
        </label>
        <FieldError messages={problems.secret} id="webhook-secret-problem" />
      </details>
      {problems.other ? <p role="alert">{problems.other}</p> : null}
      <button type="submit" className="btn btn-primary">
        Add webhook
      </button>
    </form>
  )
}
