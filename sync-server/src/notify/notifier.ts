import type { Subscription } from 'rxjs'
import type { Booking } from '../../../core/src/model/workspace'
import { OPEN_STATUSES } from '../../../core/src/model/booking-statuses'
import { calendarSequence } from '../../../core/src/notify'
import { documentToRecord } from '../../../core/src/schema/workspace-documents'
import type { Clock } from '../app'
import type { BookingDoc } from '../booking-service'
import type { ServerDatabase } from '../database'
import type { Logger } from '../http/request-log'
import { logScrub } from '../http/request-log'
import type { WorkspaceMirror } from '../workspace-mirror'
import { MailSender, smtpTransport } from './mail-sender'
import { mailFromParse, messageBuild, NO_MAIL_SERVER } from './message-build'
import type { MailContext, OutboxDoc } from './message-build'
import { OutboxProcessor } from './outbox-processor'
import type { WebhookDoc } from './outbox-processor'
import { ReminderJob } from './reminder-job'
import { WebhookSender } from './webhook-sender'
import type { WebhookPostResult } from './webhook-sender'

/** Notification settings of a server (api.md v1.1 options). */
export interface NotifyOptions {
  /** `--public-url`: links in emails, `.ics` and webhooks (read when a message is composed). */
  readonly publicUrl: () => string
  /** `--smtp-url`: without it nothing is sent and messages are stored as `not-sent`. */
  readonly smtpUrl?: string | null
  /** `--mail-from`: `Name <address>` (default `Teamslot <teamslot@localhost>`). */
  readonly mailFrom?: string | null
  /** Locale of dates and times in messages (default `en-GB`). */
  readonly locale?: string
  /** Run the loops on timers (default true). Tests drive {@link Notifier.runOnce} instead. */
  readonly autoRun?: boolean
}

export const DEFAULT_MAIL_FROM = 'Teamslot <teamslot@localhost>'
const DEFAULT_LOCALE = 'en-GB'
/** How often due mail and webhook retries are looked for. */
const DELIVERY_INTERVAL_MS = 1_000
/**
 * How long after a booking change its messages are derived: changes arriving meanwhile are
 * derived together (fewer transactions while bookings pour in; an email a quarter second later).
 */
const DERIVE_DELAY_MS = 250
/** How often due reminders are looked for. */
const REMINDER_INTERVAL_MS = 60_000

/** Runs `fn` one at a time; a trigger while it runs makes it run once more afterwards. */
class Loop {
  private running: Promise<void> | null = null
  private again = false
  constructor(private readonly fn: () => Promise<void>) {}
  trigger(): Promise<void> {
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      do {
        this.again = false
        await this.fn()
      } while (this.again)
    })().finally(() => {
      this.running = null
    })
    return this.running
  }
  idle(): Promise<void> {
    return this.running ?? Promise.resolve()
  }
}

/**
 * Everything that leaves the server about bookings, through one door: the outbox processor
 * (booking changes → messages and webhook deliveries), the reminder job, the mail sender and the
 * webhook sender, each in its own loop outside the booking queue, woken by booking changes and
 * by timers. Failures of a loop are logged (scrubbed) and retried on the next wake-up.
 */
export class Notifier {
  private readonly subscriptions: Subscription[] = []
  private readonly timers: ReturnType<typeof setInterval>[] = []
  private pendingDerive: ReturnType<typeof setTimeout> | null = null
  private readonly derive: Loop
  private readonly reminders: Loop
  private readonly mail: Loop
  private readonly webhooksLoop: Loop
  private isClosed = false
  private readonly stopSenders: () => void
  private readonly webhookSender: WebhookSender

  private constructor(
    private readonly db: ServerDatabase,
    private readonly mirror: WorkspaceMirror,
    private readonly clock: Clock,
    readonly context: () => MailContext,
    private readonly processor: OutboxProcessor,
    private readonly sender: MailSender | null,
    private readonly log: Logger,
  ) {
    const guarded = (what: string, fn: () => Promise<unknown>) => async () => {
      if (this.isClosed) return
      try {
        await fn()
      } catch (err) {
        this.log({
          at: new Date(this.clock.now()).toISOString(),
          level: 'error',
          component: 'notify',
          what,
          error: logScrub(String((err as Error)?.message ?? err).split('\n')[0] ?? ''),
        })
      }
    }
    const reminderJob = new ReminderJob(
      db,
      mirror,
      context,
      () => clock.now(),
      processor.startedAtMs,
    )
    const webhookSender = new WebhookSender(db, () => clock.now())
    this.webhookSender = webhookSender
    this.stopSenders = () => {
      sender?.stop()
      webhookSender.stop()
    }
    this.derive = new Loop(
      guarded('derive', async () => {
        const { messages, deliveries } = await processor.run()
        if (messages > 0) void this.mail.trigger()
        if (deliveries > 0) void this.webhooksLoop.trigger()
      }),
    )
    this.reminders = new Loop(
      guarded('reminders', async () => {
        if ((await reminderJob.run()) > 0) void this.mail.trigger()
      }),
    )
    this.mail = new Loop(guarded('send', async () => void (await sender?.sendDue())))
    this.webhooksLoop = new Loop(guarded('webhooks', () => webhookSender.deliverDue()))
  }

  static async open(
    db: ServerDatabase,
    mirror: WorkspaceMirror,
    clock: Clock,
    options: NotifyOptions,
    log: Logger,
  ): Promise<Notifier> {
    const mailFrom = mailFromParse(options.mailFrom ?? DEFAULT_MAIL_FROM)
    const canSend = Boolean(options.smtpUrl)
    const context = (): MailContext => ({
      publicUrl: options.publicUrl().replace(/\/+$/, ''),
      mailFrom,
      locale: options.locale ?? DEFAULT_LOCALE,
      canSend,
    })
    const processor = await OutboxProcessor.open(db, mirror, context, () => clock.now())
    const sender = options.smtpUrl
      ? new MailSender(db, await smtpTransport(options.smtpUrl), context, () => clock.now())
      : null
    const notifier = new Notifier(db, mirror, clock, context, processor, sender, log)
    if (options.autoRun !== false) notifier.start()
    return notifier
  }

  private start(): void {
    this.subscriptions.push(
      this.db.bookings.$.subscribe(() => {
        if (this.pendingDerive || this.isClosed) return
        this.pendingDerive = setTimeout(() => {
          this.pendingDerive = null
          void this.derive.trigger()
        }, DERIVE_DELAY_MS)
        this.pendingDerive.unref()
      }),
    )
    const every = (ms: number, fn: () => void) => {
      const timer = setInterval(fn, ms)
      timer.unref()
      this.timers.push(timer)
    }
    every(DELIVERY_INTERVAL_MS, () => {
      void this.mail.trigger()
      void this.webhooksLoop.trigger()
    })
    every(REMINDER_INTERVAL_MS, () => void this.reminders.trigger())
    void this.derive.trigger()
    void this.reminders.trigger()
  }

  /** Whether a mail server is configured. */
  get canSend(): boolean {
    return this.context().canSend
  }

  /** Derives new messages, plans due reminders, sends due mail and delivers due webhooks, in turn. */
  async runOnce(): Promise<void> {
    await this.derive.trigger()
    await this.reminders.trigger()
    await this.mail.trigger()
    await this.webhooksLoop.trigger()
  }

  /** Wakes the senders (after a message was queued again). */
  wake(): void {
    void this.mail.trigger()
    void this.webhooksLoop.trigger()
  }

  /** Sends a webhook a test event now and says how it went (see `WebhookSender.test`). */
  webhookTest(hook: Pick<WebhookDoc, 'url' | 'secret'>): Promise<WebhookPostResult | 'stopped'> {
    return this.webhookSender.test(hook, this.mirror.workspace())
  }

  /**
   * Queues the confirmation of a booking again, as it is now, with a new message id (so it is a
   * new email, with the current invitation). Refused (`null`) for a booking that is not open.
   */
  async resendConfirmation(doc: BookingDoc): Promise<OutboxDoc | null> {
    const booking = documentToRecord(doc) as unknown as Booking
    if (!OPEN_STATUSES.has(booking.status)) return null
    const nowMs = this.clock.now()
    const built = messageBuild(
      this.mirror.workspace(),
      doc,
      {
        id: `${doc.id}.resend.${nowMs}`,
        kind: 'confirmation',
        to: { customer: true },
        method: 'REQUEST',
        sequence: calendarSequence(booking),
        start: booking.start,
        end: booking.end,
        hostMemberIds: booking.hostMemberIds,
      },
      this.context(),
      nowMs,
    )
    if (!built) return null
    await this.db.outbox.insert(built)
    this.wake()
    return built
  }

  /**
   * Queues a failed or not-sent message again (same message, same `Message-ID`), attempts reset.
   * Returns the refusal in words, or null when queued.
   */
  async requeue(
    id: string,
  ): Promise<
    | { ok: true; message: OutboxDoc }
    | { ok: false; reason: 'not-found' | 'not-allowed'; message: string }
  > {
    const doc = await this.db.outbox.findOne(id).exec()
    if (!doc) return { ok: false, reason: 'not-found', message: 'no such message' }
    const message = doc.toJSON() as unknown as OutboxDoc
    if (!this.canSend) return { ok: false, reason: 'not-allowed', message: NO_MAIL_SERVER }
    if (message.status !== 'failed' && message.status !== 'not-sent') {
      return { ok: false, reason: 'not-allowed', message: `the message is ${message.status}` }
    }
    const patched = await doc.incrementalPatch({
      status: 'queued',
      attempts: 0,
      lastError: null,
      nextAttemptAt: new Date(this.clock.now()).toISOString(),
    })
    this.wake()
    return { ok: true, message: patched.toJSON() as unknown as OutboxDoc }
  }

  /**
   * The customer's own booking as an `.ics` file to import (`METHOD:PUBLISH`, the booking's UID
   * and current SEQUENCE; a cancelled booking says `STATUS:CANCELLED`).
   */
  bookingCalendar(doc: BookingDoc): string {
    const booking = documentToRecord(doc) as unknown as Booking
    const workspace = this.mirror.workspace()
    const built = messageBuild(
      workspace,
      doc,
      {
        id: `${doc.id}.download`,
        kind: booking.status === 'cancelled' ? 'cancelled' : 'confirmation',
        to: { customer: true },
        method: booking.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
        sequence: calendarSequence(booking),
        start: booking.start,
        end: booking.end,
        hostMemberIds: booking.hostMemberIds,
      },
      this.context(),
      this.clock.now(),
      'PUBLISH',
    )
    return built?.ics ?? ''
  }

  /**
   * Stops the timers, cuts off a send or delivery in flight (it stays queued: shutdown stays
   * bounded however slow a mail server or receiver is) and waits for the loops to stop.
   */
  async close(): Promise<void> {
    this.isClosed = true
    this.stopSenders()
    this.timers.forEach((timer) => clearInterval(timer))
    if (this.pendingDerive) clearTimeout(this.pendingDerive)
    this.subscriptions.forEach((s) => s.unsubscribe())
    await Promise.all([
      this.derive.idle(),
      this.reminders.idle(),
      this.mail.idle(),
      this.webhooksLoop.idle(),
    ])
  }
}
