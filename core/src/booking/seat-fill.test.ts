import { describe, expect, it } from 'vitest'
import { seatIndexBuild, seatsFill, seatsFillAt } from './seat-fill'
import {
  FIXTURE_NOW,
  fixtureBooking,
  fixtureEventType,
  fixtureMember,
  fixtureWorkspace,
  isoShort,
  ms,
} from './test-fixtures'

const DAY = { from: ms('2027-03-15T00:00:00Z'), to: ms('2027-03-16T00:00:00Z') }
const eventType = fixtureEventType()
const morning = { ...fixtureMember('x').weeklyHours, mon: [['09:00', '10:00']] as const }

/** Ana 09:00–10:00 local only; Ben, Cleo, Dev all day (Berlin, 08:00–16:00Z). */
const state = fixtureWorkspace({
  members: [
    fixtureMember('m-ana', { weeklyHours: morning }),
    fixtureMember('m-ben'),
    fixtureMember('m-cleo'),
    fixtureMember('m-dev'),
  ],
  bookings: [fixtureBooking('bk-1', ['m-ben'], '2027-03-15T08:00:00Z')],
})

function fills(seats: Parameters<typeof seatsFill>[1]) {
  const index = seatIndexBuild(state, seats, DAY.from, DAY.to)
  return seatsFill(index, seats, eventType, FIXTURE_NOW).map((fill) => [
    isoShort(fill.startMs).slice(11, 16),
    fill.memberIds.join('+'),
  ])
}

describe('seatsFill', () => {
  it('gives each start its most preferred free candidate', () => {
    const seats = [{ memberIds: ['m-ben', 'm-ana'], isRoundRobin: false }]
    expect(fills(seats).slice(0, 3)).toEqual([
      ['08:00', 'm-ana'],
      ['08:30', 'm-ben'],
      ['09:00', 'm-ben'],
    ])
  })

  it('fixes a round-robin seat to the first in line with a start in the range', () => {
    const seats = [{ memberIds: ['m-ben', 'm-ana'], isRoundRobin: true }]
    // Ben has starts in the range (all but 08:00), so Ana's 08:00 is not offered.
    expect(fills(seats)).toHaveLength(15)
    expect(fills(seats)[0]).toEqual(['08:30', 'm-ben'])
  })

  it('fixes several round-robin seats in seat order, later ones still open while choosing', () => {
    // Seat 1 line: Ana, Ben. Seat 2 line: Ana, Cleo. Ana takes seat 1 (a start exists with
    // Cleo in seat 2), so seat 2 falls through to Cleo, and only Ana's hour is offered.
    const seats = [
      { memberIds: ['m-ana', 'm-ben'], isRoundRobin: true },
      { memberIds: ['m-ana', 'm-cleo'], isRoundRobin: true },
    ]
    expect(fills(seats)).toEqual([
      ['08:00', 'm-ana+m-cleo'],
      ['08:30', 'm-ana+m-cleo'],
    ])
  })

  it('needs distinct members, moving an earlier seat when a later one has no one else', () => {
    const seats = [
      { memberIds: ['m-ana', 'm-cleo'], isRoundRobin: false },
      { memberIds: ['m-ana'], isRoundRobin: false },
    ]
    expect(fills(seats)).toEqual([
      ['08:00', 'm-cleo+m-ana'],
      ['08:30', 'm-cleo+m-ana'],
    ])
  })

  it('offers nothing for no seats, a seat without candidates, or an unfillable round-robin seat', () => {
    expect(fills([])).toEqual([])
    expect(fills([{ memberIds: [], isRoundRobin: false }])).toEqual([])
    const seats = [
      { memberIds: ['m-ana'], isRoundRobin: false },
      { memberIds: ['m-ana'], isRoundRobin: true },
    ]
    expect(fills(seats)).toEqual([])
  })
})

describe('seatsFillAt', () => {
  it('lists the members who can take a meeting at exactly that start, and who fills it', () => {
    const seats = [{ memberIds: ['m-ben', 'm-cleo', 'm-ana'], isRoundRobin: false }]
    const at = ms('2027-03-15T08:00:00Z')
    const index = seatIndexBuild(state, seats, at, at + 1)
    const decided = seatsFillAt(index, seats, eventType, FIXTURE_NOW, at)
    expect([...decided.free]).toEqual(['m-cleo', 'm-ana'])
    expect(decided.fill).toEqual({ startMs: at, memberIds: ['m-cleo'] })
  })

  it('has no fill when a seat has nobody free, and still says who was free', () => {
    const seats = [
      { memberIds: ['m-ben'], isRoundRobin: false },
      { memberIds: ['m-ana'], isRoundRobin: false },
    ]
    const at = ms('2027-03-15T08:00:00Z')
    const index = seatIndexBuild(state, seats, at, at + 1)
    const decided = seatsFillAt(index, seats, eventType, FIXTURE_NOW, at)
    expect(decided.fill).toBeNull()
    expect([...decided.free]).toEqual(['m-ana'])
  })

  it('is seatsFill over the one-minute range of the start', () => {
    const seats = [
      { memberIds: ['m-ana', 'm-ben', 'm-cleo', 'm-dev'], isRoundRobin: true },
      { memberIds: ['m-ana', 'm-cleo'], isRoundRobin: false },
    ]
    for (const iso of ['2027-03-15T08:00:00Z', '2027-03-15T08:30:00Z', '2027-03-15T12:00:00Z']) {
      const at = ms(iso)
      const index = seatIndexBuild(state, seats, at, at + 1)
      const [fill] = seatsFill(index, seats, eventType, FIXTURE_NOW)
      expect(seatsFillAt(index, seats, eventType, FIXTURE_NOW, at).fill).toEqual(fill ?? null)
    }
  })
})
