import type { PageSlot } from '../../../core/src/booking'
import type { Workspace } from '../../../core/src/model/workspace'

/** A click on an empty place of the day board: book this member at this time. */
export interface BookAt {
  readonly memberId: string
  /** The instant clicked, rounded down to {@link BOOK_AT_STEP_MIN} minutes of the board. */
  readonly atMs: number
}

/** The board's clicks and hover mark snap to quarter hours. */
export const BOOK_AT_STEP_MIN = 15

/**
 * The minute of the board's day at `offsetPx` from the column's top, rounded down to
 * {@link BOOK_AT_STEP_MIN} and kept inside the day (`dayMinutes` long: 1380–1500 on DST days).
 */
export function boardMinuteAt(offsetPx: number, pxPerMinute: number, dayMinutes: number): number {
  const minute = Math.floor(offsetPx / pxPerMinute / BOOK_AT_STEP_MIN) * BOOK_AT_STEP_MIN
  const last = Math.floor((dayMinutes - 1) / BOOK_AT_STEP_MIN) * BOOK_AT_STEP_MIN
  return Math.min(Math.max(minute, 0), Math.max(last, 0))
}

/** How New booking reaches one member by name: the master page, their booking page, an event type. */
export interface MemberRoute {
  readonly masterPageId: string
  readonly bookingPageId: string
  readonly eventTypeId: string
}

/**
 * The way to book `memberId` directly, or null when no master page offers it: a page whose static
 * target is one of the member's booking pages first (it books them and no one else), else a page
 * where the customer chooses the member and the member's booking page is one of the choices — in
 * both, with an event type the page and the booking page both offer (the page's order).
 */
export function memberBookingRoute(workspace: Workspace, memberId: string): MemberRoute | null {
  const own = new Map(
    workspace.bookingPages.filter((b) => b.memberId === memberId).map((b) => [b.id, b]),
  )
  if (own.size === 0) return null
  const routeThrough = (
    masterPageId: string,
    eventTypeIds: readonly string[],
    bookingPageId: string,
  ): MemberRoute | null => {
    const offered = own.get(bookingPageId)?.eventTypeIds ?? []
    const eventTypeId = eventTypeIds.find((id) => offered.includes(id))
    return eventTypeId ? { masterPageId, bookingPageId, eventTypeId } : null
  }
  for (const page of workspace.masterPages) {
    const { assignment } = page
    if (assignment.type !== 'static' || !('bookingPageId' in assignment.target)) continue
    const route = routeThrough(page.id, page.eventTypeIds, assignment.target.bookingPageId)
    if (route) return route
  }
  for (const page of workspace.masterPages) {
    const { assignment } = page
    if (assignment.type !== 'customer-choice') continue
    for (const bookingPageId of assignment.bookingPageIds) {
      const route = routeThrough(page.id, page.eventTypeIds, bookingPageId)
      if (route) return route
    }
  }
  return null
}

/**
 * The free time that covers `atMs` (starts at or before it and ends after it; the latest such
 * start), or null when none does.
 */
export function slotCovering(slots: readonly PageSlot[], atMs: number): string | null {
  let best: string | null = null
  let bestMs = -Infinity
  for (const slot of slots) {
    const startMs = Date.parse(slot.start)
    if (startMs <= atMs && atMs < Date.parse(slot.end) && startMs > bestMs) {
      best = slot.start
      bestMs = startMs
    }
  }
  return best
}
