import { describe, expect, it } from 'vitest'
import { availabilityIndexBuild } from './availability-index'
import { slotsForCollective, slotsForPanel } from './panel-slots'
import {
  fixtureEventType,
  fixtureIso,
  fixtureMember,
  fixtureState,
  fixtureWeekly,
} from './test-fixtures'

const now = Date.parse('2027-01-01T00:00:00Z')
const hourly = fixtureEventType({ durationMinutes: 60, slotIntervalMinutes: 60 })
const on = (from: string, to: string) => fixtureWeekly({ mon: [[from, to]] })
const ana = fixtureMember({ id: 'm-ana', timeZone: 'UTC', weeklyHours: on('09:00', '12:00') })
const bo = fixtureMember({ id: 'm-bo', timeZone: 'UTC', weeklyHours: on('10:00', '13:00') })
const cy = fixtureMember({
  id: 'm-cy',
  timeZone: 'Asia/Kolkata',
  weeklyHours: on('15:30', '17:30'),
})
const index = availabilityIndexBuild(fixtureState([ana, bo, cy], [], [hourly]), {
  fromMs: Date.parse('2027-03-15T00:00:00Z'),
  toMs: Date.parse('2027-03-16T00:00:00Z'),
})
const list = (slots: ReturnType<typeof slotsForPanel>) =>
  slots.map((slot) => [fixtureIso(slot.startMs), ...slot.memberIds])

describe('slotsForPanel', () => {
  it('never lets one member fill two seats', () => {
    // Both seats accept Ana or Bo: only 10:00 and 11:00 have two different people.
    expect(
      list(
        slotsForPanel(
          index,
          [
            ['m-ana', 'm-bo'],
            ['m-ana', 'm-bo'],
          ],
          hourly,
          now,
        ),
      ),
    ).toEqual([
      ['2027-03-15T10:00:00Z', 'm-ana', 'm-bo'],
      ['2027-03-15T11:00:00Z', 'm-ana', 'm-bo'],
    ])
  })

  it('reassigns an earlier seat so a later seat can be filled', () => {
    // Seat 0: Ana or Bo; seat 1: Ana only. At 10:00 Bo takes seat 0 so Ana can take seat 1.
    expect(list(slotsForPanel(index, [['m-ana', 'm-bo'], ['m-ana']], hourly, now))).toEqual([
      ['2027-03-15T10:00:00Z', 'm-bo', 'm-ana'],
      ['2027-03-15T11:00:00Z', 'm-bo', 'm-ana'],
    ])
  })

  it('offers a seat’s single member whenever they are free', () => {
    expect(list(slotsForPanel(index, [['m-bo']], hourly, now))).toEqual([
      ['2027-03-15T10:00:00Z', 'm-bo'],
      ['2027-03-15T11:00:00Z', 'm-bo'],
      ['2027-03-15T12:00:00Z', 'm-bo'],
    ])
  })

  it('offers nothing when a seat has no eligible members', () => {
    expect(slotsForPanel(index, [['m-ana'], []], hourly, now)).toEqual([])
  })

  it('refuses a panel without seats', () => {
    expect(() => slotsForPanel(index, [], hourly, now)).toThrow(RangeError)
  })
})

describe('slotsForCollective', () => {
  const halfHourly = fixtureEventType({ durationMinutes: 60, slotIntervalMinutes: 30 })

  it('offers only the times when every member is free, across zones', () => {
    // Cy works 15:30–17:30 Kolkata = 10:00–12:00 UTC.
    expect(list(slotsForCollective(index, ['m-ana', 'm-bo', 'm-cy'], halfHourly, now))).toEqual([
      ['2027-03-15T10:00:00Z', 'm-ana', 'm-bo', 'm-cy'],
      ['2027-03-15T10:30:00Z', 'm-ana', 'm-bo', 'm-cy'],
      ['2027-03-15T11:00:00Z', 'm-ana', 'm-bo', 'm-cy'],
    ])
  })

  it('finds no common hourly slot between UTC and Kolkata, whose local grids differ by 30 minutes', () => {
    expect(slotsForCollective(index, ['m-ana', 'm-bo', 'm-cy'], hourly, now)).toEqual([])
  })

  it('refuses a member listed twice', () => {
    expect(() => slotsForCollective(index, ['m-ana', 'm-ana'], hourly, now)).toThrow(RangeError)
  })
})
