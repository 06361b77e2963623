import { afterEach, describe, expect, it } from 'vitest'
import { bookingCounts } from '../../core/src/reports/booking-counts'
import { FIXTURE_NOW } from './test-support/fixtures'
import { historyBookings, historyWorkspace } from './test-support/history-fixtures'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const DAY_MS = 86_400_000
const NOW_MS = Date.parse(FIXTURE_NOW)
// 2,600 bookings 3 hours apart over the ~325 days before now: many pages of 97 bookings.
const bookings = historyBookings('h', NOW_MS - 330 * DAY_MS, 2600, { stepHours: 3 })
const workspace = historyWorkspace(bookings)
const COUNT_PAGE = 97

describe('GET /api/admin/booking-counts', () => {
  it('counts a range of stored bookings as core counts the same bookings, page by page', async () => {
    app = await startTestApp({
      workspace,
      clock: fixedClock(FIXTURE_NOW),
      deps: { countPage: COUNT_PAGE },
    })
    const fromMs = NOW_MS - 300 * DAY_MS + 90 * 60_000
    const toMs = NOW_MS - 10 * DAY_MS
    const res = await app.request(
      `/api/admin/booking-counts?from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}`,
      { admin: true },
    )
    expect(res.status).toBe(200)
    const counts = await res.json()
    const expected = bookingCounts(workspace, fromMs, toMs)
    expect(expected.total).toBeGreaterThan(COUNT_PAGE * 20)
    expect(counts).toEqual(JSON.parse(JSON.stringify(expected)))
  })

  it('needs the admin token and refuses a range longer than 400 days', async () => {
    app = await startTestApp({ workspace, clock: fixedClock(FIXTURE_NOW) })
    const path = (days: number) =>
      `/api/admin/booking-counts?from=${new Date(NOW_MS - days * DAY_MS).toISOString()}&to=${FIXTURE_NOW}`
    expect((await app.request(path(30))).status).toBe(401)
    const long = await app.request(path(401), { admin: true })
    expect(long.status).toBe(400)
    expect(JSON.stringify(await long.json())).toContain('400 days')
  })
})
