import { describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import type { Booking } from '../../../core/src/model/workspace'
import { bookingsCsv, bookingsCsvFileName } from './bookings-table'

const ws = demoWorkspace('2027-03-15T08:00:00.000Z')

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

describe('bookingsCsvFileName', () => {
  it('names the range exported, not the day the file is made', () => {
    expect(bookingsCsvFileName('2024-11-15', '2024-11-20')).toBe(
      'teamslot-bookings-2024-11-15-to-2024-11-20.csv',
    )
    expect(bookingsCsvFileName('2026-11-28', '')).toBe('teamslot-bookings-from-2026-11-28.csv')
    expect(bookingsCsvFileName('', '2025-01-31')).toBe('teamslot-bookings-until-2025-01-31.csv')
    expect(bookingsCsvFileName('', '')).toBe('teamslot-bookings-any-date.csv')
  })
})
