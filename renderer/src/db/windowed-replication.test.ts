import { IDBKeyRange, indexedDB } from 'fake-indexeddb'
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory'
import type { RxStorage } from 'rxdb'
import { replicateServer } from 'rxdb-server/plugins/replication-server'
import { afterEach, describe, expect, it } from 'vitest'
import { bookingDecide } from '../../../core/src/booking'
import {
  bookingWindowStart,
  windowStartIso,
  windowStartKey,
} from '../../../core/src/booking/booking-window'
import { cycleBounds, poolLedgerStats, poolStats } from '../../../core/src/distribution'
import type { Booking, Workspace } from '../../../core/src/model/workspace'
import { FIXTURE_NOW } from '../../../sync-server/src/test-support/fixtures'
import {
  historyBookings,
  historyWorkspace,
} from '../../../sync-server/src/test-support/history-fixtures'
import {
  fixedClock,
  startTestApp,
  TEST_TOKEN,
} from '../../../sync-server/src/test-support/test-app'
import type { TestApp } from '../../../sync-server/src/test-support/test-app'
import { clockReplace } from '../clock'
import { dataLayerCreate } from './data-layer'
import { KEYS_FIRST_MIN } from './dexie-keys-first'
import type { DataLayer } from './data-layer'
import { appStorage, openAppDatabase } from './database'
import type { AppDatabase } from './database'
import FetchEventSource from './fetch-event-source'
import { replicationStart } from './replication'
import type { Replication } from './replication'
import type { LiveWorkspace } from './workspace-store'

const NOW_MS = Date.parse(FIXTURE_NOW)
const DAY_MS = 86_400_000
const WINDOW = bookingWindowStart(NOW_MS)
const WINDOW_MS = Date.parse(windowStartIso(WINDOW))

let now = NOW_MS
let restoreClock: (() => void) | undefined
let server: TestApp | undefined
const opened: { layer: DataLayer; replication: Replication | null; db: AppDatabase }[] = []
let counter = 0

afterEach(async () => {
  for (const { layer, replication, db } of opened.splice(0)) {
    await replication?.cancel()
    layer.destroy()
    await db.destroy()
  }
  await server?.close()
  server = undefined
  restoreClock?.()
  now = NOW_MS
})

/** Polls `check` until it holds (bounded; no fixed sleeps). */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 15_000) {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** 40 bookings of long ago (round robin, Ben and Cai only), 20 recent, 8 ahead. */
function store(options: { continuous?: boolean } = {}) {
  const old = historyBookings('old', WINDOW_MS - 300 * DAY_MS, 40, { stepHours: 100 }).map(
    (b, i): Booking =>
      b.poolId === 'pool-rr' ? { ...b, hostMemberIds: [i % 2 === 0 ? 'm-ben' : 'm-cai'] } : b,
  )
  const recent = historyBookings('recent', WINDOW_MS + 2 * DAY_MS, 20, { stepHours: 80 })
  const ahead = historyBookings('ahead', NOW_MS + DAY_MS, 8, { stepHours: 9, isFuture: true })
  const base = historyWorkspace([...old, ...recent, ...ahead])
  const workspace: Workspace = options.continuous
    ? {
        ...base,
        pools: base.pools.map((p) =>
          p.id === 'pool-rr' ? { ...p, reportingCycle: 'continuous' } : p,
        ),
      }
    : base
  return { workspace, old, inside: [...recent, ...ahead] }
}

async function serve(workspace: Workspace) {
  restoreClock = clockReplace({ now: () => now })
  server = await startTestApp({ workspace, clock: fixedClock(FIXTURE_NOW) })
  return server
}

async function desktop(
  remote: { serverUrl: string; adminToken: string },
  options: {
    name?: string
    storage?: RxStorage<unknown, unknown>
    replicate?: boolean
    baselineAfter?: Promise<unknown>
  } = {},
) {
  const db = await openAppDatabase(
    options.name ?? `window-test-${counter++}`,
    options.storage ?? getRxStorageMemory(),
  )
  const layer = dataLayerCreate(db, {
    remote,
    windowTickMs: 20,
    ...(options.baselineAfter ? { baselineAfter: options.baselineAfter } : {}),
  })
  const replication =
    options.replicate === false
      ? null
      : replicationStart(db, remote, {
          bookingWindow: layer.window,
          isUnsynced: (collection, id) => layer.unsynced.snapshot().has(`${collection}:${id}`),
          backoffBaseMs: 50,
          backoffMaxMs: 200,
        })
  opened.push({ layer, replication, db })
  return { db, layer, replication }
}

/** Changes a booking's answers on the server and waits until the desktop's replica has them. */
async function serverChangeArrives(s: TestApp, db: AppDatabase, id: string) {
  await (await s.teamslot.db.bookings.findOne(id).exec())!.incrementalPatch({
    answers: { region: 'AMER' },
  })
  await until(
    async () =>
      JSON.stringify((await db.bookings.findOne(id).exec())?.get('answers')) ===
      '{"region":"AMER"}',
    'the live change',
  )
}

const live = (layer: DataLayer): LiveWorkspace => layer.store.getSnapshot()!
const storedIds = async (db: AppDatabase) =>
  (await db.bookings.find().exec()).map((d) => d.primary).sort()
const ids = (bookings: readonly { id: string }[]) => bookings.map((b) => b.id).sort()

describe('the desktop replicates a window of bookings', () => {
  it('brings only the window on a first sync, and the views read it', async () => {
    const { workspace, inside, old } = store()
    const s = await serve(workspace)
    const { db, layer, replication } = await desktop({ serverUrl: s.url, adminToken: TEST_TOKEN })
    await replication!.awaitInSync()
    expect(await storedIds(db)).toEqual(ids(inside))
    await until(() => live(layer)?.workspace.bookings.length === inside.length, 'the store')
    expect(live(layer).windowStart).toBe(WINDOW)
    expect(ids(live(layer).workspace.bookings)).toEqual(ids(inside))
    // The history is on the server, untouched.
    const all = await (await s.request('/api/admin/workspace', { admin: true })).json()
    expect(all.bookings).toHaveLength(inside.length + old.length)
    // Setup collections replicate fully as before.
    expect(await db.members.count().exec()).toBe(workspace.members.length)
  })

  it('follows a booking into and out of the window, and forgets what the window left', async () => {
    const { workspace, inside } = store()
    const s = await serve(workspace)
    const { db, layer, replication } = await desktop({ serverUrl: s.url, adminToken: TEST_TOKEN })
    await replication!.awaitInSync()
    await until(() => !!live(layer)?.baseline, 'the baseline')
    const sdb = s.teamslot.db
    const at = new Date(NOW_MS).toISOString()
    // Into the window: an old booking moved ahead by a decision (history says so).
    const back = (await sdb.bookings.findOne('old-5').exec())!
    await back.incrementalPatch({
      start: new Date(NOW_MS + 3 * DAY_MS).toISOString(),
      end: new Date(NOW_MS + 3 * DAY_MS + 1_800_000).toISOString(),
      status: 'scheduled',
      history: [
        ...(back.get('history') as object[]),
        { at, action: 'rescheduled', by: 'Ana', previousStart: back.get('start') as string },
      ],
    })
    // Out of it: a window booking moved long before it.
    const away = (await sdb.bookings.findOne('recent-3').exec())!
    await away.incrementalPatch({
      start: new Date(WINDOW_MS - 50 * DAY_MS).toISOString(),
      end: new Date(WINDOW_MS - 50 * DAY_MS + 1_800_000).toISOString(),
      history: [
        ...(away.get('history') as object[]),
        { at, action: 'rescheduled', by: 'Ana', previousStart: away.get('start') as string },
      ],
    })
    await until(async () => {
      const shown = ids(live(layer).workspace.bookings)
      return shown.includes('old-5') && !shown.includes('recent-3')
    }, 'the moves to show')
    // The purge (which runs by itself too) forgets it locally, never on the server.
    await replication!.purge()
    const { bookings: fork } = await replication!.bookingsFootprint()
    expect(fork.map((d) => d.id)).not.toContain('recent-3')
    expect(fork.every((d) => !d.isDeleted)).toBe(true)
    const serverDoc = await sdb.bookings.findOne('recent-3').exec()
    expect(serverDoc?.get('end')).toBe(new Date(WINDOW_MS - 50 * DAY_MS + 1_800_000).toISOString())

    // Time passes: 40 days later the window starts later; what ended before leaves memory at
    // once and the local database once the baseline counts it.
    const before = inside.filter((b) => b.id !== 'recent-3')
    now = NOW_MS + 40 * DAY_MS
    const later = bookingWindowStart(now)
    await until(() => live(layer).windowStart === later, 'the window to move')
    const kept = before.filter((b) => b.end >= windowStartKey(later)).map((b) => b.id)
    expect(kept.length).toBeLessThan(before.length)
    expect(ids(live(layer).workspace.bookings)).toEqual([...kept, 'old-5'].sort())
    await replication!.purge()
    expect(await storedIds(db)).toEqual([...kept, 'old-5'].sort())
    const footprint = await replication!.bookingsFootprint()
    expect(footprint.bookings.map((d) => d.id).sort()).toEqual([...kept, 'old-5'].sort())
    const metaItems = footprint.meta.flatMap((d) => (d.itemId === null ? [] : [d.itemId])).sort()
    expect(metaItems).toEqual([...kept, 'old-5'].sort())
    // Nothing was deleted on the server.
    expect(await sdb.bookings.count().exec()).toBe(workspace.bookings.length)
  })

  it('never forgets a booking with a change waiting to sync, nor moves the window offline', async () => {
    const { workspace } = store()
    const s = await serve(workspace)
    const { db, layer, replication } = await desktop({ serverUrl: s.url, adminToken: TEST_TOKEN })
    await replication!.awaitInSync()
    await until(() => !!live(layer)?.baseline, 'the baseline')
    // A change the server has not acknowledged (nothing clears marks in this harness).
    const first = live(layer).workspace.bookings.find((b) => b.id === 'recent-0')!
    await layer.writes.bookingPut({ ...first, answers: { region: 'EMEA' } })
    await replication!.awaitInSync()
    expect((await s.teamslot.db.bookings.findOne('recent-0').exec())?.get('answers')).toEqual({
      region: 'EMEA',
    })
    now = NOW_MS + 40 * DAY_MS
    const later = bookingWindowStart(now)
    await until(() => live(layer).windowStart === later, 'the window to move')
    await replication!.purge()
    const stored = await storedIds(db)
    expect(stored).toContain('recent-0')
    expect(stored).not.toContain('recent-1')
    const mark = layer.unsynced.snapshot().get('bookings:recent-0')!
    layer.unsynced.acknowledge('bookings', 'recent-0', mark)
    await replication!.purge()
    expect(await storedIds(db)).not.toContain('recent-0')

    // Offline the baseline cannot be refetched, so the window does not move: the bookings it
    // would let go (and any change waiting on them) stay on this computer.
    await s.close()
    server = undefined
    now = NOW_MS + 80 * DAY_MS
    await layer.baseline.refresh(layer.window.desired())
    expect(layer.baseline.fetchState()).toBe('offline')
    expect(live(layer).windowStart).toBe(later)
  })

  it("syncs a window of many bookings into IndexedDB (the desktop's storage) and goes on", async () => {
    const many = historyBookings('many', WINDOW_MS + DAY_MS, 3 * KEYS_FIRST_MIN, { stepHours: 5 })
    const workspace = historyWorkspace([...store().workspace.bookings, ...many])
    const s = await serve(workspace)
    const storage = appStorage({ indexedDB, IDBKeyRange })
    const { db, replication } = await desktop(
      { serverUrl: s.url, adminToken: TEST_TOKEN },
      { storage },
    )
    await replication!.awaitInSync()
    const inside = [...store().inside, ...many]
    expect(await storedIds(db)).toEqual(ids(inside))
    // The status bar's progress: every booking the replication wrote here, counted from its start
    // (this subscription came after the sync).
    const written: number[] = []
    const counting = replication!.health$.subscribe((h) => written.push(h.bookingsReceived ?? -1))
    await expect.poll(() => written.at(-1)).toBe(inside.length)
    counting.unsubscribe()
    const footprint = await replication!.bookingsFootprint()
    expect(footprint.meta.flatMap((d) => (d.itemId ? [d.itemId] : [])).sort()).toEqual(ids(inside))
    // A change on the server arrives over the stored version; a local change is pushed.
    await serverChangeArrives(s, db, 'many-7')
    const mine = (await db.bookings.findOne('many-9').exec())!
    await mine.incrementalPatch({ answers: { region: 'EMEA' } })
    await replication!.awaitInSync()
    expect((await s.teamslot.db.bookings.findOne('many-9').exec())?.get('answers')).toEqual({
      region: 'EMEA',
    })
  })

  it('walks the pulled bookings once after a first sync, not at every start (RxDB patched)', async () => {
    const s = await serve(store().workspace)
    // The bookings the replication's upstream reads from the local store, start by start.
    let walked = 0
    // The desktop's storage: the replication's metadata (its checkpoints too) in packed pages.
    const dexie = appStorage({ indexedDB, IDBKeyRange })
    const storage: RxStorage<unknown, unknown> = {
      ...dexie,
      async createStorageInstance(params) {
        const instance = await dexie.createStorageInstance(params)
        if (params.collectionName === 'bookings') {
          const read = instance.getChangedDocumentsSince!.bind(instance)
          instance.getChangedDocumentsSince = async (limit, checkpoint) => {
            const page = await read(limit, checkpoint)
            walked += page.documents.length
            return page
          }
        }
        return instance
      },
    }
    const remote = { serverUrl: s.url, adminToken: TEST_TOKEN }
    const { db, layer, replication } = await desktop(remote, { storage })
    await replication!.awaitInSync()
    const pulled = (await storedIds(db)).length
    expect(pulled).toBe(store().inside.length)
    const restart = async () => {
      const again = replicationStart(db, remote, {
        bookingWindow: layer.window,
        isUnsynced: () => false,
        backoffBaseMs: 50,
        backoffMaxMs: 200,
      })
      opened.push({ layer: { destroy: () => undefined } as DataLayer, replication: again, db })
      await again.awaitInSync()
      await again.cancel()
    }
    await replication!.cancel()
    // The first start after the first sync reads what was pulled (nothing was pushed since);
    // it remembers that, so the next start reads nothing.
    walked = 0
    await restart()
    expect(walked).toBe(pulled)
    walked = 0
    await restart()
    expect(walked).toBe(0)
  })

  it('fetches the baseline only once the first sync let it (baselineAfter)', async () => {
    const { workspace, inside } = store()
    const s = await serve(workspace)
    let synced: () => void = () => undefined
    const { layer, replication } = await desktop(
      { serverUrl: s.url, adminToken: TEST_TOKEN },
      { baselineAfter: new Promise<void>((resolve) => (synced = resolve)) },
    )
    await replication!.awaitInSync()
    await until(() => live(layer)?.workspace.bookings.length === inside.length, 'the store')
    // In sync, event stream open: without baselineAfter the fetch would have begun long ago.
    expect(layer.baseline.fetchState()).toBe('idle')
    expect(live(layer).baseline).toBeNull()
    synced()
    await until(() => !!live(layer)?.baseline, 'the baseline')
    expect(live(layer).baseline!.before).toBe(WINDOW)
  })

  it('decides and counts pools from the cached baseline after an offline restart', async () => {
    const { workspace, old, inside } = store({ continuous: true })
    const s = await serve(workspace)
    const storage = getRxStorageMemory()
    const name = `window-restart-${counter++}`
    const first = await desktop({ serverUrl: s.url, adminToken: TEST_TOKEN }, { name, storage })
    await first.replication!.awaitInSync()
    await until(() => !!live(first.layer)?.baseline, 'the baseline')
    const url = s.url
    await s.close()
    server = undefined
    const entry = opened.pop()!
    await entry.replication!.cancel()
    entry.layer.destroy()
    await entry.db.destroy()

    // Restart with the server gone: only the window and the cached baseline are here.
    const again = await desktop(
      { serverUrl: url, adminToken: TEST_TOKEN },
      { name, storage, replicate: false },
    )
    await until(() => !!live(again.layer)?.baseline, 'the cached baseline')
    const shown = live(again.layer)
    expect(ids(shown.workspace.bookings)).toEqual(ids(inside))
    // Round robin over all time: Ben and Cai took the old bookings, so Dee is next in line —
    // which the window alone (none of them took one) would not say.
    const all = [...old, ...inside]
    const pool = shown.workspace.pools.find((p) => p.id === 'pool-rr')!
    const cycle = cycleBounds(pool.reportingCycle, now, 'UTC')
    const counted = poolLedgerStats(pool, shown.workspace.poolLedgers!['pool-rr']!, cycle)
    const {
      events: _events,
      ledger: _ledger,
      ...replayed
    } = poolStats(pool, all, shown.workspace.panels, cycle)
    const { ledger: _counted, ...countedStats } = counted
    expect(countedStats).toEqual(replayed)
    const request = {
      masterPageId: 'mp-rr',
      eventTypeId: 'et-call',
      startMs: Date.parse('2027-03-12T14:00:00.000Z'),
      customer: { name: 'Lee Park', email: 'lee@example.org', timeZone: 'UTC' },
      answers: {},
      createdVia: 'desktop' as const,
      by: 'Ana',
    }
    const context = { nowMs: now, bookingId: 'bk-offline' }
    const everything = bookingDecide({ ...workspace, bookings: all }, request, context)
    const windowOnly = bookingDecide({ ...workspace, bookings: inside }, request, context)
    expect(everything.ok && windowOnly.ok).toBe(true)
    if (!everything.ok || !windowOnly.ok) return
    expect(everything.booking.hostMemberIds).not.toEqual(windowOnly.booking.hostMemberIds)
    const proposed = await again.layer.changes.propose({
      label: 'Book Lee',
      intent: { kind: 'book', bookingId: context.bookingId, request },
    })
    expect(proposed.ok).toBe(true)
    if (proposed.ok) {
      expect(proposed.change.preview.hostMemberIds).toEqual(everything.booking.hostMemberIds)
    }
  })

  it('upgrades a desktop that replicated every booking: keeps its checkpoint, forgets history', async () => {
    const { workspace, inside } = store()
    const s = await serve(workspace)
    const name = `window-upgrade-${counter++}`
    const storage = getRxStorageMemory()
    // An older desktop: bookings replicated in full by rxdb-server's client, same identifier.
    const olderDb = await openAppDatabase(name, storage)
    const older = replicateServer({
      replicationIdentifier: `teamslot-bookings-${s.url}`,
      collection: olderDb.bookings,
      url: `${s.url}/replication/bookings/${olderDb.bookings.schema.version}`,
      headers: { Authorization: `Bearer ${TEST_TOKEN}` },
      live: true,
      eventSource: FetchEventSource,
      pull: { batchSize: 200 },
      push: { batchSize: 50 },
    })
    await older.awaitInSync()
    expect(await olderDb.bookings.count().exec()).toBe(workspace.bookings.length)
    await older.cancel()
    await olderDb.destroy()

    const { db, layer, replication } = await desktop(
      { serverUrl: s.url, adminToken: TEST_TOKEN },
      { name, storage },
    )
    await replication!.awaitInSync()
    await until(() => !!live(layer)?.baseline, 'the baseline')
    await replication!.purge()
    expect(await storedIds(db)).toEqual(ids(inside))
    const footprint = await replication!.bookingsFootprint()
    expect(footprint.bookings.every((d) => !d.isDeleted)).toBe(true)
    expect(footprint.meta.flatMap((d) => (d.itemId ? [d.itemId] : [])).sort()).toEqual(ids(inside))
    // The feed continues from the older desktop's position: a change still arrives, a push works.
    await serverChangeArrives(s, db, 'ahead-2')
    const mine = live(layer).workspace.bookings.find((b) => b.id === 'ahead-3')!
    await layer.writes.bookingPut({ ...mine, answers: { region: 'EMEA' } })
    await replication!.awaitInSync()
    expect((await s.teamslot.db.bookings.findOne('ahead-3').exec())?.get('answers')).toEqual({
      region: 'EMEA',
    })
    expect(await s.teamslot.db.bookings.count().exec()).toBe(workspace.bookings.length)
  })
})
