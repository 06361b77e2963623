/**
 * Panel slots: a slot is offered only when every seat can be filled by a DIFFERENT member who can
 * take the meeting at that time (a member eligible for two seats fills at most one). An
 * all-must-attend collective is a panel with one fixed member per seat.
 */

import type { EventType } from '../model/workspace'
import type { AvailabilityIndex } from './availability-index'
import { panelMatch } from './panel-matching'
import type { SlotRange } from './slots'
import { slotUnionMemberIndexes, slotsUnion } from './slot-union'

/** A feasible panel slot with one assignment: `memberIds[seat]` fills that seat (seat 0 = primary). */
export interface PanelSlot {
  readonly startMs: number
  readonly memberIds: readonly string[]
}

/**
 * The slots (ascending) at which every seat of a panel can be filled by distinct members, each
 * with one assignment. `seats[i]` lists the member ids eligible for seat i, most preferred first
 * (the matching tries them in that order). Every listed member must be in the index. Throws a
 * `RangeError` for no seats, a member missing from the index, invalid event type numbers, or a
 * bad `range`/`nowMs`.
 */
export function slotsForPanel(
  index: AvailabilityIndex,
  seats: readonly (readonly string[])[],
  eventType: EventType,
  nowMs: number,
  range?: SlotRange,
): readonly PanelSlot[] {
  if (seats.length === 0) throw new RangeError('A panel needs at least one seat')
  const memberIds: string[] = []
  const local = new Map<string, number>()
  const seatMembers = seats.map((seat) =>
    [...new Set(seat)].map((id) => {
      let position = local.get(id)
      if (position === undefined) {
        position = memberIds.length
        local.set(id, position)
        memberIds.push(id)
      }
      return position
    }),
  )
  const union = slotsUnion(index, memberIds, eventType, nowMs, range)
  const isFree = new Uint8Array(memberIds.length)
  const candidates: number[][] = seatMembers.map(() => [])
  const slots: PanelSlot[] = []
  for (let slot = 0; slot < union.startsMs.length; slot++) {
    const free = slotUnionMemberIndexes(union, slot)
    if (free.length < seats.length) continue
    for (const position of free) isFree[position] = 1
    let isEverySeatCovered = true
    for (let seat = 0; seat < seatMembers.length; seat++) {
      const list = candidates[seat]!
      list.length = 0
      for (const position of seatMembers[seat]!) if (isFree[position] === 1) list.push(position)
      if (list.length === 0) isEverySeatCovered = false
    }
    for (const position of free) isFree[position] = 0
    const assignment = isEverySeatCovered ? panelMatch(candidates, memberIds.length) : null
    if (assignment !== null) {
      slots.push({
        startMs: union.startsMs[slot]!,
        memberIds: assignment.map((position) => memberIds[position]!),
      })
    }
  }
  return slots
}

/**
 * The slots at which ALL of `memberIds` can take the meeting (a panel with one fixed member per
 * seat, in that order). Throws a `RangeError` for no members or a member listed twice, plus
 * everything {@link slotsForPanel} throws for.
 */
export function slotsForCollective(
  index: AvailabilityIndex,
  memberIds: readonly string[],
  eventType: EventType,
  nowMs: number,
  range?: SlotRange,
): readonly PanelSlot[] {
  if (new Set(memberIds).size !== memberIds.length) {
    throw new RangeError('A member is listed twice in the collective')
  }
  return slotsForPanel(
    index,
    memberIds.map((id) => [id]),
    eventType,
    nowMs,
    range,
  )
}
