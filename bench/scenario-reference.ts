/**
 * A deliberately naive reference for the shared scenario semantics (../shared/bench/README.md),
 * independent of core/'s time and availability code: luxon for local → UTC, a plain loop over the
 * UTC 15-minute grid. `--verify` compares the engine's pooled union (slots AND member sets) and
 * collective slots with it.
 */

import { readFileSync } from 'node:fs'
import { DateTime } from 'luxon'
import { availabilityIndexBuild } from '../core/src/availability/availability-index'
import { slotsForCollective } from '../core/src/availability/panel-slots'
import { slotUnionToList, slotsUnion } from '../core/src/availability/slot-union'
import { type Scenario, scenarioAdapt } from './scenario-adapter'

const MINUTE = 60_000

function utcOf(date: string, time: string, zone: string): number {
  if (time === '24:00') {
    return DateTime.fromISO(`${date}T00:00`, { zone }).plus({ days: 1 }).toMillis()
  }
  return DateTime.fromISO(`${date}T${time}`, { zone }).toMillis()
}

function memberSlots(scenario: Scenario, member: Scenario['members'][number]): Set<number> {
  const event = scenario.event
  const start = Date.parse(scenario.window.start)
  const end = Date.parse(scenario.window.end)
  const working: [number, number][] = []
  for (let day = -1; day <= (end - start) / 86_400_000 + 1; day++) {
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10)
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
    const override = member.dateOverrides.find((candidate) => candidate.date === date)
    const ranges = override
      ? override.ranges
      : member.weeklyHours.filter((rule) => rule.days.includes(weekday))
    for (const range of ranges) {
      working.push([
        utcOf(date, range.start, member.timeZone),
        utcOf(date, range.end, member.timeZone),
      ])
    }
  }
  // Each existing booking with its own buffers; the new meeting's buffers go on the new meeting.
  const busy = member.bookings.map((b) => [
    Date.parse(b.start) - event.existingBookingBuffers.beforeMinutes * MINUTE,
    Date.parse(b.end) + event.existingBookingBuffers.afterMinutes * MINUTE,
  ])
  const newBefore = event.beforeBufferMinutes * MINUTE
  const newAfter = event.afterBufferMinutes * MINUTE
  const duration = event.durationMinutes * MINUTE
  const earliest = Date.parse(scenario.now) + event.minimumNoticeMinutes * MINUTE
  const slots = new Set<number>()
  for (let t = start; t + duration <= end; t += event.slotIntervalMinutes * MINUTE) {
    if (t < earliest) continue
    // Touching ranges (12:00–12:00) join, so cover by the union of ranges, minute by minute is
    // overkill: a meeting lies inside the union when no minute boundary in it is uncovered.
    let covered = true
    for (let m = t; m < t + duration && covered; m += MINUTE) {
      covered = working.some(([s, e]) => s <= m && m < e)
    }
    if (!covered) continue
    // product.md edge case 18: [t − new.before, t + d + new.after) against [b.start − b.before,
    // b.end + b.after).
    const from = t - newBefore
    const to = t + duration + newAfter
    if (busy.some(([s, e]) => (s ?? 0) < to && (e ?? 0) > from)) continue
    slots.add(t)
  }
  return slots
}

export interface VerifyReport {
  readonly ok: boolean
  readonly detail: string
}

/** Compares the engine with the reference on a scenario file. */
export function scenarioVerify(file: string): VerifyReport {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Scenario
  const adapted = scenarioAdapt(raw)
  const byId = new Map(raw.members.map((member) => [String(member.id), member]))
  const reference = new Map<string, Set<number>>()
  for (const id of new Set([...adapted.poolMemberIds, ...adapted.collectiveMemberIds])) {
    const member = byId.get(id)
    if (member !== undefined) reference.set(id, memberSlots(raw, member))
  }
  const index = availabilityIndexBuild(adapted.state, {
    fromMs: adapted.fromMs,
    toMs: adapted.toMs,
  })
  const union = slotUnionToList(
    slotsUnion(index, adapted.poolMemberIds, adapted.eventType, adapted.nowMs),
  )
  const expectedUnion = new Map<number, string[]>()
  for (const id of adapted.poolMemberIds) {
    for (const t of reference.get(id) ?? [])
      expectedUnion.set(t, [...(expectedUnion.get(t) ?? []), id])
  }
  let mismatches = union.length === expectedUnion.size ? 0 : 1
  for (const slot of union) {
    const expected = expectedUnion.get(slot.startMs) ?? []
    if (expected.join(',') !== slot.memberIds.join(',')) mismatches++
  }
  const collective = slotsForCollective(
    index,
    adapted.collectiveMemberIds,
    adapted.eventType,
    adapted.nowMs,
  )
  const expectedCollective = [...(reference.get(adapted.collectiveMemberIds[0] ?? '') ?? [])]
    .filter((t) => adapted.collectiveMemberIds.every((id) => reference.get(id)?.has(t)))
    .sort((a, b) => a - b)
  const collectiveOk =
    collective.map((slot) => slot.startMs).join(',') === expectedCollective.join(',')
  return {
    ok: mismatches === 0 && collectiveOk,
    detail:
      `pooled ${union.length} slots (reference ${expectedUnion.size}, ${mismatches} mismatching), ` +
      `collective ${collective.length} slots (reference ${expectedCollective.length}${collectiveOk ? '' : ', MISMATCH'})`,
  }
}
