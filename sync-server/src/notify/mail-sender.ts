import type { Transporter } from 'nodemailer'
import type { Booking } from '../../../core/src/model/workspace'
import { reminderStillValid } from '../../../core/src/notify'
import { documentToRecord } from '../../../core/src/schema/workspace-documents'
import type { AnyDoc, ServerDatabase } from '../database'
import { logScrub } from '../http/request-log'
import type { MailContext, OutboxDoc } from './message-build'

/** Messages taken per round. */
const SEND_BATCH = 20
/** First retry after this; each further one waits twice as long … */
export const MAIL_RETRY_BASE_MS = 30_000
/** … up to this. */
export const MAIL_RETRY_MAX_MS = 60 * 60_000
/** After this many attempts a message is `failed` (30 s, 1, 2, 4, 8, 16, 32 min, 1 h: ~2 h in all). */
export const MAIL_MAX_ATTEMPTS = 9
/** Seconds nodemailer may wait to connect, for the greeting and for an idle socket. */
const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 }

/** The delay before attempt `attempts + 1` after `attempts` failed ones. */
export function mailRetryDelayMs(attempts: number): number {
  return Math.min(MAIL_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), MAIL_RETRY_MAX_MS)
}

/**
 * A mail transport for `smtp://` / `smtps://` URLs (nodemailer, loaded here: a server without a
 * mail server never loads it, ~35 ms of every start).
 */
export async function smtpTransport(smtpUrl: string): Promise<Transporter> {
  const url = new URL(smtpUrl)
  const { createTransport } = await import('nodemailer')
  return createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    // One connection reused for consecutive messages (providers limit connections per minute).
    pool: true,
    maxConnections: 1,
    ...(url.username
      ? {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }
      : {}),
    ...SMTP_TIMEOUTS,
  })
}

/** The first line of an SMTP error, without addresses or tokens (it is shown and may be logged). */
export function mailErrorText(err: unknown): string {
  const e = err as { message?: string; code?: string; responseCode?: number }
  const first = String(e?.message ?? err).split('\n')[0] ?? ''
  return logScrub(first).slice(0, 300) || e?.code || 'sending failed'
}

/** True for an answer no retry will change (a 5xx SMTP reply: unknown mailbox, refused sender). */
function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: number })?.responseCode
  return typeof code === 'number' && code >= 500 && code < 600
}

/**
 * Delivers queued messages over SMTP, outside the booking queue (a slow mail server never delays
 * a booking answer). Each message is sent with its stored `Message-ID`, then recorded `sent`; a
 * crash between the two sends it once more with the same `Message-ID` after the restart (the
 * only way a message is sent twice). A failed attempt is recorded with the reason (scrubbed of
 * addresses) and retried after {@link mailRetryDelayMs}; a permanent refusal (5xx) or the
 * {@link MAIL_MAX_ATTEMPTS}th failure makes it `failed`. A reminder whose booking was cancelled
 * or moved meanwhile is `skipped`, never sent.
 */
export class MailSender {
  private isStopping = false

  constructor(
    private readonly db: ServerDatabase,
    private readonly transport: Transporter,
    private readonly context: () => MailContext,
    private readonly now: () => number,
  ) {}

  /** Sends every message due now, one at a time. Returns how many were sent. */
  async sendDue(): Promise<number> {
    let sent = 0
    for (;;) {
      const nowIso = new Date(this.now()).toISOString()
      const due = await this.db.outbox
        .find({
          selector: { status: 'queued', nextAttemptAt: { $lte: nowIso } },
          sort: [{ status: 'asc' }, { nextAttemptAt: 'asc' }],
          limit: SEND_BATCH,
        })
        .exec()
      if (due.length === 0) return sent
      for (const doc of due) {
        if (this.isStopping) return sent
        if (await this.sendOne(doc.toJSON() as unknown as OutboxDoc)) sent++
      }
      if (due.length < SEND_BATCH) return sent
    }
  }

  private async sendOne(message: OutboxDoc): Promise<boolean> {
    if (message.kind === 'reminder' && message.reminderStart) {
      const booking = await this.db.bookings.findOne(message.bookingId).exec()
      const record = booking
        ? (documentToRecord(booking.toJSON() as AnyDoc) as unknown as Booking)
        : null
      if (!record || !reminderStillValid(record, message.reminderStart, this.now())) {
        await this.record(message, {
          status: 'skipped',
          lastError: 'the booking was cancelled or moved, or has begun',
        })
        return false
      }
    }
    const { mailFrom } = this.context()
    try {
      await this.transport.sendMail({
        from: { name: mailFrom.name, address: mailFrom.address },
        to: { name: message.toName, address: message.toAddress },
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
        ...(message.ics && message.icsMethod
          ? {
              icalEvent: {
                method: message.icsMethod,
                filename: message.icsMethod === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
                content: message.ics,
              },
            }
          : {}),
      })
    } catch (err) {
      // Cut off by shutdown: not an attempt. It stays queued and is sent again after the start
      // (with the same Message-ID, should the server have taken it).
      if (this.isStopping) return false
      const attempts = message.attempts + 1
      const isFinal = isPermanent(err) || attempts >= MAIL_MAX_ATTEMPTS
      await this.record(message, {
        status: isFinal ? 'failed' : 'queued',
        attempts,
        lastError: mailErrorText(err),
        nextAttemptAt: new Date(this.now() + mailRetryDelayMs(attempts)).toISOString(),
      })
      return false
    }
    await this.record(message, {
      status: 'sent',
      attempts: message.attempts + 1,
      lastError: null,
      sentAt: new Date(this.now()).toISOString(),
    })
    return true
  }

  /** Closes the connection, a delivery in flight too (that message stays queued). */
  stop(): void {
    this.isStopping = true
    // nodemailer's pool closes busy connections only with `force` (its types lag behind).
    const close = this.transport.close.bind(this.transport) as (options?: {
      force?: boolean
    }) => void
    close({ force: true })
  }

  private async record(message: OutboxDoc, patch: Partial<OutboxDoc>): Promise<void> {
    const doc = await this.db.outbox.findOne(message.id).exec()
    await doc?.incrementalPatch(patch)
  }
}
