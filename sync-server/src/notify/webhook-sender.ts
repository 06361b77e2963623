import { createHmac } from 'node:crypto'
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
    const t = Math.floor(this.now() / 1000)
    let statusCode: number | null = null
    let error: string | null = null
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Teamslot-Webhooks/1',
          'Teamslot-Event-Id': delivery.eventId,
          'Teamslot-Signature': webhookSignature(hook.secret, delivery.body, t),
        },
        body: delivery.body,
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(WEBHOOK_TIMEOUT_MS), this.stopping.signal]),
      })
      statusCode = response.status
      // The answer's body is not needed; release the connection.
      await response.body?.cancel().catch(() => undefined)
      if (statusCode >= 200 && statusCode < 300) {
        await this.record(delivery, {
          status: 'delivered',
          attempts: delivery.attempts + 1,
          lastStatusCode: statusCode,
          lastError: null,
          deliveredAt: new Date(this.now()).toISOString(),
        })
        return true
      }
      error = `answered ${statusCode}`
    } catch (err) {
      // Cut off by shutdown: not an attempt; it is delivered after the start.
      if (this.stopping.signal.aborted) return false
      const e = err as { name?: string; message?: string; cause?: { code?: string } }
      error =
        e?.name === 'TimeoutError'
          ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s`
          : logScrub(String(e?.cause?.code ?? e?.message ?? err)).slice(0, 200)
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

  /** Aborts the requests in flight (they stay pending). */
  stop(): void {
    this.stopping.abort()
  }

  private async record(delivery: WebhookDeliveryDoc, patch: Partial<WebhookDeliveryDoc>) {
    const doc = await this.db.webhookdeliveries.findOne(delivery.id).exec()
    await doc?.incrementalPatch(patch)
  }
}
