import { describe, expect, it } from 'vitest'
import { zoneSegments } from '../time/zone'
import { workloadCapsOf, workloadClosedMinutes } from './workload'
import { fixtureMember } from './test-fixtures'

const minute = (iso: string): number => Date.parse(iso) / 60_000

describe('workloadCapsOf', () => {
  it('reads absent and null caps as no cap', () => {
    expect(workloadCapsOf(fixtureMember())).toEqual({ perDay: null, perWeek: null })
    expect(
      workloadCapsOf(fixtureMember({ maxBookingsPerDay: null, maxBookingsPerWeek: 5 })),
    ).toEqual({ perDay: null, perWeek: 5 })
  })

  it.each([-1, 1.5, Number.NaN])('refuses the cap %d', (cap) => {
    expect(() => workloadCapsOf(fixtureMember({ maxBookingsPerDay: cap }))).toThrow(RangeError)
  })
})

describe('workloadClosedMinutes', () => {
  const from = minute('2027-03-15T00:00:00Z')
  const to = minute('2027-03-22T00:00:00Z')
  const segments = zoneSegments('Asia/Kolkata', from - 20_000, to + 20_000)

  it('closes the local Kolkata day of a booking when the daily cap is 1', () => {
    // 2027-03-16T20:00Z is 2027-03-17 01:30 in Kolkata.
    const closed = workloadClosedMinutes(
      { perDay: 1, perWeek: null },
      [minute('2027-03-16T20:00:00Z')],
      segments,
      from,
      to,
    )
    expect(closed.daily).toEqual([minute('2027-03-16T18:30:00Z'), minute('2027-03-17T18:30:00Z')])
    expect(closed.weekly).toEqual([])
  })

  it('closes every day with a cap of 0', () => {
    const closed = workloadClosedMinutes({ perDay: 0, perWeek: null }, [], segments, from, to)
    expect(closed.daily).toEqual([minute('2027-03-14T18:30:00Z'), minute('2027-03-22T18:30:00Z')])
  })

  it('closes the local week Monday–Sunday, counting a booking from before the window', () => {
    const closed = workloadClosedMinutes(
      { perDay: null, perWeek: 2 },
      // Monday 2027-03-15 and Wednesday 2027-03-17 local; the window starts on Thursday.
      [minute('2027-03-15T04:00:00Z'), minute('2027-03-17T04:00:00Z')],
      segments,
      minute('2027-03-18T00:00:00Z'),
      to,
    )
    expect(closed.weekly).toEqual([minute('2027-03-17T18:30:00Z'), minute('2027-03-21T18:30:00Z')])
  })

  it('closes nothing without caps', () => {
    expect(
      workloadClosedMinutes({ perDay: null, perWeek: null }, [from], segments, from, to),
    ).toEqual({ daily: [], weekly: [] })
  })
})
