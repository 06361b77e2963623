/**
 * `npm run bench:storage [-- --sizes 10000,50000,150000,400000] [--dir DIR] [--json] [--no-derived]`:
 * the SQLite storage at growing history sizes. Figures, not a timed test.
 *
 * Per size, in fresh child processes: `fill` writes N generated booking-like documents (~1 KB
 * each, deterministic, `start`/`end` spread over five years, two hosts each; skipped when DIR
 * already holds that size), `measure` reopens the store and times the storage calls a server
 * makes, `rebuild` times building one more derived table from every stored document. The store
 * keeps a derived table `booking_hosts` (one row per host, so two per document) when the storage
 * supports derived tables; on older code the derived figures are left out.
 *
 * Measured calls (median of repeated runs unless noted; the OS page cache is warm, the process
 * is not):
 * - open: `createStorageInstance` (creating tables if missing, rebuilding nothing);
 * - range 90 d: an RxDB query `end >= latest end − 90 days` sorted by `end` (the `end` index);
 * - by id: `findDocumentsById` of 200 random ids;
 * - changes: `getChangedDocumentsSince` pages of 200 from the middle checkpoint (25 pages);
 * - full read: one RxDB query returning every non-deleted document (once);
 * - aggregate: `SELECT member, count(*) … GROUP BY member` over `booking_hosts`, over all rows and
 *   over the last 30 days of starts;
 * - rebuild: opening with one more derived table (2 rows per document) built from all documents.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { MangoQuery, RxDocumentData, RxJsonSchema, RxStorageDefaultCheckpoint } from 'rxdb'
import { fillWithDefaultSettings, normalizeMangoQuery, prepareQuery } from 'rxdb'
import { bookingSchema } from '../../core/src/schema/collections'
import { prngCreate } from '../prng'
import * as storageModule from '../../sync-server/src/storage'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,50000,150000,400000' },
    dir: { type: 'string', default: join(tmpdir(), 'teamslot-storage-bench') },
    json: { type: 'boolean', default: false },
    'no-derived': { type: 'boolean', default: false },
    child: { type: 'string' },
    size: { type: 'string' },
  },
})

type Doc = { id: string } & Record<string, unknown>

const ROOT = resolve(import.meta.dirname, '..', '..')
const DATABASE = 'bench'
const MEMBERS = 100
const FILL_BATCH = 2_000
const DAY_MS = 24 * 3600_000
/** Bookings' starts are spread over the five years before this instant. */
const HISTORY_END_MS = Date.parse('2026-11-27T00:00:00Z')
const HISTORY_MS = 5 * 365 * DAY_MS
/** `_meta.lwt` of document i is LWT_START_MS + 10 i + 0.25 (two decimals, as RxDB writes). */
const LWT_START_MS = Date.parse('2021-11-27T00:00:00Z')
const BY_ID_COUNT = 200
const CHANGE_PAGE = 200
const CHANGE_PAGES = 25
/** Repeat a timed call at least this often, and until this much time has passed (or MAX_RUNS). */
const MIN_RUNS = 3
const MIN_TOTAL_MS = 3_000
const MAX_RUNS = 30

/** The bookings schema with the indexes this branch gives it, the same for old and new code. */
const SCHEMA: RxJsonSchema<RxDocumentData<Doc>> = fillWithDefaultSettings<Doc>({
  ...(bookingSchema as unknown as RxJsonSchema<Doc>),
  indexes: ['start', 'end'],
})

interface DerivedSpec {
  readonly name: string
  readonly columns: Readonly<Record<string, string>>
  readonly indexes: readonly (readonly string[])[]
  readonly version: string
  rows(doc: Readonly<Record<string, unknown>>): readonly Readonly<Record<string, string>>[]
}

function hostsTable(name: string): DerivedSpec {
  return {
    name,
    columns: { member: 'TEXT', start: 'TEXT', status: 'TEXT' },
    indexes: [['member', 'start'], ['start']],
    version: '1',
    rows: (doc) =>
      (doc['hostMemberIds'] as string[]).map((member) => ({
        member,
        start: String(doc['start']),
        status: String(doc['status']),
      })),
  }
}

/** Derived tables are used when the storage code has them, unless `--no-derived`. */
const hasDerived = 'sqliteDerivedReader' in storageModule && !values['no-derived']

function storageFor(directory: string, tables: readonly DerivedSpec[]) {
  // Older storage code ignores `derived`; the cast keeps this script runnable against it.
  const settings = { directory, ...(hasDerived ? { derived: { bookings: tables } } : {}) }
  return storageModule.getRxStorageSqlite(
    settings as Parameters<typeof storageModule.getRxStorageSqlite>[0],
  )
}

async function open(
  directory: string,
  tables: readonly DerivedSpec[] = [hostsTable('booking_hosts')],
) {
  const storage = storageFor(directory, tables)
  const instance = await storage.createStorageInstance<Doc>({
    databaseInstanceToken: 'bench-token',
    databaseName: DATABASE,
    collectionName: 'bookings',
    schema: SCHEMA,
    options: {},
    multiInstance: false,
    devMode: false,
  })
  return { storage, instance }
}

function iso(ms: number): string {
  return new Date(ms).toISOString()
}

function benchId(index: number): string {
  return `bk-${String(index).padStart(7, '0')}`
}

/** Booking number `index` of `total`: deterministic, ~1 KB, starts in order over five years. */
function benchBooking(index: number, total: number): RxDocumentData<Doc> {
  const random = prngCreate(index + 1)
  const start =
    HISTORY_END_MS - HISTORY_MS + Math.floor(((index + random.next()) / total) * HISTORY_MS)
  const startMs = start - (start % (15 * 60_000))
  const first = random.int(0, MEMBERS - 1)
  const second = (first + random.int(1, MEMBERS - 1)) % MEMBERS
  const member = (n: number) => `m-${String(n).padStart(3, '0')}`
  const at = iso(startMs - random.int(1, 30) * DAY_MS)
  return {
    id: benchId(index),
    eventTypeId: `et-${random.int(1, 8)}`,
    masterPageId: null,
    start: iso(startMs),
    end: iso(
      startMs +
        random.weighted([
          [30, 5],
          [45, 2],
          [60, 3],
        ] as const) *
          60_000,
    ),
    hostMemberIds: [member(first), member(second)],
    poolId: `pool-${random.int(1, 5)}`,
    panelId: null,
    status: random.weighted([
      ['completed', 8],
      ['cancelled', 1],
      ['no-show', 1],
    ] as const),
    customer: {
      name: `Customer ${index}`,
      email: `customer-${index}@example.org`,
      timeZone: 'Europe/Lisbon',
    },
    answers: { topic: 'A question about the product and the next steps '.repeat(8) },
    createdVia: 'public',
    history: [
      {
        at,
        action: 'created',
        by: 'customer',
        reason: `Rule 1 → pool ${random.int(1, 5)}: round robin, ${member(first)} was next in line`,
      },
    ],
    manageToken: `token-${index}-${random.int(0, 1e9)}`,
    idempotencyKey: null,
    requestHash: null,
    updatedAt: at,
    _deleted: index % 97 === 0,
    _attachments: {},
    _meta: { lwt: LWT_START_MS + index * 10 + 0.25 },
    _rev: `1-${String(index % 1e6).padStart(6, '0')}`,
  }
}

function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; result: T }> {
  const started = performance.now()
  const result = await run()
  return { ms: performance.now() - started, result }
}

/** Median ms of `run` over MIN_RUNS..MAX_RUNS runs (at least MIN_TOTAL_MS in total). */
async function repeated<T>(
  run: (round: number) => Promise<T> | T,
): Promise<{ ms: number; result: T; runs: number }> {
  const times: number[] = []
  let result: T | undefined
  let total = 0
  while (times.length < MIN_RUNS || (total < MIN_TOTAL_MS && times.length < MAX_RUNS)) {
    const one = await timed(() => run(times.length))
    times.push(one.ms)
    total += one.ms
    result = one.result
  }
  return { ms: median(times), result: result as T, runs: times.length }
}

function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024)
}

function prepared(query: MangoQuery<RxDocumentData<Doc>>) {
  return prepareQuery<Doc>(SCHEMA, normalizeMangoQuery<RxDocumentData<Doc>>(SCHEMA, query))
}

async function childFill(directory: string, size: number): Promise<Record<string, number>> {
  const { instance } = await open(directory)
  const started = performance.now()
  for (let from = 0; from < size; from += FILL_BATCH) {
    const rows = Array.from({ length: Math.min(FILL_BATCH, size - from) }, (_, i) => ({
      document: benchBooking(from + i, size),
    }))
    const { error } = await instance.bulkWrite(rows, 'bench-fill')
    if (error.length > 0) throw new Error(`fill failed: ${JSON.stringify(error[0])}`)
  }
  const fillMs = performance.now() - started
  await instance.close()
  writeFileSync(join(directory, 'filled'), String(size))
  return { fillS: Math.round(fillMs / 100) / 10, fillPeakRssMb: peakRssMb() }
}

async function childMeasure(directory: string, size: number): Promise<Record<string, number>> {
  const opened = await timed(() => open(directory))
  const { storage, instance } = opened.result
  const out: Record<string, number> = { openMs: opened.ms }

  const latestEnd = HISTORY_END_MS + 2 * 3600_000
  const range = prepared({
    selector: { _deleted: { $eq: false }, end: { $gte: iso(latestEnd - 90 * DAY_MS) } },
    sort: [{ end: 'asc' }],
  })
  if (!range.queryPlan.index.includes('end'))
    throw new Error('the range query does not use the end index')
  const ranged = await repeated(() => instance.query(range))
  out['range90dMs'] = ranged.ms
  out['range90dDocs'] = ranged.result.documents.length

  const pick = prngCreate(size)
  const idLists = Array.from({ length: MAX_RUNS }, () =>
    Array.from({ length: BY_ID_COUNT }, () => benchId(pick.int(0, size - 1))),
  )
  const byId = await repeated((round) => instance.findDocumentsById(idLists[round]!, false))
  out['byId200Ms'] = byId.ms
  out['byId200Docs'] = byId.result.length

  const middle = benchBooking(Math.floor(size / 2), size)
  let checkpoint: RxStorageDefaultCheckpoint = { id: middle.id, lwt: middle._meta.lwt }
  const pageTimes: number[] = []
  let changed = 0
  for (let page = 0; page < CHANGE_PAGES; page += 1) {
    const one = await timed(() => instance.getChangedDocumentsSince!(CHANGE_PAGE, checkpoint))
    if (one.result.documents.length === 0) break
    pageTimes.push(one.ms)
    changed += one.result.documents.length
    checkpoint = one.result.checkpoint
  }
  out['changesPageMs'] = median(pageTimes)
  out['changesDocs'] = changed

  if (hasDerived) {
    const reader = storageModule.sqliteDerivedReader(storage, DATABASE)
    const all = await repeated(() =>
      reader.all('SELECT member, count(*) AS n FROM booking_hosts GROUP BY member'),
    )
    out['aggregateAllMs'] = all.ms
    const windowed = await repeated(() =>
      reader.all(
        'SELECT member, count(*) AS n FROM booking_hosts WHERE start >= ? AND start < ? GROUP BY member',
        iso(HISTORY_END_MS - 30 * DAY_MS),
        iso(HISTORY_END_MS),
      ),
    )
    out['aggregate30dMs'] = windowed.ms
    out['hostRows'] = Number(reader.get('SELECT count(*) AS n FROM booking_hosts')?.['n'])
  }
  // Everything above holds at most one page or one answer; the full read holds every document.
  out['peakRssMb'] = peakRssMb()
  const full = await timed(() =>
    instance.query(prepared({ selector: { _deleted: { $eq: false } } })),
  )
  out['fullReadMs'] = full.ms
  out['fullReadDocs'] = full.result.documents.length
  out['fullReadPeakRssMb'] = peakRssMb()
  await instance.close()
  out['fileMb'] = Math.round(statSync(join(directory, `${DATABASE}.sqlite`)).size / 2 ** 20)
  return out
}

async function childRebuild(directory: string): Promise<Record<string, number>> {
  if (!hasDerived) return {}
  const tables = [hostsTable('booking_hosts'), hostsTable('booking_hosts_rebuild')]
  const rebuilt = await timed(() => open(directory, tables))
  await rebuilt.result.instance.close()
  const rebuildPeak = peakRssMb()
  // Opening with the original declaration drops the extra table again.
  await (await open(directory)).instance.close()
  return { rebuildMs: rebuilt.ms, rebuildPeakRssMb: rebuildPeak }
}

function runChild(step: string, directory: string, size: number): Record<string, number> {
  const result = spawnSync(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      join(ROOT, 'bench/storage/storage-bench.ts'),
      ...['--child', step, '--dir', directory, '--size', String(size)],
      ...(values['no-derived'] ? ['--no-derived'] : []),
    ],
    { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  )
  if (result.status !== 0) throw new Error(`${step} ${size} failed (exit ${result.status})`)
  const line = result.stdout.trim().split('\n').at(-1) ?? '{}'
  return JSON.parse(line) as Record<string, number>
}

const round = (value: number | undefined) =>
  value === undefined ? '' : value >= 100 ? String(Math.round(value)) : value.toFixed(1)

if (values.child) {
  const directory = values.dir
  const size = Number(values.size)
  const result =
    values.child === 'fill'
      ? await childFill(directory, size)
      : values.child === 'measure'
        ? await childMeasure(directory, size)
        : await childRebuild(directory)
  process.stdout.write(JSON.stringify(result) + '\n')
} else {
  const sizes = values.sizes.split(',').map(Number)
  const rows: Record<string, number>[] = []
  for (const size of sizes) {
    const directory = join(values.dir, String(size))
    mkdirSync(directory, { recursive: true })
    const fill = existsSync(join(directory, 'filled')) ? {} : runChild('fill', directory, size)
    const measured = runChild('measure', directory, size)
    const rebuild = runChild('rebuild', directory, size)
    const row = { size, ...fill, ...measured, ...rebuild }
    rows.push(row)
    if (values.json) process.stdout.write(JSON.stringify(row) + '\n')
    else process.stderr.write(`measured ${size}\n`)
  }
  if (!values.json) {
    const columns: [string, string][] = [
      ['size', 'docs'],
      ['fillS', 'fill s'],
      ['fileMb', 'file MB'],
      ['openMs', 'open ms'],
      ['range90dMs', 'range 90 d ms'],
      ['range90dDocs', '(docs)'],
      ['byId200Ms', 'by id ×200 ms'],
      ['changesPageMs', 'changes page ms'],
      ['fullReadMs', 'full read ms'],
      ['fullReadPeakRssMb', 'full read peak RSS MB'],
      ['aggregateAllMs', 'aggregate all ms'],
      ['aggregate30dMs', 'aggregate 30 d ms'],
      ['rebuildMs', 'rebuild ms'],
      ['peakRssMb', 'peak RSS MB'],
    ]
    console.log('| ' + columns.map(([, title]) => title).join(' | ') + ' |')
    console.log('| ' + columns.map(() => '---').join(' | ') + ' |')
    for (const row of rows) {
      console.log(
        '| ' +
          columns
            .map(([key]) => (key === 'size' ? String(row[key]) : round(row[key])))
            .join(' | ') +
          ' |',
      )
    }
  }
}
