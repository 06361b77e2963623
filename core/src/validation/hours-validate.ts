/**
 * Working hours of a member: a day's `HH:mm` ranges and the date-specific overrides.
 */

import type { DateOverride, LocalRange } from '../model/workspace'
import { END_OF_DAY_MINUTES, localDateIsReal, localTimeMinutes } from './value-formats'
import type { WorkspaceProblem } from './workspace-problem'
import { problemsForRepeats } from './workspace-problem'

/**
 * Problems with one day's ranges (`[start, end)`, local wall clock), each at `${path}.${index}`:
 * both ends `HH:mm`; `"24:00"` only as an end; start before end; no two ranges overlapping
 * (touching, `09:00–12:00` then `12:00–17:00`, is fine; order in the list does not matter). An
 * overlap is reported at the range that starts later (on ties, the later one in the list).
 */
export function hoursValidate(ranges: readonly LocalRange[], path: string): WorkspaceProblem[] {
  const problems: WorkspaceProblem[] = []
  const valid: { index: number; start: number; end: number }[] = []
  ranges.forEach((range, index) => {
    const at = `${path}.${index}`
    const [startText, endText] = range
    const start = localTimeMinutes(startText)
    const end = localTimeMinutes(endText)
    if (start === null || end === null) {
      problems.push({ path: at, message: 'expected a range of two HH:mm times' })
    } else if (start === END_OF_DAY_MINUTES) {
      problems.push({ path: at, message: '"24:00" can only end a range' })
    } else if (start >= end) {
      problems.push({ path: at, message: `${startText}–${endText} does not start before it ends` })
    } else valid.push({ index, start, end })
  })
  const sorted = valid.toSorted((a, b) => a.start - b.start || a.index - b.index)
  let reach: { index: number; end: number } | null = null
  for (const range of sorted) {
    if (reach !== null && range.start < reach.end) {
      const message = `overlaps ${path}.${reach.index}`
      problems.push({ path: `${path}.${range.index}`, message })
    }
    if (reach === null || range.end > reach.end) reach = { index: range.index, end: range.end }
  }
  return problems.toSorted((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }))
}

/**
 * Problems with a member's date overrides, at `${path}.${index}.date` or `.hours.${n}`: each date
 * a real calendar date, no date twice, and each override's hours valid as in `hoursValidate`
 * (`[]` is a day off).
 */
export function dateOverridesValidate(
  overrides: readonly DateOverride[],
  path: string,
): WorkspaceProblem[] {
  const problems: WorkspaceProblem[] = []
  overrides.forEach((override, index) => {
    if (!localDateIsReal(override.date)) {
      const message = `${JSON.stringify(override.date)} is not a calendar date (YYYY-MM-DD)`
      problems.push({ path: `${path}.${index}.date`, message })
    }
    problems.push(...hoursValidate(override.hours, `${path}.${index}.hours`))
  })
  const dates = overrides.map((o) => o.date)
  problems.push(...problemsForRepeats(dates, path, '.date', 'override date'))
  return problems
}
