import { afterEach, describe, expect, it } from 'vitest'
import {
  bookingWindowStart,
  windowStartIso,
  windowStartKey,
} from '../../core/src/booking/booking-window'
import { poolLedger, poolLedgersWithBaseline } from '../../core/src/distribution'
import type { Booking, Workspace } from '../../core/src/model/workspace'
import type { AnyDoc } from './database'
import { FEED_SCAN_BUDGET, WINDOW_PULL_PATH } from './replication-window'
import type { WindowCheckpoint, WindowPage } from './replication-window'
import { FIXTURE_NOW } from './test-support/fixtures'
import { historyBooking, historyBookings, historyWorkspace } from './test-support/history-fixtures'
import { fixedClock, startTestApp, TEST_TOKEN } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'
import { workspaceReplace } from './workspace-store'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const NOW_MS = Date.parse(FIXTURE_NOW)
const DAY_MS = 86_400_000
/** The desktop's window at the fixture's now: 2026-11-30. */
const WINDOW = bookingWindowStart(NOW_MS)
const WINDOW_MS = Date.parse(windowStartIso(WINDOW))

/** 60 bookings of long ago, 30 in the window's past, 12 ahead (the last 2 at the window's edge). */
function store(): { workspace: Workspace; old: Booking[]; inside: Booking[] } {
  const old = historyBookings('old', WINDOW_MS - 300 * DAY_MS, 60, { stepHours: 100 })
  const recent = historyBookings('recent', WINDOW_MS + 2 * DAY_MS, 30, { stepHours: 50 })
  const ahead = historyBookings('ahead', NOW_MS + DAY_MS, 10, { stepHours: 9, isFuture: true })
  // One ends exactly at the window's first instant (kept), one a minute before (not kept).
  const edgeIn = historyBooking('edge-in', WINDOW_MS - 30 * 60_000)
  const edgeOut = historyBooking('edge-out', WINDOW_MS - 31 * 60_000, { host: 1 })
  const inside = [...recent, ...ahead, edgeIn]
  return {
    workspace: historyWorkspace([...old, edgeOut, ...inside]),
    old: [...old, edgeOut],
    inside,
  }
}

async function start(workspace: Workspace): Promise<TestApp> {
  app = await startTestApp({ workspace, clock: fixedClock(FIXTURE_NOW) })
  return app
}

async function pull(
  a: TestApp,
  windowStart: string,
  checkpoint: WindowCheckpoint | null,
  limit: number,
): Promise<WindowPage> {
  const query = new URLSearchParams({ windowStart, limit: String(limit) })
  if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint))
  const res = await a.request(`${WINDOW_PULL_PATH}?${query}`, { admin: true })
  expect(res.status).toBe(200)
  return (await res.json()) as WindowPage
}

/** Pulls until the server says nothing more follows; every page's documents in order. */
async function pullAll(
  a: TestApp,
  windowStart: string,
  checkpoint: WindowCheckpoint | null,
  limit: number,
) {
  const docs: Record<string, unknown>[] = []
  let current = checkpoint
  for (let pages = 1; pages <= 1000; pages++) {
    const page = await pull(a, windowStart, current, limit)
    expect(page.documents.length).toBeLessThanOrEqual(limit)
    docs.push(...page.documents)
    current = page.checkpoint
    if (!page.hasMore) return { docs, checkpoint: current, pages }
  }
  throw new Error('the pull never ended')
}

/** The latest version received of each document. */
function latest(docs: readonly Record<string, unknown>[]): Map<string, Record<string, unknown>> {
  return new Map(docs.map((doc) => [String(doc['id']), doc]))
}

/** What the store holds for the window now, as the pull sends documents. */
async function serverWindow(a: TestApp): Promise<Map<string, Record<string, unknown>>> {
  const found = await a.teamslot.db.bookings
    .find({ selector: { end: { $gte: windowStartKey(WINDOW) } } })
    .exec()
  return new Map(found.map((doc) => [doc.primary, { ...doc.toJSON(), _deleted: false }]))
}

const ids = (bookings: readonly { id: string }[]) => bookings.map((b) => b.id).sort()

describe(`GET ${WINDOW_PULL_PATH}`, () => {
  it('sends a first sync the window in keyset pages, never the history before it', async () => {
    const { workspace, inside } = store()
    const a = await start(workspace)
    const { docs, checkpoint, pages } = await pullAll(a, WINDOW, null, 7)
    expect([...latest(docs).keys()].sort()).toEqual(ids(inside))
    // Each booking once: the snapshot's pages neither repeat nor skip, the feed adds nothing.
    expect(docs).toHaveLength(inside.length)
    expect(pages).toBe(Math.ceil((inside.length + 1) / 7))
    expect(checkpoint).toMatchObject({ windowStart: WINDOW, phase: 'changes' })
    expect(latest(docs)).toEqual(await serverWindow(a))
    for (const doc of docs) expect(Object.keys(doc)).not.toContain('_meta')
  })

  it('pages bookings sharing one end exactly once', async () => {
    const same = Array.from({ length: 13 }, (_, i) =>
      historyBooking(`same-${i}`, NOW_MS + 3 * DAY_MS, { host: i, status: 'scheduled' }),
    )
    const a = await start(historyWorkspace(same))
    const { docs } = await pullAll(a, WINDOW, null, 4)
    expect(docs.map((d) => d['id'])).toEqual(ids(same).sort())
  })

  it('loses no write made while the snapshot is read', async () => {
    const { workspace } = store()
    const a = await start(workspace)
    const first = await pull(a, WINDOW, null, 5)
    expect(first.checkpoint.phase).toBe('snapshot')
    const db = a.teamslot.db
    // Behind the snapshot's cursor: a new booking ending first in the window, and a change to
    // one already sent; ahead of it: a change to one not sent yet; and old history (not sent).
    await db.bookings.insert({
      ...historyBooking('late-first', WINDOW_MS + 60_000, { host: 2 }),
      updatedAt: FIXTURE_NOW,
    } as AnyDoc)
    const sent = String(first.documents[2]!['id'])
    await (await db.bookings.findOne(sent).exec())!.incrementalPatch({
      answers: { region: 'EMEA' },
    })
    await (await db.bookings.findOne('ahead-9').exec())!.incrementalPatch({
      answers: { region: 'AMER' },
    })
    await db.bookings.insert({
      ...historyBooking('late-old', WINDOW_MS - 90 * DAY_MS),
      updatedAt: FIXTURE_NOW,
    } as AnyDoc)
    const rest = await pullAll(a, WINDOW, first.checkpoint, 5)
    const received = latest([...first.documents, ...rest.docs])
    expect(received).toEqual(await serverWindow(a))
    expect(received.get(sent)?.['answers']).toEqual({ region: 'EMEA' })
    expect(received.has('late-first')).toBe(true)
    expect(received.has('late-old')).toBe(false)
  })

  it('then passes on the changes the window needs: inside, moved out, changed late, deleted', async () => {
    const { workspace } = store()
    const a = await start(workspace)
    const synced = await pullAll(a, WINDOW, null, 50)
    const db = a.teamslot.db
    const at = new Date(NOW_MS).toISOString()
    // An import-like rewrite of old history (no new history entry): not needed.
    await (await db.bookings.findOne('old-3').exec())!.incrementalPatch({ answers: { x: '1' } })
    // A late no-show on an old booking: changed inside the window, so it is sent.
    const late = (await db.bookings.findOne('old-4').exec())!
    await late.incrementalPatch({
      history: [...(late.get('history') as object[]), { at, action: 'no-show', by: 'Ana' }],
    })
    // A window booking moved before the window (its history says so): sent, to be dropped.
    const moved = (await db.bookings.findOne('recent-5').exec())!
    await moved.incrementalPatch({
      start: new Date(WINDOW_MS - 40 * DAY_MS).toISOString(),
      end: new Date(WINDOW_MS - 40 * DAY_MS + 1_800_000).toISOString(),
      history: [
        ...(moved.get('history') as object[]),
        { at, action: 'rescheduled', by: 'Ana', previousStart: moved.get('start') as string },
      ],
    })
    // A new booking ahead; and one removed by an import.
    await db.bookings.insert({
      ...historyBooking('new-ahead', NOW_MS + 5 * DAY_MS, { status: 'scheduled' }),
      updatedAt: at,
    } as AnyDoc)
    const exported = (await db.bookings.find().exec()).map((d) => d.toJSON() as unknown as Booking)
    await workspaceReplace(
      db,
      { ...workspace, bookings: exported.filter((b) => b.id !== 'recent-9') },
      at,
    )
    const changes = await pullAll(a, WINDOW, synced.checkpoint, 50)
    const got = latest(changes.docs)
    expect(got.has('old-3')).toBe(false)
    expect(got.get('old-4')?.['status']).toBe('completed')
    expect(got.get('recent-5')?.['end']).toBe(
      new Date(WINDOW_MS - 40 * DAY_MS + 1_800_000).toISOString(),
    )
    expect(got.has('new-ahead')).toBe(true)
    expect(got.get('recent-9')?.['_deleted']).toBe(true)
    // The import rewrote every booking: the old ones did not travel.
    for (const id of got.keys()) expect(id.startsWith('old-') && id !== 'old-4').toBe(false)
    expect(changes.checkpoint.phase).toBe('changes')
  })

  it('answers a short page while skipping much old history, and goes on while hasMore', async () => {
    const a = await start(historyWorkspace([]))
    const synced = await pullAll(a, WINDOW, null, 100)
    const old = historyBookings('bulk', WINDOW_MS - 400 * DAY_MS, FEED_SCAN_BUDGET + 300, {
      stepHours: 1,
    })
    await a.teamslot.db.bookings.bulkInsert(
      old.map((b) => ({ ...b, updatedAt: FIXTURE_NOW }) as AnyDoc),
    )
    await a.teamslot.db.bookings.insert({
      ...historyBooking('after-bulk', NOW_MS + DAY_MS, { status: 'scheduled' }),
      updatedAt: FIXTURE_NOW,
    } as AnyDoc)
    const page = await pull(a, WINDOW, synced.checkpoint, 100)
    expect(page.documents).toEqual([])
    expect(page.hasMore).toBe(true)
    const rest = await pullAll(a, WINDOW, page.checkpoint, 100)
    expect(rest.docs.map((d) => d['id'])).toEqual(['after-bulk'])
  })

  it('sends the gap first when a desktop keeps an earlier window start', async () => {
    const { workspace, old } = store()
    const a = await start(workspace)
    const synced = await pullAll(a, WINDOW, null, 50)
    const earlier = bookingWindowStart(NOW_MS, 250)
    const gap = await pullAll(a, earlier, synced.checkpoint, 4)
    const expected = old.filter((b) => b.end >= windowStartKey(earlier)).map((b) => b.id)
    expect(expected.length).toBeGreaterThan(5)
    expect([...latest(gap.docs).keys()].sort()).toEqual(expected.sort())
    expect(gap.checkpoint).toMatchObject({ windowStart: earlier, phase: 'changes' })
    // A later start needs nothing read.
    const later = await pullAll(a, WINDOW, gap.checkpoint, 4)
    expect(later.docs).toEqual([])
    expect(later.checkpoint.windowStart).toBe(WINDOW)
  })

  it('refuses malformed pulls with 400 and keeps older desktops on the full pull', async () => {
    const { workspace, old, inside } = store()
    const a = await start(workspace)
    const bad = [
      `windowStart=2026-13-01&limit=5`,
      `windowStart=${WINDOW}&limit=0`,
      `windowStart=${WINDOW}&limit=5&checkpoint=nope`,
      `windowStart=${WINDOW}&limit=5&checkpoint=${encodeURIComponent('{"windowStart":"x"}')}`,
      `windowStart=${WINDOW}&limit=5&checkpoint=${encodeURIComponent(
        JSON.stringify({
          windowStart: WINDOW,
          phase: 'changes',
          snapshotBelow: null,
          snapshotEnd: null,
          snapshotId: null,
          lwt: 0,
          id: '__proto__',
        }),
      )}`,
    ]
    for (const query of bad) {
      const res = await a.request(`${WINDOW_PULL_PATH}?${query}`, { admin: true })
      expect(res.status, query).toBe(400)
    }
    expect((await fetch(`${a.url}${WINDOW_PULL_PATH}?windowStart=${WINDOW}&limit=5`)).status).toBe(
      401,
    )
    // rxdb-server's pull (this schema version) and the compatibility pull still send everything.
    for (const version of [1, 0]) {
      const res = await fetch(
        `${a.url}/replication/bookings/${version}/pull?lwt=0&id=&limit=1000`,
        {
          headers: { Authorization: `Bearer ${TEST_TOKEN}` },
        },
      )
      expect(res.status).toBe(200)
      const body = (await res.json()) as { documents: { id: string }[] }
      expect(body.documents.map((d) => d.id).sort()).toEqual(ids([...old, ...inside]))
    }
  })
})

describe('GET /api/admin/pool-ledgers', () => {
  it('merged with the window, equals every pool ledger built from all bookings', async () => {
    const { workspace } = store()
    const a = await start(workspace)
    const res = await a.request(
      `/api/admin/pool-ledgers?before=${encodeURIComponent(windowStartIso(WINDOW))}`,
      { admin: true },
    )
    expect(res.status).toBe(200)
    const { before, sources } = await res.json()
    expect(before).toBe(windowStartIso(WINDOW))
    const ws: Workspace = await (await a.request('/api/admin/workspace', { admin: true })).json()
    const window = ws.bookings.filter((b) => b.end >= windowStartKey(WINDOW))
    const merged = poolLedgersWithBaseline(ws, window, sources)
    for (const pool of ws.pools) {
      expect(merged[pool.id]).toEqual(poolLedger(pool, ws.bookings, ws.panels))
      expect(Object.keys(merged[pool.id]!.members).length).toBeGreaterThan(0)
    }
    // The baseline alone counts only bookings that ended before: none of the window's.
    const alone = poolLedgersWithBaseline(ws, [], sources)
    const before_ = ws.bookings.filter((b) => b.end < windowStartKey(WINDOW))
    for (const pool of ws.pools) {
      expect(alone[pool.id]).toEqual(poolLedger(pool, before_, ws.panels))
    }
    // The answer is kept until a booking that ended before the cut-off changes: a new booking
    // leaves it as it is, an old pool booking deleted changes it.
    const baseline = async () =>
      (
        await (
          await a.request(
            `/api/admin/pool-ledgers?before=${encodeURIComponent(windowStartIso(WINDOW))}`,
            { admin: true },
          )
        ).json()
      ).sources
    expect(await baseline()).toEqual(sources)
    const old = before_.find((b) => b.poolId !== null)!
    await (await a.teamslot.db.bookings.findOne(old.id).exec())!.remove()
    const changed = await baseline()
    const remaining = before_.filter((b) => b.id !== old.id)
    const afterRemoval = poolLedgersWithBaseline(ws, [], changed)
    for (const pool of ws.pools) {
      expect(afterRemoval[pool.id]).toEqual(poolLedger(pool, remaining, ws.panels))
    }
    expect(changed).not.toEqual(sources)
    const refused = await a.request('/api/admin/pool-ledgers?before=yesterday', { admin: true })
    expect(refused.status).toBe(400)
    expect((await a.request('/api/admin/pool-ledgers?before=2027-01-01T00:00:00Z')).status).toBe(
      401,
    )
  })
})

describe('GET /api/admin/bookings with limit and cursor', () => {
  it('pages any range by (start, id) and gives the same bookings as one answer', async () => {
    const { workspace } = store()
    const a = await start(workspace)
    const range = `from=${encodeURIComponent(new Date(WINDOW_MS - 200 * DAY_MS).toISOString())}&to=${encodeURIComponent(new Date(NOW_MS).toISOString())}`
    const whole = await (await a.request(`/api/admin/bookings?${range}`, { admin: true })).json()
    expect(whole.bookings.length).toBeGreaterThan(30)
    const paged: { id: string }[] = []
    let cursor: string | null = null
    let requests = 0
    do {
      const res: Response = await a.request(
        `/api/admin/bookings?${range}&limit=6${cursor ? `&cursor=${cursor}` : ''}`,
        { admin: true },
      )
      expect(res.status).toBe(200)
      const page = (await res.json()) as { bookings: { id: string }[]; next: string | null }
      expect(page.bookings.length).toBeLessThanOrEqual(6)
      paged.push(...page.bookings)
      cursor = page.next
      requests++
    } while (cursor !== null && requests < 100)
    expect(paged).toEqual(whole.bookings)
    const bad = await a.request(`/api/admin/bookings?${range}&limit=6&cursor=bm9wZQ`, {
      admin: true,
    })
    expect(bad.status).toBe(400)
  })
})

describe('GET /replication/stream with a windowed bookings entry', () => {
  it('passes on only what the window needs, with the windowed checkpoint', async () => {
    const { workspace } = store()
    const a = await start(workspace)
    for (const entry of [`bookings:1@2026-13-01`, `members@${WINDOW}`, `bookings@${WINDOW}@x`]) {
      const res = await a.request(`/replication/stream?collections=${entry}`, { admin: true })
      expect(res.status, entry).toBe(400)
    }
    const controller = new AbortController()
    const res = await fetch(
      `${a.url}/replication/stream?collections=members,bookings:1@${WINDOW}`,
      {
        headers: { Authorization: `Bearer ${TEST_TOKEN}` },
        signal: controller.signal,
      },
    )
    expect(res.status).toBe(200)
    const reader = res.body!.getReader()
    const db = a.teamslot.db
    await (await db.bookings.findOne('old-7').exec())!.incrementalPatch({ answers: { x: 'old' } })
    await db.bookings.insert({
      ...historyBooking('live-ahead', NOW_MS + 2 * DAY_MS, { status: 'scheduled' }),
      updatedAt: FIXTURE_NOW,
    } as AnyDoc)
    let text = ''
    const decoder = new TextDecoder()
    while (!text.includes('\n\n')) {
      const { value, done } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
    controller.abort()
    const event = JSON.parse(text.split('\n\n')[0]!.slice('data: '.length)) as {
      collection: string
      documents: { id: string }[]
      checkpoint: WindowCheckpoint
    }
    expect(event.collection).toBe('bookings')
    expect(event.documents.map((d) => d.id)).toEqual(['live-ahead'])
    expect(event.checkpoint).toMatchObject({
      windowStart: WINDOW,
      phase: 'changes',
      snapshotEnd: null,
    })
    expect(event.checkpoint.id).toBe('live-ahead')
  })
})
