import { describe, expect, it } from 'vitest'
import { monthBounds, reportRanges } from './report-ranges'

describe('reportRanges', () => {
  it('names this and last month, quarter and year around a day', () => {
    expect(reportRanges('2026-11-28').map((r) => `${r.label}: ${r.from} to ${r.to}`)).toEqual([
      'This month: 2026-11-01 to 2026-11-30',
      'Last month: 2026-10-01 to 2026-10-31',
      'This quarter: 2026-10-01 to 2026-12-31',
      'Last quarter: 2026-07-01 to 2026-09-30',
      'This year: 2026-01-01 to 2026-12-31',
      'Last year: 2025-01-01 to 2025-12-31',
    ])
  })

  it('crosses into the year before in January, and knows leap years', () => {
    const january = reportRanges('2028-01-15')
    expect(january.find((r) => r.label === 'Last month')).toMatchObject({
      from: '2027-12-01',
      to: '2027-12-31',
    })
    expect(january.find((r) => r.label === 'Last quarter')).toMatchObject({
      from: '2027-10-01',
      to: '2027-12-31',
    })
    expect(reportRanges('2028-03-01').find((r) => r.label === 'Last month')).toMatchObject({
      from: '2028-02-01',
      to: '2028-02-29',
    })
    expect(monthBounds('2027-02-10')).toEqual(['2027-02-01', '2027-02-28'])
  })
})
