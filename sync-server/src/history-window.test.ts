import { afterEach, describe, expect, it } from 'vitest'
import { cycleBounds, poolStats } from '../../core/src/distribution'
import type { Workspace } from '../../core/src/model/workspace'
import { bookingDecide, pageAvailability } from '../../core/src/booking'
import { bookingBody, FIXTURE_NOW, fixtureWorkspace } from './test-support/fixtures'
import { historyBooking, historySetup } from './test-support/history-workspace'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const clock = () => fixedClock(FIXTURE_NOW)
const limits = { publicRateLimits: { perMinute: 100_000, writesPerMinute: 100_000 } }

/** A public booking request of `start` on page `slug`. */
function bookingPost(a: TestApp, slug: string, start: string) {
  return a.request(`/api/public/pages/${slug}/bookings`, {
    method: 'POST',
    body: bookingBody(start),
  })
}

/** A public booking of `start` that must be refused (409); its answer. */
async function bookRefused(a: TestApp, slug: string, start: string) {
  const res = await bookingPost(a, slug, start)
  expect(res.status).toBe(409)
  return res
}

async function book(a: TestApp, slug: string, start: string) {
  const res = await bookingPost(a, slug, start)
  expect(res.status).toBe(201)
  return (await res.json()).booking as { id: string; manageToken: string }
}

/** The pool statistics core computes by replaying every exported booking. */
async function replayedStats(a: TestApp, poolId: string, nowIso: string) {
  const ws: Workspace = await (await a.request('/api/admin/workspace', { admin: true })).json()
  const pool = ws.pools.find((p) => p.id === poolId)!
  const {
    events: _events,
    ledger: _ledger,
    ...stats
  } = poolStats(
    pool,
    ws.bookings,
    ws.panels,
    cycleBounds(pool.reportingCycle, Date.parse(nowIso), ws.timeZone ?? 'UTC'),
  )
  return stats
}

describe('the server keeps a booking window and pool ledgers, not all history', () => {
  it('counts pool statistics exactly as replaying history does, before and after a restart', async () => {
    const time = clock()
    app = await startTestApp({ workspace: fixtureWorkspace(), clock: time, deps: limits })
    const made = []
    for (const day of ['11', '12', '15', '16', '17']) {
      made.push(await book(app, 'rr', `2027-03-${day}T10:00:00.000Z`))
      made.push(await book(app, 'rr', `2027-03-${day}T11:00:00.000Z`))
    }
    const cancelled = await app.request(`/api/public/bookings/${made[3]!.id}/cancel`, {
      method: 'POST',
      body: { token: made[3]!.manageToken },
    })
    expect(cancelled.status).toBe(200)
    // Three weeks later the March bookings left the window but still count for March.
    time.set('2027-03-31T12:00:00.000Z')
    await app.teamslot.maintenance()
    const served = await (
      await app.request('/api/admin/pools/pool-rr/stats', { admin: true })
    ).json()
    const replayed = await replayedStats(app, 'pool-rr', '2027-03-31T12:00:00.000Z')
    expect(served).toEqual(replayed)
    expect(served.members.reduce((n: number, m: { received: number }) => n + m.received, 0)).toBe(
      10,
    )

    const dataDir = app.dataDir
    await app.close()
    app = await startTestApp({ dataDir, clock: time, deps: limits })
    const again = await (
      await app.request('/api/admin/pools/pool-rr/stats', { admin: true })
    ).json()
    expect(again).toEqual(replayed)
  })

  it('completes a backlog of ended bookings in several writes, every one of them', async () => {
    // 250 meetings of the last week, half an hour apart, ended by now: more than one write's worth.
    const nowMs = Date.parse(FIXTURE_NOW)
    const firstMs = nowMs - 7 * 24 * 3_600_000
    const bookings = Array.from({ length: 250 }, (_, i) => {
      const startMs = firstMs + i * 30 * 60_000
      const booking = historyBooking(i)
      return {
        ...booking,
        start: new Date(startMs).toISOString(),
        end: new Date(startMs + 30 * 60_000).toISOString(),
        history: booking.history.map((entry) => ({
          ...entry,
          at: new Date(startMs - 3_600_000).toISOString(),
        })),
      }
    })
    app = await startTestApp({
      workspace: { ...historySetup(), bookings },
      clock: clock(),
      deps: limits,
    })
    await app.teamslot.maintenance()
    const ws: Workspace = await (await app.request('/api/admin/workspace', { admin: true })).json()
    const statuses = ws.bookings.map((b) => b.status)
    expect(statuses.filter((status) => status === 'scheduled')).toEqual([])
    expect(statuses.filter((status) => status === 'completed')).toHaveLength(
      bookings.filter((b) => b.status === 'scheduled').length,
    )
  })

  it('still finds a booking of long ago by its id: the manage link and a no-show work', async () => {
    const time = clock()
    app = await startTestApp({ workspace: fixtureWorkspace(), clock: time, deps: limits })
    const old = await book(app, 'solo', '2027-03-11T10:00:00.000Z')
    time.set('2027-05-01T12:00:00.000Z')
    await app.teamslot.maintenance()
    const seen = await app.request(`/api/public/bookings/${old.id}?token=${old.manageToken}`)
    expect(seen.status).toBe(200)
    expect((await seen.json()).booking.status).toBe('completed')
    const noShow = await app.request(`/api/admin/bookings/${old.id}/no-show`, {
      method: 'POST',
      admin: true,
      body: { by: 'Maya' },
    })
    expect(noShow.status).toBe(200)
    expect((await noShow.json()).booking.status).toBe('no-show')
    const listed = await app.request(
      '/api/admin/bookings?from=2027-03-11T00:00:00.000Z&to=2027-03-12T00:00:00.000Z',
      { admin: true },
    )
    expect((await listed.json()).bookings.map((b: { id: string }) => b.id)).toEqual([old.id])
    const stats = await (
      await app.request('/api/admin/pools/pool-rr/stats', { admin: true })
    ).json()
    expect(stats.cycle.start).toBe('2027-05-01T00:00:00.000Z')
  })

  it('refuses deleting an event type that only a booking of long ago still uses', async () => {
    const time = clock()
    const base = fixtureWorkspace()
    const extra = { ...base.eventTypes[0]!, id: 'et-old', name: 'Old call' }
    const workspace = {
      ...base,
      eventTypes: [...base.eventTypes, extra],
      masterPages: base.masterPages.map((page) =>
        page.slug === 'solo' ? { ...page, eventTypeIds: [...page.eventTypeIds, 'et-old'] } : page,
      ),
      bookingPages: base.bookingPages.map((page) =>
        page.memberId === 'm-ana'
          ? { ...page, eventTypeIds: [...page.eventTypeIds, 'et-old'] }
          : page,
      ),
    }
    app = await startTestApp({ workspace, clock: time, deps: limits })
    const res = await app.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: { ...bookingBody('2027-03-11T10:00:00.000Z'), eventTypeId: 'et-old' },
    })
    expect(res.status).toBe(201)
    // Nothing but that booking uses et-old once the pages stop offering it.
    const ws = await (await app.request('/api/admin/workspace', { admin: true })).json()
    const put = await app.request('/api/admin/workspace', {
      method: 'PUT',
      admin: true,
      body: {
        ...ws,
        masterPages: base.masterPages,
        bookingPages: base.bookingPages,
      },
    })
    expect(put.status).toBe(200)
    time.set('2027-06-01T12:00:00.000Z')
    await app.teamslot.maintenance()
    const pulled = await (
      await app.request('/replication/eventtypes/1/pull?lwt=0&id=&limit=50', { admin: true })
    ).json()
    const old = pulled.documents.find((d: { id: string }) => d.id === 'et-old')
    const push = await app.request('/replication/eventtypes/1/push', {
      method: 'POST',
      admin: true,
      body: [{ newDocumentState: { ...old, _deleted: true }, assumedMasterState: old }],
    })
    expect(push.status).toBe(400)
    expect((await push.json()).error.problems[0]).toContain('1 booking')
  })

  it("counts a capped member's bookings of the whole week, even days away from the start", async () => {
    const fixture = fixtureWorkspace()
    const workspace = {
      ...fixture,
      members: fixture.members.map((m) => (m.id === 'm-ana' ? { ...m, maxBookingsPerWeek: 2 } : m)),
    }
    app = await startTestApp({ workspace, clock: clock(), deps: limits })
    // Monday 09:00 lies over four days before Friday 16:00: beyond any busy span's reach, so
    // only the weekly cap can make it count.
    await book(app, 'solo', '2027-03-15T09:00:00.000Z')
    await book(app, 'solo', '2027-03-16T09:00:00.000Z')
    await bookRefused(app, 'solo', '2027-03-19T16:00:00.000Z')
    // The next week is open again.
    await book(app, 'solo', '2027-03-22T16:00:00.000Z')
    // Bookings later in a week count as much as earlier ones: Thursday and Friday close Monday.
    await book(app, 'solo', '2027-04-01T16:00:00.000Z')
    await book(app, 'solo', '2027-04-02T16:00:00.000Z')
    await bookRefused(app, 'solo', '2027-03-29T09:00:00.000Z')
  })

  it("decides for the others when one capped member's zone is unknown to this server", async () => {
    app = await startTestApp({ workspace: fixtureWorkspace(), clock: clock(), deps: limits })
    // Stored records are validated, but another machine's time zone data may know a zone this
    // one does not: written straight to the store, as an older server would have kept it.
    const ana = await app.teamslot.db.members.findOne('m-ana').exec()
    await ana!.incrementalPatch({ timeZone: 'Mars/Olympus_Mons', maxBookingsPerDay: 2 })
    expect(
      app.teamslot.service.decisionState().members.find((m) => m.id === 'm-ana'),
    ).toMatchObject({ timeZone: 'Mars/Olympus_Mons' })
    // The pool (Ben, Cai, Dee) books and answers availability as before.
    await book(app, 'pooled', '2027-03-15T09:00:00.000Z')
    const res = await app.request(
      '/api/public/pages/pooled/availability?eventTypeId=et-call&from=2027-03-15T00:00:00.000Z&to=2027-03-17T00:00:00.000Z',
    )
    expect(res.status).toBe(200)
  })

  it('answers availability and a refused start as core does on the whole workspace', async () => {
    // Caps, buffers and bookings on several days: what the server reads for a window (the
    // bookings whose busy time reaches it, capped members' own bookings of their cap's reach)
    // must decide exactly as every stored booking does.
    const fixture = fixtureWorkspace()
    const workspace: Workspace = {
      ...fixture,
      members: fixture.members.map((m) =>
        m.id === 'm-ana'
          ? { ...m, maxBookingsPerWeek: 3 }
          : m.id === 'm-ben'
            ? { ...m, maxBookingsPerDay: 2 }
            : m,
      ),
      eventTypes: fixture.eventTypes.map((t) => ({
        ...t,
        bufferBeforeMinutes: 10,
        bufferAfterMinutes: 20,
      })),
    }
    app = await startTestApp({ workspace, clock: clock(), deps: limits })
    // Ana's week of the 15th is full (weekly cap 3); the pooled bookings spread over two weeks.
    for (const at of ['11T10:00', '15T10:00', '16T14:00', '17T09:30']) {
      await book(app, 'solo', `2027-03-${at}:00.000Z`)
    }
    for (const at of ['11T11:00', '11T11:00', '12T15:30', '15T09:30', '15T16:00', '18T13:00']) {
      await book(app, 'pooled', `2027-03-${at}:00.000Z`)
    }
    const whole: Workspace = await (
      await app.request('/api/admin/workspace', { admin: true })
    ).json()
    const nowMs = Date.parse(FIXTURE_NOW)
    for (const slug of ['solo', 'pooled', 'rr', 'panel']) {
      const page = whole.masterPages.find((p) => p.slug === slug)!
      for (const [from, to] of [
        ['2027-03-10T00:00:00.000Z', '2027-03-24T00:00:00.000Z'],
        ['2027-03-16T13:30:00.000Z', '2027-03-16T15:00:00.000Z'],
      ] as const) {
        const res = await app.request(
          `/api/public/pages/${slug}/availability?eventTypeId=et-call&from=${from}&to=${to}`,
        )
        const expected = pageAvailability(
          whole,
          {
            masterPageId: page.id,
            eventTypeId: 'et-call',
            fromMs: Date.parse(from),
            toMs: Date.parse(to),
          },
          nowMs,
        )
        expect(expected.ok).toBe(true)
        const slots = expected.ok ? expected.slots : []
        expect((await res.json()).slots.map((s: { start: string }) => s.start)).toEqual(
          slots.map((slot) => slot.start),
        )
      }
    }
    // Friday is beyond any busy span of Monday's booking: only the weekly cap refuses it, and the
    // alternatives come from the week each way.
    const res = await bookRefused(app, 'solo', '2027-03-19T16:00:00.000Z')
    const refused = bookingDecide(
      whole,
      {
        masterPageId: 'mp-solo',
        eventTypeId: 'et-call',
        startMs: Date.parse('2027-03-19T16:00:00.000Z'),
        customer: { name: 'Lee Park', email: 'lee@example.org', timeZone: 'America/New_York' },
        answers: {},
        createdVia: 'public',
        by: 'customer',
      },
      { nowMs, bookingId: 'bk-probe' },
    )
    expect(refused.ok).toBe(false)
    const alternatives = refused.ok ? [] : (refused.alternatives ?? [])
    expect(alternatives.length).toBeGreaterThan(0)
    expect((await res.json()).error.alternatives.map((s: { start: string }) => s.start)).toEqual(
      alternatives.map((slot) => slot.start),
    )
  })

  it('answers concurrent bookings of one slot with one success, committed in groups', async () => {
    app = await startTestApp({ workspace: fixtureWorkspace(), clock: clock(), deps: limits })
    const a = app
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => bookingPost(a, 'pooled', '2027-03-11T14:00:00.000Z')),
    )
    const statuses = answers.map((res) => res.status).sort()
    // Three pooled members: exactly three bookings, on distinct members; the rest refused.
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(statuses.filter((s) => s === 409)).toHaveLength(37)
    const ws = await (await a.request('/api/admin/workspace', { admin: true })).json()
    const hosts = ws.bookings.map((b: { hostMemberIds: string[] }) => b.hostMemberIds[0])
    expect(new Set(hosts).size).toBe(3)
  })

  it('writes bookings decided together in one transaction, each answered once durable', async () => {
    app = await startTestApp({ workspace: fixtureWorkspace(), clock: clock(), deps: limits })
    const { service } = app.teamslot
    const starts = ['11', '12', '15', '16'].flatMap((day) =>
      ['09', '10', '11', '12', '13'].map((hour) => `2027-03-${day}T${hour}:00:00.000Z`),
    )
    const outcomes = await Promise.all(
      starts.map((start) =>
        service.book(
          {
            masterPageId: 'mp-pooled',
            eventTypeId: 'et-call',
            startMs: Date.parse(start),
            bookingPageId: null,
            customer: { name: 'Lee', email: 'lee@example.org', timeZone: 'UTC' },
            answers: {},
            createdVia: 'public',
            by: 'customer',
          },
          null,
        ),
      ),
    )
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true)
    expect(service.commitStats()).toEqual({ batches: 1, bookings: 20 })
    const stored = await app.teamslot.db.bookings.count().exec()
    expect(stored).toBe(20)
  })
})
