/**
 * Filled data dirs, cached under `os.tmpdir()/teamslot-history-<N>-v<generator version>`. The data
 * is generated for 00:00 UTC of the day of the run (the server runs on the real clock, so "now"
 * must be today: at start-up the server completes the bookings that ended since midnight, a few
 * hundred at most and the same at every size), and a cached dir is reused on the same UTC day:
 * every size of a run then holds exactly the same present. Each run works on a copy, so every run
 * starts from the same state.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { historyParts } from './generate'
import { HISTORY_GENERATOR_VERSION } from './generate'
import { BOOKING_DERIVED_TABLES } from '../../sync-server/src/booking-index'
import { derivedFingerprint } from '../../sync-server/src/storage/derived'

/**
 * The server's derived tables as the fill built them: a store filled before a table was added
 * would rebuild it when each copy opens (a one-time upgrade, not a cold start), so it is refilled.
 */
export const HISTORY_DERIVED = derivedFingerprint({ bookings: BOOKING_DERIVED_TABLES })

export const FILL_META_FILE = 'bench-meta.json'

/** What `fill.ts` writes into `<dir>/bench-meta.json` when a fill is complete. */
export interface FillMeta {
  readonly generatorVersion: number
  /** {@link HISTORY_DERIVED} of the fill. */
  readonly derived?: string
  readonly size: number
  readonly nowMs: number
  readonly now: string
  readonly fillMs: number
  readonly parts: ReturnType<typeof historyParts>
  readonly statuses: Readonly<Record<string, number>>
  readonly futureBookings: number
}

export interface CachedStore {
  readonly dir: string
  readonly meta: FillMeta
  /** True when this call filled it (else it was reused). */
  readonly filled: boolean
  /** Hours since the data's "now". */
  readonly ageHours: number
}

export function cacheDir(size: number): string {
  return join(tmpdir(), `teamslot-history-${size}-v${HISTORY_GENERATOR_VERSION}`)
}

/** 00:00 UTC of the day of `ms`: the "now" the data of a run is generated for. */
export function cacheDataNow(ms: number): number {
  return Math.floor(ms / 86_400_000) * 86_400_000
}

/**
 * The cached store of `size` bookings generated for `nowMs`, filled first (in a child process)
 * when missing, of another generator version or derived tables, or generated for another day.
 */
export function cacheEnsure(
  size: number,
  options: { readonly root: string; readonly refill: boolean; readonly nowMs: number },
): CachedStore {
  const dir = cacheDir(size)
  const metaFile = join(dir, FILL_META_FILE)
  const { nowMs } = options
  if (!options.refill && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as FillMeta
    if (
      meta.generatorVersion === HISTORY_GENERATOR_VERSION &&
      meta.derived === HISTORY_DERIVED &&
      meta.size === size &&
      meta.nowMs === nowMs
    ) {
      return { dir, meta, filled: false, ageHours: (Date.now() - meta.nowMs) / 3_600_000 }
    }
  }
  const result = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/history/fill.ts',
      '--size',
      String(size),
      '--dir',
      dir,
      '--now',
      String(nowMs),
    ],
    { cwd: options.root, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 20 },
  )
  if (result.status !== 0 || !existsSync(metaFile)) {
    throw new Error(`filling ${size} bookings into ${dir} failed (exit ${result.status})`)
  }
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as FillMeta
  return { dir, meta, filled: true, ageHours: (Date.now() - meta.nowMs) / 3_600_000 }
}
