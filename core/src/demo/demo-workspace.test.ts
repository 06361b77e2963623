import { describe, expect, it } from 'vitest'
import { bookingConflicts } from '../conflicts/booking-conflicts'
import { workspaceParse } from '../validation/record-validate'
import { demoWorkspace } from './demo-workspace'

/** A Monday morning, a Wednesday around a DST change, a Saturday and a Sunday night. */
const NOWS = [
  '2027-03-15T08:00:00.000Z',
  '2027-03-31T12:00:00.000Z',
  '2027-10-30T15:00:00.000Z',
  '2027-11-07T22:30:00.000Z',
]

function dayOf(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(iso))
}

describe('demoWorkspace', () => {
  it.each(NOWS)('is a valid workspace without double bookings (now %s)', (now) => {
    const parsed = workspaceParse(demoWorkspace(now))
    expect(parsed.ok ? [] : parsed.problems).toEqual([])
    expect(bookingConflicts(demoWorkspace(now).bookings)).toEqual([])
  })

  it.each(NOWS)(
    'has bookings today and in the coming week wherever the desk is (now %s)',
    (now) => {
      const { bookings } = demoWorkspace(now)
      for (const zone of ['Europe/London', 'America/New_York', 'Asia/Singapore', 'UTC']) {
        const today = bookings.filter((b) => dayOf(b.start, zone) === dayOf(now, zone))
        expect(today.length, `${zone} today`).toBeGreaterThan(0)
      }
      const nowMs = Date.parse(now)
      const week = bookings.filter(
        (b) => Date.parse(b.start) > nowMs && Date.parse(b.start) < nowMs + 7 * 86_400_000,
      )
      expect(week.length).toBeGreaterThan(20)
    },
  )

  it('tells a few stories: completed, cancelled, no-show, reassigned and panel bookings', () => {
    const { bookings } = demoWorkspace(NOWS[0]!)
    const statuses = new Set(bookings.map((b) => b.status))
    expect([...statuses].sort()).toEqual(['cancelled', 'completed', 'no-show', 'scheduled'])
    expect(bookings.some((b) => b.history.some((e) => e.action === 'reassigned'))).toBe(true)
    expect(bookings.some((b) => b.panelId !== null && b.hostMemberIds.length === 2)).toBe(true)
    expect(bookings.every((b) => b.history[0]?.reason)).toBe(true)
  })

  it('is a pure function of now', () => {
    expect(demoWorkspace(NOWS[1]!)).toEqual(demoWorkspace(NOWS[1]!))
  })
})
