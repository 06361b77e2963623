import { describe, expect, it } from 'vitest'
import { zoneSearchMatches } from '../../../core/src/time/zone-search'
import { zoneOptions } from './zone-options'

describe('zoneOptions', () => {
  it('lists zones with their current offset, by offset', () => {
    const options = zoneOptions(Date.parse('2027-07-01T12:00:00.000Z'))
    const berlin = options.find((o) => o.id === 'Europe/Berlin')
    expect(berlin?.label).toBe('Europe/Berlin (UTC+02:00)')
    const kolkata = options.find((o) => o.id === 'Asia/Kolkata')
    expect(kolkata?.offsetMinutes).toBe(330)
    const offsets = options.map((o) => o.offsetMinutes)
    expect(offsets).toEqual(offsets.toSorted((a, b) => a - b))
    expect(options.find((o) => o.id === 'America/New_York')?.label).toBe(
      'America/New York (UTC-04:00)',
    )
  })
})

describe('zone search in the desktop’s list', () => {
  it('finds a zone by the words people type, as the booking page does', () => {
    const options = zoneOptions(Date.parse('2027-07-01T12:00:00.000Z'))
    const found = (typed: string) =>
      options.filter((o) => zoneSearchMatches(o.search, typed)).map((o) => o.id)
    expect(found('Mumbai')).toEqual(['Asia/Kolkata'])
    expect(found('Eastern')).toContain('America/New_York')
    expect(found('zürich')).toEqual(['Europe/Zurich'])
    // The label stays searchable: its offset too.
    expect(found('Berlin')).toEqual(['Europe/Berlin'])
    expect(found('UTC+05:30')).toContain('Asia/Kolkata')
  })
})
