import { describe, expect, it } from 'vitest'
import { demoWorkspace } from '../demo/demo-workspace'
import { bookingsFilter } from './bookings-search'

const ws = demoWorkspace('2027-03-15T08:00:00.000Z')

describe('bookingsFilter', () => {
  it('finds a booking by part of the customer’s e-mail, any case', () => {
    const target = ws.bookings[5]!
    const found = bookingsFilter(ws.bookings, { query: target.customer.email.toUpperCase() })
    expect(found.map((b) => b.id)).toEqual([target.id])
  })

  it('narrows by member, status and start range, soonest first', () => {
    const from = Date.parse('2027-03-15T00:00:00.000Z')
    const to = Date.parse('2027-03-22T00:00:00.000Z')
    const found = bookingsFilter(ws.bookings, {
      memberId: 'm-ana',
      status: 'scheduled',
      fromMs: from,
      toMs: to,
    })
    expect(found.length).toBeGreaterThan(0)
    for (const b of found) {
      expect(b.hostMemberIds).toContain('m-ana')
      expect(b.status).toBe('scheduled')
      expect(Date.parse(b.start)).toBeGreaterThanOrEqual(from)
      expect(Date.parse(b.start)).toBeLessThan(to)
    }
    expect(found.map((b) => b.start)).toEqual(found.map((b) => b.start).toSorted())
  })
})
