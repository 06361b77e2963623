/**
 * Latency summaries for bench:history: median, nearest-rank p99 and max over the samples, with the
 * sample count (with 50 samples, p99 is the largest sample: read it as "the worst of 50").
 */

export interface Summary {
  readonly n: number
  readonly p50: number
  readonly p99: number
  readonly max: number
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  const n = sorted.length
  if (n === 0) return { n: 0, p50: Number.NaN, p99: Number.NaN, max: Number.NaN }
  const mid = Math.floor(n / 2)
  const p50 = n % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
  const p99 = sorted[Math.min(n - 1, Math.ceil(0.99 * n) - 1)] ?? Number.NaN
  return { n, p50, p99, max: sorted[n - 1] ?? Number.NaN }
}

/** A figure for tables: whole numbers from 100 on, one decimal below, two below 10. */
export function fmt(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—'
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US')
  if (Math.abs(value) >= 10) return value.toFixed(1)
  return value.toFixed(2)
}

/** Left- or right-padded table cells. */
export function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
    .join('  ')
}
