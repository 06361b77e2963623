import type { RxStorageDefaultCheckpoint } from 'rxdb'
import type { Booking } from '../../../core/src/model/workspace'
import {
  bookingAtEntry,
  notifyPlan,
  webhookDetails,
  webhookEventId,
  webhookEventType,
} from '../../../core/src/notify'
import type { WebhookEventType } from '../../../core/src/notify'
import { documentToRecord } from '../../../core/src/schema/workspace-documents'
import type { BookingDoc } from '../booking-service'
import type { AnyDoc, ServerDatabase } from '../database'
import type { WorkspaceMirror } from '../workspace-mirror'
import { BOOKING_SERVER_FIELDS } from '../../../core/src/schema/collections'
import { messageBuild } from './message-build'
import type { MailContext, OutboxDoc } from './message-build'
import { eventLoopTurn } from '../event-loop-turn'

/** Changed bookings read per page of the feed. */
const FEED_PAGE = 200
/** Longest run of message composition between two turns of the event loop (ms). */
const DERIVE_TURN_MS = 4
/** Messages or deliveries per write (one transaction each, a turn of the event loop between). */
const WRITE_CHUNK = 48
/** Id of the feed's state document in `notifystate`. */
const FEED_STATE_ID = 'feed'

/** The `notifystate` id of a booking's progress. */
export function progressId(bookingId: string): string {
  return `b.${bookingId}`
}

/** A webhook subscription as stored. */
export interface WebhookDoc extends AnyDoc {
  readonly url: string
  readonly events: readonly string[]
  readonly secret: string
  readonly createdAt: string
}

/** The delivery of one event to one webhook. */
export interface WebhookDeliveryDoc extends AnyDoc {
  readonly webhookId: string
  readonly eventId: string
  readonly type: WebhookEventType
  readonly body: string
  readonly status: 'pending' | 'delivered' | 'failed'
  readonly attempts: number
  readonly lastStatusCode: number | null
  readonly lastError: string | null
  readonly nextAttemptAt: string
  readonly createdAt: string
  readonly deliveredAt: string | null
}

/** True when a webhook subscribed to `type` (`*` is every event). */
export function webhookWants(webhook: WebhookDoc, type: WebhookEventType): boolean {
  return webhook.events.includes('*') || webhook.events.includes(type)
}

/**
 * The transactional outbox by change capture. Every booking change of every writer (public
 * decisions, admin actions, automatic completion, replicated desktop pushes, imports) is a stored
 * booking whose history gained entries, committed in one SQLite transaction. This processor reads
 * the bookings' change feed from its own durable checkpoint (`getChangedDocumentsSince`: keyset
 * by (lwt, id), so each page costs its rows, not the history), derives the messages and webhook
 * deliveries of each NEW history entry with core's pure `notifyPlan`, inserts them (insert if
 * absent: ids are deterministic, `<bookingId>.<entry>.<recipient>`), records per booking how many
 * entries are done, and only then advances the checkpoint.
 *
 * A crash anywhere re-reads from the last checkpoint: entries whose messages exist are skipped by
 * the progress record or, before it was written, by the insert-if-absent; nothing is lost, nothing
 * duplicated. The cost follows the changes: one progress read and write per changed booking.
 *
 * On the very first start (no checkpoint stored) the feed is walked once to its end, marking every
 * stored booking as done up to its last entry: the past is never mailed. `sinceMs` (then) keeps
 * reminders from reaching back before it. A booking without a progress record is therefore new
 * and all its entries are. Imports mark their bookings as done before writing them
 * (`notifyProgressMark`).
 */
export class OutboxProcessor {
  private checkpoint: RxStorageDefaultCheckpoint | null = null
  private sinceMs = 0

  private constructor(
    private readonly db: ServerDatabase,
    private readonly mirror: WorkspaceMirror,
    private readonly context: () => MailContext,
    private readonly now: () => number,
  ) {}

  /** Loads the checkpoint; on the first start, places it at the end of the feed. */
  static async open(
    db: ServerDatabase,
    mirror: WorkspaceMirror,
    context: () => MailContext,
    now: () => number,
  ): Promise<OutboxProcessor> {
    const processor = new OutboxProcessor(db, mirror, context, now)
    const state = await db.notifystate.findOne(FEED_STATE_ID).exec()
    if (state) {
      const json = state.toJSON() as AnyDoc
      processor.checkpoint = (json['checkpoint'] as RxStorageDefaultCheckpoint | null) ?? null
      processor.sinceMs = Number(json['sinceMs'] ?? 0)
      return processor
    }
    let checkpoint: RxStorageDefaultCheckpoint | null = null
    for (;;) {
      const page = await processor.page(checkpoint, 1000)
      if (page.documents.length === 0) break
      const live = page.documents.filter((doc) => doc['_deleted'] !== true)
      await notifyProgressMark(db, live as unknown as Pick<Booking, 'id' | 'history'>[])
      checkpoint = page.checkpoint
    }
    processor.checkpoint = checkpoint
    processor.sinceMs = now()
    await processor.saveState()
    return processor
  }

  /** When notifications began on this store (epoch ms). */
  get startedAtMs(): number {
    return this.sinceMs
  }

  private page(checkpoint: RxStorageDefaultCheckpoint | null, limit: number) {
    const instance = this.db.bookings.storageInstance
    if (!instance.getChangedDocumentsSince) throw new Error('the storage has no change feed')
    return instance.getChangedDocumentsSince(limit, checkpoint ?? undefined) as Promise<{
      documents: AnyDoc[]
      checkpoint: RxStorageDefaultCheckpoint
    }>
  }

  private async saveState(): Promise<void> {
    await this.db.notifystate.upsert({
      id: FEED_STATE_ID,
      checkpoint: this.checkpoint,
      sinceMs: this.sinceMs,
    })
  }

  /**
   * Processes the feed up to its current end. Returns how many messages and deliveries were
   * inserted. Not re-entrant: the notifier runs one at a time.
   */
  async run(): Promise<{ messages: number; deliveries: number }> {
    let messages = 0
    let deliveries = 0
    for (;;) {
      const page = await this.page(this.checkpoint, FEED_PAGE)
      if (page.documents.length === 0) break
      const done = await this.derive(page.documents)
      messages += done.messages
      deliveries += done.deliveries
      this.checkpoint = page.checkpoint
      await this.saveState()
    }
    return { messages, deliveries }
  }

  private async derive(documents: readonly AnyDoc[]) {
    const live = documents.filter((doc) => doc['_deleted'] !== true)
    const progressDocs = await this.db.notifystate
      .findByIds(live.map((doc) => progressId(doc.id)))
      .exec()
    const webhooks = (await this.db.webhooks.find().exec()).map((d) => d.toJSON() as WebhookDoc)
    const workspace = this.mirror.workspace()
    const context = this.context()
    const nowMs = this.now()
    const nowIso = new Date(nowMs).toISOString()
    const outbox: OutboxDoc[] = []
    const deliveries: WebhookDeliveryDoc[] = []
    const progress: AnyDoc[] = []
    let turnStartedMs = performance.now()
    for (const doc of live) {
      // A page of changes costs a few hundred ms to compose (a rush): let the requests waiting
      // meanwhile (bookings, availability) through every few ms.
      if (performance.now() - turnStartedMs > DERIVE_TURN_MS) {
        await eventLoopTurn()
        turnStartedMs = performance.now()
      }
      const stored = progressDocs.get(progressId(doc.id))
      const booking = documentToRecord(doc) as unknown as Booking
      const bookingDoc = doc as unknown as BookingDoc
      const total = booking.history.length
      // No progress record: a booking stored after notifications began (every earlier one was
      // marked on the first start, every imported one before it was written).
      const from = stored ? Number((stored.toJSON() as AnyDoc)['entries'] ?? 0) : 0
      if (from === total) continue
      progress.push({ id: progressId(doc.id), entries: total })
      for (let i = from; i < total; i++) {
        const moment = bookingAtEntry(booking, i)
        const entry = booking.history[i]
        for (const planned of notifyPlan(booking, i)) {
          const described =
            planned.describedAt === i ? moment : bookingAtEntry(booking, planned.describedAt)
          const built = messageBuild(
            workspace,
            bookingDoc,
            {
              id: planned.key,
              kind: planned.kind,
              to: planned.to,
              method: planned.method,
              sequence: planned.sequence,
              start: described.start,
              end: described.end,
              hostMemberIds: described.hostMemberIds,
              previousStart: entry?.previousStart ?? null,
              reason: entry?.reason ?? null,
            },
            context,
            nowMs,
          )
          if (built) outbox.push(built)
        }
        const type = webhookEventType(booking, i)
        if (!type || !entry) continue
        // The body is made only for an event some webhook wants (none: most teams, and a rush).
        const wanting = webhooks.filter((webhook) => webhookWants(webhook, type))
        if (wanting.length === 0) continue
        const eventId = webhookEventId(booking.id, i)
        const atEntry = { ...booking, ...moment, history: booking.history.slice(0, i + 1) }
        const body = JSON.stringify({
          id: eventId,
          type,
          occurredAt: entry.at,
          booking: { ...withoutServerFields(doc), ...moment, history: atEntry.history },
          details: webhookDetails(workspace, atEntry),
        })
        for (const webhook of wanting) {
          deliveries.push({
            id: `${webhook.id}|${eventId}`,
            webhookId: webhook.id,
            eventId,
            type,
            body,
            status: 'pending',
            attempts: 0,
            lastStatusCode: null,
            lastError: null,
            nextAttemptAt: nowIso,
            createdAt: nowIso,
            deliveredAt: null,
          })
        }
      }
    }
    // Insert if absent: a message derived before a crash keeps its stored state (409 ignored).
    // In writes of a few dozen, with a turn of the event loop between: one write of a rush's
    // 300 messages held the thread for ~40 ms, and every booking request waited behind it.
    const messages = await insertInChunks(this.db.outbox, outbox)
    const sent = await insertInChunks(this.db.webhookdeliveries, deliveries)
    // Progress only after every message of the page is stored (a crash in between derives the
    // page again; its stored messages are skipped as above).
    if (progress.length > 0) await this.db.notifystate.bulkUpsert(progress)
    return { messages, deliveries: sent }
  }
}

/** The admin shape of a stored booking: no manage token, idempotency key or fingerprint. */
function withoutServerFields(doc: AnyDoc): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const hidden = new Set<string>([
    ...BOOKING_SERVER_FIELDS,
    '_meta',
    '_rev',
    '_attachments',
    '_deleted',
  ])
  for (const [key, value] of Object.entries(doc)) if (!hidden.has(key)) out[key] = value
  return out
}

/**
 * Inserts `docs` if absent, {@link WRITE_CHUNK} per write with a turn of the event loop after
 * each; returns how many were new. Rethrows errors other than "already stored".
 */
async function insertInChunks<T extends AnyDoc>(
  collection: {
    bulkInsert(docs: T[]): Promise<{ success: unknown[]; error: { status: number }[] }>
  },
  docs: readonly T[],
): Promise<number> {
  let inserted = 0
  for (let from = 0; from < docs.length; from += WRITE_CHUNK) {
    const result = await collection.bulkInsert(docs.slice(from, from + WRITE_CHUNK))
    throwUnlessConflicts(result.error)
    inserted += result.success.length
    await eventLoopTurn()
  }
  return inserted
}

/** Rethrows a bulk insert's errors other than "already stored" (409). */
function throwUnlessConflicts(errors: readonly { status: number }[]): void {
  const other = errors.filter((error) => error.status !== 409)
  if (other.length > 0) throw new Error(`${other.length} notification documents were not stored`)
}

/**
 * Marks `bookings` as told about every entry they have (before an import writes them), so
 * importing or seeding a workspace mails no one about its history.
 */
export async function notifyProgressMark(
  db: ServerDatabase,
  bookings: readonly Pick<Booking, 'id' | 'history'>[],
): Promise<void> {
  if (bookings.length === 0) return
  await db.notifystate.bulkUpsert(
    bookings.map((b) => ({ id: progressId(b.id), entries: b.history.length })),
  )
}
