import { describe, expect, it } from 'vitest'
import { zoneSegments } from '../time/zone'
import { minuteBufferCreate, minuteBufferToArray } from './minute-buffer'
import { slotGridAppend, slotGridContains } from './slot-grid'

const minute = (iso: string): number => Date.parse(iso) / 60_000
const iso = (m: number): string => new Date(m * 60_000).toISOString().slice(11, 16)

function grid(zone: string, from: string, to: string, interval: number): string[] {
  const lo = minute(from)
  const hi = minute(to)
  const out = minuteBufferCreate()
  slotGridAppend(zoneSegments(zone, lo - 1440, hi + 1440), lo, hi, interval, out)
  return minuteBufferToArray(out).map(iso)
}

describe('slotGridAppend', () => {
  it('puts an hourly grid in Kolkata at :30 UTC', () => {
    expect(grid('Asia/Kolkata', '2027-03-15T00:00:00Z', '2027-03-15T03:00:00Z', 60)).toEqual([
      '00:30',
      '01:30',
      '02:30',
    ])
  })

  it('restarts a 25-minute grid at local midnight', () => {
    // 23:20 and 23:45 local, then 00:00 of the next day.
    expect(grid('UTC', '2027-03-15T23:10:00Z', '2027-03-16T00:30:00Z', 25)).toEqual([
      '23:20',
      '23:45',
      '00:00',
      '00:25',
    ])
  })

  it('starts again from the wall clock after the New York spring-forward jump', () => {
    expect(grid('America/New_York', '2027-03-14T06:00:00Z', '2027-03-14T08:00:00Z', 45)).toEqual([
      '06:30', // 01:30 EST
      '07:00', // 03:00 EDT (02:15 does not exist; 03:00 is on the 45-minute grid)
      '07:45', // 03:45 EDT
    ])
  })
})

describe('slotGridContains', () => {
  const segments = zoneSegments(
    'Asia/Kolkata',
    minute('2027-03-14T00:00:00Z'),
    minute('2027-03-17T00:00:00Z'),
  )

  it('accepts :30 UTC and refuses :00 UTC for an hourly grid in Kolkata', () => {
    expect(slotGridContains(segments, minute('2027-03-15T03:30:00Z'), 60)).toBe(true)
    expect(slotGridContains(segments, minute('2027-03-15T03:00:00Z'), 60)).toBe(false)
  })
})
