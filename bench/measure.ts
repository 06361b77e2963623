/**
 * Timing: warm-up, then repeated runs until both a minimum count and a minimum time are reached;
 * the median is reported. Peak RSS is the process's maximum resident set size so far (run each
 * case in its own process, as `run.ts` does, to make it per case).
 */

import type { BenchCase } from './registry'

export interface BenchResult {
  readonly name: string
  readonly size: number
  readonly medianMs: number
  readonly slots: number
  readonly peakRssMb: number
  /** The very first run in a fresh process (cold JIT and zone caches). */
  readonly firstMs: number
  readonly iterations: number
}

const WARMUP_RUNS = 3
const MIN_RUNS = 9
const MIN_TOTAL_MS = 1500
const MAX_RUNS = 101

function median(values: readonly number[]): number {
  const sorted = values.toSorted((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/** Runs one case and measures it. */
export function benchMeasure(benchCase: BenchCase): BenchResult {
  const run = benchCase.prepare()
  let started = performance.now()
  const slots = run()
  const firstMs = performance.now() - started
  for (let i = 1; i < WARMUP_RUNS; i++) run()
  const times: number[] = []
  let total = 0
  while ((times.length < MIN_RUNS || total < MIN_TOTAL_MS) && times.length < MAX_RUNS) {
    started = performance.now()
    const produced = run()
    const elapsed = performance.now() - started
    if (produced !== slots) throw new Error(`${benchCase.name}: slot count changed between runs`)
    times.push(elapsed)
    total += elapsed
  }
  return {
    name: benchCase.name,
    size: benchCase.size,
    medianMs: Math.round(median(times) * 100) / 100,
    slots,
    peakRssMb: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10,
    firstMs: Math.round(firstMs * 100) / 100,
    iterations: times.length,
  }
}
