import { createHmac, randomBytes } from 'node:crypto'
import { WEBHOOK_TEST_EVENT, webhookDetails, webhookSampleBooking } from '../../../core/src/notify'
import type { Workspace } from '../../../core/src/model/workspace'
import type { ServerDatabase } from '../database'
import { logScrub } from '../http/request-log'
import type { WebhookDeliveryDoc, WebhookDoc } from './outbox-processor'

/** How long one attempt may take (api.md: no answer within 10 s is a failure). */
export const WEBHOOK_TIMEOUT_MS = 10_000
/** Deliveries are retried for this long after the event (api.md: 72 hours). */
export const WEBHOOK_RETRY_WINDOW_MS = 72 * 60 * 60_000
/** First retry after this; each further one waits twice as long … */
export const WEBHOOK_RETRY_BASE_MS = 30_000
/** … up to this (30 s, 1, 2, 4 … min, then every 6 h: ~20 attempts in 72 h). */
export const WEBHOOK_RETRY_MAX_MS = 6 * 60 * 60_000
/** Deliveries attempted at once (one slow receiver does not hold the others). */
const PARALLEL = 8

/** The delay before attempt `attempts + 1` after `attempts` failed ones. */
export function webhookRetryDelayMs(attempts: number): number {
  return Math.min(WEBHOOK_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), WEBHOOK_RETRY_MAX_MS)
}

/**
 * `Teamslot-Signature` (api.md): `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 * keyed with the webhook's secret.
 */
export function webhookSignature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')
  return `t=${unixSeconds},v1=${mac}`
}

/** What one POST to a webhook gave: its status (null: no answer) and why it failed (null: 2xx). */
export interface WebhookPostResult {
  readonly statusCode: number | null
  readonly error: string | null
}

/**
 * One attempt: `POST hook.url` with `body` and the headers `Teamslot-Event-Id` and
 * `Teamslot-Signature` (signed at `nowMs`), no redirects followed, at most
 * {@link WEBHOOK_TIMEOUT_MS}. A 2xx answer is a success (`error` null); another status, a timeout
 * or a network error is said in `error` in words (scrubbed). `'stopped'` when `stopping` aborted
 * it (not an attempt).
 */
export async function webhookPost(
  hook: Pick<WebhookDoc, 'url' | 'secret'>,
  eventId: string,
  body: string,
  nowMs: number,
  stopping: AbortSignal,
): Promise<WebhookPostResult | 'stopped'> {
  try {
    const response = await fetch(hook.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Teamslot-Webhooks/1',
        'Teamslot-Event-Id': eventId,
        'Teamslot-Signature': webhookSignature(hook.secret, body, Math.floor(nowMs / 1000)),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(WEBHOOK_TIMEOUT_MS), stopping]),
    })
    const statusCode = response.status
    // The answer's body is not needed; release the connection.
    await response.body?.cancel().catch(() => undefined)
    return {
      statusCode,
      error: statusCode >= 200 && statusCode < 300 ? null : `answered ${statusCode}`,
    }
  } catch (err) {
    if (stopping.aborted) return 'stopped'
    return { statusCode: null, error: webhookErrorText(err) }
  }
}

/** Network failures in words (the code kept in brackets for whoever runs the receiver). */
const NETWORK_ERROR_TEXT: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'nothing answers at that address',
  ENOTFOUND: 'that host name does not exist',
  EAI_AGAIN: 'the host name could not be looked up',
  ECONNRESET: 'the receiver closed the connection',
  EHOSTUNREACH: 'that host cannot be reached',
  ENETUNREACH: 'that network cannot be reached',
  UND_ERR_CONNECT_TIMEOUT: 'the receiver could not be reached in time',
  UND_ERR_SOCKET: 'the connection broke',
}

/**
 * Why a POST got no answer, in words: a timeout, a refused port (fetch never sends to ports such
 * as 25), a network failure by its code, an HTTPS certificate not accepted; else the error's own
 * first words, scrubbed.
 */
export function webhookErrorText(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (e?.name === 'TimeoutError') return `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`
  const code = e?.cause?.code
  if (e?.cause?.message === 'bad port') return 'Teamslot may not send to that port; use another one'
  if (code && NETWORK_ERROR_TEXT[code]) return `${NETWORK_ERROR_TEXT[code]} (${code})`
  if (code && /WRONG_VERSION_NUMBER/.test(code)) {
    return `the receiver does not answer HTTPS there: its address may start with http:// (${code})`
  }
  if (code && /CERT|TLS|SSL/.test(code)) return `its HTTPS certificate is not accepted (${code})`
  return logScrub(String(code ?? e?.cause?.message ?? e?.message ?? err)).slice(0, 200)
}

/**
 * Delivers webhook events: `POST url` with the stored JSON body and the headers
 * `Teamslot-Event-Id` and `Teamslot-Signature`. A 2xx answer is delivered; anything else (another
 * status, a redirect, no answer within {@link WEBHOOK_TIMEOUT_MS}, a network error) is retried
 * after {@link webhookRetryDelayMs} while the next attempt falls within
 * {@link WEBHOOK_RETRY_WINDOW_MS} of the event, then `failed`. At least once: a receiver
 * deduplicates by event id. Runs outside the booking queue, so no receiver delays a booking.
 */
export class WebhookSender {
  private readonly stopping = new AbortController()

  constructor(
    private readonly db: ServerDatabase,
    private readonly now: () => number,
  ) {}

  /** Attempts every delivery due now. Returns how many were delivered. */
  async deliverDue(): Promise<number> {
    let delivered = 0
    for (;;) {
      const nowIso = new Date(this.now()).toISOString()
      const due = (
        await this.db.webhookdeliveries
          .find({
            selector: { status: 'pending', nextAttemptAt: { $lte: nowIso } },
            sort: [{ status: 'asc' }, { nextAttemptAt: 'asc' }],
            limit: PARALLEL * 4,
          })
          .exec()
      ).map((doc) => doc.toJSON() as unknown as WebhookDeliveryDoc)
      if (due.length === 0 || this.stopping.signal.aborted) return delivered
      const hooks = await this.db.webhooks
        .findByIds([...new Set(due.map((d) => d.webhookId))])
        .exec()
      for (let i = 0; i < due.length; i += PARALLEL) {
        const results = await Promise.all(
          due.slice(i, i + PARALLEL).map((delivery) => {
            const hook = hooks.get(delivery.webhookId)?.toJSON() as WebhookDoc | undefined
            return this.attempt(delivery, hook)
          }),
        )
        delivered += results.filter(Boolean).length
      }
      if (due.length < PARALLEL * 4) return delivered
    }
  }

  private async attempt(
    delivery: WebhookDeliveryDoc,
    hook: WebhookDoc | undefined,
  ): Promise<boolean> {
    if (!hook) {
      await this.record(delivery, { status: 'failed', lastError: 'the webhook was removed' })
      return false
    }
    const sent = await webhookPost(
      hook,
      delivery.eventId,
      delivery.body,
      this.now(),
      this.stopping.signal,
    )
    // Cut off by shutdown: not an attempt; it is delivered after the start.
    if (sent === 'stopped') return false
    const { statusCode, error } = sent
    if (error === null) {
      await this.record(delivery, {
        status: 'delivered',
        attempts: delivery.attempts + 1,
        lastStatusCode: statusCode,
        lastError: null,
        deliveredAt: new Date(this.now()).toISOString(),
      })
      return true
    }
    const attempts = delivery.attempts + 1
    const nextMs = this.now() + webhookRetryDelayMs(attempts)
    const isOver = nextMs > Date.parse(delivery.createdAt) + WEBHOOK_RETRY_WINDOW_MS
    await this.record(delivery, {
      status: isOver ? 'failed' : 'pending',
      attempts,
      lastStatusCode: statusCode,
      lastError: error,
      nextAttemptAt: new Date(nextMs).toISOString(),
    })
    return false
  }

  /**
   * Sends `hook` a test event now, once, and says how it went: `{ id, type: "webhook.test",
   * occurredAt, booking, details }` with core's made-up booking built from `workspace` (so a
   * receiver can map every field), signed like every delivery, with a new event id. Nothing is
   * stored and nothing is retried. `'stopped'` when the server stops meanwhile.
   */
  async test(
    hook: Pick<WebhookDoc, 'url' | 'secret'>,
    workspace: Workspace,
  ): Promise<WebhookPostResult | 'stopped'> {
    const nowMs = this.now()
    const eventId = `ev.test.${randomBytes(9).toString('base64url')}`
    const booking = webhookSampleBooking(workspace, nowMs)
    const body = JSON.stringify({
      id: eventId,
      type: WEBHOOK_TEST_EVENT,
      occurredAt: new Date(nowMs).toISOString(),
      booking,
      details: webhookDetails(workspace, booking),
    })
    return webhookPost(hook, eventId, body, nowMs, this.stopping.signal)
  }

  /** Aborts the requests in flight (they stay pending). */
  stop(): void {
    this.stopping.abort()
  }

  private async record(delivery: WebhookDeliveryDoc, patch: Partial<WebhookDeliveryDoc>) {
    const doc = await this.db.webhookdeliveries.findOne(delivery.id).exec()
    await doc?.incrementalPatch(patch)
  }
}
