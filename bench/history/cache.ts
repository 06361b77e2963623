/**
 * Filled data dirs, cached under `os.tmpdir()/teamslot-history-<N>-v<generator version>` and
 * reused while younger than a day (the data is generated around the fill's "now", and the server
 * runs on the real clock, so a cached store ages: bookings that end meanwhile are completed by the
 * server at start-up). Each run works on a copy, so every run starts from the same state.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { historyParts } from './generate'
import { HISTORY_GENERATOR_VERSION } from './generate'

export const FILL_META_FILE = 'bench-meta.json'

/** What `fill.ts` writes into `<dir>/bench-meta.json` when a fill is complete. */
export interface FillMeta {
  readonly generatorVersion: number
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
  readonly ageHours: number
}

export function cacheDir(size: number): string {
  return join(tmpdir(), `teamslot-history-${size}-v${HISTORY_GENERATOR_VERSION}`)
}

/** The cached store of `size` bookings, filled first (in a child process) when missing or stale. */
export function cacheEnsure(
  size: number,
  options: { readonly root: string; readonly refill: boolean; readonly maxAgeHours: number },
): CachedStore {
  const dir = cacheDir(size)
  const metaFile = join(dir, FILL_META_FILE)
  if (!options.refill && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as FillMeta
    const ageHours = (Date.now() - meta.nowMs) / 3_600_000
    if (
      meta.generatorVersion === HISTORY_GENERATOR_VERSION &&
      meta.size === size &&
      ageHours <= options.maxAgeHours
    ) {
      return { dir, meta, filled: false, ageHours }
    }
  }
  const nowMs = Date.now()
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
