/**
 * Paired comparison for issue 11's target (`npx tsx bench/calendar-compare.ts [rounds]`): the
 * 100-member pooled union without and with a 500-event busy calendar per member, run alternately
 * in one process (after warm-up) so that load from other jobs hits both alike. Prints the median
 * of each and the median of the per-round ratios (target: ≤ 2).
 */

import { calendarPooledRun } from './calendar-cases'

const rounds = Number(process.argv[2] ?? 200)
const without = calendarPooledRun(false)
const withCalendars = calendarPooledRun(true)
const time = (run: () => number): number => {
  const started = performance.now()
  run()
  return performance.now() - started
}
for (let i = 0; i < 30; i++) {
  without()
  withCalendars()
}
const a: number[] = []
const b: number[] = []
const ratios: number[] = []
for (let i = 0; i < rounds; i++) {
  // Alternate which goes first, so neither always runs on a warmer cache.
  let plain: number
  let busy: number
  if (i % 2 === 0) {
    plain = time(without)
    busy = time(withCalendars)
  } else {
    busy = time(withCalendars)
    plain = time(without)
  }
  a.push(plain)
  b.push(busy)
  ratios.push(busy / plain)
}
const median = (values: number[]): number => values.toSorted((m, n) => m - n)[values.length >> 1]!
console.log(
  JSON.stringify({
    rounds,
    withoutMedianMs: Number(median(a).toFixed(2)),
    withCalendarsMedianMs: Number(median(b).toFixed(2)),
    medianRatio: Number(median(ratios).toFixed(2)),
  }),
)
