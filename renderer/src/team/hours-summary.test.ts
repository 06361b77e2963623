import { describe, expect, it } from 'vitest'
import type { WeeklyHours } from '../../../core/src/model/workspace'
import { hoursSummary } from './hours-summary'

const nineToFive = [['09:00', '17:00']] as const
const week = (over: Partial<WeeklyHours>): WeeklyHours => ({
  mon: nineToFive,
  tue: nineToFive,
  wed: nineToFive,
  thu: nineToFive,
  fri: nineToFive,
  sat: [],
  sun: [],
  ...over,
})

describe('hoursSummary', () => {
  it('joins consecutive days with the same hours', () => {
    expect(hoursSummary(week({}), 'en-GB')).toBe('Mon–Fri 09:00–17:00')
  })

  it('shows each weekday’s own hours, not Monday’s for all', () => {
    const hours = week({
      tue: [
        ['09:00', '12:00'],
        ['13:00', '17:00'],
      ],
      fri: [['09:30', '14:00']],
      sat: [['10:00', '24:00']],
    })
    expect(hoursSummary(hours, 'en-GB')).toBe(
      'Mon, Wed–Thu 09:00–17:00 · Tue 09:00–12:00, 13:00–17:00 · Fri 09:30–14:00 · Sat 10:00–midnight',
    )
  })

  it('says when there are no hours, in the locale’s clock', () => {
    expect(hoursSummary(week({ mon: [], tue: [], wed: [], thu: [], fri: [] }), 'en-GB')).toBe(
      'No weekly hours',
    )
    expect(hoursSummary(week({}), 'en-US')).toMatch(/^Mon–Fri 9:00\sAM–5:00\sPM$/)
  })
})
