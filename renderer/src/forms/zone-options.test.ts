import { describe, expect, it } from 'vitest'
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
