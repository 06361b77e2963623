import type { DateOverride, LocalRange } from '../../../core/src/model/workspace'

export type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string }

const RANGE = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/

function pad(text: string): string {
  return text.padStart(2, '0')
}

/**
 * Parses a day's hours as people type them: `09:00-12:00, 13:00-17:00`; empty or `off` = no hours.
 * Only the shape is checked here (core's validation checks order, overlaps and `24:00`).
 */
export function hoursParse(text: string): Parsed<LocalRange[]> {
  const trimmed = text.trim()
  if (trimmed === '' || trimmed.toLowerCase() === 'off') return { ok: true, value: [] }
  const ranges: LocalRange[] = []
  for (const part of trimmed.split(',')) {
    const match = RANGE.exec(part.trim())
    if (!match) return { ok: false, message: `"${part.trim()}" is not a range like 09:00-17:00` }
    const [, h1 = '', m1 = '', h2 = '', m2 = ''] = match
    ranges.push([`${pad(h1)}:${m1}`, `${pad(h2)}:${m2}`])
  }
  return { ok: true, value: ranges }
}

/** The inverse of {@link hoursParse}: `09:00-12:00, 13:00-17:00`, or `off`. */
export function hoursFormat(ranges: readonly LocalRange[]): string {
  return ranges.length === 0 ? 'off' : ranges.map(([start, end]) => `${start}-${end}`).join(', ')
}

/** Parses one override per line: `2027-03-19: off` or `2027-03-20: 10:00-14:00, 15:00-16:00`. */
export function overridesParse(text: string): Parsed<DateOverride[]> {
  const overrides: DateOverride[] = []
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')) {
    const match = /^(\d{4}-\d{2}-\d{2})\s*:\s*(.*)$/.exec(line)
    if (!match) return { ok: false, message: `"${line}" should look like 2027-03-19: off` }
    const hours = hoursParse(match[2] ?? '')
    if (!hours.ok) return hours
    overrides.push({ date: match[1] ?? '', hours: hours.value })
  }
  return { ok: true, value: overrides }
}

/** The inverse of {@link overridesParse}, one line per date. */
export function overridesFormat(overrides: readonly DateOverride[]): string {
  return overrides.map((o) => `${o.date}: ${hoursFormat(o.hours)}`).join('\n')
}
