import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reassignDecide } from '../../../core/src/booking'
import type { DecisionState } from '../../../core/src/booking'
import { bookingConflicts } from '../../../core/src/conflicts/booking-conflicts'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import { bookingIsOpen } from '../../../core/src/model/booking-statuses'
import type { Workspace } from '../../../core/src/model/workspace'
import { dayHandoverPlan, memberDay } from './day-handover'

const DAY_MS = 86_400_000

/** Applies the plan's rows one by one with core's own decision (as the desk does). */
function handOver(
  workspace: Workspace,
  memberId: string,
  rows: ReturnType<typeof dayHandoverPlan>,
  nowMs: number,
) {
  let state: DecisionState = workspace
  for (const row of rows) {
    if (row.toMemberId === null) continue
    const decision = reassignDecide(
      state,
      {
        bookingId: row.booking.id,
        toMemberId: row.toMemberId,
        fromMemberId: memberId,
        force: false,
        by: 'test',
      },
      nowMs,
    )
    if (!decision.ok) return { ok: false as const, message: decision.message }
    const changed = decision.booking
    state = { ...state, bookings: state.bookings.map((b) => (b.id === changed.id ? changed : b)) }
  }
  return { ok: true as const, state }
}

describe('dayHandoverPlan', () => {
  it('hands each of a member’s coming bookings over to someone free, and core takes every one without forcing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 6 }),
        (dayOffset, memberIndex, dayAhead) => {
          const nowMs = Date.parse('2027-03-15T06:00:00.000Z') + dayOffset * DAY_MS
          const workspace = demoWorkspace(new Date(nowMs).toISOString())
          const member = workspace.members.filter((m) => m.active)[memberIndex % 5]!
          const fromMs = nowMs + dayAhead * DAY_MS
          const rows = dayHandoverPlan(workspace, member.id, fromMs, fromMs + DAY_MS, nowMs)
          for (const row of rows) {
            expect(row.booking.hostMemberIds).toContain(member.id)
            expect(Date.parse(row.booking.start)).toBeGreaterThan(nowMs)
            if (row.toMemberId !== null)
              expect(row.free.map((taker) => taker.memberId)).toContain(row.toMemberId)
          }
          // A pool member takes a booking wherever one is free.
          for (const row of rows) {
            const taker = row.free.find((t) => t.memberId === row.toMemberId)
            if (taker && row.free.some((t) => t.isPoolMember)) expect(taker.isPoolMember).toBe(true)
          }
          const done = handOver(workspace, member.id, rows, nowMs)
          expect(done.ok ? null : done.message).toBeNull()
          if (!done.ok) return
          // Nobody is booked twice by the handover, and the member keeps only what no one could take.
          expect(bookingConflicts(done.state.bookings)).toEqual([])
          const kept = rows.filter((row) => row.toMemberId === null).map((row) => row.booking.id)
          const stillTheirs = done.state.bookings
            .filter((b) => rows.some((row) => row.booking.id === b.id))
            .filter((b) => b.hostMemberIds.includes(member.id))
            .map((b) => b.id)
          expect(stillTheirs.toSorted()).toEqual(kept.toSorted())
        },
      ),
      { numRuns: 40 },
    )
  })

  it('follows a pick while that member is free, and leaves a booking with the member when told to', () => {
    const nowMs = Date.parse('2027-03-15T06:00:00.000Z')
    const workspace = demoWorkspace(new Date(nowMs).toISOString())
    // The member with the most bookings this week, and their day with the most.
    const plans = workspace.members.flatMap((member) =>
      [0, 1, 2, 3, 4, 5, 6].map((d) => ({
        member,
        fromMs: nowMs + d * DAY_MS,
        rows: dayHandoverPlan(
          workspace,
          member.id,
          nowMs + d * DAY_MS,
          nowMs + (d + 1) * DAY_MS,
          nowMs,
        ),
      })),
    )
    const busiest = plans.toSorted((a, b) => b.rows.length - a.rows.length)[0]!
    const [first, second] = busiest.rows
    expect(second).toBeDefined()
    const other = first!.free.at(-1)!.memberId
    const picked = new Map<string, string | null>([
      [first!.booking.id, other],
      [second!.booking.id, null],
    ])
    const rows = dayHandoverPlan(
      workspace,
      busiest.member.id,
      busiest.fromMs,
      busiest.fromMs + DAY_MS,
      nowMs,
      picked,
    )
    expect(rows[0]!.toMemberId).toBe(other)
    expect(rows[1]!.toMemberId).toBeNull()
  })

  it('leaves out bookings that have begun, other members’ and closed ones', () => {
    const nowMs = Date.parse('2027-03-15T12:00:00.000Z')
    const workspace = demoWorkspace(new Date(nowMs).toISOString())
    for (const member of workspace.members) {
      const rows = dayHandoverPlan(workspace, member.id, nowMs - DAY_MS, nowMs + DAY_MS, nowMs)
      for (const { booking } of rows) {
        expect(Date.parse(booking.start)).toBeGreaterThan(nowMs)
        expect(booking.hostMemberIds).toContain(member.id)
        expect(bookingIsOpen(booking)).toBe(true)
      }
    }
  })

  it('hands over the member’s own day: the date in their zone, not the desk’s', () => {
    const workspace = demoWorkspace('2026-11-30T06:00:00.000Z')
    const member = { ...workspace.members[0]!, timeZone: 'Asia/Kolkata' }
    const { zone, day } = memberDay(member, '2026-11-30', 'America/New_York')
    expect(zone).toBe('Asia/Kolkata')
    expect(new Date(day.fromMs).toISOString()).toBe('2026-11-29T18:30:00.000Z')
    expect(day.toMs - day.fromMs).toBe(DAY_MS)
    // A zone that cannot be read: the desk's day.
    const { day: unreadable } = memberDay(
      { ...member, timeZone: 'Mars/Olympus' },
      '2026-11-30',
      'America/New_York',
    )
    expect(new Date(unreadable.fromMs).toISOString()).toBe('2026-11-30T05:00:00.000Z')
  })
})
