import type { Role } from '../../../core/src/people'
import type { SyncTarget } from './replication'

/** Whether and how the server sends email, and where its links point (`GET …/notifications`). */
export interface NotifySettings {
  readonly publicUrl: string
  readonly mail: { readonly configured: boolean; readonly from: string }
}

/** One message of the outbox, as the server lists it. */
export interface OutboxMessage {
  readonly id: string
  readonly kind: string
  readonly to: string
  readonly toName: string
  readonly subject: string
  readonly bookingId: string
  readonly status: 'queued' | 'sent' | 'failed' | 'not-sent' | 'skipped'
  readonly attempts: number
  readonly lastError: string | null
  readonly createdAt: string
  readonly sentAt: string | null
  readonly nextAttemptAt: string | null
}

/** One outbox message with its plain-text body (`GET /api/admin/outbox/{id}`). */
export interface OutboxMessageText extends OutboxMessage {
  readonly text: string
  /** The calendar invitation attached: an invitation or update, a cancellation, or none. */
  readonly invitation: 'request' | 'cancel' | null
}

/** A reminder email still to come (`GET /api/admin/reminders`). */
export interface ReminderAhead {
  readonly bookingId: string
  readonly eventTypeId: string
  /** The meeting's start (ISO). */
  readonly start: string
  readonly minutesBefore: number
  /** When it goes into the outbox (ISO). */
  readonly dueAt: string
  readonly to: string
  readonly toName: string
}

/** Who is signed in (`GET /api/admin/me`). */
export interface SignedInPerson {
  readonly id: string
  readonly name: string
  readonly role: Role
}

/** A person as owners manage them (`/api/admin/people`). */
export interface PersonRow {
  readonly id: string
  readonly name: string
  readonly email: string
  readonly role: Role
  readonly createdAt: string
  readonly updatedAt: string
}

/** One entry of the activity log (`GET /api/admin/audit`). */
export interface AuditEntry {
  readonly id: string
  readonly at: string
  readonly personName: string
  readonly collection: string
  readonly recordId: string
  readonly recordName: string | null
  readonly action: 'create' | 'update' | 'delete'
  readonly fields: readonly string[]
}

/** A webhook as owners manage it (`/api/admin/webhooks`); its secret is shown only when made. */
export interface WebhookRow {
  readonly id: string
  readonly url: string
  /** Event names, or `*` for every booking change. */
  readonly events: readonly string[]
  readonly createdAt: string
}

/** How a webhook's newest deliveries stand (the listing's `deliveries`). */
export interface WebhookDeliverySummary {
  /** Not delivered yet: being sent or to be tried again. */
  readonly waiting: number
  /** Of those, tried and failed at least once. */
  readonly retrying: number
  /** Given up on (72 hours of tries, or the webhook was removed). */
  readonly failed: number
  readonly lastDeliveredAt: string | null
  /** The newest failure's reason while one is retrying or failed ("answered 500"). */
  readonly lastProblem: string | null
}

/** A webhook with how its deliveries stand (`GET /api/admin/webhooks`). */
export interface WebhookListed extends WebhookRow {
  readonly deliveries: WebhookDeliverySummary
}

/** One delivery of an event to a webhook (`GET /api/admin/webhooks/{id}/deliveries`). */
export interface WebhookDelivery {
  readonly eventId: string
  readonly type: string
  readonly status: 'pending' | 'delivered' | 'failed'
  readonly attempts: number
  readonly lastStatusCode: number | null
  readonly lastError: string | null
  readonly nextAttemptAt: string | null
  readonly createdAt: string
  /** The booking it is about: its customer and start. */
  readonly booking: {
    readonly id: string
    readonly customerName: string
    readonly start: string
  } | null
}

/** How a test event went (`POST /api/admin/webhooks/{id}/test`). */
export interface WebhookTestResult {
  readonly delivered: boolean
  readonly statusCode: number | null
  readonly error: string | null
}

/** A refusal or failure of the admin API, in words for people (`status`: 0 when unreachable). */
export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly status = 0,
  ) {
    super(message)
  }
}

/**
 * The admin API calls the desktop makes beyond replication (people, the activity log,
 * notifications: the outbox, sending again, resending a confirmation, webhooks). They need the server: offline they fail with
 * {@link AdminApiError} saying so in plain words.
 */
export function adminApi(target: SyncTarget) {
  async function call<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    let res: Response
    try {
      res = await fetch(`${target.serverUrl.replace(/\/+$/, '')}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          Authorization: `Bearer ${target.adminToken}`,
          ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      })
    } catch {
      throw new AdminApiError('The sync server cannot be reached; this needs a connection.')
    }
    const body = (await res.json().catch(() => null)) as {
      error?: { message?: string }
    } | null
    if (!res.ok) {
      throw new AdminApiError(
        body?.error?.message ?? `The server refused (${res.status}).`,
        res.status,
      )
    }
    return body as T
  }
  return {
    me: () => call<SignedInPerson>('/api/admin/me'),
    people: () => call<{ people: PersonRow[] }>('/api/admin/people'),
    personAdd: (input: { name: string; email: string; role: Role }) =>
      call<PersonRow & { token: string }>('/api/admin/people', { method: 'POST', body: input }),
    personChange: (id: string, patch: { role?: Role; name?: string; email?: string }) =>
      call<PersonRow>(`/api/admin/people/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: patch,
      }),
    personRemove: (id: string) =>
      call<null>(`/api/admin/people/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    personNewToken: (id: string) =>
      call<PersonRow & { token: string }>(`/api/admin/people/${encodeURIComponent(id)}/token`, {
        method: 'POST',
      }),
    audit: (before?: string) =>
      call<{ entries: AuditEntry[] }>(
        `/api/admin/audit?limit=100${before ? `&before=${encodeURIComponent(before)}` : ''}`,
      ),
    webhooks: () => call<{ webhooks: WebhookListed[] }>('/api/admin/webhooks'),
    webhookChange: (id: string, events: readonly string[]) =>
      call<WebhookRow>(`/api/admin/webhooks/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        body: { events },
      }),
    webhookNewSecret: (id: string) =>
      call<WebhookRow & { secret: string }>(
        `/api/admin/webhooks/${encodeURIComponent(id)}/secret`,
        { method: 'POST' },
      ),
    webhookAdd: (input: { url: string; events: readonly string[]; secret?: string }) =>
      call<WebhookRow & { secret: string }>('/api/admin/webhooks', { method: 'POST', body: input }),
    webhookRemove: (id: string) =>
      call<null>(`/api/admin/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    webhookDeliveries: (id: string) =>
      call<{ deliveries: WebhookDelivery[] }>(
        `/api/admin/webhooks/${encodeURIComponent(id)}/deliveries`,
      ),
    webhookRetry: (id: string, eventId: string) =>
      call<{ delivery: WebhookDelivery }>(
        `/api/admin/webhooks/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(eventId)}/retry`,
        { method: 'POST' },
      ),
    webhookTest: (id: string) =>
      call<WebhookTestResult>(`/api/admin/webhooks/${encodeURIComponent(id)}/test`, {
        method: 'POST',
      }),
    notifySettings: () => call<NotifySettings>('/api/admin/notifications'),
    outbox: (status?: OutboxMessage['status']) =>
      call<{ messages: OutboxMessage[]; mail: { configured: boolean } }>(
        `/api/admin/outbox${status ? `?status=${status}` : ''}`,
      ),
    remindersAhead: () =>
      call<{ reminders: ReminderAhead[]; mail: { configured: boolean } }>(
        '/api/admin/reminders?limit=20',
      ),
    outboxMessage: (messageId: string) =>
      call<{ message: OutboxMessageText }>(`/api/admin/outbox/${encodeURIComponent(messageId)}`),
    sendAgain: (messageId: string) =>
      call<{ message: OutboxMessage }>(
        `/api/admin/outbox/${encodeURIComponent(messageId)}/resend`,
        { method: 'POST' },
      ),
    resendConfirmation: (bookingId: string) =>
      call<{ message: OutboxMessage }>(
        `/api/admin/bookings/${encodeURIComponent(bookingId)}/resend-confirmation`,
        { method: 'POST' },
      ),
  }
}
