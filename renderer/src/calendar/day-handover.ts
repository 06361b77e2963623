import { reassignCandidates } from '../../../core/src/booking'
import type { DecisionState } from '../../../core/src/booking'
import { bookingIsOpen } from '../../../core/src/model/booking-statuses'
import type { Booking, Member } from '../../../core/src/model/workspace'
import { zoneIsValid } from '../../../core/src/time'
import { boardDay } from './board-layout'
import type { BoardDay } from './board-layout'

/** A member free to take a booking over. */
export interface HandoverTaker {
  readonly memberId: string
  /** In the pool the booking's seat came from. */
  readonly isPoolMember: boolean
}

/** One booking of the member's day, and who would take it over. */
export interface HandoverRow {
  readonly booking: Booking
  /** The members free to take it, given the rows before it (core's order: the seat's pool first). */
  readonly free: readonly HandoverTaker[]
  /** Who takes it: the one picked, else the free member with the fewest bookings that day; null: no one. */
  readonly toMemberId: string | null
}

/**
 * Handing over a member's day (they are ill, away): each of their open bookings starting after
 * `nowMs` within `[fromMs, toMs)` (the dialog passes the member's own day: the date in their zone), in time order,
 * with the members free to take it — core's `reassignCandidates`, decided against the workspace
 * with the rows before it already handed over, so two of the day's meetings at one time never go
 * to one colleague. `picked` (booking id → member id, or null to leave it with the member) is
 * followed where that member is still free; otherwise a free member of the booking's pool (any
 * free member when none is) with the fewest bookings on the day so far takes it (ties: core's
 * order), so the day is spread rather than given to the first name.
 */
export function dayHandoverPlan(
  state: DecisionState,
  memberId: string,
  fromMs: number,
  toMs: number,
  nowMs: number,
  picked: ReadonlyMap<string, string | null> = new Map(),
): readonly HandoverRow[] {
  const theirs = state.bookings
    .filter(
      (booking) =>
        isTheirsOnDay(booking, memberId, fromMs, toMs) && Date.parse(booking.start) > nowMs,
    )
    .toSorted((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id))
  const rows: HandoverRow[] = []
  let current = state
  for (const booking of theirs) {
    const free = reassignCandidates(current, booking.id, memberId, nowMs)
      .filter((candidate) => candidate.status === 'free')
      .map(({ memberId: id, isPoolMember }) => ({ memberId: id, isPoolMember }))
    const choice = picked.get(booking.id)
    // The booking's pool keeps it where a pool member is free; the day spread among them.
    const inPool = free.filter((taker) => taker.isPoolMember)
    const toMemberId =
      choice === null
        ? null
        : choice !== undefined && free.some((taker) => taker.memberId === choice)
          ? choice
          : leastBusy(
              (inPool.length > 0 ? inPool : free).map((taker) => taker.memberId),
              current.bookings,
              fromMs,
              toMs,
            )
    rows.push({ booking, free, toMemberId })
    if (toMemberId === null) continue
    // The next rows see this one handed over.
    const handed: Booking = {
      ...booking,
      hostMemberIds: booking.hostMemberIds.map((id) => (id === memberId ? toMemberId : id)),
    }
    current = {
      ...current,
      bookings: current.bookings.map((b) => (b.id === booking.id ? handed : b)),
    }
  }
  return rows
}

/** An open booking of `memberId` starting in `[fromMs, toMs)`. */
function isTheirsOnDay(booking: Booking, memberId: string, fromMs: number, toMs: number): boolean {
  const startMs = Date.parse(booking.start)
  return (
    booking.hostMemberIds.includes(memberId) &&
    bookingIsOpen(booking) &&
    startMs >= fromMs &&
    startMs < toMs
  )
}

/** The first of `memberIds` with the fewest open bookings starting in `[fromMs, toMs)`. */
function leastBusy(
  memberIds: readonly string[],
  bookings: readonly Booking[],
  fromMs: number,
  toMs: number,
): string | null {
  let best: string | null = null
  let bestCount = Infinity
  for (const memberId of memberIds) {
    const count = bookings.filter((booking) =>
      isTheirsOnDay(booking, memberId, fromMs, toMs),
    ).length
    if (count < bestCount) {
      best = memberId
      bestCount = count
    }
  }
  return best
}

/**
 * The day handed over and the zone it is told in: `date` (`YYYY-MM-DD`) in the member's own zone —
 * "Ben is ill on Monday" means Ben's Monday — or in `deskZone` for a member whose zone cannot be
 * read.
 */
export function memberDay(
  member: Member | undefined,
  date: string,
  deskZone: string,
): { readonly zone: string; readonly day: BoardDay } {
  const zone = member && zoneIsValid(member.timeZone) ? member.timeZone : deskZone
  return { zone, day: boardDay(zone, date) }
}
