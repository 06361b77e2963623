import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Booking } from '../model/workspace'
import { BOOKING_STATUSES } from '../schema/records'
import {
  bookingCounts,
  bookingTallyAdd,
  bookingTallyAddCounts,
  bookingTallyCreate,
  bookingTallyResult,
} from './booking-counts'

function booking(
  id: string,
  start: string,
  hosts: string[],
  status: Booking['status'],
  eventTypeId = 'et-a',
  masterPageId: string | null = 'mp-1',
): Booking {
  return {
    id,
    eventTypeId,
    masterPageId,
    start,
    end: start,
    hostMemberIds: hosts,
    poolId: null,
    panelId: null,
    status,
    customer: { name: 'C', email: 'c@x.example', timeZone: 'UTC' },
    answers: {},
    createdVia: 'public',
    history: [],
  }
}

const workspace = {
  members: [{ id: 'm-ana' }, { id: 'm-ben' }],
  eventTypes: [{ id: 'et-a' }, { id: 'et-b' }],
  masterPages: [{ id: 'mp-1' }],
  bookings: [
    booking('b1', '2027-03-01T09:00:00.000Z', ['m-ana'], 'completed'),
    booking('b2', '2027-03-02T09:00:00.000Z', ['m-ana', 'm-ben'], 'no-show', 'et-b'),
    booking('b3', '2027-03-03T09:00:00.000Z', ['m-ben'], 'cancelled', 'et-b', null),
    booking('b4', '2027-04-01T00:00:00.000Z', ['m-ana'], 'scheduled'),
    booking('b5', '2027-02-28T23:59:59.999Z', ['m-old'], 'completed'),
  ],
} as never

const from = Date.parse('2027-03-01T00:00:00.000Z')
const to = Date.parse('2027-04-01T00:00:00.000Z')

describe('bookingCounts', () => {
  it('counts meetings starting in [from, to) by status', () => {
    const counts = bookingCounts(workspace, from, to)
    expect(counts.total).toBe(3)
    expect(counts.byStatus).toEqual({
      scheduled: 0,
      rescheduled: 0,
      cancelled: 1,
      completed: 1,
      'no-show': 1,
    })
  })

  it('counts a panel booking for each host, by member, event type and page', () => {
    const counts = bookingCounts(workspace, from, to)
    expect(counts.byMember.map((r) => [r.id, r.total])).toEqual([
      ['m-ana', 2],
      ['m-ben', 2],
    ])
    expect(counts.byMember[0]!.byStatus['no-show']).toBe(1)
    expect(counts.byEventType.map((r) => [r.id, r.total])).toEqual([
      ['et-b', 2],
      ['et-a', 1],
    ])
    expect(counts.byPage.map((r) => [r.id, r.total])).toEqual([
      ['mp-1', 2],
      [null, 1],
    ])
  })

  it('keeps members no longer in the workspace', () => {
    const counts = bookingCounts(workspace, Date.parse('2027-02-01T00:00:00.000Z'), from)
    expect(counts.byMember.map((r) => r.id)).toEqual(['m-old'])
  })
})

describe('bookingTallyAddCounts', () => {
  it('counts a range split at any instant exactly as the whole (a desktop and its server)', () => {
    const base = Date.parse('2027-03-01T00:00:00.000Z')
    const bookings = fc.array(
      fc.record({
        minutes: fc.integer({ min: 0, max: 60 * 24 * 30 }),
        hosts: fc.subarray(['m-ana', 'm-ben', 'm-old'], { minLength: 1 }),
        status: fc.constantFrom(...BOOKING_STATUSES),
        eventTypeId: fc.constantFrom('et-a', 'et-b', 'et-gone'),
        masterPageId: fc.constantFrom('mp-1', null),
      }),
      { maxLength: 40 },
    )
    const minute = fc.integer({ min: 0, max: 60 * 24 * 30 })
    fc.assert(
      fc.property(bookings, minute, minute, minute, (picked, a, b, cut) => {
        const all = picked.map((p, i) =>
          booking(
            `b${i}`,
            new Date(base + p.minutes * 60_000).toISOString(),
            p.hosts,
            p.status,
            p.eventTypeId,
            p.masterPageId,
          ),
        )
        const [fromMs, toMs] = [base + Math.min(a, b) * 60_000, base + Math.max(a, b) * 60_000]
        const cutMs = base + cut * 60_000
        const ws = { ...(workspace as object), bookings: all } as never
        // The server counts what starts before the cut; the desktop what starts from it on.
        const before = bookingCounts(ws, fromMs, Math.min(toMs, cutMs))
        const tally = bookingTallyCreate()
        for (const one of all) bookingTallyAdd(tally, one, Math.max(fromMs, cutMs), toMs)
        bookingTallyAddCounts(tally, before)
        expect(bookingTallyResult(tally, ws)).toEqual(bookingCounts(ws, fromMs, toMs))
      }),
    )
  })
})
