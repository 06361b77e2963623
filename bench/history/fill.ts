/**
 * Fills a data dir with the generated workspace WITHOUT going through HTTP (the workspace import
 * refuses bodies over 16 MB): opens the store exactly as the server does
 * (`openServerDatabase(serverStorage(directory))`, so the booking index tables are written with
 * the bookings, as a running server would have them) and bulk-inserts the setup records and the
 * bookings in chunks. Run in its own process by `run.ts` (the store allows one process per
 * file):
 *
 *   node --import tsx bench/history/fill.ts --size 50000 --dir /tmp/x --now 1795000000000
 *
 * Writes `<dir>/bench-meta.json` last (its presence marks a complete fill) and prints it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { workspaceToDocuments } from '../../core/src/schema/workspace-documents'
import { COLLECTION_NAMES } from '../../core/src/schema/collections'
import { openServerDatabase } from '../../sync-server/src/database'
import type { AnyDoc } from '../../sync-server/src/database'
import { serverStorage } from '../../sync-server/src/booking-index'
import { OutboxProcessor } from '../../sync-server/src/notify/outbox-processor'
import type { WorkspaceMirror } from '../../sync-server/src/workspace-mirror'
import { FILL_META_FILE, HISTORY_DERIVED } from './cache'
import type { FillMeta } from './cache'
import { HISTORY_GENERATOR_VERSION, historyBookings, historyParts, historySetup } from './generate'

/** Documents per bulkInsert. */
const CHUNK = 2000

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    dir: { type: 'string' },
    now: { type: 'string' },
  },
  strict: true,
})
const size = Number(values.size)
const nowMs = Number(values.now)
const dir = values.dir
if (!Number.isInteger(size) || size < 1 || !Number.isFinite(nowMs) || !dir) {
  throw new Error('usage: fill.ts --size N --dir DIR --now EPOCH_MS')
}

const started = performance.now()
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })
const db = await openServerDatabase(serverStorage(dir))
const nowIso = new Date(nowMs).toISOString()
const setup = historySetup(nowMs)
const setupDocs = workspaceToDocuments(setup, nowIso)
for (const name of COLLECTION_NAMES) {
  if (name === 'bookings' || setupDocs[name].length === 0) continue
  const result = await db[name].bulkInsert(setupDocs[name] as AnyDoc[])
  if (result.error.length > 0) throw new Error(`${name}: ${result.error.length} not stored`)
}

const statuses: Record<string, number> = {}
let futureBookings = 0
let chunk: AnyDoc[] = []
let written = 0
const flush = async () => {
  if (chunk.length === 0) return
  const result = await db.bookings.bulkInsert(chunk)
  if (result.error.length > 0) throw new Error(`bookings: ${result.error.length} not stored`)
  written += chunk.length
  chunk = []
  if (written % 50_000 === 0) {
    process.stderr.write(`  filled ${written} of ${size} bookings\n`)
  }
}
for (const doc of historyBookings(setup, size, nowMs)) {
  statuses[doc.status] = (statuses[doc.status] ?? 0) + 1
  if (Date.parse(doc.start) > nowMs) futureBookings++
  chunk.push(doc as unknown as AnyDoc)
  if (chunk.length >= CHUNK) await flush()
}
await flush()
// A server that has run with notifications holds their progress: every booking told about up to
// its last entry and the change feed's checkpoint at its end. Its first start writes exactly that
// (a one-time walk of the whole feed, see README "Notifications"); doing it here keeps that
// upgrade step out of the cold start measured at every size.
await OutboxProcessor.open(
  db,
  null as unknown as WorkspaceMirror,
  () => ({}) as never,
  () => nowMs,
)
await db.destroy()

const meta: FillMeta = {
  generatorVersion: HISTORY_GENERATOR_VERSION,
  derived: HISTORY_DERIVED,
  size,
  nowMs,
  now: nowIso,
  fillMs: Math.round(performance.now() - started),
  parts: historyParts(size),
  statuses,
  futureBookings,
}
writeFileSync(join(dir, FILL_META_FILE), JSON.stringify(meta, null, 2) + '\n')
console.log(JSON.stringify(meta))
