import { describe, expect, it } from 'vitest'
import { bookingOverlaps } from '../../core/src/conflicts/booking-overlaps'
import { historyReplay } from '../../core/src/distribution/booking-history'
import type { Booking } from '../../core/src/model/workspace'
import { BOOKING_STATUSES, HISTORY_ACTIONS } from '../../core/src/schema/records'
import { recordParse, workspaceParse } from '../../core/src/validation'
import {
  bookingRecord,
  HISTORY_FUTURE_DAYS,
  HISTORY_PAST_DAYS,
  HISTORY_PRESENT,
  HISTORY_RECENT_DAYS,
  historyBookings,
  historyParts,
  historySetup,
  historyWorkspace,
} from './generate'
import type { HistoryBookingDoc } from './generate'

const NOW = Date.parse('2026-11-27T12:00:00.000Z')
const DAY = 86_400_000

function docs(total: number, nowMs = NOW): HistoryBookingDoc[] {
  return [...historyBookings(historySetup(nowMs), total, nowMs)]
}

describe('bench:history generator', () => {
  it('is deterministic: the same size, seed and now give the same documents', () => {
    expect(JSON.stringify(docs(2000))).toBe(JSON.stringify(docs(2000)))
    expect(historySetup(NOW)).toEqual(historySetup(NOW))
  })

  it('keeps the present identical at every size from 10,000 on; only history grows', () => {
    const present = HISTORY_PRESENT.future + HISTORY_PRESENT.recent
    const small = docs(10_000)
    const large = docs(16_000)
    expect(small).toHaveLength(10_000)
    expect(large).toHaveLength(16_000)
    expect(JSON.stringify(large.slice(0, present))).toBe(JSON.stringify(small.slice(0, present)))
    expect(historyParts(400_000)).toEqual({ future: 3500, recent: 2500, history: 394_000 })
  })

  it('spreads bookings over five years: future up to the window, recent, then history', () => {
    const all = docs(12_000)
    const starts = all.map((doc) => Date.parse(doc.start))
    const future = all.filter((doc) => Date.parse(doc.start) > NOW)
    expect(future).toHaveLength(HISTORY_PRESENT.future)
    expect(Math.max(...starts)).toBeLessThan(NOW + (HISTORY_FUTURE_DAYS + 1) * DAY)
    expect(Math.min(...starts)).toBeGreaterThan(NOW - (HISTORY_PAST_DAYS + 2) * DAY)
    expect(Math.min(...starts)).toBeLessThan(NOW - (HISTORY_PAST_DAYS - 60) * DAY)
    const recent = all.filter(
      (doc) =>
        Date.parse(doc.start) <= NOW && Date.parse(doc.start) >= NOW - HISTORY_RECENT_DAYS * DAY,
    )
    expect(recent.length).toBeGreaterThanOrEqual(HISTORY_PRESENT.recent)
    // Past meetings are closed (nothing for the server to complete); future ones are open.
    for (const doc of all) {
      const isPast = Date.parse(doc.end) <= NOW
      expect(['completed', 'cancelled', 'no-show'].includes(doc.status)).toBe(
        isPast || doc.status === 'cancelled',
      )
      for (const entry of doc.history) expect(Date.parse(entry.at)).toBeLessThanOrEqual(NOW)
    }
  })

  it('writes every status and every kind of history entry the distribution counts', () => {
    const all = docs(12_000)
    const statuses = new Set(all.map((doc) => doc.status))
    expect([...statuses].sort()).toEqual([...BOOKING_STATUSES].sort())
    const actions = new Set(all.flatMap((doc) => doc.history.map((entry) => entry.action)))
    for (const action of HISTORY_ACTIONS) {
      if (action === 'conflict-resolved' || action === 'change-superseded') continue
      expect(actions).toContain(action)
    }
    expect(all.some((doc) => doc.panelId !== null && doc.hostMemberIds.length === 2)).toBe(true)
    expect(all.some((doc) => doc.createdVia === 'desktop')).toBe(true)
  })

  it('passes core validation: the whole workspace at a small size', () => {
    const parsed = workspaceParse(historyWorkspace(3000, NOW))
    expect(parsed.ok ? [] : parsed.problems.slice(0, 5)).toEqual([])
  })

  it('passes core validation record by record and replays cleanly: a sample of a larger store', () => {
    const setup = historySetup(NOW)
    const all = docs(20_000)
    const sample = all.filter((_, i) => i % 40 === 0)
    for (const doc of sample) {
      const parsed = recordParse(setup, 'bookings', bookingRecord(doc))
      expect(parsed.ok ? [] : [doc.id, parsed.problems]).toEqual([])
      expect(historyReplay(bookingRecord(doc)).issues).toEqual([])
    }
  })

  it('never double-books a member among time-holding bookings', () => {
    const bookings: Booking[] = docs(20_000).map(bookingRecord)
    expect(bookingOverlaps(bookings)).toEqual([])
    // Cancelled bookings hold their cell too: no two bookings of a host overlap at all.
    const seen = new Set<string>()
    for (const booking of bookings) {
      for (const host of booking.hostMemberIds) {
        const key = `${host}@${booking.start}`
        expect(seen.has(key)).toBe(false)
        seen.add(key)
      }
    }
  })
})
