import { describe, expect, it } from 'vitest'
import { availabilityIndexBuild, availabilityIndexMember } from './availability-index'
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

describe('availabilityIndexMember', () => {
  it('throws for a member outside the index', () => {
    const index = availabilityIndexBuild(fixtureState([ana]), window)
    expect(() => availabilityIndexMember(index, 'm-bo')).toThrow(RangeError)
  })
})
