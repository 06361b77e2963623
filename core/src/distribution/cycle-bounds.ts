/**
 * Reporting cycles of resource pools: which stretch of time "this month", "this quarter" or
 * "continuous" means, cut in one workspace time zone (product edge case 8).
 */

import { DateTime } from 'luxon'
import { zoneIsValid } from '../time/zone'
import type { ReportingCycle } from '../model/workspace'

/**
 * A reporting cycle as a half-open interval of instants `[start, end)`, ISO-8601 UTC strings.
 * `null` means unbounded on that side: a continuous cycle is `{ start: null, end: null }`
 * (from the beginning of time to infinity), so it serialises to JSON unchanged.
 */
export interface CycleBounds {
  readonly start: string | null
  readonly end: string | null
}

/** Luxon's unit for each bounded cycle; a quarter is Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec. */
const CYCLE_UNIT = { monthly: 'month', quarterly: 'quarter' } as const

/**
 * The reporting cycle containing the instant `nowMs` (epoch milliseconds).
 *
 * - `monthly`: the local calendar month of `nowMs` in `workspaceZone`, from local midnight of its
 *   first day to local midnight of the next month's first day;
 * - `quarterly`: the local calendar quarter (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec) likewise;
 * - `continuous`: `{ start: null, end: null }`, all time.
 *
 * Bounds are UTC instants (`2027-03-31T22:00:00.000Z` is the start of April in Berlin), so a month
 * that contains a DST change is an hour shorter or longer than its days suggest. Where local
 * midnight does not exist (a DST jump at midnight) the cycle starts at the first local instant of
 * that day. Throws a `RangeError` for a non-finite `nowMs`, an unknown IANA zone or an unknown cycle.
 */
export function cycleBounds(
  cycle: ReportingCycle,
  nowMs: number,
  workspaceZone: string = 'UTC',
): CycleBounds {
  if (!Number.isFinite(nowMs))
    throw new RangeError(`cycleBounds: nowMs must be finite, got ${nowMs}`)
  const key = `${cycle}|${workspaceZone}`
  const last = LAST_BOUNDS.get(key)
  if (last !== undefined && nowMs >= last.startMs && nowMs < last.endMs) return last.bounds
  const bounds = cycleBoundsCompute(cycle, nowMs, workspaceZone)
  if (LAST_BOUNDS.size >= LAST_BOUNDS_MAX) LAST_BOUNDS.clear()
  LAST_BOUNDS.set(key, { bounds, startMs: cycleStartMs(bounds), endMs: cycleEndMs(bounds) })
  return bounds
}

/**
 * The last bounds computed per cycle and zone: every decision asks for the current cycle, which
 * changes once a month or quarter (luxon's calendar arithmetic is the dear part). Bounded.
 */
const LAST_BOUNDS = new Map<
  string,
  { readonly bounds: CycleBounds; readonly startMs: number; readonly endMs: number }
>()
const LAST_BOUNDS_MAX = 100

function cycleBoundsCompute(
  cycle: ReportingCycle,
  nowMs: number,
  workspaceZone: string,
): CycleBounds {
  if (!zoneIsValid(workspaceZone)) {
    throw new RangeError(`cycleBounds: unknown IANA time zone ${JSON.stringify(workspaceZone)}`)
  }
  if (cycle === 'continuous') return { start: null, end: null }
  const unit = CYCLE_UNIT[cycle]
  if (unit === undefined)
    throw new RangeError(`cycleBounds: unknown cycle ${JSON.stringify(cycle)}`)
  const local = DateTime.fromMillis(nowMs, { zone: workspaceZone })
  const start = local.startOf(unit)
  const end = start.plus(unit === 'month' ? { months: 1 } : { quarters: 1 }).startOf(unit)
  return { start: utcIso(start), end: utcIso(end) }
}

/** True when the instant `atMs` (epoch ms) lies in `[bounds.start, bounds.end)`. */
export function cycleContains(bounds: CycleBounds, atMs: number): boolean {
  return atMs >= cycleStartMs(bounds) && atMs < cycleEndMs(bounds)
}

/** The cycle's start in epoch ms; `-Infinity` when unbounded. */
export function cycleStartMs(bounds: CycleBounds): number {
  return bounds.start === null ? -Infinity : Date.parse(bounds.start)
}

/** The cycle's end in epoch ms; `Infinity` when unbounded. */
export function cycleEndMs(bounds: CycleBounds): number {
  return bounds.end === null ? Infinity : Date.parse(bounds.end)
}

function utcIso(time: DateTime): string {
  const iso = time.toUTC().toISO()
  if (iso === null)
    throw new RangeError(`cycleBounds: instant out of range (${time.invalidReason})`)
  return iso
}
