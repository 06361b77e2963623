/**
 * The public API client: one function per route the page uses, each answering a value (never
 * throwing): the data, or the server's error (`network` when the server cannot be reached).
 */
import type { ApiError, ApiResult, PublicBooking, PublicPage, Slot } from './types'

async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<ApiResult<T>> {
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  } catch {
    return { ok: false, status: 0, error: { code: 'network', message: '' } }
  }
  const data: unknown = await response.json().catch(() => ({}))
  if (response.ok) return { ok: true, status: response.status, data: data as T }
  const error = (data as { error?: ApiError }).error ?? { code: 'unknown', message: '' }
  return { ok: false, status: response.status, error }
}

const pagePath = (slug: string) => `/api/public/pages/${encodeURIComponent(slug)}`
const bookingPath = (id: string) => `/api/public/bookings/${encodeURIComponent(id)}`

export function pageGet(slug: string) {
  return call<PublicPage>('GET', pagePath(slug))
}

export interface AvailabilityQuery {
  readonly eventTypeId: string
  readonly fromMs: number
  readonly toMs: number
  readonly bookingPageId: string | null
  readonly answers: Readonly<Record<string, string>>
  /** The zone the calendar shows days in: a round-robin page offers each day's next in line. */
  readonly timeZone: string
}

export function availabilityGet(slug: string, query: AvailabilityQuery) {
  const params = new URLSearchParams({
    eventTypeId: query.eventTypeId,
    from: new Date(query.fromMs).toISOString(),
    to: new Date(query.toMs).toISOString(),
    timeZone: query.timeZone,
  })
  if (query.bookingPageId) params.set('bookingPageId', query.bookingPageId)
  for (const [id, value] of Object.entries(query.answers)) {
    if (value !== '') params.set(`answers.${id}`, value)
  }
  return call<{ slots: Slot[] }>('GET', `${pagePath(slug)}/availability?${params}`)
}

export interface BookingBody {
  readonly eventTypeId: string
  readonly start: string
  readonly bookingPageId?: string
  readonly customer: { readonly name: string; readonly email: string; readonly timeZone: string }
  readonly answers: Readonly<Record<string, string>>
  readonly idempotencyKey: string
}

export function bookingCreate(slug: string, body: BookingBody) {
  return call<{ booking: PublicBooking }>('POST', `${pagePath(slug)}/bookings`, body)
}

export function bookingGet(id: string, token: string) {
  return call<{ booking: PublicBooking }>(
    'GET',
    `${bookingPath(id)}?token=${encodeURIComponent(token)}`,
  )
}

export function rescheduleAvailabilityGet(id: string, token: string, fromMs: number, toMs: number) {
  const params = new URLSearchParams({
    token,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
  })
  return call<{ slots: Slot[] }>('GET', `${bookingPath(id)}/availability?${params}`)
}

export function bookingCancel(id: string, token: string, reason: string) {
  return call<{ booking: PublicBooking }>('POST', `${bookingPath(id)}/cancel`, {
    token,
    ...(reason.trim() ? { reason: reason.trim() } : {}),
  })
}

export function bookingReschedule(id: string, token: string, start: string) {
  return call<{ booking: PublicBooking }>('POST', `${bookingPath(id)}/reschedule`, { token, start })
}
