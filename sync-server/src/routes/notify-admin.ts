import { randomBytes } from 'node:crypto'
import { Router } from 'express'
import type { Response } from 'express'
import type { BookingService } from '../booking-service'
import type { AnyDoc, ServerDatabase } from '../database'
import {
  outboxQuerySchema,
  remindersQuerySchema,
  webhookBodySchema,
  webhookPatchSchema,
} from '../http/admin-schemas'
import { asyncRoute } from '../http/async-route'
import { HttpError, sendError } from '../http/errors'
import { refuseInvalidId } from '../http/id-param'
import { idIsValid } from '../../../core/src/model/workspace'
import { remindersAhead } from '../../../core/src/notify'
import { parseOrThrow } from '../http/public-schemas'
import { may, personOf } from '../http/require-person'
import type { OutboxDoc } from '../notify/message-build'
import type { AuditLog } from '../people/audit-log'
import type { Notifier } from '../notify/notifier'
import type { WebhookDeliveryDoc, WebhookDoc } from '../notify/outbox-processor'

export interface NotifyAdminDeps {
  readonly db: ServerDatabase
  /** The activity log: webhooks added and removed. */
  readonly audit: AuditLog
  readonly service: BookingService
  readonly notifier: Notifier
  readonly now: () => number
}

/** Outbox ids: the id charset, up to the outbox's id length. */
const OUTBOX_ID = /^[A-Za-z0-9_.:|-]{1,300}$/

/** Rows listed at most per request. */
const DEFAULT_LIST_LIMIT = 200

/** A message as the outbox listing shows it (api.md): no bodies. */
export function outboxRow(message: OutboxDoc) {
  return {
    id: message.id,
    kind: message.kind,
    to: message.toAddress,
    toName: message.toName,
    subject: message.subject,
    bookingId: message.bookingId,
    status: message.status,
    attempts: message.attempts,
    lastError: message.lastError,
    createdAt: message.createdAt,
    sentAt: message.sentAt,
    nextAttemptAt: message.status === 'queued' ? message.nextAttemptAt : null,
  }
}

function webhookRow(hook: WebhookDoc) {
  return { id: hook.id, url: hook.url, events: hook.events, createdAt: hook.createdAt }
}

/** A generated signing secret (`whsec_` and 24 random bytes). */
function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`
}

/** A delivery as the deliveries listing shows it, with the booking it is about. */
function deliveryRow(d: WebhookDeliveryDoc) {
  let booking: { id: string; customerName: string; start: string } | null = null
  try {
    const parsed = JSON.parse(d.body) as {
      booking?: { id?: unknown; customer?: { name?: unknown }; start?: unknown }
    }
    const b = parsed.booking
    if (b && typeof b.id === 'string' && typeof b.start === 'string') {
      booking = { id: b.id, customerName: String(b.customer?.name ?? ''), start: b.start }
    }
  } catch {
    booking = null
  }
  return {
    eventId: d.eventId,
    type: d.type,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt : null,
    createdAt: d.createdAt,
    booking,
  }
}

/** How a webhook's newest deliveries stand (of the newest {@link DEFAULT_LIST_LIMIT}). */
function deliverySummary(deliveries: readonly WebhookDeliveryDoc[]) {
  const delivered = deliveries.find((d) => d.status === 'delivered')
  return {
    waiting: deliveries.filter((d) => d.status === 'pending').length,
    retrying: deliveries.filter((d) => d.status === 'pending' && d.attempts > 0).length,
    failed: deliveries.filter((d) => d.status === 'failed').length,
    lastDeliveredAt: delivered?.deliveredAt ?? delivered?.createdAt ?? null,
    /** The newest failure's reason ("answered 500"), while one is retrying or failed. */
    lastProblem:
      deliveries.find((d) => (d.status === 'failed' || d.attempts > 0) && d.lastError !== null)
        ?.lastError ?? null,
  }
}

/**
 * Notification routes of the admin API (`/api/admin/…`, admin token): where links point and
 * whether mail goes out, the outbox, sending a message again, resending a booking's
 * confirmation, and webhooks with their delivery log.
 */
export function notifyAdminRouter(deps: NotifyAdminDeps): Router {
  const { db, notifier } = deps
  const router = Router()
  /** A webhook's newest deliveries (up to {@link DEFAULT_LIST_LIMIT}), newest first. */
  const newestDeliveries = async (webhookId: string): Promise<WebhookDeliveryDoc[]> =>
    (
      await db.webhookdeliveries
        .find({
          selector: { webhookId },
          sort: [{ webhookId: 'asc' }, { createdAt: 'desc' }],
          limit: DEFAULT_LIST_LIMIT,
        })
        .exec()
    ).map((doc) => doc.toJSON() as AnyDoc as WebhookDeliveryDoc)
  router.param('id', refuseInvalidId)
  router.param('messageId', (_req, res, next, value: unknown) => {
    // Longer than any reserved name (`__proto__`, `constructor`…), or a valid id.
    if (
      typeof value === 'string' &&
      OUTBOX_ID.test(value) &&
      (value.length > 100 || idIsValid(value))
    )
      return next()
    sendError(res, 'invalid-request', 'not a valid message id')
  })
  const notFound = (res: Response, what: string) => sendError(res, 'not-found', `no such ${what}`)

  router.get('/notifications', may('read'), (_req, res) => {
    const context = notifier.context()
    res.json({
      publicUrl: context.publicUrl,
      mail: {
        configured: context.canSend,
        from: `${context.mailFrom.name} <${context.mailFrom.address}>`,
      },
    })
  })

  router.get(
    '/outbox',
    may('read'),
    asyncRoute(async (req, res) => {
      const query = parseOrThrow(outboxQuerySchema, req.query)
      const selector: Record<string, unknown> = {}
      if (query.status) selector['status'] = query.status
      if (query.bookingId) selector['bookingId'] = query.bookingId
      const found = await db.outbox
        .find({
          selector,
          sort: [{ createdAt: 'desc' }, { id: 'desc' }],
          limit: query.limit ?? DEFAULT_LIST_LIMIT,
        })
        .exec()
      res.json({
        mail: { configured: notifier.canSend },
        messages: found.map((doc) => outboxRow(doc.toJSON() as unknown as OutboxDoc)),
      })
    }),
  )

  // The reminders to come (core's `remindersAhead` over the bookings in memory, which hold every
  // future booking): whom each reminds, when, and of which meeting.
  router.get('/reminders', may('read'), (req, res) => {
    const query = parseOrThrow(remindersQuerySchema, req.query)
    const { bookings, eventTypes } = deps.service.decisionState()
    const byId = new Map(bookings.map((booking) => [booking.id, booking]))
    const ahead = remindersAhead(bookings, eventTypes, deps.now(), query.limit ?? 50)
    res.json({
      mail: { configured: notifier.canSend },
      reminders: ahead.flatMap((reminder) => {
        const booking = byId.get(reminder.bookingId)
        if (!booking) return []
        return [
          {
            bookingId: booking.id,
            eventTypeId: booking.eventTypeId,
            start: booking.start,
            minutesBefore: reminder.minutesBefore,
            dueAt: new Date(reminder.dueAtMs).toISOString(),
            to: booking.customer.email,
            toName: booking.customer.name,
          },
        ]
      }),
    })
  })

  // One message as it was (or will be) sent: the plain-text body and whether a calendar
  // invitation goes with it — what the customer or member was told.
  router.get(
    '/outbox/:messageId',
    may('read'),
    asyncRoute(async (req, res) => {
      const found = await db.outbox.findOne(String(req.params['messageId'])).exec()
      if (!found) return notFound(res, 'message')
      const message = found.toJSON() as unknown as OutboxDoc
      res.json({
        message: {
          ...outboxRow(message),
          text: message.text,
          invitation:
            message.ics === null ? null : message.icsMethod === 'CANCEL' ? 'cancel' : 'request',
        },
      })
    }),
  )

  router.post(
    '/outbox/:messageId/resend',
    may('resend'),
    asyncRoute(async (req, res) => {
      const outcome = await notifier.requeue(String(req.params['messageId']))
      if (!outcome.ok) return sendError(res, outcome.reason, outcome.message)
      res.json({ message: outboxRow(outcome.message) })
    }),
  )

  router.post(
    '/bookings/:id/resend-confirmation',
    may('resend'),
    asyncRoute(async (req, res) => {
      const doc = await deps.service.bookingDoc(String(req.params['id']))
      if (!doc) return notFound(res, 'booking')
      const message = await notifier.resendConfirmation(doc)
      if (!message) {
        throw new HttpError(
          'not-allowed',
          'only a scheduled or rescheduled booking gets its confirmation again',
        )
      }
      res.status(202).json({ message: outboxRow(message) })
    }),
  )

  router.post(
    '/webhooks',
    may('webhooks'),
    asyncRoute(async (req, res) => {
      const body = parseOrThrow(webhookBodySchema, req.body)
      const same = await db.webhooks.find({ selector: { url: body.url } }).exec()
      if (same.length > 0) {
        throw new HttpError(
          'not-allowed',
          'this address already gets bookings; change which changes it is sent instead of adding it twice',
        )
      }
      const hook: WebhookDoc = {
        id: `wh-${randomBytes(9).toString('base64url')}`,
        url: body.url,
        events: [...new Set(body.events)],
        secret: body.secret ?? newWebhookSecret(),
        createdAt: new Date(deps.now()).toISOString(),
      }
      await db.webhooks.insert(hook)
      await deps.audit.record(personOf(res), [
        {
          collection: 'webhooks',
          recordId: hook.id,
          recordName: hook.url,
          action: 'create',
          fields: ['events', 'url'],
        },
      ])
      res.status(201).json({ ...webhookRow(hook), secret: hook.secret })
    }),
  )

  router.get(
    '/webhooks',
    may('webhooks'),
    asyncRoute(async (_req, res) => {
      const found = (await db.webhooks.find({ sort: [{ id: 'asc' }] }).exec())
        .map((doc) => doc.toJSON() as WebhookDoc)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      const rows = []
      for (const hook of found) {
        rows.push({
          ...webhookRow(hook),
          deliveries: deliverySummary(await newestDeliveries(hook.id)),
        })
      }
      res.json({ webhooks: rows })
    }),
  )

  router.delete(
    '/webhooks/:id',
    may('webhooks'),
    asyncRoute(async (req, res) => {
      const doc = await db.webhooks.findOne(String(req.params['id'])).exec()
      if (!doc) return notFound(res, 'webhook')
      await doc.remove()
      await deps.audit.record(personOf(res), [
        {
          collection: 'webhooks',
          recordId: doc.id,
          recordName: String((doc.toJSON() as AnyDoc)['url'] ?? '') || null,
          action: 'delete',
          fields: [],
        },
      ])
      res.status(204).end()
    }),
  )

  router.patch(
    '/webhooks/:id',
    may('webhooks'),
    asyncRoute(async (req, res) => {
      const { events } = parseOrThrow(webhookPatchSchema, req.body)
      const doc = await db.webhooks.findOne(String(req.params['id'])).exec()
      if (!doc) return notFound(res, 'webhook')
      const patched = await doc.incrementalPatch({ events: [...new Set(events)] })
      const hook = patched.toJSON() as WebhookDoc
      await deps.audit.record(personOf(res), [
        {
          collection: 'webhooks',
          recordId: hook.id,
          recordName: hook.url,
          action: 'update',
          fields: ['events'],
        },
      ])
      res.json(webhookRow(hook))
    }),
  )

  router.post(
    '/webhooks/:id/secret',
    may('webhooks'),
    asyncRoute(async (req, res) => {
      const doc = await db.webhooks.findOne(String(req.params['id'])).exec()
      if (!doc) return notFound(res, 'webhook')
      const secret = newWebhookSecret()
      const hook = (await doc.incrementalPatch({ secret })).toJSON() as WebhookDoc
      await deps.audit.record(personOf(res), [
        {
          collection: 'webhooks',
          recordId: hook.id,
          recordName: hook.url,
          action: 'update',
          fields: ['secret'],
        },
      ])
      res.json({ ...webhookRow(hook), secret })
    }),
  )

  router.post(
    '/webhooks/:id/test',
    may('webhooks'),
    asyncRoute(async (req, res) => {
      const doc = await db.webhooks.findOne(String(req.params['id'])).exec()
      if (!doc) return notFound(res, 'webhook')
      const sent = await notifier.webhookTest(doc.toJSON() as WebhookDoc)
      if (sent === 'stopped')
        throw new HttpError('internal', 'the server is stopping; try again once it is back')
      res.json({ delivered: sent.error === null, ...sent })
    }),
  )

  router.post(
    '/webhooks/:id/deliveries/:eventId/retry',
    may('webhooks'),
    asyncRoute(async (req, res) => {
      const id = String(req.params['id'])
      const eventId = String(req.params['eventId'])
      if (!(await db.webhooks.findOne(id).exec())) return notFound(res, 'webhook')
      if (!OUTBOX_ID.test(eventId)) return notFound(res, 'delivery')
      const doc = await db.webhookdeliveries.findOne(`${id}|${eventId}`).exec()
      if (!doc) return notFound(res, 'delivery')
      const delivery = doc.toJSON() as AnyDoc as WebhookDeliveryDoc
      if (delivery.status === 'delivered') {
        throw new HttpError('not-allowed', 'this change was delivered already')
      }
      // Tried now; a failed one gets one more attempt (its 72 hours count from the event).
      const patched = await doc.incrementalPatch({
        status: 'pending',
        nextAttemptAt: new Date(deps.now()).toISOString(),
      })
      notifier.wake()
      res.json({ delivery: deliveryRow(patched.toJSON() as AnyDoc as WebhookDeliveryDoc) })
    }),
  )

  router.get(
    '/webhooks/:id/deliveries',
    may('webhooks'),
    asyncRoute(async (req, res) => {
      const id = String(req.params['id'])
      if (!(await db.webhooks.findOne(id).exec())) return notFound(res, 'webhook')
      res.json({ deliveries: (await newestDeliveries(id)).map(deliveryRow) })
    }),
  )

  return router
}
