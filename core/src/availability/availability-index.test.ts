import { describe, expect, it } from 'vitest'
import {
  availabilityIndexBuild,
  availabilityIndexBuildSteps,
  availabilityIndexMember,
} from './availability-index'
import { fixtureBooking, fixtureMember, fixtureState } from './test-fixtures'

const window = {
  fromMs: Date.parse('2027-03-15T00:00:00Z'),
  toMs: Date.parse('2027-03-16T00:00:00Z'),
}
const ana = fixtureMember({ id: 'm-ana' })
const bo = fixtureMember({ id: 'm-bo', timeZone: 'Mars/Olympus' })

describe('availabilityIndexBuild', () => {
  it('indexes the members asked for, in that order', () => {
    const other = fixtureMember({ id: 'm-cy' })
    const index = availabilityIndexBuild(fixtureState([ana, other]), {
      ...window,
      memberIds: ['m-cy', 'm-ana'],
    })
    expect(index.members.map((member) => member.memberId)).toEqual(['m-cy', 'm-ana'])
    expect(index.positions.get('m-ana')).toBe(1)
  })

  it('keeps working hours a day past the window for slots that start at its end', () => {
    const index = availabilityIndexBuild(fixtureState([ana]), window)
    const working = availabilityIndexMember(index, 'm-ana').working
    expect(working.at(-1)).toBe(Date.parse('2027-03-16T16:00:00Z') / 60_000)
  })

  it('does not change its input records', () => {
    const booking = Object.freeze(
      fixtureBooking({ start: '2027-03-15T10:00:00Z', end: '2027-03-15T11:00:00Z' }),
    )
    const state = Object.freeze(fixtureState([Object.freeze(ana)], [booking]))
    expect(() => availabilityIndexBuild(state, window)).not.toThrow()
  })

  it.each([
    [{ fromMs: 10, toMs: 10 }],
    [{ fromMs: Number.NaN, toMs: 10 }],
    [{ fromMs: 0, toMs: 401 * 86_400_000 }],
  ])('refuses the window %j', (bad) => {
    expect(() => availabilityIndexBuild(fixtureState([ana]), bad)).toThrow(RangeError)
  })

  it('refuses an unknown or repeated member id', () => {
    expect(() =>
      availabilityIndexBuild(fixtureState([ana]), { ...window, memberIds: ['m-x'] }),
    ).toThrow(/m-x/)
    expect(() =>
      availabilityIndexBuild(fixtureState([ana]), { ...window, memberIds: ['m-ana', 'm-ana'] }),
    ).toThrow(RangeError)
  })

  it('refuses a member with an invalid time zone', () => {
    expect(() => availabilityIndexBuild(fixtureState([bo]), window)).toThrow(/Mars\/Olympus/)
  })
})

describe('availabilityIndexBuildSteps', () => {
  const members = ['m-a', 'm-b', 'm-c', 'm-d', 'm-e'].map((id, i) =>
    fixtureMember({ id, timeZone: ['UTC', 'Europe/Berlin', 'Asia/Kolkata'][i % 3]! }),
  )
  const bookings = [
    fixtureBooking({
      id: 'bk-1',
      hostMemberIds: ['m-a'],
      start: '2027-03-15T09:00:00Z',
      end: '2027-03-15T10:00:00Z',
    }),
    fixtureBooking({
      id: 'bk-2',
      hostMemberIds: ['m-c', 'm-e'],
      start: '2027-03-15T11:00:00Z',
      end: '2027-03-15T12:00:00Z',
    }),
    fixtureBooking({
      id: 'bk-3',
      hostMemberIds: ['m-e'],
      start: '2027-03-14T11:00:00Z',
      end: '2027-03-14T12:00:00Z',
    }),
  ]
  const state = fixtureState(members, bookings)

  it.each([1, 2, 3, 5, 50])(
    'builds exactly the one-go index, %i members a step, yielding between groups',
    (perStep) => {
      const options = { ...window, memberIds: ['m-e', 'm-a', 'm-d', 'm-c', 'm-b'] }
      const steps = availabilityIndexBuildSteps(state, options, perStep)
      let yields = 0
      let next = steps.next()
      while (next.done !== true) {
        yields++
        next = steps.next()
      }
      expect(next.value).toEqual(availabilityIndexBuild(state, options))
      expect(yields).toBe(Math.ceil(5 / perStep) - 1)
    },
  )

  it('refuses an unknown or repeated member id before any step', () => {
    const steps = availabilityIndexBuildSteps(state, { ...window, memberIds: ['m-a', 'm-a'] }, 1)
    expect(() => steps.next()).toThrow(RangeError)
  })
})

describe('availabilityIndexMember', () => {
  it('throws for a member outside the index', () => {
    const index = availabilityIndexBuild(fixtureState([ana]), window)
    expect(() => availabilityIndexMember(index, 'm-bo')).toThrow(RangeError)
  })
})
