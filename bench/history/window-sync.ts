/**
 * `npm run bench:history:window -- [--sizes 10000,50000] [--before-app DIR] [--cap 300] [--json]`
 *
 * The desktop's first sync against stored history (issue 9): for each size, the cached filled
 * store of `bench:history` (./cache.ts, generated for 00:00 UTC today) is copied, the REAL server
 * process is started on it serving a renderer build, and a fresh on-disk Chromium profile opens
 * the app (./desktop.ts: time until the status bar says every collection is in sync, bookings in
 * IndexedDB, IndexedDB size, renderer heap, the Bookings week view). With `--before-app`, the same
 * is measured for an older renderer build (e.g. main before the window) served by the same server
 * — its full pull (`/replication/bookings/<v>/pull`) is unchanged. The pool-ledger baseline the
 * windowed desktop fetches besides the sync (`/api/admin/pool-ledgers`) is timed on its own.
 * Figures, not tests.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { bookingWindowStart, windowStartIso } from '../../core/src/booking/booking-window'
import { cacheDataNow, cacheEnsure } from './cache'
import { desktopFirstSync } from './desktop'
import type { DesktopFigures } from './desktop'
import { BenchClient } from './http'
import { ROOT, serverStart } from './server-process'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,50000' },
    'before-app': { type: 'string' },
    cap: { type: 'string', default: '300' },
    json: { type: 'boolean', default: false },
  },
  strict: true,
})

const TOKEN = 'bench-window-admin-token'
const sizes = values.sizes.split(',').map((s) => Number(s.trim()))
const capMs = Number(values.cap) * 1000
const variants: { readonly name: string; readonly appDir: string }[] = [
  ...(values['before-app'] ? [{ name: 'before', appDir: values['before-app'] }] : []),
  { name: 'after', appDir: join(ROOT, 'out', 'renderer') },
]
for (const variant of variants) {
  if (!existsSync(join(variant.appDir, 'index.html'))) {
    throw new Error(`no renderer build in ${variant.appDir} (npm run build)`)
  }
}

interface Row {
  readonly size: number
  readonly variant: string
  readonly desktop: DesktopFigures
  readonly baseline: { readonly ms: number; readonly kb: number; readonly status: number } | null
  readonly load: readonly [number, number]
}

const nowMs = cacheDataNow(Date.now())
const rows: Row[] = []
for (const size of sizes) {
  const cache = cacheEnsure(size, { root: ROOT, refill: false, nowMs })
  for (const variant of variants) {
    const dataDir = mkdtempSync(join(tmpdir(), 'teamslot-window-bench-'))
    cpSync(cache.dir, dataDir, { recursive: true })
    const loadBefore = loadavg()[0] ?? 0
    const server = await serverStart({ dataDir, token: TOKEN, appDir: variant.appDir })
    try {
      const desktop = await desktopFirstSync({ url: server.url, token: TOKEN, capMs })
      let baseline: Row['baseline'] = null
      if (variant.name === 'after') {
        const client = new BenchClient(server.url, TOKEN)
        const before = windowStartIso(bookingWindowStart(Date.now()))
        const answer = await client.admin(
          'GET',
          `/api/admin/pool-ledgers?before=${encodeURIComponent(before)}`,
        )
        baseline = { ms: answer.ms, kb: answer.text.length / 1024, status: answer.status }
        client.close()
      }
      const row: Row = {
        size,
        variant: variant.name,
        desktop,
        baseline,
        load: [loadBefore, loadavg()[0] ?? 0],
      }
      rows.push(row)
      if (values.json) console.log(JSON.stringify(row))
      else console.log(line(row))
    } finally {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

function line(row: Row): string {
  const d = row.desktop
  const fixed = (n: number | null, digits = 1) => (n === null ? '—' : n.toFixed(digits))
  return [
    `${row.size} stored, ${row.variant}:`,
    `first sync ${d.firstSyncMs === null ? `over ${d.capMs / 1000} s` : `${fixed(d.firstSyncMs / 1000)} s`}`,
    `${d.replicatedBookings ?? '—'} bookings in IndexedDB`,
    `IndexedDB ${fixed(d.indexedDbEstimateMb)} MB (estimate) · ${fixed(d.indexedDbOnDiskMb)} MB on disk`,
    `heap ${fixed(d.rendererHeapMb, 0)} MB`,
    `week view ${d.weekViewMs === null ? '—' : `${fixed(d.weekViewMs / 1000, 2)} s`}`,
    `in sync ${d.reloadInSyncMs === null ? '—' : `${fixed(d.reloadInSyncMs / 1000)} s`} after a reload`,
    row.baseline
      ? `baseline ${row.baseline.status} in ${row.baseline.ms.toFixed(0)} ms, ${row.baseline.kb.toFixed(0)} kB`
      : '',
    `load ${row.load[0].toFixed(1)}→${row.load[1].toFixed(1)} on ${cpus().length} cores`,
    d.note ?? '',
  ]
    .filter(Boolean)
    .join(' · ')
}
