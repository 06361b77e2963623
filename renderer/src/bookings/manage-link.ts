import type { Booking, Workspace } from '../../../core/src/model/workspace'

/** The customer's manage link of a booking, or why there is none. */
export type ManageLink =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string }

/**
 * The link a customer uses to cancel or reschedule (`/book/{slug}/manage/{id}#token=…`, as the
 * public booking page reads it), built on `serverUrl` (the server's public address when known).
 * Bookings with a manage token have one: public bookings, and desk bookings made since desks
 * generate their token (`manageTokenNew`); older desk bookings have none.
 */
export function manageLinkFor(
  workspace: Workspace,
  booking: Booking,
  token: string | undefined,
  serverUrl: string,
): ManageLink {
  if (!token) {
    return {
      ok: false,
      reason:
        booking.createdVia === 'desktop'
          ? 'This desk booking was made before desk bookings got manage links, so it has none.'
          : 'This booking has no manage link on this computer.',
    }
  }
  const slug =
    workspace.masterPages.find((p) => p.id === booking.masterPageId)?.slug ??
    workspace.bookingPages.find((p) => p.memberId === booking.hostMemberIds[0])?.slug
  if (!slug) return { ok: false, reason: 'Its booking page no longer exists.' }
  const base = serverUrl.replace(/\/+$/, '')
  return {
    ok: true,
    url: `${base}/book/${encodeURIComponent(slug)}/manage/${encodeURIComponent(booking.id)}#token=${encodeURIComponent(token)}`,
  }
}

/** Characters of a manage token (url-safe base64 of 24 random bytes: 32 characters). */
const TOKEN_BYTES = 24

/**
 * A new manage token for a desk booking: 24 bytes from the platform's CSPRNG as url-safe base64
 * (32 characters), the form the server accepts for a booking it does not have yet.
 */
export function manageTokenNew(): string {
  return randomBase64Url(TOKEN_BYTES)
}

/** `byteCount` bytes from the platform's CSPRNG as url-safe base64, without padding. */
export function randomBase64Url(byteCount: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(byteCount))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
}
