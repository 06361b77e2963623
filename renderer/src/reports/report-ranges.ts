/** A named range of whole days (`YYYY-MM-DD`, both included) Reports offers in one click. */
export interface ReportRange {
  readonly label: string
  readonly from: string
  readonly to: string
}

function isoDay(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10)
}

/** Months `first`..`last` (1-based, may run outside 1..12) of year `y` as whole days. */
function months(y: number, first: number, last: number): readonly [string, string] {
  return [isoDay(y, first, 1), isoDay(y, last + 1, 0)]
}

/** The month holding `today` (`YYYY-MM-DD`), first to last day: Reports' default range. */
export function monthBounds(today: string): readonly [string, string] {
  const [y, m] = today.split('-').map(Number) as [number, number]
  return months(y, m, m)
}

/**
 * This and last month, quarter and year, as the calendar has them around `today`
 * (`YYYY-MM-DD` in the scheduler's zone): the questions Reports is asked most.
 */
export function reportRanges(today: string): readonly ReportRange[] {
  const [y, m] = today.split('-').map(Number) as [number, number]
  const quarterFirst = m - ((m - 1) % 3)
  const range = (label: string, [from, to]: readonly [string, string]): ReportRange => ({
    label,
    from,
    to,
  })
  return [
    range('This month', months(y, m, m)),
    range('Last month', months(y, m - 1, m - 1)),
    range('This quarter', months(y, quarterFirst, quarterFirst + 2)),
    range('Last quarter', months(y, quarterFirst - 3, quarterFirst - 1)),
    range('This year', months(y, 1, 12)),
    range('Last year', months(y - 1, 1, 12)),
  ]
}
