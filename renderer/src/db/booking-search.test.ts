// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { bookingWindowStart, windowStartIso } from '../../../core/src/booking/booking-window'
import { bookingsFilter } from '../../../core/src/booking/bookings-search'
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
import { bookingSearchCreate, SEARCH_PAGE } from './booking-search'
import type { BookingSearch, BookingSearchQuery } from './booking-search'

const NOW_MS = Date.parse(FIXTURE_NOW)
const DAY_MS = 86_400_000
const WINDOW_MS = Date.parse(windowStartIso(bookingWindowStart(NOW_MS)))
// 260 bookings every 20 hours up to the window's start: more than two pages of the list.
const old = historyBookings('old', WINDOW_MS - 220 * DAY_MS, 260, { stepHours: 20 })

let server: TestApp | undefined
let closeSearch: (() => void) | undefined
afterEach(async () => {
  closeSearch?.()
  await server?.close()
  server = closeSearch = undefined
})

async function connected() {
  server = await startTestApp({
    workspace: historyWorkspace(old),
    clock: fixedClock(FIXTURE_NOW),
    // happy-dom's fetch is a browser's: cross-origin, so the server allows this page's origin.
    deps: { corsOrigins: [window.location.origin], searchScanBudget: 50 },
  })
  return { serverUrl: server.url, adminToken: TEST_TOKEN }
}

/** Resolves once the search has no request running. */
function settled(search: BookingSearch) {
  return new Promise<void>((resolve) => {
    const check = () => {
      if (search.snapshot().status !== 'loading') {
        stop()
        resolve()
      }
    }
    const stop = search.subscribe(check)
    check()
  })
}

const ids = (list: readonly { id: string }[]) => list.map((b) => b.id)

describe('bookingSearchCreate', () => {
  it('asks for a page of matches at a time, then the rest, as core’s list rule finds them', async () => {
    const target = await connected()
    const query: BookingSearchQuery = { fromMs: WINDOW_MS - 300 * DAY_MS, toMs: WINDOW_MS }
    const expected = ids(bookingsFilter(old, query))
    expect(expected.length).toBe(260)
    const search = bookingSearchCreate(target, query)
    expect(search.snapshot().status).toBe('loading')
    closeSearch = search.open()
    await settled(search)
    // The server looks at 50 stored bookings a request: the first page took several.
    expect(search.snapshot()).toMatchObject({ status: 'ready', hasMore: true })
    expect(ids(search.snapshot().bookings)).toEqual(expected.slice(0, SEARCH_PAGE))
    search.more()
    await settled(search)
    expect(ids(search.snapshot().bookings)).toEqual(expected.slice(0, 2 * SEARCH_PAGE))
    // The export reads the rest without growing the list shown.
    const progress: number[] = []
    expect(ids(await search.all((found) => progress.push(found)))).toEqual(expected)
    expect(progress.at(-1)).toBe(260)
    expect(progress.length).toBeGreaterThan(1)
    expect(search.snapshot()).toMatchObject({ status: 'ready', hasMore: true })
    expect(search.snapshot().bookings).toHaveLength(2 * SEARCH_PAGE)
  })

  it('finds sparse matches across the whole range', async () => {
    const target = await connected()
    const query = {
      fromMs: WINDOW_MS - 300 * DAY_MS,
      toMs: WINDOW_MS,
      query: 'OLD-2',
      status: 'completed' as const,
    }
    const expected = ids(bookingsFilter(old, query))
    expect(expected.length).toBeGreaterThan(3)
    expect(expected.length).toBeLessThan(SEARCH_PAGE)
    const search = bookingSearchCreate(target, query)
    closeSearch = search.open()
    await settled(search)
    expect(search.snapshot()).toMatchObject({ status: 'ready', hasMore: false })
    expect(ids(search.snapshot().bookings)).toEqual(expected)
  })

  it('says offline when the server cannot be reached, and asks again when the browser is online again', async () => {
    const target = await connected()
    // A port nothing listens on, then the server: what a network coming back looks like here.
    const switchable = { ...target, serverUrl: 'http://127.0.0.1:9' }
    const query = { fromMs: WINDOW_MS - 30 * DAY_MS, toMs: WINDOW_MS }
    const search = bookingSearchCreate(switchable, query)
    closeSearch = search.open()
    await settled(search)
    expect(search.snapshot()).toMatchObject({ status: 'offline', bookings: [] })
    await expect(search.all()).rejects.toThrow(/cannot be reached/)
    Object.assign(switchable, { serverUrl: target.serverUrl })
    window.dispatchEvent(new Event('online'))
    await settled(search)
    expect(search.snapshot().status).toBe('ready')
    expect(ids(search.snapshot().bookings)).toEqual(ids(bookingsFilter(old, query)))
  })

  it('goes on where it stopped when opened again after a close', async () => {
    const target = await connected()
    const query = { fromMs: WINDOW_MS - 300 * DAY_MS, toMs: WINDOW_MS }
    const search = bookingSearchCreate(target, query)
    search.open()()
    expect(search.snapshot().status).toBe('loading')
    closeSearch = search.open()
    await settled(search)
    expect(ids(search.snapshot().bookings)).toEqual(
      ids(bookingsFilter(old, query)).slice(0, SEARCH_PAGE),
    )
  })
})
