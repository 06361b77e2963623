import { availabilityIndexBuild, memberCanTakeFromIndex } from '../../../core/src/availability'
import type { MemberCannotTakeReason } from '../../../core/src/availability'
import type { PageSlot } from '../../../core/src/booking'
import { bookingsNear } from '../../../core/src/booking/bookings-near'
import type { EventType, Workspace } from '../../../core/src/model/workspace'
import { durationText } from '../../../core/src/notify/message-compose'
import { MS_PER_MINUTE } from '../../../core/src/time/instant'

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

/**
 * Why `memberId` cannot take `eventType` at the clicked `atMs`, for people — core's own check
 * (`memberCanTake`, the conditions of the free times) on the latest start of the member's time
 * grid whose meeting would cover `atMs` ("Intro call must be booked at least 4 hours ahead";
 * "Ben Okafor has a booking then (with the buffers around it)") — or null when such a start is
 * free, no start on the grid covers `atMs`, or the records cannot be read (core refuses them).
 */
export function bookAtRefusal(
  workspace: Workspace,
  memberId: string,
  eventType: EventType,
  atMs: number,
  nowMs: number,
): string | null {
  const member = workspace.members.find((m) => m.id === memberId)
  if (!member) return null
  const fromMs = atMs - (eventType.durationMinutes - 1) * MS_PER_MINUTE
  try {
    const index = availabilityIndexBuild(
      { ...workspace, bookings: bookingsNear(workspace.bookings, fromMs, atMs + 1) },
      { fromMs, toMs: atMs + 1, memberIds: [memberId] },
    )
    for (let startMs = atMs; startMs >= fromMs; startMs -= MS_PER_MINUTE) {
      const result = memberCanTakeFromIndex(index, memberId, eventType, nowMs, startMs)
      if (result.ok) return null
      if (result.reasons.includes('off-grid')) continue
      return result.reasons
        .map((reason) => refusalText(reason, member.name, eventType, startMs < nowMs))
        .join('; ')
    }
  } catch (err) {
    // Records core refuses (a zone or hours it cannot read): no reason rather than no dialog.
    if (err instanceof RangeError) return null
    throw err
  }
  return null
}

function refusalText(
  reason: MemberCannotTakeReason,
  name: string,
  eventType: EventType,
  isPast: boolean,
): string {
  switch (reason) {
    case 'inactive':
      return `${name} is inactive`
    case 'off-grid':
      return `${eventType.name} does not start then`
    case 'too-soon':
      return isPast
        ? 'that time has passed'
        : `${eventType.name} must be booked at least ${durationText(eventType.minNoticeMinutes)} ahead`
    case 'too-far-ahead':
      return `${eventType.name} can be booked at most ${durationText(eventType.maxDaysAhead * 1440)} ahead`
    case 'outside-hours':
      return `it is outside ${name}’s working hours`
    case 'busy':
      return `${name} has a booking then (with the buffers around it)`
    case 'busy-in-calendar':
      return `${name} is busy then in their own calendar`
    case 'over-daily-limit':
      return `${name} has reached their daily limit of bookings`
    case 'over-weekly-limit':
      return `${name} has reached their weekly limit of bookings`
  }
}
