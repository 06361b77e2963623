import { describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import type { Booking } from '../../../core/src/model/workspace'
import { bookingsCsv, bookingsFilter } from './bookings-table'

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

describe('bookingsCsv', () => {
  it('writes a header and one row per booking with names, quoting what needs it', () => {
    const booking: Booking = {
      ...ws.bookings[0]!,
      customer: { name: 'Lee "the boss", Park', email: 'lee@example.org', timeZone: 'UTC' },
      answers: { region: 'EMEA', company: '=HYPERLINK("x")' },
      eventTypeId: 'et-intro',
      hostMemberIds: ['m-ana'],
    }
    const csv = bookingsCsv(ws, [booking])
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe(
      'Start (UTC),End (UTC),Event type,Hosts,Customer,Customer e-mail,Customer time zone,Status,Page,Pool or panel,Made,Answers',
    )
    expect(lines[1]).toContain(
      ',Intro call,Ana Silva,"Lee ""the boss"", Park",lee@example.org,UTC,',
    )
    expect(lines[1]).toContain('"Region: EMEA; Company: =HYPERLINK(""x"")"')
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe('')
  })

  it('neutralises a formula at the start of a field', () => {
    const booking: Booking = {
      ...ws.bookings[0]!,
      customer: { ...ws.bookings[0]!.customer, name: '=1+1' },
    }
    expect(bookingsCsv(ws, [booking]).split('\r\n')[1]).toContain(",'=1+1,")
  })
})
