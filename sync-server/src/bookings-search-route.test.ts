import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookingsFilter } from '../../core/src/booking/bookings-search'
import type { BookingsFilter } from '../../core/src/booking/bookings-search'
import type { Booking } from '../../core/src/model/workspace'
import { FIXTURE_NOW } from './test-support/fixtures'
import { historyBookings, historyWorkspace } from './test-support/history-fixtures'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

const DAY_MS = 86_400_000
const NOW_MS = Date.parse(FIXTURE_NOW)
// 900 bookings 5 hours apart over the ~190 days before now, all statuses, pool, panel and direct;
// a few customers whose names lowercase beyond ASCII or hold characters outside the BMP.
const bookings = historyBookings('s', NOW_MS - 190 * DAY_MS, 900, { stepHours: 5 }).map((b, i) =>
  i % 97 === 5
    ? { ...b, customer: { ...b.customer, name: `ÖZGE ŞAHİN ${i} 😀` } }
    : i % 97 === 50
      ? { ...b, customer: { ...b.customer, name: `Ana 𝒜 ${i}` } }
      : b,
)
const workspace = historyWorkspace(bookings)
/** Stored bookings one request may look at here: far fewer than the range holds. */
const BUDGET = 37

let app: TestApp
beforeAll(async () => {
  app = await startTestApp({
    workspace,
    clock: fixedClock(FIXTURE_NOW),
    deps: { searchScanBudget: BUDGET },
  })
})
afterAll(async () => {
  await app.close()
})

interface SearchAnswer {
  readonly bookings: Booking[]
  readonly next: string | null
}

type SearchFilter = BookingsFilter & { fromMs: number; toMs: number; order?: 'asc' | 'desc' }

function searchPath(filter: SearchFilter, limit: number) {
  const params = new URLSearchParams({
    from: new Date(filter.fromMs).toISOString(),
    to: new Date(filter.toMs).toISOString(),
    limit: String(limit),
  })
  if (filter.query !== undefined) params.set('q', filter.query)
  if (filter.memberId !== undefined) params.set('member', filter.memberId)
  if (filter.status !== undefined) params.set('status', filter.status)
  if (filter.order !== undefined) params.set('order', filter.order)
  return `/api/admin/bookings/search?${params}`
}

/** Every page of a search, following `next`; also the number of requests it took. */
async function searchAll(filter: SearchFilter, limit: number) {
  const found: Booking[] = []
  let next: string | null = null
  let requests = 0
  do {
    const path: string = searchPath(filter, limit) + (next === null ? '' : `&cursor=${next}`)
    const res = await app.request(path, { admin: true })
    expect(res.status).toBe(200)
    const page = (await res.json()) as SearchAnswer
    expect(page.bookings.length).toBeLessThanOrEqual(limit)
    found.push(...page.bookings)
    next = page.next
    requests += 1
    expect(requests).toBeLessThan(500)
  } while (next !== null)
  return { found, requests }
}

/** The bookings as the admin API answers them (no server-only fields). */
const asServed = (list: readonly Booking[]) =>
  list.map(({ id, start, status, hostMemberIds, customer }) => ({
    id,
    start,
    status,
    hostMemberIds,
    customer,
  }))

describe('GET /api/admin/bookings/search', () => {
  it('pages through any range with the list’s own rule: the pages put together are exactly what core’s filter finds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          fromDay: fc.integer({ min: 0, max: 200 }),
          days: fc.integer({ min: 1, max: 220 }),
          query: fc.option(
            fc.constantFrom(
              'customer s-1',
              'S-2',
              ' s-33 ',
              'example.org',
              'nobody',
              'özge şahi̇n',
              '😀',
              '\uD83D',
              '𝒜',
              '\n',
            ),
            {
              nil: undefined,
            },
          ),
          memberId: fc.option(fc.constantFrom('m-ana', 'm-ben', 'm-cy'), { nil: undefined }),
          status: fc.option(fc.constantFrom('completed', 'cancelled', 'no-show' as const), {
            nil: undefined,
          }),
          // Small pages often: a page may end on any booking of a step.
          limit: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 60 })),
          order: fc.option(fc.constantFrom('asc', 'desc' as const), { nil: undefined }),
        }),
        async ({ fromDay, days, limit, ...rest }) => {
          const fromMs = NOW_MS - fromDay * DAY_MS - 17 * 60_000
          const filter = { ...rest, fromMs, toMs: fromMs + days * DAY_MS }
          const { found } = await searchAll(filter, limit)
          const expected = bookingsFilter(bookings, filter)
          // Latest first is the same bookings the other way round (ties by id, reversed too).
          if (filter.order === 'desc') expected.reverse()
          expect(asServed(found)).toEqual(asServed(expected))
        },
      ),
      { numRuns: 40, seed: 9 },
    )
  })

  it('reads the documents of no more candidates per request than its budget, and says where to go on', async () => {
    const filter = { fromMs: NOW_MS - 200 * DAY_MS, toMs: NOW_MS }
    const first = (await (
      await app.request(searchPath(filter, 500), { admin: true })
    ).json()) as SearchAnswer
    expect(first.bookings).toHaveLength(BUDGET)
    expect(first.next).not.toBeNull()
    // 900 stored bookings, 37 a request: the whole range takes 25 requests.
    const { found, requests } = await searchAll(filter, 500)
    expect(asServed(found)).toEqual(asServed(bookingsFilter(bookings, filter)))
    expect(requests).toBe(Math.ceil(900 / BUDGET) + (900 % BUDGET === 0 ? 1 : 0))
  })

  it('applies the customer, member and status in the index: what none has is answered in one request, not a budget at a time', async () => {
    const range = { fromMs: NOW_MS - 200 * DAY_MS, toMs: NOW_MS }
    for (const filter of [
      { ...range, query: 'nobody at all' },
      { ...range, memberId: 'm-nobody' },
      { ...range, memberId: 'm-ana', query: 'S-3', status: 'cancelled' as const },
    ]) {
      const { found, requests } = await searchAll(filter, 500)
      expect(asServed(found)).toEqual(asServed(bookingsFilter(bookings, filter)))
      expect(requests, JSON.stringify(filter)).toBe(1)
    }
    // The budget counts the candidates the index lets through: here every no-show booking.
    const noShows = { ...range, query: 'EXAMPLE.ORG', status: 'no-show' as const }
    const expected = bookingsFilter(bookings, noShows)
    const paged = await searchAll(noShows, 500)
    expect(asServed(paged.found)).toEqual(asServed(expected))
    expect(expected.length).toBeGreaterThan(BUDGET * 3)
    expect(paged.requests).toBe(
      Math.ceil(expected.length / BUDGET) + (expected.length % BUDGET === 0 ? 1 : 0),
    )
  })

  it('pages latest first (order=desc) from the range’s end, the cursor going on backwards', async () => {
    const filter = { fromMs: NOW_MS - 200 * DAY_MS, toMs: NOW_MS, order: 'desc' as const }
    const first = (await (
      await app.request(searchPath(filter, 5), { admin: true })
    ).json()) as SearchAnswer
    const latest = bookingsFilter(bookings, filter).reverse()
    expect(first.bookings.map((b) => b.id)).toEqual(latest.slice(0, 5).map((b) => b.id))
    const second = (await (
      await app.request(`${searchPath(filter, 5)}&cursor=${first.next}`, { admin: true })
    ).json()) as SearchAnswer
    expect(second.bookings.map((b) => b.id)).toEqual(latest.slice(5, 10).map((b) => b.id))
  })

  it('answers an empty range at once, with nothing to go on with', async () => {
    const res = await app.request(
      searchPath(
        { fromMs: Date.parse('1990-01-01T00:00:00Z'), toMs: Date.parse('2000-01-01T00:00:00Z') },
        100,
      ),
      { admin: true },
    )
    expect(await res.json()).toEqual({ bookings: [], next: null })
  })

  it('needs the admin token and refuses bad input in words', async () => {
    const range = `from=${new Date(NOW_MS - 30 * DAY_MS).toISOString()}&to=${FIXTURE_NOW}`
    expect((await app.request(`/api/admin/bookings/search?${range}`)).status).toBe(401)
    for (const [query, words] of [
      [`${range}&status=lost`, 'status'],
      [`${range}&member=${encodeURIComponent('a b')}`, 'member'],
      [`${range}&limit=501`, 'limit'],
      [`${range}&cursor=not-a-cursor`, 'cursor'],
      [`from=${FIXTURE_NOW}&to=${new Date(NOW_MS - DAY_MS).toISOString()}`, 'before'],
      [`${range}&q=${'x'.repeat(201)}`, 'q'],
      [`${range}&order=newest`, 'order'],
    ] as const) {
      const res = await app.request(`/api/admin/bookings/search?${query}`, { admin: true })
      expect(res.status, query).toBe(400)
      expect(JSON.stringify(await res.json()), query).toContain(words)
    }
  })
})
