/**
 * Filling seats: at which starts every seat of a plan can be filled by a DIFFERENT member who can
 * take the meeting then, and by whom. The one computation behind page availability and booking
 * decisions (rule 1: a slot shown is a slot bookable), for one seat (a pool or a booking page)
 * and for panels alike.
 *
 * Each seat lists its candidates most preferred first. At a start, the seats are matched to free
 * candidates with `panelMatch`: seats in order, each taking its most preferred free candidate, and
 * only when none is left does an augmenting path move an earlier seat to another candidate — so
 * without contention every seat gets its first choice, and a member eligible for two seats (in
 * two overlapping pools) fills at most one.
 *
 * Round-robin seats offer only the pool's next in line, falling through per requested range:
 * taking round-robin seats in seat order, each is fixed to the FIRST member in line order with whom
 * at least one start in the range can be filled (earlier round-robin seats fixed to their chosen
 * members, later ones still open to their whole line); a seat with no such member means no slots.
 * A decision is the same computation over the one-minute range of its start, so a start shown for
 * a range is decided the same way: every member before the chosen one had no start in the range,
 * hence none at that start.
 */

import type { AvailabilityIndex } from '../availability/availability-index'
import {
  availabilityIndexBuild,
  availabilityIndexBuildSteps,
  indexReachOf,
} from '../availability/availability-index'
import { panelMatch } from '../availability/panel-matching'
import { type SlotUnion, slotUnionMemberIndexes, slotsUnion } from '../availability/slot-union'
import type { SlotRange } from '../availability/slots'
import type { Steps } from '../availability/steps'
import type { EventType, Workspace } from '../model/workspace'
import { MS_PER_DAY } from '../time/instant'
import { bookingsNear } from './bookings-near'

/** One seat's candidates. */
export interface SeatCandidates {
  /** Member ids, most preferred first; every one must be in the index. */
  readonly memberIds: readonly string[]
  /** Offer only the next in line (with fall-through per range), see the module comment. */
  readonly isRoundRobin: boolean
}

/** A start at which every seat is filled: `memberIds[seat]`. */
export interface SeatFill {
  readonly startMs: number
  readonly memberIds: readonly string[]
}

/**
 * Whether every seat can be filled at all: there is a seat, and each has a candidate. Otherwise a
 * target offers no start and refuses every booking.
 */
export function seatsHaveCandidates(seats: readonly SeatCandidates[]): boolean {
  return seats.length > 0 && seats.every((seat) => seat.memberIds.length > 0)
}

/** {@link seatMemberIds} per seats array (a decision asks three times for the same seats). */
const MEMBER_IDS = new WeakMap<readonly SeatCandidates[], readonly string[]>()

/** Every member id the seats name, once each, in first-mention order. Do not mutate. */
export function seatMemberIds(seats: readonly SeatCandidates[]): readonly string[] {
  let ids = MEMBER_IDS.get(seats)
  if (ids === undefined) {
    const seen = new Set<string>()
    const list: string[] = []
    for (const seat of seats) {
      for (const id of seat.memberIds) {
        if (seen.has(id)) continue
        seen.add(id)
        list.push(id)
      }
    }
    ids = list
    MEMBER_IDS.set(seats, ids)
  }
  return ids
}

/**
 * An index over the members of `seats` for slot starts in `[fromMs, toMs)`; `excludeBookingId`
 * leaves one booking out of busy time and caps (the one being moved). With `eventType`, the index
 * answers only for meetings of that event type (busy time kept only where it can touch one).
 */
export function seatIndexBuild(
  state: Workspace,
  seats: readonly SeatCandidates[],
  fromMs: number,
  toMs: number,
  excludeBookingId: string | null = null,
  eventType?: EventType,
): AvailabilityIndex {
  return availabilityIndexBuild(
    { ...state, bookings: bookingsNear(state.bookings, fromMs, toMs) },
    {
      fromMs,
      toMs,
      memberIds: seatMemberIds(seats),
      excludeBookingId,
      ...(eventType ? { reach: indexReachOf(eventType) } : {}),
    },
  )
}

/** Slot starts filled per step by {@link seatFillsSteps}: one day. */
export const FILL_STEP_MS = MS_PER_DAY

/**
 * The fills of `seats` for starts in `[fromMs, toMs)` — `seatsFill` over `seatIndexBuild` — in
 * steps (see `steps.ts`): the index a group of members at a time, then the starts a day at a
 * time. Identical to the one-go computation: without a round-robin seat, whether and by whom a
 * start is filled depends on that start alone; seats with round robin (whose fall-through looks
 * at the whole range) are filled in one step over the whole range.
 */
export function* seatFillsSteps(
  state: Workspace,
  seats: readonly SeatCandidates[],
  eventType: EventType,
  fromMs: number,
  toMs: number,
  nowMs: number,
  excludeBookingId: string | null = null,
): Steps<readonly SeatFill[]> {
  const index = yield* availabilityIndexBuildSteps(
    { ...state, bookings: bookingsNear(state.bookings, fromMs, toMs) },
    { fromMs, toMs, memberIds: seatMemberIds(seats), excludeBookingId },
  )
  if (seats.some((seat) => seat.isRoundRobin)) return seatsFill(index, seats, eventType, nowMs)
  const fills: SeatFill[] = []
  for (let from = fromMs; from < toMs; from += FILL_STEP_MS) {
    yield
    const range = { fromMs: from, toMs: Math.min(toMs, from + FILL_STEP_MS) }
    fills.push(...seatsFill(index, seats, eventType, nowMs, range))
  }
  return fills
}

function contains(sorted: Int32Array, value: number): boolean {
  let low = 0
  let high = sorted.length - 1
  while (low <= high) {
    const mid = (low + high) >> 1
    const at = sorted[mid]!
    if (at < value) low = mid + 1
    else if (at > value) high = mid - 1
    else return true
  }
  return false
}

/**
 * The starts (ascending) within the index window or `range` at which all `seats` can be filled by
 * distinct members, with the filling (see the module comment). No seats, or a seat without
 * candidates, gives none. Throws a `RangeError` for a member missing from the index, invalid
 * event type numbers, or a bad `range`/`nowMs`.
 */
export function seatsFill(
  index: AvailabilityIndex,
  seats: readonly SeatCandidates[],
  eventType: EventType,
  nowMs: number,
  range?: SlotRange,
): readonly SeatFill[] {
  if (!seatsHaveCandidates(seats)) return []
  const memberIds = seatMemberIds(seats)
  return seatsFillUnion(slotsUnion(index, memberIds, eventType, nowMs, range), seats)
}

/** {@link seatsFill} on the union of the seats' members (`seatMemberIds` order). */
function seatsFillUnion(union: SlotUnion, seats: readonly SeatCandidates[]): readonly SeatFill[] {
  const memberIds = union.memberIds
  const positions = new Map(memberIds.map((id, position) => [id, position] as const))
  const lists = seats.map((seat) => [...new Set(seat.memberIds)].map((id) => positions.get(id)!))
  const fixed: (number | null)[] = seats.map(() => null)
  const isFree = new Uint8Array(memberIds.length)
  const work: number[][] = seats.map(() => [])

  const matchAt = (slot: number): number[] | null => {
    const free = slotUnionMemberIndexes(union, slot)
    if (free.length < seats.length) return null
    for (const position of free) isFree[position] = 1
    let isEverySeatCovered = true
    for (let seat = 0; seat < seats.length && isEverySeatCovered; seat++) {
      const list = work[seat]!
      list.length = 0
      const only = fixed[seat]
      if (only !== null && only !== undefined) {
        if (isFree[only] === 1) list.push(only)
      } else {
        for (const position of lists[seat]!) if (isFree[position] === 1) list.push(position)
      }
      isEverySeatCovered = list.length > 0
    }
    for (const position of free) isFree[position] = 0
    return isEverySeatCovered ? panelMatch(work, memberIds.length) : null
  }

  const hasAnySlotWith = (position: number): boolean => {
    for (let slot = 0; slot < union.startsMs.length; slot++) {
      if (contains(slotUnionMemberIndexes(union, slot), position) && matchAt(slot) !== null) {
        return true
      }
    }
    return false
  }

  for (let seat = 0; seat < seats.length; seat++) {
    if (!seats[seat]!.isRoundRobin) continue
    let isChosen = false
    for (const position of lists[seat]!) {
      fixed[seat] = position
      isChosen = hasAnySlotWith(position)
      if (isChosen) break
    }
    if (!isChosen) return []
  }

  const fills: SeatFill[] = []
  for (let slot = 0; slot < union.startsMs.length; slot++) {
    const assignment = matchAt(slot)
    if (assignment === null) continue
    fills.push({
      startMs: union.startsMs[slot]!,
      memberIds: assignment.map((position) => memberIds[position]!),
    })
  }
  return fills
}

/** A decision at one start: who fills the seats then (null: nobody), and who was free. */
export interface SeatDecision {
  readonly fill: SeatFill | null
  /** The members of the seats free at the start (can take the meeting then, by the slot rules). */
  readonly free: ReadonlySet<string>
}

/**
 * The decision at exactly `startMs` from an index whose window contains it: `seatsFill` over the
 * one-minute range of the start (the fill at `startMs`, if any) and the seats' members free then,
 * both from one union of the seats' members.
 */
export function seatsFillAt(
  index: AvailabilityIndex,
  seats: readonly SeatCandidates[],
  eventType: EventType,
  nowMs: number,
  startMs: number,
): SeatDecision {
  const memberIds = seatMemberIds(seats)
  if (memberIds.length === 0) return { fill: null, free: new Set() }
  const union = slotsUnion(index, memberIds, eventType, nowMs, {
    fromMs: startMs,
    toMs: Math.min(startMs + 1, index.toMs),
  })
  const free = new Set<string>()
  for (let slot = 0; slot < union.startsMs.length; slot++) {
    if (union.startsMs[slot] !== startMs) continue
    for (const position of slotUnionMemberIndexes(union, slot)) free.add(memberIds[position]!)
  }
  const fill = seatsHaveCandidates(seats)
    ? seatsFillUnion(union, seats).find((candidate) => candidate.startMs === startMs)
    : undefined
  return { fill: fill ?? null, free }
}
