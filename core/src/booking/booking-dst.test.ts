import { describe, expect, it } from 'vitest'
import { bookingOverlaps } from '../conflicts/booking-overlaps'
import type { LocalRange, Workspace } from '../model/workspace'
import { bookingDecide } from './booking-decide'
import { pageAvailability } from './page-availability'
import { rescheduleDecide } from './reschedule'
import {
  FIXTURE_NOW,
  fixtureEventType,
  fixtureMember,
  fixturePage,
  fixtureRequest,
  fixtureStore,
  fixtureWorkspace,
  isoShort,
  ms,
} from './test-fixtures'

/** Product edge case 17 and rule 3, through the decisions: DST days in north, south, +05:30. */

const everyDay = (ranges: readonly LocalRange[]) => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
  sat: ranges,
  sun: ranges,
})

function stateFor(zone: string, intervalMinutes: number, ranges: readonly LocalRange[]): Workspace {
  return fixtureWorkspace({
    members: [fixtureMember('m-ana', { timeZone: zone, weeklyHours: everyDay(ranges) })],
    eventTypes: [fixtureEventType({ slotIntervalMinutes: intervalMinutes, maxDaysAhead: 365 })],
    bookingPages: [{ id: 'bp-ana', slug: 'ana', memberId: 'm-ana', eventTypeIds: ['et-call'] }],
    masterPages: [fixturePage('mp-ana', { type: 'static', target: { bookingPageId: 'bp-ana' } })],
  })
}

function shown(state: Workspace, from: string, to: string): string[] {
  const result = pageAvailability(
    state,
    { masterPageId: 'mp-ana', eventTypeId: 'et-call', fromMs: ms(from), toMs: ms(to) },
    FIXTURE_NOW,
  )
  return result.ok ? result.slots.map((slot) => isoShort(ms(slot.start))) : []
}

const ALL_DAY: readonly LocalRange[] = [['00:00', '24:00']]

describe('bookingDecide on DST days', () => {
  it.each([
    // Skipped hours: a 45-minute grid from local midnight would start at 02:15, which does not exist.
    [
      'Europe/Berlin spring forward (02:15 skipped)',
      'Europe/Berlin',
      45,
      '2027-03-27T23:00:00Z',
      '2027-03-28T03:00:00Z',
      ['23:00', '23:45', '00:30', '01:00', '01:45', '02:30'],
    ],
    [
      'America/New_York spring forward (02:15 skipped)',
      'America/New_York',
      45,
      '2027-03-14T05:00:00Z',
      '2027-03-14T09:00:00Z',
      ['05:00', '05:45', '06:30', '07:00', '07:45', '08:30'],
    ],
    [
      'Australia/Sydney spring forward (02:15 skipped)',
      'Australia/Sydney',
      45,
      '2027-10-02T14:00:00Z',
      '2027-10-02T18:00:00Z',
      ['14:00', '14:45', '15:30', '16:00', '16:45', '17:30'],
    ],
    // Repeated hours: both passes of 02:30 (01:30 in New York) are distinct instants.
    [
      'Europe/Berlin fall back (02:00 and 02:30 twice)',
      'Europe/Berlin',
      30,
      '2027-10-30T23:00:00Z',
      '2027-10-31T03:00:00Z',
      ['23:00', '23:30', '00:00', '00:30', '01:00', '01:30', '02:00', '02:30'],
    ],
    [
      'America/New_York fall back (01:00 and 01:30 twice)',
      'America/New_York',
      30,
      '2027-11-07T04:00:00Z',
      '2027-11-07T08:00:00Z',
      ['04:00', '04:30', '05:00', '05:30', '06:00', '06:30', '07:00', '07:30'],
    ],
    [
      'Australia/Sydney fall back (02:00 and 02:30 twice)',
      'Australia/Sydney',
      30,
      '2027-04-03T14:00:00Z',
      '2027-04-03T18:00:00Z',
      ['14:00', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00', '17:30'],
    ],
    [
      'Asia/Kolkata (+05:30, no DST) on the Berlin change day',
      'Asia/Kolkata',
      45,
      '2027-03-27T18:30:00Z',
      '2027-03-27T22:30:00Z',
      ['18:30', '19:15', '20:00', '20:45', '21:30', '22:15'],
    ],
  ])(
    '%s: shows the local grid and books every start shown',
    (_, zone, interval, from, to, times) => {
      const state = stateFor(zone, interval, ALL_DAY)
      const starts = shown(state, from, to)
      expect(starts.map((s) => s.slice(11, 16))).toEqual(times)
      let current = state
      starts.forEach((start, i) => {
        const decision = bookingDecide(current, fixtureRequest('mp-ana', start), {
          nowMs: FIXTURE_NOW,
          bookingId: `bk-${i}`,
        })
        if (!decision.ok) throw new Error(`${start}: ${decision.reason}`)
        current = fixtureStore(current, decision.booking)
      })
      expect(current.bookings).toHaveLength(times.length)
      expect(bookingOverlaps(current.bookings)).toEqual([])
      expect(shown(current, from, to)).toEqual([])
    },
  )

  it.each([
    ['Europe/Berlin', '2027-03-27T08:00:00Z', '2027-03-28T07:00:00Z', '2027-03-28T14:30:00Z'],
    ['Europe/Berlin', '2027-10-30T07:00:00Z', '2027-10-31T08:00:00Z', '2027-10-31T15:30:00Z'],
    ['Australia/Sydney', '2027-04-02T22:00:00Z', '2027-04-03T23:00:00Z', '2027-04-04T06:30:00Z'],
    ['Asia/Kolkata', '2027-03-27T03:30:00Z', '2027-03-28T03:30:00Z', '2027-03-28T11:00:00Z'],
  ])('keeps 09:00–17:00 local in %s across the change', (zone, dayBefore, first, last) => {
    const state = stateFor(zone, 30, [['09:00', '17:00']])
    const around = shown(state, isoShort(ms(dayBefore) - 3_600_000), isoShort(ms(last) + 3_600_000))
    expect(around[0]).toBe(isoShort(ms(dayBefore)))
    expect(around).toContain(isoShort(ms(first)))
    expect(around.at(-1)).toBe(isoShort(ms(last)))
    expect(around).toHaveLength(32)
  })

  it('reschedules from before to after a change, keeping the host', () => {
    const state = stateFor('Europe/Berlin', 30, [['09:00', '17:00']])
    const decision = bookingDecide(state, fixtureRequest('mp-ana', '2027-03-26T08:00:00Z'), {
      nowMs: FIXTURE_NOW,
      bookingId: 'bk-1',
    })
    if (!decision.ok) throw new Error(decision.reason)
    const stored = fixtureStore(state, decision.booking)
    const moved = rescheduleDecide(
      stored,
      { bookingId: 'bk-1', startMs: ms('2027-03-29T07:00:00Z'), by: 'customer' },
      FIXTURE_NOW,
    )
    expect(moved.ok && [moved.booking.start, moved.booking.hostMemberIds]).toEqual([
      '2027-03-29T07:00:00.000Z',
      ['m-ana'],
    ])
    const tooEarly = rescheduleDecide(
      stored,
      { bookingId: 'bk-1', startMs: ms('2027-03-29T06:30:00Z'), by: 'customer' },
      FIXTURE_NOW,
    )
    expect(tooEarly).toMatchObject({ reason: 'slot-unavailable' })
  })
})
