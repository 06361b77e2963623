/**
 * Public pages (api.md v1.1 "Booking-page links"): `/book/{slug}` names a master page or a booking
 * page (slugs are unique across both kinds). A booking page is offered as a master page of its
 * own, its *link page*: the member's event types, every booking routed to that booking page
 * (a static target), so availability and decisions run exactly as for a master page whose one
 * target is that booking page.
 *
 * A link page's id is {@link BOOKING_PAGE_LINK_PREFIX} + the booking page's id. The prefix holds a
 * `/`, which no record id may contain (`ID_PATTERN`), so a link page can never be mistaken for a
 * stored master page. A booking made through it records no master page (`masterPageId: null`).
 */

import type { BookingPage, MasterPage, Workspace } from '../model/workspace'

/** Prefix of a link page's id; `/` is outside `ID_PATTERN`, so no stored id starts with it. */
export const BOOKING_PAGE_LINK_PREFIX = 'booking-page/'

/** The master page that stands for booking page `bookingPage` on its own link. */
export function bookingPageLinkPage(bookingPage: BookingPage, title: string): MasterPage {
  return {
    id: `${BOOKING_PAGE_LINK_PREFIX}${bookingPage.id}`,
    slug: bookingPage.slug,
    title,
    eventTypeIds: bookingPage.eventTypeIds,
    assignment: { type: 'static', target: { bookingPageId: bookingPage.id } },
    branding: null,
  }
}

/** True when `masterPageId` names a booking page's link page rather than a stored master page. */
export function masterPageIdIsLink(masterPageId: string): boolean {
  return masterPageId.startsWith(BOOKING_PAGE_LINK_PREFIX)
}

/** A member's first name: all a customer learns about a host (product rule 6). */
export function memberFirstName(name: string | undefined): string {
  return name?.trim().split(/\s+/)[0] || 'Host'
}

/**
 * The master page with id `masterPageId`: a stored one, or a booking page's link page
 * ({@link BOOKING_PAGE_LINK_PREFIX}), titled with its member's first name. Undefined when neither
 * exists.
 */
export function masterPageFind(
  state: Pick<Workspace, 'masterPages' | 'bookingPages' | 'members'>,
  masterPageId: string,
): MasterPage | undefined {
  if (!masterPageIdIsLink(masterPageId)) {
    return state.masterPages.find((page) => page.id === masterPageId)
  }
  const bookingPageId = masterPageId.slice(BOOKING_PAGE_LINK_PREFIX.length)
  const bookingPage = state.bookingPages.find((page) => page.id === bookingPageId)
  if (bookingPage === undefined) return undefined
  const member = state.members.find((candidate) => candidate.id === bookingPage.memberId)
  return bookingPageLinkPage(bookingPage, memberFirstName(member?.name))
}

/** What `/book/{slug}` shows: a master page, or a booking page on its own link. */
export type PublicPage =
  | { readonly kind: 'master-page'; readonly page: MasterPage }
  | {
      readonly kind: 'booking-page'
      /** The link page (see the module comment): use its id in availability and bookings. */
      readonly page: MasterPage
      readonly bookingPage: BookingPage
    }

/**
 * The public page with `slug`: a master page's, else a booking page's (as its link page), else
 * undefined. Master pages win a clash, which validation refuses anyway (slugs are unique across
 * both kinds).
 */
export function publicPageBySlug(
  state: Pick<Workspace, 'masterPages' | 'bookingPages' | 'members'>,
  slug: string,
): PublicPage | undefined {
  const masterPage = state.masterPages.find((page) => page.slug === slug)
  if (masterPage !== undefined) return { kind: 'master-page', page: masterPage }
  const bookingPage = state.bookingPages.find((page) => page.slug === slug)
  if (bookingPage === undefined) return undefined
  const member = state.members.find((candidate) => candidate.id === bookingPage.memberId)
  return {
    kind: 'booking-page',
    page: bookingPageLinkPage(bookingPage, memberFirstName(member?.name)),
    bookingPage,
  }
}
