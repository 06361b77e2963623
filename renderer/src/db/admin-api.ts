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

/** A refusal or failure of the admin API, in words for people. */
export class AdminApiError extends Error {}

/**
 * The few admin API calls the desktop makes beyond replication (notifications: the outbox,
 * sending again, resending a confirmation). They need the server: offline they fail with
 * {@link AdminApiError} saying so in plain words.
 */
export function adminApi(target: SyncTarget) {
  async function call<T>(path: string, init: { method?: string } = {}): Promise<T> {
    let res: Response
    try {
      res = await fetch(`${target.serverUrl.replace(/\/+$/, '')}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${target.adminToken}` },
      })
    } catch {
      throw new AdminApiError('The sync server cannot be reached; this needs a connection.')
    }
    const body = (await res.json().catch(() => null)) as {
      error?: { message?: string }
    } | null
    if (!res.ok) {
      throw new AdminApiError(body?.error?.message ?? `The server refused (${res.status}).`)
    }
    return body as T
  }
  return {
    notifySettings: () => call<NotifySettings>('/api/admin/notifications'),
    outbox: (status?: OutboxMessage['status']) =>
      call<{ messages: OutboxMessage[]; mail: { configured: boolean } }>(
        `/api/admin/outbox${status ? `?status=${status}` : ''}`,
      ),
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
