import { describe, expect, it } from 'vitest'
import { ZONE_RENAMES, textFold, zoneSearchMatches, zoneSearchText } from './zone-search'

const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'America/Indiana/Indianapolis',
  'Asia/Kolkata',
  'Europe/Zurich',
  'Europe/London',
  'UTC',
]

/** The zones a typed text finds, as a picker lists them. */
const found = (typed: string) =>
  ZONES.filter((zone) => zoneSearchMatches(zoneSearchText(zone), typed))

describe('zone search', () => {
  it('finds zones by the words people type (a customer review: each found nothing)', () => {
    expect(found('Eastern')).toEqual(['America/New_York'])
    expect(found('PST')).toEqual(['America/Los_Angeles'])
    expect(found('Pacific Time')).toEqual(['America/Los_Angeles'])
    expect(found('Mumbai')).toEqual(['Asia/Kolkata'])
    expect(found('calcutta')).toEqual(['Asia/Kolkata'])
    expect(found('UTC')).toEqual(['UTC'])
    expect(found('Zürich')).toEqual(['Europe/Zurich'])
    expect(found('zurich')).toEqual(['Europe/Zurich'])
  })

  it('still finds by the zone’s own name and city, and "India" no longer only Indiana', () => {
    expect(found('new york')).toEqual(['America/New_York'])
    expect(found('europe')).toEqual(['Europe/Zurich', 'Europe/London'])
    expect(found('India')).toEqual(['America/Indiana/Indianapolis', 'Asia/Kolkata'])
    expect(found('')).toEqual(ZONES)
  })

  it('takes what the list shows as extra words (city, offset)', () => {
    expect(zoneSearchMatches(zoneSearchText('Asia/Kolkata', 'Kolkata GMT+5:30'), 'gmt+5:30')).toBe(
      true,
    )
  })

  it('folds accents and case; renamed zones point at zones with aliases or names', () => {
    expect(textFold('Genève Köln')).toBe('geneve koln')
    for (const today of Object.values(ZONE_RENAMES)) expect(today).toMatch(/^[A-Z][\w/+-]+$/)
  })
})
