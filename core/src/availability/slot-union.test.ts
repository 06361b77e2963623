import { describe, expect, it } from 'vitest'
import { availabilityIndexBuild } from './availability-index'
import {
  slotUnionFind,
  slotUnionMemberIndexes,
  slotUnionMembersAt,
  slotUnionToList,
  slotsUnion,
} from './slot-union'
import {
  fixtureBooking,
  fixtureEventType,
  fixtureIso,
  fixtureMember,
  fixtureState,
  fixtureWeekly,
} from './test-fixtures'

const now = Date.parse('2027-01-01T00:00:00Z')
const hourly = fixtureEventType({ durationMinutes: 60, slotIntervalMinutes: 30 })

describe('slotsUnion', () => {
  // Ana 09:00–10:00 UTC, Bo 10:00–11:00 UTC: 09:30 would need both halves — nobody can serve it.
  const ana = fixtureMember({
    id: 'm-ana',
    timeZone: 'UTC',
    weeklyHours: fixtureWeekly({ mon: [['09:00', '10:00']] }),
  })
  const bo = fixtureMember({
    id: 'm-bo',
    timeZone: 'Europe/London',
    weeklyHours: fixtureWeekly({ mon: [['10:00', '11:00']] }),
  })
  const cy = fixtureMember({
    id: 'm-cy',
    timeZone: 'UTC',
    weeklyHours: fixtureWeekly({ mon: [['09:00', '11:00']] }),
  })
  const window = {
    fromMs: Date.parse('2027-03-15T00:00:00Z'),
    toMs: Date.parse('2027-03-16T00:00:00Z'),
  }

  it('never merges two members’ ranges into a slot nobody can serve', () => {
    const index = availabilityIndexBuild(fixtureState([ana, bo], [], [hourly]), window)
    const union = slotsUnion(index, ['m-ana', 'm-bo'], hourly, now)
    expect(
      slotUnionToList(union).map((slot) => [fixtureIso(slot.startMs), slot.memberIds]),
    ).toEqual([
      ['2027-03-15T09:00:00Z', ['m-ana']],
      ['2027-03-15T10:00:00Z', ['m-bo']],
    ])
  })

  it('lists every member who can serve each slot, in union order', () => {
    const index = availabilityIndexBuild(fixtureState([ana, bo, cy], [], [hourly]), window)
    const union = slotsUnion(index, ['m-cy', 'm-ana', 'm-bo'], hourly, now)
    expect(
      slotUnionToList(union).map((slot) => [fixtureIso(slot.startMs), slot.memberIds]),
    ).toEqual([
      ['2027-03-15T09:00:00Z', ['m-cy', 'm-ana']],
      ['2027-03-15T09:30:00Z', ['m-cy']],
      ['2027-03-15T10:00:00Z', ['m-cy', 'm-bo']],
    ])
  })

  it('shrinks member by member as workload caps close days', () => {
    const capped = { ...cy, maxBookingsPerDay: 1 }
    const booking = fixtureBooking({
      hostMemberIds: ['m-cy'],
      start: '2027-03-15T20:00:00Z',
      end: '2027-03-15T20:30:00Z',
    })
    const index = availabilityIndexBuild(fixtureState([ana, capped], [booking], [hourly]), window)
    expect(slotUnionToList(slotsUnion(index, ['m-ana', 'm-cy'], hourly, now))).toEqual([
      { startMs: Date.parse('2027-03-15T09:00:00Z'), memberIds: ['m-ana'] },
    ])
  })

  it('refuses a member listed twice', () => {
    const index = availabilityIndexBuild(fixtureState([ana], [], [hourly]), window)
    expect(() => slotsUnion(index, ['m-ana', 'm-ana'], hourly, now)).toThrow(RangeError)
  })
})

describe('slotUnionFind', () => {
  const cy = fixtureMember({ id: 'm-cy', timeZone: 'UTC' })
  const index = availabilityIndexBuild(fixtureState([cy], [], [hourly]), {
    fromMs: Date.parse('2027-03-15T00:00:00Z'),
    toMs: Date.parse('2027-03-16T00:00:00Z'),
  })
  const union = slotsUnion(index, ['m-cy'], hourly, now)

  it('finds a slot by its start and misses a non-slot', () => {
    expect(slotUnionFind(union, Date.parse('2027-03-15T09:00:00Z'))).toBe(0)
    expect(slotUnionFind(union, Date.parse('2027-03-15T09:15:00Z'))).toBe(-1)
  })

  it('answers who can serve a slot', () => {
    expect(slotUnionMembersAt(union, Date.parse('2027-03-15T09:30:00Z'))).toEqual(['m-cy'])
    expect(slotUnionMembersAt(union, Date.parse('2027-03-15T20:00:00Z'))).toEqual([])
    expect(Array.from(slotUnionMemberIndexes(union, 0))).toEqual([0])
  })
})
