import { describe, expect, it } from 'vitest'
import { workingHoursInWindow, workingPatternOf } from './working-hours'
import { fixtureIso, fixtureMember, fixtureWeekly } from './test-fixtures'

function hours(member: ReturnType<typeof fixtureMember>, from: string, to: string): string[][] {
  return workingHoursInWindow(member, Date.parse(from), Date.parse(to)).map(([start, end]) => [
    fixtureIso(start),
    fixtureIso(end),
  ])
}

describe('workingHoursInWindow', () => {
  it('gives Berlin 09:00–17:00 as 08:00Z–16:00Z in winter', () => {
    expect(hours(fixtureMember(), '2027-03-15T00:00:00Z', '2027-03-16T00:00:00Z')).toEqual([
      ['2027-03-15T08:00:00Z', '2027-03-15T16:00:00Z'],
    ])
  })

  it('keeps both ranges of a split day', () => {
    const member = fixtureMember({
      timeZone: 'UTC',
      weeklyHours: fixtureWeekly({
        mon: [
          ['13:00', '17:00'],
          ['09:00', '12:00'],
        ],
      }),
    })
    expect(hours(member, '2027-03-15T00:00:00Z', '2027-03-16T00:00:00Z')).toEqual([
      ['2027-03-15T09:00:00Z', '2027-03-15T12:00:00Z'],
      ['2027-03-15T13:00:00Z', '2027-03-15T17:00:00Z'],
    ])
  })

  it('replaces a date with its override and makes a day off empty', () => {
    const member = fixtureMember({
      timeZone: 'UTC',
      dateOverrides: [
        { date: '2027-03-15', hours: [['10:00', '11:00']] },
        { date: '2027-03-16', hours: [] },
      ],
    })
    expect(hours(member, '2027-03-15T00:00:00Z', '2027-03-18T00:00:00Z')).toEqual([
      ['2027-03-15T10:00:00Z', '2027-03-15T11:00:00Z'],
      ['2027-03-17T09:00:00Z', '2027-03-17T17:00:00Z'],
    ])
  })

  it('lets an override open a weekend day', () => {
    const member = fixtureMember({
      timeZone: 'UTC',
      dateOverrides: [{ date: '2027-03-13', hours: [['10:00', '12:00']] }],
    })
    expect(hours(member, '2027-03-13T00:00:00Z', '2027-03-14T00:00:00Z')).toEqual([
      ['2027-03-13T10:00:00Z', '2027-03-13T12:00:00Z'],
    ])
  })

  it('joins 22:00–24:00 with 00:00–02:00 of the next day', () => {
    const member = fixtureMember({
      timeZone: 'UTC',
      weeklyHours: fixtureWeekly({ mon: [['22:00', '24:00']], tue: [['00:00', '02:00']] }),
    })
    expect(hours(member, '2027-03-15T00:00:00Z', '2027-03-17T00:00:00Z')).toEqual([
      ['2027-03-15T22:00:00Z', '2027-03-16T02:00:00Z'],
    ])
  })

  it('drops a range that lies wholly in the skipped hour', () => {
    const member = fixtureMember({
      timeZone: 'America/New_York',
      weeklyHours: fixtureWeekly({ sun: [['02:00', '03:00']] }),
    })
    expect(hours(member, '2027-03-14T00:00:00Z', '2027-03-15T00:00:00Z')).toEqual([])
  })

  it('cuts the hours to the window', () => {
    expect(hours(fixtureMember(), '2027-03-15T10:00:00Z', '2027-03-15T12:00:00Z')).toEqual([
      ['2027-03-15T10:00:00Z', '2027-03-15T12:00:00Z'],
    ])
  })
})

describe('workingPatternOf', () => {
  it('refuses a range that ends before it starts', () => {
    const member = fixtureMember({ weeklyHours: fixtureWeekly({ mon: [['17:00', '09:00']] }) })
    expect(() => workingPatternOf(member)).toThrow(/m-ana/)
  })

  it('refuses two overrides of one date', () => {
    const member = fixtureMember({
      dateOverrides: [
        { date: '2027-03-15', hours: [] },
        { date: '2027-03-15', hours: [['09:00', '10:00']] },
      ],
    })
    expect(() => workingPatternOf(member)).toThrow(RangeError)
  })

  it('refuses a malformed time', () => {
    const member = fixtureMember({ weeklyHours: fixtureWeekly({ mon: [['9:00', '17:00']] }) })
    expect(() => workingPatternOf(member)).toThrow(RangeError)
  })
})
