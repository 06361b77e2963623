/**
 * `npm run bench:history [-- --quick | --sizes 10000,50000] [--json] [--requests 50] [--warmup 5]
 *  [--no-desktop] [--desktop-cap 300] [--start-cap 600] [--refill]`
 *
 * Issue 9: does a request cost grow with the history a workspace has stored? For each size (10k,
 * 50k, 150k, 400k stored bookings; see ./generate.ts: the present is the same at every size, only
 * history grows) a cached, filled data dir is copied and the REAL server process is started on it
 * (`sync-server/src/main.ts` built as production runs it, out/server/main.js; real clock).
 * Measured, with sequential requests: cold start; p50/p99 of availability (7-day windows of the
 * 100-member pooled page), a public booking of a free start, availability right after a write, a
 * reassignment, a replicated push of one booking, pool statistics; the server's RSS; the SQLite
 * files; and the desktop's first sync in Chromium (time, IndexedDB size, week view). Then each
 * request figure at the largest size vs the smallest (issue 9: at most 1.5× from 10k to 400k) and
 * the targets at the largest size.
 * Figures, not timed tests: nothing here fails on a slow figure.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Booking } from '../../core/src/model/workspace'
import { COLLECTION_SCHEMAS } from '../../core/src/schema/collections'
import { prngCreate } from '../prng'
import type { Prng } from '../prng'
import { FILL_META_FILE, cacheDataNow, cacheEnsure } from './cache'
import type { CachedStore } from './cache'
import { desktopFirstSync } from './desktop'
import type { DesktopFigures } from './desktop'
import { HISTORY_IDS, HISTORY_PRESENT } from './generate'
import { BenchClient, jsonOf } from './http'
import type { Timed } from './http'
import {
  ROOT,
  StartOverCap,
  dirFsync,
  dirSizeMb,
  serverBundleEnsure,
  serverStart,
} from './server-process'
import { fmt, row, summarize } from './stats'
import type { Summary } from './stats'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    requests: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '5' },
    'no-desktop': { type: 'boolean', default: false },
    'desktop-cap': { type: 'string', default: '300' },
    'start-cap': { type: 'string', default: '600' },
    refill: { type: 'boolean', default: false },
  },
  strict: true,
})

const ALL_SIZES = [10_000, 50_000, 150_000, 400_000]
const sizes = (
  values.sizes
    ? values.sizes.split(',').map((s) => Number(s.trim()))
    : values.quick
      ? [10_000, 50_000]
      : ALL_SIZES
).sort((a, b) => a - b)
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`bad --sizes ${values.sizes}`)
const REQUESTS = Number(values.requests)
const WARMUP = Number(values.warmup)
/** Untimed availability requests before anything is measured (JIT warm-up). */
const JIT_WARMUP = 30
const DESKTOP = !values['no-desktop']
const DESKTOP_CAP_MS = Number(values['desktop-cap']) * 1000
const START_CAP_MS = Number(values['start-cap']) * 1000
/** The "now" every size of this run is generated for: 00:00 UTC today (see ./cache.ts). */
const DATA_NOW = cacheDataNow(Date.now())
const TOKEN = 'bench-history-admin-token'
const APP_DIR = join(ROOT, 'out', 'renderer')
const DAY_MS = 86_400_000
const BOOKINGS_VERSION = COLLECTION_SCHEMAS.bookings.version

/** Figures of one size, keyed; the first six are the issue's request figures. */
const FIGURES = {
  availability: 'availability, 7-day pooled page',
  booking: 'public booking',
  availabilityAfterWrite: 'availability right after a write',
  reassign: 'reassignment',
  push: 'replicated push of 1 booking',
  stats: 'pool statistics, 100 members',
  reassignCandidates: '(reassign candidates)',
  pull: '(replication pull of 1 doc)',
} as const
type FigureKey = keyof typeof FIGURES
const REQUEST_FIGURES: readonly FigureKey[] = [
  'availability',
  'booking',
  'availabilityAfterWrite',
  'reassign',
  'push',
  'stats',
]

interface Figure extends Summary {
  /** Answers by HTTP status (every request, timed or refused). */
  readonly statuses: Readonly<Record<string, number>>
  readonly note?: string
}

interface SizeResult {
  readonly size: number
  readonly cache: {
    readonly filled: boolean
    readonly fillMs: number
    readonly ageHours: number
    readonly now: string
  }
  readonly sqliteMbBefore: number
  readonly coldStartMs: number
  readonly listeningMs: number
  readonly figures: Partial<Record<FigureKey, Figure>>
  readonly bookingsCreated: number
  readonly rssMb: number
  readonly peakRssMb: number
  readonly desktop: DesktopFigures | null
  readonly rssAfterDesktopMb: number | null
  readonly peakRssAfterDesktopMb: number | null
  readonly sqliteMbAfter: number
  readonly stopMs: number
  readonly exitCode: number | null
  readonly loadBefore: number
  readonly loadAfter: number
  readonly wallMs: number
  readonly error?: string
}

const out = (line: string) => {
  if (!values.json) console.log(line)
}
const json = (value: unknown) => {
  if (values.json) console.log(JSON.stringify(value))
}

/** Collects timed samples of one figure (after `WARMUP` untimed ones) and status counts. */
class Recorder {
  private readonly samples = new Map<FigureKey, number[]>()
  private readonly statuses = new Map<FigureKey, Record<string, number>>()
  private readonly notes = new Map<FigureKey, string>()

  add(key: FigureKey, result: Timed, timed: boolean, okStatus: number): boolean {
    const counts = this.statuses.get(key) ?? {}
    counts[result.status] = (counts[result.status] ?? 0) + 1
    this.statuses.set(key, counts)
    const ok = result.status === okStatus
    if (ok && timed) this.samples.set(key, [...(this.samples.get(key) ?? []), result.ms])
    return ok
  }

  note(key: FigureKey, note: string): void {
    this.notes.set(key, note)
  }

  figures(): Partial<Record<FigureKey, Figure>> {
    const out: Partial<Record<FigureKey, Figure>> = {}
    for (const key of Object.keys(FIGURES) as FigureKey[]) {
      if (!this.statuses.has(key)) continue
      const note = this.notes.get(key)
      out[key] = {
        ...summarize(this.samples.get(key) ?? []),
        statuses: this.statuses.get(key) ?? {},
        ...(note ? { note } : {}),
      }
    }
    return out
  }
}

interface Slot {
  readonly start: string
}

function availabilityPath(fromMs: number): string {
  const from = new Date(fromMs).toISOString()
  const to = new Date(fromMs + 7 * DAY_MS).toISOString()
  return `/api/public/pages/${HISTORY_IDS.teamSlug}/availability?eventTypeId=${HISTORY_IDS.intro}&from=${from}&to=${to}`
}

/** A random 7-day window starting 1–82 days ahead on a whole hour (inside the 90-day window). */
function windowStart(rng: Prng, nowMs: number): number {
  return Math.floor(nowMs / 3_600_000) * 3_600_000 + rng.int(1, 82) * DAY_MS
}

/** The issue's request figures, sequential requests against a running server. */
async function measureRequests(client: BenchClient): Promise<{
  figures: Partial<Record<FigureKey, Figure>>
  created: number
}> {
  // The same windows, starts and bookings at every size.
  const rng = prngCreate(0x5eed9)
  const rec = new Recorder()
  const rounds = WARMUP + REQUESTS
  const nowMs = () => Date.now()

  // 0. JIT warm-up: the first few dozen availability answers are several times slower.
  const warmRng = prngCreate(0x3a11)
  for (let i = 0; i < JIT_WARMUP; i++) {
    await client.public('GET', availabilityPath(windowStart(warmRng, nowMs())))
  }

  // 1. Availability, nothing written in between.
  const slotCounts: number[] = []
  for (let i = 0; i < rounds; i++) {
    const result = await client.public('GET', availabilityPath(windowStart(rng, nowMs())))
    if (rec.add('availability', result, i >= WARMUP, 200)) {
      slotCounts.push(jsonOf<{ slots: Slot[] }>(result, 'availability').slots.length)
    }
  }
  rec.note('availability', `median ${summarize(slotCounts).p50} slots per answer`)

  // 2. Public bookings of free starts (from the previous answer), each followed by availability.
  let created = 0
  let slots: Slot[] = []
  for (let i = 0; i < rounds; i++) {
    while (slots.length === 0) {
      const fresh = await client.public('GET', availabilityPath(windowStart(rng, nowMs())))
      slots = jsonOf<{ slots: Slot[] }>(fresh, 'availability').slots
    }
    const slot = slots[rng.int(0, slots.length - 1)]
    const booked = await client.public(
      'POST',
      `/api/public/pages/${HISTORY_IDS.teamSlug}/bookings`,
      {
        eventTypeId: HISTORY_IDS.intro,
        start: slot?.start,
        customer: {
          name: `Bench Customer ${i}`,
          email: `bench.${i}@example.org`,
          timeZone: 'Europe/London',
        },
        answers: {},
      },
    )
    if (rec.add('booking', booked, i >= WARMUP, 201)) created++
    const after = await client.public('GET', availabilityPath(windowStart(rng, nowMs())))
    if (rec.add('availabilityAfterWrite', after, i >= WARMUP, 200)) {
      slots = jsonOf<{ slots: Slot[] }>(after, 'availability').slots
    } else slots = []
  }
  const refused = Object.entries(rec.figures().booking?.statuses ?? {})
    .filter(([status]) => status !== '201')
    .reduce((sum, [, n]) => sum + n, 0)
  if (refused > 0) rec.note('booking', `${refused} refused (slot taken meanwhile or rate limit)`)

  // 3. Reassignments of future pooled bookings to a free pool member.
  const listed = await client.admin(
    'GET',
    `/api/admin/bookings?from=${new Date(nowMs() + 2 * DAY_MS).toISOString()}&to=${new Date(nowMs() + 60 * DAY_MS).toISOString()}`,
  )
  const future = jsonOf<{ bookings: Booking[] }>(listed, 'admin bookings').bookings.filter(
    (b) =>
      (b.status === 'scheduled' || b.status === 'rescheduled') &&
      b.poolId === HISTORY_IDS.poolAll &&
      b.hostMemberIds.length === 1,
  )
  const picked = new Set<string>()
  let noCandidate = 0
  for (let i = 0; i < rounds && picked.size < future.length; i++) {
    let booking: Booking | undefined
    while (!booking || picked.has(booking.id)) booking = future[rng.int(0, future.length - 1)]
    picked.add(booking.id)
    const candidates = await client.admin(
      'GET',
      `/api/admin/bookings/${booking.id}/reassign-candidates`,
    )
    if (!rec.add('reassignCandidates', candidates, i >= WARMUP, 200)) continue
    const free = jsonOf<{
      candidates: { memberId: string; isPoolMember: boolean; status: string }[]
    }>(candidates, 'reassign candidates').candidates.find(
      (c) => c.status === 'free' && c.isPoolMember,
    )
    if (!free) {
      noCandidate++
      continue
    }
    const moved = await client.admin('POST', `/api/admin/bookings/${booking.id}/reassign`, {
      toMemberId: free.memberId,
      by: 'bench',
      reason: 'bench:history',
    })
    rec.add('reassign', moved, i >= WARMUP, 200)
  }
  if (noCandidate > 0) rec.note('reassign', `${noCandidate} bookings had no free pool member`)

  // 4. Replicated push: pull one document (from the oldest written on), change its answers,
  //    push it with the pulled state as the assumed master state.
  let checkpoint = { id: '', lwt: 0 }
  let conflicts = 0
  for (let i = 0; i < rounds; i++) {
    const pulled = await client.admin(
      'GET',
      `/replication/bookings/${BOOKINGS_VERSION}/pull?lwt=${checkpoint.lwt}&id=${encodeURIComponent(checkpoint.id)}&limit=1`,
    )
    if (!rec.add('pull', pulled, i >= WARMUP, 200)) continue
    const page = jsonOf<{
      documents: Record<string, unknown>[]
      checkpoint: { id: string; lwt: number }
    }>(pulled, 'pull')
    checkpoint = page.checkpoint
    const doc = page.documents[0]
    if (!doc) break
    const { _meta: _m, _rev: _r, _attachments: _a, ...assumed } = doc
    const answers = (assumed['answers'] ?? {}) as Record<string, string>
    const pushed = await client.admin('POST', `/replication/bookings/${BOOKINGS_VERSION}/push`, [
      {
        assumedMasterState: assumed,
        newDocumentState: {
          ...assumed,
          answers: { ...answers, benchNote: `bench:history push ${i}` },
          updatedAt: new Date().toISOString(),
        },
      },
    ])
    if (rec.add('push', pushed, i >= WARMUP, 200)) {
      conflicts += jsonOf<unknown[]>(pushed, 'push').length
    }
  }
  if (conflicts > 0) rec.note('push', `${conflicts} answered as conflicts`)

  // 5. Pool statistics of the 100-member pool (current cycle).
  for (let i = 0; i < rounds; i++) {
    const result = await client.admin('GET', `/api/admin/pools/${HISTORY_IDS.poolAll}/stats`)
    rec.add('stats', result, i >= WARMUP, 200)
  }
  return { figures: rec.figures(), created }
}

async function measureSize(size: number): Promise<SizeResult> {
  const wallStart = performance.now()
  const loadBefore = loadavg()[0] ?? Number.NaN
  let cache: CachedStore
  try {
    cache = cacheEnsure(size, { root: ROOT, refill: values.refill, nowMs: DATA_NOW })
  } catch (err) {
    return failed(size, wallStart, loadBefore, err)
  }
  out(
    cache.filled
      ? `filled ${size.toLocaleString('en-US')} bookings in ${fmt(cache.meta.fillMs / 1000)} s (${cache.dir})`
      : `reusing ${cache.dir} (filled in ${fmt(cache.meta.fillMs / 1000)} s)`,
  )
  const runDir = mkdtempSync(join(tmpdir(), `teamslot-history-run-${size}-`))
  cpSync(cache.dir, runDir, { recursive: true })
  rmSync(join(runDir, FILL_META_FILE), { force: true })
  dirFsync(runDir)
  const sqliteMbBefore = dirSizeMb(runDir)
  let server: Awaited<ReturnType<typeof serverStart>> | null = null
  try {
    server = await serverStart({
      dataDir: runDir,
      token: TOKEN,
      timeoutMs: START_CAP_MS,
      ...(DESKTOP ? { appDir: APP_DIR } : {}),
    })
    const { coldStartMs, listeningMs } = server
    const client = new BenchClient(server.url, TOKEN)
    const { figures, created } = await measureRequests(client)
    client.close()
    const afterRequests = server.memory()
    let desktop: DesktopFigures | null = null
    if (DESKTOP) {
      desktop = await desktopFirstSync({ url: server.url, token: TOKEN, capMs: DESKTOP_CAP_MS })
    }
    const afterDesktop = DESKTOP ? server.memory() : null
    const stopped = await server.stop()
    server = null
    return {
      size,
      cache: cacheFigures(cache),
      sqliteMbBefore,
      coldStartMs,
      listeningMs,
      figures,
      bookingsCreated: created,
      rssMb: afterRequests.rssMb,
      peakRssMb: afterRequests.peakMb,
      desktop,
      rssAfterDesktopMb: afterDesktop?.rssMb ?? null,
      peakRssAfterDesktopMb: afterDesktop?.peakMb ?? null,
      sqliteMbAfter: dirSizeMb(runDir),
      stopMs: stopped.stopMs,
      exitCode: stopped.exitCode,
      loadBefore,
      loadAfter: loadavg()[0] ?? Number.NaN,
      wallMs: performance.now() - wallStart,
    }
  } catch (err) {
    const result = failed(size, wallStart, loadBefore, err)
    if (!(err instanceof StartOverCap)) return result
    return {
      ...result,
      cache: cacheFigures(cache),
      sqliteMbBefore,
      coldStartMs: Number.POSITIVE_INFINITY,
      listeningMs: Number.POSITIVE_INFINITY,
      rssMb: err.rssMb,
      peakRssMb: err.peakMb,
    }
  } finally {
    await server?.stop()
    rmSync(runDir, { recursive: true, force: true })
  }
}

function cacheFigures(cache: CachedStore): SizeResult['cache'] {
  return {
    filled: cache.filled,
    fillMs: cache.meta.fillMs,
    ageHours: cache.ageHours,
    now: cache.meta.now,
  }
}

function failed(size: number, wallStart: number, loadBefore: number, err: unknown): SizeResult {
  return {
    size,
    cache: { filled: false, fillMs: Number.NaN, ageHours: Number.NaN, now: '' },
    sqliteMbBefore: Number.NaN,
    coldStartMs: Number.NaN,
    listeningMs: Number.NaN,
    figures: {},
    bookingsCreated: 0,
    rssMb: Number.NaN,
    peakRssMb: Number.NaN,
    desktop: null,
    rssAfterDesktopMb: null,
    peakRssAfterDesktopMb: null,
    sqliteMbAfter: Number.NaN,
    stopMs: Number.NaN,
    exitCode: null,
    loadBefore,
    loadAfter: loadavg()[0] ?? Number.NaN,
    wallMs: performance.now() - wallStart,
    error: err instanceof Error ? err.message : String(err),
  }
}

const WIDTHS = [34, 9, 9, 9, 4]

function printSize(r: SizeResult): void {
  out('')
  out(
    `── ${r.size.toLocaleString('en-US')} stored bookings ` +
      `(present: ${HISTORY_PRESENT.future.toLocaleString('en-US')} future + ` +
      `${HISTORY_PRESENT.recent.toLocaleString('en-US')} recent) ──`,
  )
  if (r.error) {
    out(
      r.coldStartMs === Number.POSITIVE_INFINITY
        ? `cold start OVER CAP: ${r.error}; server RSS then ${fmt(r.rssMb)} MB (peak ${fmt(r.peakRssMb)} MB); ` +
            `SQLite files ${fmt(r.sqliteMbBefore)} MB; nothing else measured`
        : `FAILED: ${r.error}`,
    )
    return
  }
  out(
    `cold start ${fmt(r.coldStartMs)} ms (spawn → "listening on" ${fmt(r.listeningMs)} ms, ` +
      `→ first /health 200 ${fmt(r.coldStartMs)} ms)`,
  )
  out(row(['figure', 'p50 ms', 'p99 ms', 'max ms', 'n'], WIDTHS) + '  notes')
  for (const key of Object.keys(FIGURES) as FigureKey[]) {
    const f = r.figures[key]
    if (!f) continue
    const statuses = Object.entries(f.statuses)
      .map(([status, n]) => `${n}×${status}`)
      .join(' ')
    out(
      row([FIGURES[key], fmt(f.p50), fmt(f.p99), fmt(f.max), String(f.n)], WIDTHS) +
        `  ${statuses}${f.note ? `; ${f.note}` : ''}`,
    )
  }
  out(
    `server RSS after the requests ${fmt(r.rssMb)} MB (peak ${fmt(r.peakRssMb)} MB)` +
      (r.rssAfterDesktopMb === null
        ? ''
        : `; after the desktop sync ${fmt(r.rssAfterDesktopMb)} MB (peak ${fmt(r.peakRssAfterDesktopMb)} MB)`),
  )
  out(
    `SQLite files ${fmt(r.sqliteMbBefore)} MB before, ${fmt(r.sqliteMbAfter)} MB after the run; ` +
      `${r.bookingsCreated} bookings created by the run`,
  )
  const d = r.desktop
  if (d) {
    const expected = r.size + r.bookingsCreated
    out(
      `desktop first sync ${d.firstSyncMs === null ? `over cap (${fmt(d.capMs / 1000)} s)` : `${fmt(d.firstSyncMs / 1000)} s`}` +
        ` (${d.replicatedBookings ?? '?'} of ${expected} bookings in IndexedDB); ` +
        `IndexedDB ${fmt(d.indexedDbEstimateMb)} MB (estimate), ${fmt(d.indexedDbOnDiskMb)} MB on disk; ` +
        `renderer heap ${fmt(d.rendererHeapMb)} MB; week view ${d.weekViewMs === null ? '—' : `${fmt(d.weekViewMs)} ms`}` +
        `; in sync again ${d.reloadInSyncMs === null ? '—' : `${fmt(d.reloadInSyncMs / 1000)} s`} after a reload` +
        (d.note ? ` (${d.note})` : ''),
    )
  }
  out(
    `server stopped by SIGTERM in ${fmt(r.stopMs)} ms (exit ${r.exitCode}); ` +
      `load average ${fmt(r.loadBefore)} → ${fmt(r.loadAfter)} on ${cpus().length} CPUs; ` +
      `this size took ${fmt(r.wallMs / 1000)} s`,
  )
}

/** The issue's targets at 400k (applied to the largest size measured). */
function targets(r: SizeResult) {
  const f = r.figures
  const list: { name: string; value: number | null; unit: string; limit: number }[] = [
    { name: 'cold start', value: r.coldStartMs, unit: 'ms', limit: 2000 },
    { name: 'public booking p50', value: f.booking?.p50 ?? null, unit: 'ms', limit: 20 },
    {
      name: 'availability after a write p50',
      value: f.availabilityAfterWrite?.p50 ?? null,
      unit: 'ms',
      limit: 20,
    },
    { name: 'server RSS', value: r.rssMb, unit: 'MB', limit: 300 },
    {
      name: 'desktop first sync',
      value: r.desktop
        ? r.desktop.firstSyncMs === null
          ? Number.POSITIVE_INFINITY
          : r.desktop.firstSyncMs / 1000
        : null,
      unit: 's',
      limit: 10,
    },
  ]
  return list.map((t) => ({
    ...t,
    // A start over the cap: RSS was read while still loading, so it is shown but not judged.
    met:
      t.value === null || Number.isNaN(t.value) || (r.error && t.name === 'server RSS')
        ? null
        : t.value < t.limit,
  }))
}

type Growth = ReturnType<typeof growthOf>[number]

/** Each request figure of `top` against `base`. */
function growthOf(base: SizeResult, top: SizeResult) {
  return REQUEST_FIGURES.map((key) => {
    const a = base.figures[key]
    const b = top.figures[key]
    const p50 = a && b ? b.p50 / a.p50 : Number.NaN
    const p99 = a && b ? b.p99 / a.p99 : Number.NaN
    return { key, base: a ?? null, top: b ?? null, p50, p99, withinRule: p50 <= 1.5 }
  })
}

function compare(results: readonly SizeResult[]): void {
  // The smallest size measured against the largest (a largest size whose start went over the
  // cap still counts: its request figures are missing, its cold start is "over cap"), and then
  // against the largest size whose requests were measured, if that is another one.
  const base = results.find((r) => !r.error)
  const top = results.filter((r) => !r.error || r.coldStartMs === Number.POSITIVE_INFINITY).at(-1)
  if (!base || !top) return
  const measured = results.filter((r) => !r.error).at(-1) ?? base
  const pairs = [top, ...(measured !== top && measured !== base ? [measured] : [])]
  const goals = targets(top)
  for (const largest of pairs) {
    const growth = growthOf(base, largest)
    json({
      kind: 'comparison',
      base: base.size,
      largest: largest.size,
      growth: growth.map((g) => ({
        figure: g.key,
        baseP50: g.base?.p50 ?? null,
        largestP50: g.top?.p50 ?? null,
        ratioP50: g.p50,
        baseP99: g.base?.p99 ?? null,
        largestP99: g.top?.p99 ?? null,
        ratioP99: g.p99,
        withinRule: g.withinRule,
      })),
      ...(largest === top ? { targets: goals } : {}),
    })
    if (base !== largest) {
      printGrowth(growth, base.size.toLocaleString('en-US'), largest.size.toLocaleString('en-US'))
    }
  }
  const b = top.size.toLocaleString('en-US')
  out('')
  out(
    `── targets at 400,000 (applied to ${b}${top.error ? `; ${top.error}, RSS read at the cap` : ''}) ──`,
  )
  for (const t of goals) {
    const value =
      t.value === null
        ? 'not measured'
        : t.value === Number.POSITIVE_INFINITY
          ? 'over cap'
          : `${fmt(t.value)} ${t.unit}`
    out(
      `${t.name.padEnd(34)} ${value.padStart(14)}  target < ${t.limit} ${t.unit}: ${t.met === null ? '—' : t.met ? 'met' : 'MISSED'}`,
    )
  }
}

function printGrowth(growth: readonly Growth[], a: string, b: string): void {
  out('')
  out(`── ${b} vs ${a} stored bookings (issue 9: no request figure may grow more than 1.5×) ──`)
  const widths = [34, 9, 9, 7, 9, 9, 7]
  out(
    row(['figure', `p50 ${a}`, `p50 ${b}`, '×', `p99 ${a}`, `p99 ${b}`, '×'], widths) +
      '  p50 within 1.5×',
  )
  for (const g of growth) {
    out(
      row(
        [
          FIGURES[g.key],
          fmt(g.base?.p50),
          fmt(g.top?.p50),
          fmt(g.p50),
          fmt(g.base?.p99),
          fmt(g.top?.p99),
          fmt(g.p99),
        ],
        widths,
      ) + `  ${Number.isNaN(g.p50) ? '—' : g.withinRule ? 'yes' : 'NO'}`,
    )
  }
}

async function main(): Promise<void> {
  const cpu = cpus()
  const machine = {
    kind: 'machine',
    cpuModel: cpu[0]?.model ?? 'unknown',
    cpus: cpu.length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    date: new Date().toISOString(),
    dataNow: new Date(DATA_NOW).toISOString(),
    sizes,
    requests: REQUESTS,
    warmup: WARMUP,
    desktop: DESKTOP,
  }
  json(machine)
  out(
    `bench:history — ${machine.cpuModel}, ${machine.cpus} CPUs, ${machine.memoryGb} GiB, Node ${machine.node}, ` +
      `load average ${machine.loadAverage.join(' ')}; ${machine.date}`,
  )
  out(
    `sizes ${sizes.map((n) => n.toLocaleString('en-US')).join(', ')}; ${REQUESTS} timed requests per figure ` +
      `after ${WARMUP} untimed (and ${JIT_WARMUP} untimed availability requests first); ` +
      'sequential; real server process, real clock',
  )
  out(
    `data generated for ${new Date(DATA_NOW).toISOString()} (00:00 UTC today; the server completes ` +
      'what ended since then at start-up)',
  )
  if (DESKTOP && !existsSync(join(APP_DIR, 'index.html'))) {
    out('out/renderer is missing: npm run build')
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
    if (build.status !== 0) throw new Error('npm run build failed')
  }

  // The server as production runs it: built (out/server/main.js), rebuilt when older than its
  // sources.
  serverBundleEnsure()
  // The fixed cost of a start (Node, RxDB, Express) on an empty store: once to warm the OS file
  // cache, once measured.
  const baseline: number[] = []
  for (let i = 0; i < 2; i++) {
    const empty = mkdtempSync(join(tmpdir(), 'teamslot-history-empty-'))
    const server = await serverStart({ dataDir: empty, token: TOKEN })
    baseline.push(server.coldStartMs)
    await server.stop()
    rmSync(empty, { recursive: true, force: true })
  }
  json({ kind: 'baseline', emptyStoreColdStartMs: baseline[1] })
  out(
    `cold start on an empty store: ${fmt(baseline[1])} ms (first, file cache cold: ${fmt(baseline[0])} ms)`,
  )

  const results: SizeResult[] = []
  for (const size of sizes) {
    out('')
    out(`measuring ${size.toLocaleString('en-US')} stored bookings …`)
    const result = await measureSize(size)
    results.push(result)
    json({
      kind: 'size',
      ...result,
      coldStartOverCap: result.coldStartMs === Number.POSITIVE_INFINITY,
    })
    printSize(result)
  }
  compare(results)
}

// Ctrl-C or SIGTERM: exit, which kills the server still running (server-process.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))
await main()
