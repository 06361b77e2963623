/**
 * The admin routes of members' calendars (api.md v1.1 "Calendars"), used online only: the feed
 * address (and a new one), and reading a member's busy calendars now. Answers come back as
 * values with a sentence for people, never as thrown transport errors.
 */

import type { SyncTarget } from '../db/replication'

export type CalendarApiResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string }

async function adminCall<T>(
  target: SyncTarget,
  method: 'GET' | 'POST',
  path: string,
  fetchImpl: typeof fetch,
): Promise<CalendarApiResult<T>> {
  let res: Response
  try {
    res = await fetchImpl(`${target.serverUrl}/api/admin${path}`, {
      method,
      headers: { Authorization: `Bearer ${target.adminToken}` },
    })
  } catch {
    return { ok: false, message: 'The sync server cannot be reached.' }
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
    return {
      ok: false,
      message: `The sync server refused: ${body?.error?.message ?? `answer ${res.status}`}.`,
    }
  }
  return { ok: true, value: (await res.json()) as T }
}

/** The member's feed address (`/feeds/<token>.ics`); with `renew`, a new one (the old stops). */
export async function calendarFeedAddress(
  target: SyncTarget,
  memberId: string,
  renew = false,
  fetchImpl: typeof fetch = fetch,
): Promise<CalendarApiResult<string>> {
  const path = `/members/${encodeURIComponent(memberId)}/calendar-feed${renew ? '/rotate' : ''}`
  const result = await adminCall<{ url: string }>(target, renew ? 'POST' : 'GET', path, fetchImpl)
  return result.ok ? { ok: true, value: result.value.url } : result
}

/** Asks the server to read the member's busy calendars now; resolves when it has. */
export async function busyCalendarsRefresh(
  target: SyncTarget,
  memberId: string,
  fetchImpl: typeof fetch = fetch,
): Promise<CalendarApiResult<null>> {
  const path = `/members/${encodeURIComponent(memberId)}/busy/refresh`
  const result = await adminCall<unknown>(target, 'POST', path, fetchImpl)
  return result.ok ? { ok: true, value: null } : result
}
