// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react'
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory'
import { afterEach, describe, expect, it } from 'vitest'
import { bookingWindowStart, windowStartIso } from '../../../core/src/booking/booking-window'
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
import {
  bookingCounts,
  bookingTallyAddCounts,
  bookingTallyCreate,
  bookingTallyResult,
} from '../../../core/src/reports/booking-counts'
import { bookingHistoryCreate } from './booking-history'
import type { BookingHistory, HistoryRange } from './booking-history'
import { dataLayerCreate, DataLayerContext, useBookings } from './data-layer'
import type { DataLayer } from './data-layer'
import { openAppDatabase } from './database'

const NOW_MS = Date.parse(FIXTURE_NOW)
const DAY_MS = 86_400_000
const WINDOW_MS = Date.parse(windowStartIso(bookingWindowStart(NOW_MS)))

let server: TestApp | undefined
let layer: DataLayer | undefined
let history: BookingHistory | undefined
let restoreClock: (() => void) | undefined
let counter = 0

afterEach(async () => {
  cleanup()
  history?.destroy()
  layer?.destroy()
  await layer?.db.destroy()
  await server?.close()
  restoreClock?.()
  server = layer = history = undefined
})

/** Polls until `check` holds (bounded). */
async function until(check: () => boolean, what: string, ms = 15_000) {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)))
  }
}

// Every 50 hours from 300 days before the window (so ~144 bookings up to 0 days before it),
// then the window's own.
const old = historyBookings('old', WINDOW_MS - 300 * DAY_MS, 144, { stepHours: 50 })
const recent = historyBookings('recent', WINDOW_MS - 2 * DAY_MS, 20, { stepHours: 30 })

function Range({ fromMs, toMs }: { fromMs: number; toMs: number }) {
  const result = useBookings({ fromMs, toMs })
  if (!result) return <p>loading the replica</p>
  return (
    <>
      <p data-testid="history">{result.history?.status ?? 'inside'}</p>
      <p data-testid="ids">{result.bookings.map((b) => b.id).join(' ')}</p>
    </>
  )
}

async function connected() {
  restoreClock = clockReplace({ now: () => NOW_MS })
  server = await startTestApp({
    workspace: historyWorkspace([...old, ...recent]),
    clock: fixedClock(FIXTURE_NOW),
    // happy-dom's fetch is a browser's: cross-origin, so the server allows this page's origin.
    deps: { corsOrigins: [window.location.origin] },
  })
  const target = { serverUrl: server.url, adminToken: TEST_TOKEN }
  const db = await openAppDatabase(`history-test-${counter++}`, getRxStorageMemory())
  // The replica as the windowed replication leaves it (replication itself is tested in node:
  // leader election needs Web Locks, which happy-dom lacks).
  const inWindow = recent.filter((b) => Date.parse(b.end) >= WINDOW_MS)
  await db.bookings.bulkInsert(inWindow.map((b) => ({ ...b, updatedAt: FIXTURE_NOW })))
  layer = dataLayerCreate(db, { remote: target })
  return { target, server }
}

const overlapping = (fromMs: number, toMs: number) =>
  [...old, ...recent]
    .filter((b) => Date.parse(b.start) < toMs && Date.parse(b.end) > fromMs)
    .toSorted((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id))
    .map((b) => b.id)

describe('useBookings for a range reaching before the window', () => {
  it('reads the older part from the server and shows it with the window’s own', async () => {
    await connected()
    // Ten days across the window's start: part history, part replica.
    const fromMs = WINDOW_MS - 6 * DAY_MS
    const toMs = WINDOW_MS + 4 * DAY_MS
    render(
      <DataLayerContext.Provider value={layer!}>
        <Range fromMs={fromMs} toMs={toMs} />
      </DataLayerContext.Provider>,
    )
    await until(() => screen.queryByTestId('history')?.textContent === 'ready', 'history')
    const expected = overlapping(fromMs, toMs)
    expect(expected.some((id) => id.startsWith('old-'))).toBe(true)
    expect(expected.some((id) => id.startsWith('recent-'))).toBe(true)
    expect(screen.getByTestId('ids').textContent).toBe(expected.join(' '))
    // Nothing of it entered the replica.
    const stored = await layer!.db.bookings.find().exec()
    expect(stored.every((d) => d.primary.startsWith('recent-'))).toBe(true)
  })

  it('says a range inside the window needs no history', async () => {
    await connected()
    render(
      <DataLayerContext.Provider value={layer!}>
        <Range fromMs={WINDOW_MS + DAY_MS} toMs={WINDOW_MS + 9 * DAY_MS} />
      </DataLayerContext.Provider>,
    )
    await until(() => screen.queryByTestId('history')?.textContent === 'inside', 'the replica')
    expect(screen.getByTestId('ids').textContent).toBe(
      overlapping(WINDOW_MS + DAY_MS, WINDOW_MS + 9 * DAY_MS).join(' '),
    )
  })

  it('says history is not available offline, and shows the window’s part', async () => {
    const { server: s } = await connected()
    await s.close()
    server = undefined
    const fromMs = WINDOW_MS - 3 * DAY_MS
    const toMs = WINDOW_MS + 3 * DAY_MS
    render(
      <DataLayerContext.Provider value={layer!}>
        <Range fromMs={fromMs} toMs={toMs} />
      </DataLayerContext.Provider>,
    )
    await until(() => screen.queryByTestId('history')?.textContent === 'offline', 'offline')
    const inside = overlapping(fromMs, toMs).filter((id) =>
      recent.some((b) => b.id === id && Date.parse(b.end) >= WINDOW_MS),
    )
    expect(inside.length).toBeGreaterThan(0)
    expect(screen.getByTestId('ids').textContent).toBe(inside.join(' '))
  })
})

describe('bookingHistoryCreate', () => {
  const settle = (h: BookingHistory, fromMs: number, toMs: number) =>
    new Promise<HistoryRange>((resolve) => {
      const check = () => {
        const state = h.peek(fromMs, toMs)
        if (state && state.status !== 'loading') {
          stop()
          resolve(state)
        }
      }
      const stop = h.subscribe(check)
      h.request(fromMs, toMs)
      check()
    })

  it('pages a range, holds at most its bound, and lets go of the range used longest ago', async () => {
    const { target } = await connected()
    history = bookingHistoryCreate(target, { maxBookings: 30, pageLimit: 7 })
    const month = (n: number) => [WINDOW_MS - (n + 1) * 30 * DAY_MS, WINDOW_MS - n * 30 * DAY_MS]
    const [a0, a1] = month(1)
    const first = await settle(history, a0!, a1!)
    expect(first.status === 'ready' && first.bookings.map((b) => b.id)).toEqual(
      overlapping(a0!, a1!),
    )
    const [b0, b1] = month(3)
    expect((await settle(history, b0!, b1!)).status).toBe('ready')
    expect(history.size()).toBe(overlapping(a0!, a1!).length + overlapping(b0!, b1!).length)
    // A third month goes past the bound: the first one asked for is let go.
    const [c0, c1] = month(5)
    expect((await settle(history, c0!, c1!)).status).toBe('ready')
    expect(history.peek(a0!, a1!)).toBeUndefined()
    expect(history.size()).toBeLessThanOrEqual(30)
    // A range holding more than the bound is refused whole.
    expect((await settle(history, WINDOW_MS - 290 * DAY_MS, WINDOW_MS)).status).toBe('too-large')
  })

  it('reads a range longer than the server reads at once in parts, each booking once', async () => {
    const { target } = await connected()
    history = bookingHistoryCreate(target, { pageLimit: 50 })
    // 450 days: past the 400 a read may span (the server refuses such a range with 400).
    const fromMs = WINDOW_MS - 450 * DAY_MS
    const read = await settle(history, fromMs, WINDOW_MS)
    expect(read.status === 'ready' && read.bookings.map((b) => b.id)).toEqual(
      overlapping(fromMs, WINDOW_MS),
    )
  })

  it('reads an offline range again when asked again, and when the browser is online again', async () => {
    const { target } = await connected()
    // A port nothing listens on, then the server: what a network coming back looks like here.
    const switchable = { ...target, serverUrl: 'http://127.0.0.1:9' }
    history = bookingHistoryCreate(switchable)
    const fromMs = WINDOW_MS - 40 * DAY_MS
    const toMs = WINDOW_MS - 20 * DAY_MS
    expect((await settle(history, fromMs, toMs)).status).toBe('offline')
    Object.assign(switchable, { serverUrl: target.serverUrl })
    const again = await settle(history, fromMs, toMs)
    expect(again.status === 'ready' && again.bookings.map((b) => b.id)).toEqual(
      overlapping(fromMs, toMs),
    )

    // Offline again, for another range; then the browser says it is online.
    Object.assign(switchable, { serverUrl: 'http://127.0.0.1:9' })
    const [otherFrom, otherTo] = [WINDOW_MS - 80 * DAY_MS, WINDOW_MS - 60 * DAY_MS]
    expect((await settle(history, otherFrom, otherTo)).status).toBe('offline')
    Object.assign(switchable, { serverUrl: target.serverUrl })
    window.dispatchEvent(new Event('online'))
    await until(() => history!.peek(otherFrom, otherTo)?.status === 'ready', 'read again')
  })

  it('stops and forgets a read nobody waits for any more', async () => {
    const { target } = await connected()
    history = bookingHistoryCreate(target, { pageLimit: 5 })
    const fromMs = WINDOW_MS - 200 * DAY_MS
    const release = history.request(fromMs, WINDOW_MS)
    expect(history.peek(fromMs, WINDOW_MS)?.status).toBe('loading')
    release()
    expect(history.peek(fromMs, WINDOW_MS)).toBeUndefined()
    // Asked again, it is read from the start, whole.
    const read = await settle(history, fromMs, WINDOW_MS)
    expect(read.status === 'ready' && read.bookings.map((b) => b.id)).toEqual(
      overlapping(fromMs, WINDOW_MS),
    )
    // A read two views wait for goes on while one of them still waits.
    const [a, b] = [history.request(0, fromMs), history.request(0, fromMs)]
    a()
    expect(history.peek(0, fromMs)?.status).toBe('loading')
    b()
    expect(history.peek(0, fromMs)).toBeUndefined()
  })

  it('counts a range on the server, in parts past 400 days, as core counts its bookings', async () => {
    const { target } = await connected()
    history = bookingHistoryCreate(target)
    const fromMs = WINDOW_MS - 450 * DAY_MS
    history.requestCounts(fromMs, WINDOW_MS)
    await until(() => history!.peekCounts(fromMs, WINDOW_MS)?.status === 'ready', 'counts')
    const read = history.peekCounts(fromMs, WINDOW_MS)
    if (read?.status !== 'ready') throw new Error('not read')
    expect(read.counts).toHaveLength(2)
    const tally = bookingTallyCreate()
    for (const part of read.counts) bookingTallyAddCounts(tally, part)
    const workspace = historyWorkspace([...old, ...recent])
    const expected = bookingCounts(workspace, fromMs, WINDOW_MS)
    expect(expected.total).toBeGreaterThan(100)
    expect(bookingTallyResult(tally, workspace)).toEqual(expected)
    // Counts never fill the bookings held in memory.
    expect(history.size()).toBe(0)
  })
})
