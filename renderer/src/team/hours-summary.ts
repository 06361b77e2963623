import type { LocalRange, WeeklyHours } from '../../../core/src/model/workspace'
import { WEEKDAYS } from '../../../core/src/model/workspace'
import { wallClockText } from '../format/datetime-format'

const SHORT: Readonly<Record<(typeof WEEKDAYS)[number], string>> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
}

function rangesText(ranges: readonly LocalRange[], locale: string): string {
  return ranges
    .map(
      ([start, end]) =>
        `${wallClockText(start, locale)}–${end === '24:00' ? 'midnight' : wallClockText(end, locale)}`,
    )
    .join(', ')
}

/**
 * A member's week in one line, consecutive days with the same hours together:
 * `Mon, Wed–Fri 09:00–17:00 · Tue 09:00–12:00, 13:00–17:00`; days off are left out.
 */
export function hoursSummary(hours: WeeklyHours, locale?: string): string {
  const lang = locale ?? (typeof navigator !== 'undefined' ? navigator.language : 'en-GB')
  const runs: { from: string; to: string; text: string }[] = []
  let previous: { text: string; run: { from: string; to: string; text: string } } | null = null
  for (const day of WEEKDAYS) {
    const ranges = hours[day]
    if (ranges.length === 0) {
      previous = null
      continue
    }
    const text = rangesText(ranges, lang)
    if (previous && previous.text === text) {
      previous.run.to = SHORT[day]
      continue
    }
    const run: { from: string; to: string; text: string } = {
      from: SHORT[day],
      to: SHORT[day],
      text,
    }
    runs.push(run)
    previous = { text, run }
  }
  if (runs.length === 0) return 'No weekly hours'
  const groups = new Map<string, string[]>()
  for (const run of runs) {
    const days = run.from === run.to ? run.from : `${run.from}–${run.to}`
    groups.set(run.text, [...(groups.get(run.text) ?? []), days])
  }
  return [...groups].map(([text, days]) => `${days.join(', ')} ${text}`).join(' · ')
}
