import { describe, expect, it } from 'vitest'
import type { Booking } from '../model/workspace'
import { bookingCounts } from './booking-counts'

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
