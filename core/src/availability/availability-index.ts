/**
 * The availability index: every member's hours, busy time and closed days over one window,
 * precomputed once so that many slot queries (members, pools, panels, event types) are cheap.
 * It does not depend on an event type; slot functions apply one on top.
 *
 * All times inside are epoch minutes; intervals are half-open `[start, end)` flat arrays, merged
 * (see `intervals.ts`). The window `[fromMs, toMs)` bounds slot STARTS; hours and busy time are
 * kept a day past it so a slot starting at its end still sees the hours and bookings it touches.
 */

import type { Booking, Member, Workspace } from '../model/workspace'
import { MS_PER_DAY, MS_PER_MINUTE } from '../time/instant'
import { MINUTES_PER_DAY } from '../time/wall-clock'
import { type ZoneSegment, zoneSegments } from '../time/zone'
import { busyCollect } from './busy'
import { type BusyTimes, busyTimesMinutes, busyTimesOf } from './busy-times'
import { intervalsMerge, intervalsUnion } from './intervals'
import { MAX_EVENT_SPAN_MIN } from './slot-rules'
import type { Steps } from './steps'
import { workingHoursMinutes, workingPatternOf } from './working-hours'
import { WORKLOAD_REACH_DAYS, workloadCapsOf, workloadClosedMinutes } from './workload'

/**
 * The records availability reads; a whole `Workspace` will do. `busy`: members' busy time from
 * their own calendars (`busy-times.ts`), blocking like bookings without buffers; absent = none.
 */
export type AvailabilityState = Pick<Workspace, 'members' | 'eventTypes' | 'bookings'> & {
  readonly busy?: BusyTimes
}

/** Longest window an index covers: a year plus slack (the public API asks for at most 62 days). */
export const MAX_WINDOW_DAYS = 400

/** Zone segments reach this far around the window: caps count bookings up to 8 days out. */
const SEGMENT_REACH_MIN = (WORKLOAD_REACH_DAYS + 1) * MINUTES_PER_DAY

/** One member's facts over the index window. Epoch minutes; do not mutate. */
export interface MemberAvailability {
  readonly memberId: string
  readonly isActive: boolean
  readonly timeZone: string
  /** The zone's constant-offset segments, covering the window ± 9 days. */
  readonly segments: readonly ZoneSegment[]
  /** Working time, merged, cut to `[fromMin, toMin + 1 day)`; empty when inactive. */
  readonly working: readonly number[]
  /** Busy time: {@link booked} and {@link calendarBusy} together, merged. */
  readonly busy: readonly number[]
  /** Busy bookings, each widened by its own event type's buffers, merged. */
  readonly booked: readonly number[]
  /** Busy time from the member's own calendars (no buffers), merged. */
  readonly calendarBusy: readonly number[]
  /** Local days closed by `maxBookingsPerDay` (UTC spans, merged). */
  readonly closedDaily: readonly number[]
  /** Local days closed by `maxBookingsPerWeek` (UTC spans, merged). */
  readonly closedWeekly: readonly number[]
  /** Both closures merged: no slot starts here. */
  readonly closed: readonly number[]
}

/** Per-member availability over a window, in the order asked for. */
export interface AvailabilityIndex {
  /** Slot starts lie in `[fromMs, toMs)` (epoch ms). */
  readonly fromMs: number
  readonly toMs: number
  /** The same window in whole epoch minutes (`ceil` of both bounds). */
  readonly fromMin: number
  readonly toMin: number
  readonly members: readonly MemberAvailability[]
  /** Member id → position in `members`. */
  readonly positions: ReadonlyMap<string, number>
}

/** What {@link availabilityIndexBuild} covers. */
export interface AvailabilityIndexOptions {
  /** Slot-start window `[fromMs, toMs)`, epoch ms. */
  readonly fromMs: number
  readonly toMs: number
  /** Members to index, in this order; default: every member of the state, in state order. */
  readonly memberIds?: readonly string[]
  /** A booking to leave out of busy time and caps (the one being rescheduled or reassigned). */
  readonly excludeBookingId?: string | null
  /**
   * How far the meetings asked of this index reach around their starts (whole minutes): the
   * buffer before, and the length plus the buffer after. Busy time is kept only where it can
   * touch such a meeting. Default: any event type (a day before, two days after). A decision
   * about one event type gives its own, so it reads only the bookings near that meeting.
   */
  readonly reach?: IndexReach
}

/** See {@link AvailabilityIndexOptions.reach}. */
export interface IndexReach {
  readonly beforeMin: number
  readonly afterMin: number
}

/** The reach of meetings of `eventType`: its buffer before; its length and buffer after. */
export function indexReachOf(eventType: {
  readonly durationMinutes: number
  readonly bufferBeforeMinutes: number
  readonly bufferAfterMinutes: number
}): IndexReach {
  return {
    beforeMin: eventType.bufferBeforeMinutes,
    afterMin: eventType.durationMinutes + eventType.bufferAfterMinutes,
  }
}

/** Members by id per members array (records are immutable: a state keeps its array). */
const MEMBERS_BY_ID = new WeakMap<readonly Member[], ReadonlyMap<string, Member>>()

function membersById(members: readonly Member[]): ReadonlyMap<string, Member> {
  let byId = MEMBERS_BY_ID.get(members)
  if (byId === undefined) {
    const map = new Map<string, Member>()
    for (const member of members) map.set(member.id, member)
    byId = map
    MEMBERS_BY_ID.set(members, byId)
  }
  return byId
}

function membersFor(state: AvailabilityState, memberIds: readonly string[] | undefined): Member[] {
  if (memberIds === undefined) return [...state.members]
  const byId = membersById(state.members)
  const seen = new Set<string>()
  return memberIds.map((id) => {
    const member = byId.get(id)
    if (member === undefined) throw new RangeError(`Unknown member ${JSON.stringify(id)}`)
    if (seen.has(id)) throw new RangeError(`Member ${JSON.stringify(id)} asked for twice`)
    seen.add(id)
    return member
  })
}

/**
 * Builds the index for slot starts in `[fromMs, toMs)`. Cost is linear in members, their local
 * days in the window, and bookings (each booking is parsed once). Throws a `RangeError` for a bad
 * window (not finite, empty, over {@link MAX_WINDOW_DAYS}), an unknown or repeated member id, and
 * invalid member data (zone, hours, overrides, caps) or booking instants.
 */
export function availabilityIndexBuild(
  state: AvailabilityState,
  options: AvailabilityIndexOptions,
): AvailabilityIndex {
  const { fromMs, toMs } = options
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || !(fromMs < toMs)) {
    throw new RangeError(`Bad window [${fromMs}, ${toMs})`)
  }
  if (toMs - fromMs > MAX_WINDOW_DAYS * MS_PER_DAY) {
    throw new RangeError(`Window longer than ${MAX_WINDOW_DAYS} days`)
  }
  const fromMin = Math.ceil(fromMs / MS_PER_MINUTE)
  const toMin = Math.ceil(toMs / MS_PER_MINUTE)
  const members = membersFor(state, options.memberIds)
  const positions = new Map<string, number>()
  members.forEach((member, position) => positions.set(member.id, position))
  const reachEnd = toMin + MAX_EVENT_SPAN_MIN
  // Busy [s, e) blocks the starts in [s − after − length + 1, e + before) (slots.ts).
  const spanFrom = fromMin - (options.reach?.beforeMin ?? MAX_EVENT_SPAN_MIN)
  const spanTo = toMin + (options.reach?.afterMin ?? 2 * MAX_EVENT_SPAN_MIN)
  const collected = busyCollect(
    state.bookings,
    state.eventTypes,
    positions,
    {
      spanFrom,
      spanTo,
      startFrom: fromMin - WORKLOAD_REACH_DAYS * MINUTES_PER_DAY,
      startTo: toMin + WORKLOAD_REACH_DAYS * MINUTES_PER_DAY,
    },
    options.excludeBookingId ?? null,
  )
  const availability = members.map((member, position): MemberAvailability => {
    const segments = zoneSegments(
      member.timeZone,
      fromMin - SEGMENT_REACH_MIN,
      toMin + SEGMENT_REACH_MIN,
    )
    const pattern = workingPatternOf(member)
    const caps = workloadCapsOf(member)
    const bookings = collected[position] ?? { spans: [], starts: [] }
    const closed = workloadClosedMinutes(caps, bookings.starts, segments, fromMin, toMin)
    const isActive = member.active
    const booked = intervalsMerge(bookings.spans)
    const calendarBusy = busyTimesMinutes(busyTimesOf(state.busy, member.id), spanFrom, spanTo)
    return {
      memberId: member.id,
      isActive,
      timeZone: member.timeZone,
      segments,
      working: isActive ? workingHoursMinutes(pattern, segments, fromMin, reachEnd) : [],
      busy: calendarBusy.length === 0 ? booked : intervalsUnion(booked, calendarBusy),
      booked,
      calendarBusy,
      closedDaily: closed.daily,
      closedWeekly: closed.weekly,
      closed: intervalsMerge([...closed.daily, ...closed.weekly]),
    }
  })
  return { fromMs, toMs, fromMin, toMin, members: availability, positions }
}

/**
 * Members indexed per step by {@link availabilityIndexBuildSteps}: a few milliseconds of work for a
 * 62-day window on the benchmark machine (1000 members take about 80 ms at once).
 */
export const INDEX_MEMBERS_PER_STEP = 50

/**
 * {@link availabilityIndexBuild} in steps of at most `membersPerStep` members (see `steps.ts`):
 * the same index, because each member's facts come from that member's records and bookings alone.
 * Bookings are grouped by host once, so each step reads only its members' bookings. Throws like
 * `availabilityIndexBuild` (an unknown or repeated member id before the first step).
 */
export function* availabilityIndexBuildSteps(
  state: AvailabilityState,
  options: AvailabilityIndexOptions,
  membersPerStep: number = INDEX_MEMBERS_PER_STEP,
): Steps<AvailabilityIndex> {
  const ids = membersFor(state, options.memberIds).map((member) => member.id)
  if (ids.length <= membersPerStep) return availabilityIndexBuild(state, options)
  // Positions of each host's bookings in `state.bookings`, ascending (steps keep state order).
  const bookingsOf = new Map<string, number[]>()
  state.bookings.forEach((booking, position) => {
    for (const host of new Set(booking.hostMemberIds)) {
      const list = bookingsOf.get(host)
      if (list === undefined) bookingsOf.set(host, [position])
      else list.push(position)
    }
  })
  const members: MemberAvailability[] = []
  let window: AvailabilityIndex | null = null
  for (let at = 0; at < ids.length; at += membersPerStep) {
    if (at > 0) yield
    const group = ids.slice(at, at + membersPerStep)
    const bookings: Booking[] = [...new Set(group.flatMap((id) => bookingsOf.get(id) ?? []))]
      .toSorted((a, b) => a - b)
      .map((position) => state.bookings[position]!)
    const part = availabilityIndexBuild({ ...state, bookings }, { ...options, memberIds: group })
    window ??= part
    members.push(...part.members)
  }
  const positions = new Map(members.map((member, position) => [member.memberId, position]))
  return { ...window!, members, positions }
}

/** The indexed facts of one member. Throws a `RangeError` when the member is not in the index. */
export function availabilityIndexMember(
  index: AvailabilityIndex,
  memberId: string,
): MemberAvailability {
  const position = index.positions.get(memberId)
  const member = position === undefined ? undefined : index.members[position]
  if (member === undefined)
    throw new RangeError(`Member ${JSON.stringify(memberId)} is not in the index`)
  return member
}
