import type { RxJsonSchema } from 'rxdb'
import type { AnyDoc } from '../database'

type Schema = RxJsonSchema<AnyDoc>

/**
 * The server-only collections of notifications: never replicated (replication mounts
 * `COLLECTION_NAMES` only), never part of the workspace JSON.
 *
 * - `outbox`: every email, composed when derived (so a retry sends the same bytes with the same
 *   `Message-ID`), with its status: `queued` → `sent`, or `failed` (with the reason), `not-sent`
 *   (no mail server was configured) or `skipped` (a reminder whose booking was cancelled or moved).
 * - `notifystate`: the change feed's checkpoint (`feed`) and, per booking (`b.<id>`), how many of
 *   its history entries have been turned into messages and webhook events.
 * - `webhooks`: the subscriptions (url, events, secret).
 * - `webhookdeliveries`: one per subscription and event, with the exact body, attempts and status.
 */

const INSTANT = { type: 'string', maxLength: 40 } as const
const SHORT = (maxLength: number) => ({ type: 'string', maxLength }) as const
const NULLABLE_TEXT = { type: ['string', 'null'] } as Schema['properties'][string]

/** Outbox ids: `<bookingId>.<entry>.<recipient>` or `reminder.<bookingId>.<start>.<minutes>`. */
export const OUTBOX_ID_MAX = 300

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed', 'not-sent', 'skipped'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

export const outboxSchema: Schema = {
  title: 'outbox message',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: SHORT(OUTBOX_ID_MAX),
    kind: SHORT(40),
    bookingId: SHORT(100),
    recipient: SHORT(20),
    memberId: NULLABLE_TEXT,
    toName: { type: 'string' },
    toAddress: { type: 'string' },
    subject: { type: 'string' },
    text: { type: 'string' },
    html: { type: 'string' },
    ics: NULLABLE_TEXT,
    icsMethod: NULLABLE_TEXT,
    /** For reminders: the start it reminds of (checked again just before sending). */
    reminderStart: NULLABLE_TEXT,
    messageId: { type: 'string' },
    status: SHORT(20),
    attempts: { type: 'integer', minimum: 0, maximum: 1000, multipleOf: 1 },
    lastError: NULLABLE_TEXT,
    nextAttemptAt: INSTANT,
    createdAt: INSTANT,
    sentAt: NULLABLE_TEXT,
  },
  required: [
    'id',
    'kind',
    'bookingId',
    'recipient',
    'toName',
    'toAddress',
    'subject',
    'text',
    'html',
    'messageId',
    'status',
    'attempts',
    'nextAttemptAt',
    'createdAt',
  ],
  indexes: [
    ['status', 'nextAttemptAt'],
    'createdAt',
    ['status', 'createdAt'],
    ['bookingId', 'createdAt'],
  ],
}

export const notifyStateSchema: Schema = {
  title: 'notification progress',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: SHORT(120),
    /** Per booking: history entries already turned into messages. */
    entries: { type: 'integer' },
    /** The feed: checkpoint of `getChangedDocumentsSince` and when notifications began. */
    checkpoint: { type: ['object', 'null'] },
    sinceMs: { type: 'number' },
  },
  required: ['id'],
}

export const webhookSchema: Schema = {
  title: 'webhook',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: SHORT(100),
    url: { type: 'string' },
    events: { type: 'array', items: { type: 'string' } },
    secret: { type: 'string' },
    createdAt: INSTANT,
  },
  required: ['id', 'url', 'events', 'secret', 'createdAt'],
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number]

export const webhookDeliverySchema: Schema = {
  title: 'webhook delivery',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: SHORT(250),
    webhookId: SHORT(100),
    eventId: { type: 'string' },
    type: { type: 'string' },
    /** The exact JSON body, the same on every attempt. */
    body: { type: 'string' },
    status: SHORT(20),
    attempts: { type: 'integer' },
    lastStatusCode: { type: ['integer', 'null'] },
    lastError: NULLABLE_TEXT,
    nextAttemptAt: INSTANT,
    createdAt: INSTANT,
    deliveredAt: NULLABLE_TEXT,
  },
  required: [
    'id',
    'webhookId',
    'eventId',
    'type',
    'body',
    'status',
    'attempts',
    'nextAttemptAt',
    'createdAt',
  ],
  indexes: [
    ['status', 'nextAttemptAt'],
    ['webhookId', 'createdAt'],
  ],
}

/** The server-only collections, by RxDB collection name. */
export const NOTIFY_COLLECTION_SCHEMAS = {
  outbox: outboxSchema,
  notifystate: notifyStateSchema,
  webhooks: webhookSchema,
  webhookdeliveries: webhookDeliverySchema,
} as const

export type NotifyCollectionName = keyof typeof NOTIFY_COLLECTION_SCHEMAS
