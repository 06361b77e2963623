import type { Booking, Workspace } from '../../../core/src/model/workspace'

/** The customer's manage link of a booking, or why there is none. */
export type ManageLink =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string }

/**
 * The link a customer uses to cancel or reschedule (`/book/{slug}/manage/{id}#token=…`, as the
 * public booking page reads it), built on `serverUrl`. Only bookings with a server-written
 * manage token have one: public bookings do; desk bookings get one once the server sends
 * confirmations (the notifications update).
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
          ? 'Desk bookings have no manage link yet: the sync server issues one once it sends confirmations (coming with the notifications update).'
          : 'The sync server has not issued a manage link for this booking.',
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
