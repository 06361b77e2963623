/**
 * Booking reassignment: a scheduler or manager moves a booking (or one panel seat) to another
 * member. The customer-facing booking stays as it was: same id, time, status, customer, page,
 * pool and panel; only that seat's host changes, with a `reassigned` history entry.
 *
 * The target is checked with the slot rules' meeting conditions at the booking's time, the booking
 * itself left out of busy time and caps: `inactive`, `outside-hours`, `busy`, `busy-in-calendar`
 * (the member's own calendar, from the state's `busy`), `over-daily-limit`,
 * `over-weekly-limit`. Minimum notice, booking window and the slot grid do NOT apply: they shape
 * what customers may pick, not whether a member can hold an existing meeting (an admin may move a
 * meeting that starts in ten minutes, to a member whose zone puts it off their grid).
 */

import { availabilityIndexBuild, MAX_WINDOW_DAYS } from '../availability/availability-index'
import {
  type MemberCannotTakeReason,
  memberCanTakeFromIndex,
} from '../availability/member-can-take'
import { partitionPoint } from '../model/partition-point'
import type { Booking, EventType, Member, Workspace } from '../model/workspace'
import { instantParse, MS_PER_DAY, MS_PER_MINUTE } from '../time/instant'
import { historyAppend, historyAt } from './booking-history-write'
import { bookingsNear } from './bookings-near'
import { bookingFind } from './booking-status'
import type {
  BookingChange,
  ReassignCandidate,
  ReassignRequest,
  DecisionState,
} from './booking-types'
import { bookingSeatPoolId } from './reschedule'

/** Checks that belong to offering slots, not to holding a meeting (see the module comment). */
const NOT_FOR_REASSIGNMENT: ReadonlySet<MemberCannotTakeReason> = new Set([
  'off-grid',
  'too-soon',
  'too-far-ahead',
])

/** Statuses whose bookings can no longer change hands. */
const CLOSED_STATUSES: ReadonlySet<Booking['status']> = new Set([
  'cancelled',
  'completed',
  'no-show',
])

/**
 * The meeting a reassignment checks: the booking's own length (an event type edited since the
 * booking was made does not change how long it is) with its event type's buffers, or no buffers
 * when the event type was deleted.
 */
function eventTypeOf(state: Workspace, booking: Booking): EventType {
  const known = state.eventTypes.find((candidate) => candidate.id === booking.eventTypeId)
  const minutes = (instantParse(booking.end) - instantParse(booking.start)) / MS_PER_MINUTE
  const durationMinutes = Math.max(1, Math.ceil(minutes))
  if (known !== undefined) return { ...known, durationMinutes }
  return {
    id: booking.eventTypeId,
    name: booking.eventTypeId,
    durationMinutes,
    slotIntervalMinutes: 1,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    maxDaysAhead: 0,
    questions: [],
  }
}

/**
 * Why each of `memberIds` cannot hold `booking` at its time (`[]` = free), in the given order. One
 * index over the booking's start for all of them.
 */
function holdReasons(
  state: Workspace,
  booking: Booking,
  memberIds: readonly string[],
  nowMs: number,
): (readonly MemberCannotTakeReason[])[] {
  if (memberIds.length === 0) return []
  const startMs = instantParse(booking.start)
  const near = { ...state, bookings: bookingsNear(state.bookings, startMs, startMs + 1) }
  const index = availabilityIndexBuild(near, {
    fromMs: startMs,
    toMs: startMs + 1,
    memberIds,
    excludeBookingId: booking.id,
  })
  const eventType = eventTypeOf(state, booking)
  return memberIds.map((memberId) => {
    const result = memberCanTakeFromIndex(index, memberId, eventType, nowMs, startMs)
    return result.ok ? [] : result.reasons.filter((reason) => !NOT_FOR_REASSIGNMENT.has(reason))
  })
}

function refuse(reason: 'not-allowed' | 'unknown-member', message: string): BookingChange {
  return { ok: false, reason, message }
}

/**
 * Reassigns a seat of booking `request.bookingId` to `request.toMemberId` at `nowMs`. Refusals, in
 * order: `not-found`; `not-allowed` for a cancelled, completed or no-show booking, for a missing
 * `fromMemberId` when the booking has several hosts, for a `fromMemberId` that is not a current
 * host; `unknown-member` for a target not in the workspace; `not-allowed` when the target already
 * hosts the booking (panel members stay distinct); `member-unavailable` with `memberReasons` when
 * the target cannot hold the meeting (see the module comment) and `force` is false. With `force`
 * an unavailable target is accepted and the entry says `forced: true`. History gains
 * `{ at, action: 'reassigned', by, reason, fromMemberId, toMemberId, forced }`. Throws a
 * `RangeError` for a non-finite `nowMs` or invalid records.
 */
export function reassignDecide(
  state: DecisionState,
  request: ReassignRequest,
  nowMs: number,
): BookingChange {
  if (!Number.isFinite(nowMs)) throw new RangeError(`Bad now: ${nowMs}`)
  const found = bookingFind(state, request.bookingId)
  if (!found.ok) return found
  const { booking } = found
  if (CLOSED_STATUSES.has(booking.status)) {
    return refuse('not-allowed', `A ${booking.status} booking cannot be reassigned`)
  }
  const hosts = booking.hostMemberIds
  const from = request.fromMemberId ?? (hosts.length === 1 ? hosts[0] : undefined)
  if (from === undefined) {
    return refuse('not-allowed', 'Say which host to replace: this booking has several')
  }
  const seat = hosts.indexOf(from)
  if (seat < 0) return refuse('not-allowed', `${from} is not a host of this booking`)
  const to = request.toMemberId
  if (!state.members.some((member) => member.id === to)) {
    return refuse('unknown-member', `No member ${to}`)
  }
  if (hosts.includes(to)) return refuse('not-allowed', `${to} already hosts this booking`)
  const [reasons = []] = holdReasons(state, booking, [to], nowMs)
  const isForced = reasons.length > 0
  if (isForced && !request.force) {
    return {
      ok: false,
      reason: 'member-unavailable',
      message: `${to} cannot take this booking: ${reasons.join(', ')}`,
      memberReasons: reasons,
    }
  }
  const moved: Booking = { ...booking, hostMemberIds: hosts.map((id, i) => (i === seat ? to : id)) }
  return {
    ok: true,
    booking: historyAppend(moved, {
      at: historyAt(booking, nowMs),
      action: 'reassigned',
      by: request.by,
      reason: request.reason ?? null,
      fromMemberId: from,
      toMemberId: to,
      forced: isForced,
    }),
  }
}

/**
 * The reassign dialog's list for booking `bookingId` (the seat of `fromMemberId`, else the first):
 * every active member who is not already a host, members of the seat's pool first (pool list
 * order), then the others (workspace order); each `free`, or `unavailable` with every failing
 * check (see the module comment). `[]` for an unknown, cancelled, completed or no-show booking.
 * A `fromMemberId` that is not a host is treated as absent. Throws a `RangeError` for a
 * non-finite `nowMs` or invalid records.
 */
export function reassignCandidates(
  state: DecisionState,
  bookingId: string,
  fromMemberId: string | null | undefined,
  nowMs: number,
): readonly ReassignCandidate[] {
  if (!Number.isFinite(nowMs)) throw new RangeError(`Bad now: ${nowMs}`)
  const found = bookingFind(state, bookingId)
  if (!found.ok || CLOSED_STATUSES.has(found.booking.status)) return []
  const { booking } = found
  const hosts = new Set(booking.hostMemberIds)
  const seat = Math.max(0, booking.hostMemberIds.indexOf(fromMemberId ?? ''))
  const poolId = bookingSeatPoolId(state, booking, seat)
  const pool = state.pools.find((candidate) => candidate.id === poolId)
  const active = state.members.filter((member) => member.active && !hosts.has(member.id))
  const activeIds = new Set(active.map((member) => member.id))
  const poolIds = [...new Set((pool?.members ?? []).map((entry) => entry.memberId))].filter((id) =>
    activeIds.has(id),
  )
  const inPool = new Set(poolIds)
  const ordered = [...poolIds, ...active.map((m) => m.id).filter((id) => !inPool.has(id))]
  const reasons = holdReasons(state, booking, ordered, nowMs)
  return ordered.map((memberId, i): ReassignCandidate => {
    const failing = reasons[i] ?? []
    const isPoolMember = inPool.has(memberId)
    return failing.length === 0
      ? { memberId, isPoolMember, status: 'free' }
      : { memberId, isPoolMember, status: 'unavailable', reasons: failing }
  })
}

/** Why a member's own record no longer holds a booking of theirs. */
const HOURS_REASONS: ReadonlySet<MemberCannotTakeReason> = new Set(['inactive', 'outside-hours'])

/**
 * Whether the member's last assignment of `booking` was forced (a manager gave it to them
 * knowingly while they could not hold it): not something left behind.
 */
function isForcedOn(booking: Booking, memberId: string): boolean {
  const last = booking.history.findLast(
    (entry) => entry.action === 'reassigned' && entry.toMemberId === memberId,
  )
  return last?.action === 'reassigned' && last.forced === true
}

/** A booking not closed, with its start parsed once (sorting compares numbers). */
interface OpenAhead {
  readonly booking: Booking
  readonly startMs: number
}

const byStartMs = (a: OpenAhead, b: OpenAhead) => a.startMs - b.startMs

/**
 * Per member record, per booking record: whether the member's own record leaves the meeting
 * outside their hours (`inactive` or `outside-hours`). Both records are immutable (a change makes
 * a new object), and the answer reads nothing else: the meeting's length is the booking's own
 * (`eventTypeOf`), and neither reason depends on now, the index window, buffers or other bookings.
 * So Conflicts' minute tick and a new booking recompute only what changed (`npm run bench --
 * --filter outside-hours`: 1,000 members with ~124,000 bookings took 213–215 ms per call before
 * this, every call).
 */
const OUTSIDE_VERDICTS = new WeakMap<Member, WeakMap<Booking, boolean>>()

/** Of `open` (the member's, ascending by start), those the member's own record does not cover. */
function outsideHoursOf(
  state: Workspace,
  member: Member,
  open: readonly OpenAhead[],
  nowMs: number,
): readonly OpenAhead[] {
  if (open.length === 0) return []
  let verdicts = OUTSIDE_VERDICTS.get(member)
  if (verdicts === undefined) {
    verdicts = new WeakMap()
    OUTSIDE_VERDICTS.set(member, verdicts)
  }
  const unknown = open.filter(({ booking }) => !verdicts.has(booking))
  if (unknown.length > 0) {
    // Hours and being active do not depend on other bookings: one index for the member, no busy
    // time, over the starts not yet known.
    const index = availabilityIndexBuild(
      { members: state.members, eventTypes: state.eventTypes, bookings: [] },
      { fromMs: unknown[0]!.startMs, toMs: unknown.at(-1)!.startMs + 1, memberIds: [member.id] },
    )
    for (const { booking, startMs } of unknown) {
      const result = memberCanTakeFromIndex(
        index,
        member.id,
        eventTypeOf(state, booking),
        nowMs,
        startMs,
      )
      verdicts.set(
        booking,
        !result.ok && result.reasons.some((reason) => HOURS_REASONS.has(reason)),
      )
    }
  }
  return open.filter(({ booking }) => verdicts.get(booking) === true)
}

/**
 * The open bookings `memberId` hosts that start at or after `nowMs` (within
 * `MAX_WINDOW_DAYS`) and that the member's own record no longer covers: the meeting (its own
 * length) lies outside their working hours — weekly hours, date overrides, zone — or the member
 * is inactive. What a change to a member's hours, a day off or deactivating them leaves behind;
 * overlaps, calendar busy time and limits are checked elsewhere (conflicts, reassignment).
 * Ascending by start. Throws a `RangeError` for a non-finite `nowMs` or invalid records.
 */
export function bookingsOutsideHours(
  state: Workspace,
  memberId: string,
  nowMs: number,
): readonly Booking[] {
  if (!Number.isFinite(nowMs)) throw new RangeError(`Bad now: ${nowMs}`)
  const member = state.members.find((candidate) => candidate.id === memberId)
  if (member === undefined) return []
  const open = openAhead(openByHost(state.bookings).get(memberId) ?? [], nowMs)
  return outsideHoursOf(state, member, open, nowMs).map(({ booking }) => booking)
}

/** A booking still to come that a host's own record no longer covers. */
export interface HostOutsideHours {
  readonly booking: Booking
  readonly memberId: string
}

/**
 * {@link bookingsOutsideHours} for every member at once (the bookings read once), leaving out
 * those a manager gave the member knowingly (a forced reassignment to them): what the desk lists
 * until someone moves them. By start, then member order. Throws like `bookingsOutsideHours`.
 */
export function hostsOutsideHours(state: Workspace, nowMs: number): readonly HostOutsideHours[] {
  if (!Number.isFinite(nowMs)) throw new RangeError(`Bad now: ${nowMs}`)
  const byHost = openByHost(state.bookings)
  const found: (OpenAhead & HostOutsideHours)[] = []
  for (const member of state.members) {
    const open = openAhead(byHost.get(member.id) ?? [], nowMs)
    for (const { booking, startMs } of outsideHoursOf(state, member, open, nowMs)) {
      if (!isForcedOn(booking, member.id)) found.push({ booking, startMs, memberId: member.id })
    }
  }
  // By start, then member order (the sort is stable).
  return found.sort(byStartMs).map(({ booking, memberId }) => ({ booking, memberId }))
}

/**
 * Of a host's bookings that are not closed (ascending by start), those still to come at `nowMs`:
 * starting at or after it, within the index's reach (`MAX_WINDOW_DAYS`).
 */
function openAhead(all: readonly OpenAhead[], nowMs: number): readonly OpenAhead[] {
  const endMs = nowMs + (MAX_WINDOW_DAYS - 1) * MS_PER_DAY
  return all.slice(
    partitionPoint(all.length, (i) => all[i]!.startMs < nowMs),
    partitionPoint(all.length, (i) => all[i]!.startMs < endMs),
  )
}

/**
 * Per bookings array (a state keeps its array until a booking changes): each host's bookings that
 * are not closed, ascending by start, the start parsed once. What {@link hostsOutsideHours} and
 * {@link bookingsOutsideHours} read for any now, so the minute tick does not group every booking
 * again.
 */
const OPEN_BY_HOST = new WeakMap<readonly Booking[], ReadonlyMap<string, readonly OpenAhead[]>>()

function openByHost(bookings: readonly Booking[]): ReadonlyMap<string, readonly OpenAhead[]> {
  let byHost = OPEN_BY_HOST.get(bookings)
  if (byHost === undefined) {
    const lists = new Map<string, OpenAhead[]>()
    for (const booking of bookings) {
      if (CLOSED_STATUSES.has(booking.status)) continue
      const entry = { booking, startMs: instantParse(booking.start) }
      for (const memberId of new Set(booking.hostMemberIds)) {
        const list = lists.get(memberId)
        if (list) list.push(entry)
        else lists.set(memberId, [entry])
      }
    }
    for (const list of lists.values()) list.sort(byStartMs)
    byHost = lists
    OPEN_BY_HOST.set(bookings, byHost)
  }
  return byHost
}
