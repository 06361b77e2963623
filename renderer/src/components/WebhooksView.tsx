import { useId, useMemo, useState } from 'react'
import type { FormEvent } from 'react'
import {
  WEBHOOK_EVENT_TEXT,
  WEBHOOK_EVENT_TYPES,
  webhookEventIsKnown,
  webhookEventsText,
} from '../../../core/src/notify'
import { sentenceStart } from '../../../core/src/text/sentence'
import { adminApi } from '../db/admin-api'
import type {
  WebhookDelivery,
  WebhookDeliverySummary,
  WebhookListed,
  WebhookTestResult,
} from '../db/admin-api'
import type { SyncTarget } from '../db/replication'
import { dateTimeText, localZone } from '../format/datetime-format'
import { ChecklistField } from '../ui/ChecklistField'
import { FieldError } from '../ui/FieldError'
import { toastOutcome } from '../ui/toasts'
import { copyText } from '../ui/copy-text'
import { useAdminRead } from '../hooks/use-admin-read'
import { focusKey, useFocusLater } from '../ui/use-focus-later'

export interface WebhooksViewProps {
  readonly target: SyncTarget
}

/** A webhook's event in words, or its name when this version does not know it. */
function eventText(type: string): string {
  return webhookEventIsKnown(type) ? sentenceStart(WEBHOOK_EVENT_TEXT[type]) : type
}

/** "1 change" / "3 changes". */
function changes(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'}`
}

/** How a test went, in words. */
export function webhookTestText(result: WebhookTestResult): string {
  if (result.delivered) return `Delivered: the receiver answered ${result.statusCode ?? ''}.`
  const code = result.statusCode
  if (code !== null) {
    const why =
      code === 404
        ? ' (no such page there: check the address)'
        : code === 401 || code === 403
          ? ' (it refused: check the address, or what the receiver expects)'
          : code >= 500
            ? ' (it failed on its side: real changes are tried again later)'
            : ''
    return `Not delivered: the receiver answered ${code}${why}.`
  }
  return `Not delivered: ${result.error ?? 'no answer'}.`
}

/** How a webhook's deliveries stand, in words, and whether that needs attention. */
export function webhookHealthText(
  summary: WebhookDeliverySummary,
  zone: string,
): { readonly text: string; readonly isProblem: boolean } {
  const problem = summary.lastProblem ? ` (last answer: ${summary.lastProblem})` : ''
  if (summary.failed > 0) {
    return {
      text: `${changes(summary.failed)} never delivered${problem}: see Deliveries.`,
      isProblem: true,
    }
  }
  if (summary.retrying > 0) {
    return {
      text: `${changes(summary.retrying)} not delivered yet, to be tried again${problem}.`,
      isProblem: true,
    }
  }
  if (summary.waiting > 0)
    return { text: `${changes(summary.waiting)} being sent.`, isProblem: false }
  return summary.lastDeliveredAt
    ? {
        text: `Everything delivered; the last ${dateTimeText(summary.lastDeliveredAt, zone)}.`,
        isProblem: false,
      }
    : { text: 'Nothing sent yet.', isProblem: false }
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

/** What a row says while its test is on its way. */
const SENDING = 'Sending a test…'

/** A secret just made, for whom, and whether it replaced one. */
interface Issued {
  readonly url: string
  readonly secret: string
  readonly isRenewed: boolean
}

/**
 * Webhooks (owners): which other systems are told about booking changes as they happen. Adding
 * one shows its signing secret once, to copy; each says how its deliveries stand, can be sent a
 * test, shows its recent deliveries, can be sent other changes or given a new secret, and can be
 * removed. Needs the server (offline: said so).
 */
export function WebhooksView({ target }: WebhooksViewProps) {
  const read = useAdminRead(target, 'webhooks', (api) => api.webhooks())
  const hooks = read.value?.webhooks ?? null
  const { error, reload } = read
  const [issued, setIssued] = useState<Issued | null>(null)
  /** The row asking to confirm: its removal or a new secret. */
  const [confirming, setConfirming] = useState<{ id: string; what: 'remove' | 'secret' } | null>(
    null,
  )
  const [tests, setTests] = useState<Readonly<Record<string, string>>>({})
  const [shown, setShown] = useState<{ id: string; what: 'deliveries' | 'edit' } | null>(null)
  const zone = useMemo(() => localZone(), [])
  const api = adminApi(target)
  const focus = useFocusLater<HTMLElement>()
  const test = async (hook: WebhookListed) => {
    setTests((now) => ({ ...now, [hook.id]: SENDING }))
    const text = await api
      .webhookTest(hook.id)
      .then(webhookTestText, (err: unknown) => String((err as Error).message))
    setTests((now) => ({ ...now, [hook.id]: text }))
  }
  const remove = async (hook: WebhookListed) => {
    setConfirming(null)
    const isRemoved = await toastOutcome(
      () => api.webhookRemove(hook.id),
      `${hook.url} is sent nothing more`,
      'Not removed',
    )
    if (isRemoved && shown?.id === hook.id) setShown(null)
    focus.later((box) => focusKey(box, 'webhook-address'))
    reload()
  }
  const renewSecret = async (hook: WebhookListed) => {
    setConfirming(null)
    try {
      const renewed = await api.webhookNewSecret(hook.id)
      setIssued({ url: renewed.url, secret: renewed.secret, isRenewed: true })
      focus.later((box) => focusKey(box, 'secret-heading'))
    } catch (err) {
      setTests((now) => ({ ...now, [hook.id]: String((err as Error).message) }))
    }
  }
  /** Backs out of a confirmation, the focus back on the button that asked for it. */
  const keep = (id: string, what: 'remove' | 'secret') => {
    setConfirming(null)
    focus.later((box) => focusKey(box, `${what}-${id}`))
  }
  const shownHook = hooks?.find((hook) => hook.id === shown?.id) ?? null
  return (
    <section aria-labelledby="webhooks-heading" className="view" ref={focus.box}>
      <h2 id="webhooks-heading">Webhooks</h2>
      <p className="muted" style={{ maxWidth: '48rem' }}>
        A webhook tells another system — Zapier, Make, your CRM or your own code — about bookings as
        they happen: the sync server sends each booking change to the address you give, with the
        booking’s details (customer, time, event type and hosts by name), signed with a secret so
        the receiver can tell it came from here. If the receiver does not answer, it is tried again
        for three days. Emails are not affected.
      </p>
      {issued ? (
        <SecretCard
          issued={issued}
          onDone={() => {
            setIssued(null)
            focus.later((box) => focusKey(box, 'webhook-address'))
          }}
        />
      ) : null}
      <AddWebhookForm
        onAdd={async (input) => {
          const added = await api.webhookAdd(input)
          setIssued({ url: added.url, secret: added.secret, isRenewed: false })
          focus.later((box) => focusKey(box, 'secret-heading'))
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
                <th scope="col" style={{ minWidth: '14rem' }}>
                  Address
                </th>
                <th scope="col">Sent when</th>
                <th scope="col">Deliveries</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {hooks.map((hook) => {
                const health = webhookHealthText(hook.deliveries, zone)
                const waiting = hook.deliveries.waiting
                return (
                  <tr key={hook.id}>
                    <td style={{ overflowWrap: 'anywhere' }}>
                      {hook.url}
                      <div className="small muted">Added {dateTimeText(hook.createdAt, zone)}</div>
                    </td>
                    <td>{sentenceStart(webhookEventsText(hook.events))}</td>
                    <td>
                      {health.isProblem ? (
                        <span className="chip is-danger">Needs a look</span>
                      ) : null}{' '}
                      {health.text}
                    </td>
                    <td>
                      <div className="actions">
                        <button
                          type="button"
                          className="btn"
                          aria-label={`Send a test to ${hook.url}`}
                          data-focus={`test-${hook.id}`}
                          aria-disabled={tests[hook.id] === SENDING || undefined}
                          onClick={() => {
                            // Not `disabled`: the focus would fall off the button meanwhile.
                            if (tests[hook.id] !== SENDING) void test(hook)
                          }}
                        >
                          Send a test
                        </button>
                        <button
                          type="button"
                          className="btn"
                          aria-label={`Deliveries to ${hook.url}`}
                          aria-pressed={shown?.id === hook.id && shown.what === 'deliveries'}
                          onClick={() =>
                            setShown(
                              shown?.id === hook.id && shown.what === 'deliveries'
                                ? null
                                : { id: hook.id, what: 'deliveries' },
                            )
                          }
                        >
                          Deliveries
                        </button>
                        <button
                          type="button"
                          className="btn"
                          aria-label={`Change what ${hook.url} is sent`}
                          aria-pressed={shown?.id === hook.id && shown.what === 'edit'}
                          onClick={() => {
                            setShown({ id: hook.id, what: 'edit' })
                            focus.later((box) => focusKey(box, 'edit-heading'))
                          }}
                        >
                          Change…
                        </button>
                        {confirming?.id === hook.id && confirming.what === 'secret' ? null : (
                          <button
                            type="button"
                            className="btn"
                            aria-label={`New secret for ${hook.url}…`}
                            data-focus={`secret-${hook.id}`}
                            onClick={() => {
                              setConfirming({ id: hook.id, what: 'secret' })
                              focus.later((box) => focusKey(box, `keep-${hook.id}`))
                            }}
                          >
                            New secret…
                          </button>
                        )}
                        {confirming?.id === hook.id && confirming.what === 'remove' ? null : (
                          <button
                            type="button"
                            className="btn"
                            aria-label={`Remove ${hook.url}…`}
                            data-focus={`remove-${hook.id}`}
                            onClick={() => {
                              setConfirming({ id: hook.id, what: 'remove' })
                              focus.later((box) => focusKey(box, `keep-${hook.id}`))
                            }}
                          >
                            Remove…
                          </button>
                        )}
                      </div>
                      {confirming?.id === hook.id ? (
                        <div
                          className="stack"
                          role="group"
                          aria-label="Confirm"
                          onKeyDown={(event) => {
                            if (event.key !== 'Escape') return
                            event.stopPropagation()
                            keep(hook.id, confirming.what)
                          }}
                        >
                          <p className="small">
                            {confirming.what === 'remove'
                              ? `Nothing more is sent there${
                                  waiting > 0
                                    ? `, and the ${changes(waiting)} not delivered yet will not be`
                                    : ''
                                }.`
                              : 'The old secret stops working at once: the receiver must be given the new one.'}
                          </p>
                          <div className="actions">
                            <button
                              type="button"
                              className={confirming.what === 'remove' ? 'btn btn-danger' : 'btn'}
                              onClick={() =>
                                void (confirming.what === 'remove'
                                  ? remove(hook)
                                  : renewSecret(hook))
                              }
                            >
                              {confirming.what === 'remove' ? 'Remove now' : 'Make a new secret'}
                            </button>
                            <button
                              type="button"
                              className="btn"
                              data-focus={`keep-${hook.id}`}
                              onClick={() => keep(hook.id, confirming.what)}
                            >
                              Keep {confirming.what === 'remove' ? 'it' : 'the old secret'}
                            </button>
                          </div>
                        </div>
                      ) : null}
                      <p
                        className="small"
                        role="status"
                        aria-label={`Test of ${hook.url}`}
                        style={{ margin: 0 }}
                      >
                        {tests[hook.id] ?? ''}
                      </p>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {shownHook && shown?.what === 'deliveries' ? (
        <Deliveries key={shownHook.id} hook={shownHook} target={target} zone={zone} />
      ) : null}
      {shownHook && shown?.what === 'edit' ? (
        <ChangeWebhookForm
          key={shownHook.id}
          hook={shownHook}
          onCancel={() => setShown(null)}
          onSave={async (events) => {
            await api.webhookChange(shownHook.id, events)
            setShown(null)
            reload()
          }}
        />
      ) : null}
    </section>
  )
}

/** The newest deliveries to one webhook (up to 200), with a refresh. */
function Deliveries({
  hook,
  target,
  zone,
}: {
  readonly hook: WebhookListed
  readonly target: SyncTarget
  readonly zone: string
}) {
  const read = useAdminRead(target, hook.id, (api) => api.webhookDeliveries(hook.id))
  const deliveries = read.value?.deliveries ?? null
  const { error, reload: load } = read
  const [retried, setRetried] = useState<Readonly<Record<string, string>>>({})
  const retry = async (delivery: WebhookDelivery) => {
    setRetried((now) => ({ ...now, [delivery.eventId]: 'Trying again…' }))
    const said = await adminApi(target)
      .webhookRetry(hook.id, delivery.eventId)
      .then(
        () => 'Sent again: Refresh to see the answer.',
        (err: unknown) => String((err as Error).message),
      )
    setRetried((now) => ({ ...now, [delivery.eventId]: said }))
    load()
  }
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
          Nothing sent yet. Each booking change sent to this address will be listed here (tests are
          not).
        </p>
      ) : null}
      {deliveries && deliveries.length > 0 ? (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Deliveries list">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Happened</th>
                <th scope="col">Change</th>
                <th scope="col">Booking</th>
                <th scope="col">State</th>
                <th scope="col">Last answer</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.eventId}>
                  <td>{dateTimeText(delivery.createdAt, zone)}</td>
                  <td>{eventText(delivery.type)}</td>
                  <td>
                    {delivery.booking
                      ? `${delivery.booking.customerName}, ${dateTimeText(delivery.booking.start, zone)}`
                      : '—'}
                  </td>
                  <td>{deliveryStateText(delivery, zone)}</td>
                  <td>
                    {delivery.lastError ??
                      (delivery.lastStatusCode === null
                        ? '—'
                        : `answered ${delivery.lastStatusCode}`)}
                  </td>
                  <td>
                    {delivery.status === 'delivered' ? null : (
                      <button
                        type="button"
                        className="btn"
                        aria-label={`Try again now: ${eventText(delivery.type)}${
                          delivery.booking ? `, ${delivery.booking.customerName}` : ''
                        }`}
                        onClick={() => void retry(delivery)}
                      >
                        Try again now
                      </button>
                    )}
                    <span className="small" role="status">
                      {retried[delivery.eventId] ?? ''}
                    </span>
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

/** The secret of a webhook just added (or renewed), shown this once. */
function SecretCard({ issued, onDone }: { readonly issued: Issued; readonly onDone: () => void }) {
  return (
    <div className="card stack" role="region" aria-label="Signing secret">
      <h3 tabIndex={-1} data-focus="secret-heading">
        {issued.isRenewed ? 'The new signing secret' : 'Copy the signing secret now'}
      </h3>
      <p style={{ overflowWrap: 'anywhere' }}>
        {issued.isRenewed ? (
          <>
            The old secret of <strong>{issued.url}</strong> no longer works. Give the receiver this
            one where it asks for a signing or webhook secret.
          </>
        ) : (
          <>
            Bookings are now sent to <strong>{issued.url}</strong>. If the receiver has a place for
            a signing or webhook secret, paste this there, so it can check each request came from
            here; if it has none (a Zapier “Catch Hook”, say), you can skip this.
          </>
        )}{' '}
        It is shown only now; “New secret…” makes another.
      </p>
      <label className="field">
        <span>Secret</span>
        <input readOnly value={issued.secret} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <p className="small muted">
        For whoever programs the receiver: each request has a header{' '}
        <code>Teamslot-Signature: t=…,v1=…</code>, where v1 is the HMAC-SHA256 of “t.” followed by
        the request’s body, keyed with this secret (see the sync server’s README).
      </p>
      <div className="actions">
        <button type="button" className="btn" onClick={() => copyText(issued.secret, 'Secret')}>
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
  label: sentenceStart(WEBHOOK_EVENT_TEXT[name]),
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

/** True for an address whose requests would travel unencrypted beyond this computer. */
export function webhookIsPlainHttpAway(text: string): boolean {
  try {
    const url = new URL(text.trim())
    return url.protocol === 'http:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  } catch {
    return false
  }
}

/** Which changes are sent: every one, or those ticked (with the problem when none is). */
function EventsFields({
  isEvery,
  events,
  problems,
  onChange,
}: {
  readonly isEvery: boolean
  readonly events: readonly string[]
  readonly problems: readonly string[]
  readonly onChange: (isEvery: boolean, events: readonly string[]) => void
}) {
  const name = useId()
  return (
    <>
      <fieldset>
        <legend>Send</legend>
        <label className="check">
          <input
            type="radio"
            name={name}
            checked={isEvery}
            onChange={() => onChange(true, events)}
          />
          Every booking change
        </label>
        <label className="check">
          <input
            type="radio"
            name={name}
            checked={!isEvery}
            onChange={() => onChange(false, events)}
          />
          Only the changes ticked below
        </label>
      </fieldset>
      {isEvery ? null : (
        <ChecklistField
          legend="Send when"
          options={EVENT_OPTIONS}
          selected={events}
          onChange={(next) => onChange(false, next)}
          problems={problems}
        />
      )}
    </>
  )
}

const NONE_TICKED = 'Tick at least one change, or choose every booking change'

/** Another choice of changes for a webhook. */
function ChangeWebhookForm({
  hook,
  onSave,
  onCancel,
}: {
  readonly hook: WebhookListed
  readonly onSave: (events: readonly string[]) => Promise<void>
  readonly onCancel: () => void
}) {
  const [isEvery, setIsEvery] = useState(hook.events.includes('*'))
  const [events, setEvents] = useState<readonly string[]>(hook.events.filter((e) => e !== '*'))
  const [problems, setProblems] = useState<readonly string[]>([])
  const [refused, setRefused] = useState<string | null>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!isEvery && events.length === 0) {
      setProblems([NONE_TICKED])
      return
    }
    try {
      await onSave(isEvery ? ['*'] : events)
    } catch (err) {
      setRefused(err instanceof Error ? err.message : String(err))
    }
  }
  return (
    <form
      className="card stack"
      style={{ maxWidth: '40rem' }}
      aria-labelledby="edit-webhook-heading"
      onSubmit={(e) => void submit(e)}
    >
      <h3
        id="edit-webhook-heading"
        tabIndex={-1}
        data-focus="edit-heading"
        style={{ overflowWrap: 'anywhere' }}
      >
        What {hook.url} is sent
      </h3>
      <EventsFields
        isEvery={isEvery}
        events={events}
        problems={problems}
        onChange={(every, next) => {
          setIsEvery(every)
          setEvents(next)
        }}
      />
      {refused ? <p role="alert">{refused}</p> : null}
      <div className="actions">
        <button type="submit" className="btn btn-primary">
          Save
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
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
  const [isPlainOk, setIsPlainOk] = useState(false)
  const [problems, setProblems] = useState<{
    url: string[]
    events: string[]
    secret: string[]
    other: string | null
  }>({ url: [], events: [], secret: [], other: null })
  const isPlain = webhookIsPlainHttpAway(url)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const next = {
      url: [
        ...webhookAddressProblems(url),
        ...(isPlain && !isPlainOk
          ? ['Use https://, or tick that this address may be sent bookings unencrypted']
          : []),
      ],
      events: !isEvery && events.length === 0 ? [NONE_TICKED] : [],
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
      setIsPlainOk(false)
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
          data-focus="webhook-address"
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://hooks.example.com/teamslot"
          aria-invalid={problems.url.length > 0 || undefined}
          aria-describedby={problems.url.length > 0 ? 'webhook-url-problem' : undefined}
          required
        />
      </label>
      <FieldError messages={problems.url} id="webhook-url-problem" />
      {isPlain ? (
        <label className="check small">
          <input
            type="checkbox"
            checked={isPlainOk}
            onChange={(e) => setIsPlainOk(e.target.checked)}
          />
          This address is not encrypted (http://): customers’ names and emails would cross the
          network readable. Send to it anyway
        </label>
      ) : null}
      <EventsFields
        isEvery={isEvery}
        events={events}
        problems={problems.events}
        onChange={(every, next) => {
          setIsEvery(every)
          setEvents(next)
        }}
      />
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
