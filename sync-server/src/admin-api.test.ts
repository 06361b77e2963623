import { afterEach, describe, expect, it } from 'vitest'
import type { Booking } from '../../core/src/model/workspace'
import { bookingBody, FIXTURE_NOW, FREE_START, fixtureWorkspace } from './test-support/fixtures'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function start() {
  const clock = fixedClock(FIXTURE_NOW)
  app = await startTestApp({
    workspace: fixtureWorkspace(),
    clock,
    deps: { publicRateLimits: { perMinute: 100_000, writesPerMinute: 100_000 } },
  })
  return { a: app, clock }
}

async function book(a: TestApp, slug: string, start = FREE_START) {
  const res = await a.request(`/api/public/pages/${slug}/bookings`, {
    method: 'POST',
    body: bookingBody(start),
  })
  expect(res.status).toBe(201)
  return (await res.json()).booking as { id: string; manageToken: string }
}

async function stored(a: TestApp, id: string): Promise<Booking> {
  const res = await a.request(
    '/api/admin/bookings?from=2027-03-01T00:00:00.000Z&to=2027-04-01T00:00:00.000Z',
    {
      admin: true,
    },
  )
  return (await res.json()).bookings.find((b: { id: string }) => b.id === id)
}

describe('admin authentication', () => {
  it.each([
    ['GET', '/api/admin/bookings?from=2027-03-01T00:00:00.000Z&to=2027-04-01T00:00:00.000Z'],
    ['POST', '/api/admin/bookings/bk-1/reassign'],
    ['GET', '/api/admin/pools/pool-rr/stats'],
    ['GET', '/api/admin/conflicts'],
  ])('%s %s needs the admin token', async (method, path) => {
    const { a } = await start()
    const res = await a.request(path, { method, ...(method === 'POST' ? { body: {} } : {}) })
    expect(res.status).toBe(401)
  })
})

describe('GET /api/admin/bookings', () => {
  it('lists bookings overlapping the range with history and without manage tokens', async () => {
    const { a } = await start()
    const booking = await book(a, 'solo')
    const res = await a.request(
      '/api/admin/bookings?from=2027-03-11T10:15:00.000Z&to=2027-03-11T10:16:00.000Z',
      {
        admin: true,
      },
    )
    const { bookings } = await res.json()
    expect(bookings.map((b: { id: string }) => b.id)).toEqual([booking.id])
    expect(bookings[0].history[0]).toMatchObject({ action: 'created', by: 'customer' })
    // Why the booking went to Ana, for managers (never on the public endpoint).
    expect(bookings[0].history[0].reason).toContain('Ana Silva')
    expect(bookings[0].manageToken).toBeUndefined()
    const outside = await a.request(
      '/api/admin/bookings?from=2027-03-11T10:30:00.000Z&to=2027-03-11T11:00:00.000Z',
      {
        admin: true,
      },
    )
    expect((await outside.json()).bookings).toEqual([])
  })

  it('refuses an inverted range', async () => {
    const { a } = await start()
    const res = await a.request(
      '/api/admin/bookings?from=2027-03-12T00:00:00.000Z&to=2027-03-11T00:00:00.000Z',
      {
        admin: true,
      },
    )
    expect(res.status).toBe(400)
  })
})

describe('POST /api/admin/bookings/{id}/reassign', () => {
  it('moves the booking to a free member, keeps id, time and manage link, and records history', async () => {
    const { a } = await start()
    const booking = await book(a, 'solo')
    const res = await a.request(`/api/admin/bookings/${booking.id}/reassign`, {
      method: 'POST',
      admin: true,
      body: { toMemberId: 'm-eve', reason: 'Ana is sick', by: 'Maya (manager)' },
    })
    expect(res.status).toBe(200)
    const after = await stored(a, booking.id)
    expect(after).toMatchObject({ id: booking.id, start: FREE_START, hostMemberIds: ['m-eve'] })
    expect(after.history.at(-1)).toMatchObject({
      action: 'reassigned',
      fromMemberId: 'm-ana',
      toMemberId: 'm-eve',
      // The authenticated person (the admin token's bootstrap owner), not the body's `by`.
      by: 'Owner',
      reason: 'Ana is sick',
    })
    const customerView = await a.request(
      `/api/public/bookings/${booking.id}?token=${booking.manageToken}`,
    )
    expect((await customerView.json()).booking.hosts).toEqual([{ name: 'Eve' }])
    // Ana's time is free again.
    expect(
      (await a.request('/api/public/pages/solo/bookings', { method: 'POST', body: bookingBody() }))
        .status,
    ).toBe(201)
  })

  it('refuses a busy member with 409 member-unavailable unless forced, and records the override', async () => {
    const { a } = await start()
    const first = await book(a, 'solo')
    const evesOwn = await a.request('/api/public/pages/pooled/bookings', {
      method: 'POST',
      body: bookingBody(),
    })
    const evesHost = (await stored(a, (await evesOwn.json()).booking.id)).hostMemberIds[0]!
    const refused = await a.request(`/api/admin/bookings/${first.id}/reassign`, {
      method: 'POST',
      admin: true,
      body: { toMemberId: evesHost },
    })
    expect(refused.status).toBe(409)
    expect((await refused.json()).error.code).toBe('member-unavailable')
    expect((await stored(a, first.id)).hostMemberIds).toEqual(['m-ana'])
    const forced = await a.request(`/api/admin/bookings/${first.id}/reassign`, {
      method: 'POST',
      admin: true,
      body: { toMemberId: evesHost, force: true, reason: 'customer asked for them' },
    })
    expect(forced.status).toBe(200)
    expect((await stored(a, first.id)).history.at(-1)).toMatchObject({
      action: 'reassigned',
      forced: true,
    })
  })

  it.each([
    ['an unknown booking', 'bk-nope', { toMemberId: 'm-eve' }, 404],
    ['an unknown member', null, { toMemberId: 'm-nobody' }, 404],
    ['a body without a target', null, {}, 400],
  ])('refuses %s', async (_label, id, body, status) => {
    const { a } = await start()
    const booking = await book(a, 'solo')
    const res = await a.request(`/api/admin/bookings/${id ?? booking.id}/reassign`, {
      method: 'POST',
      admin: true,
      body,
    })
    expect(res.status).toBe(status)
  })

  it('refuses to reassign a cancelled booking with 422', async () => {
    const { a } = await start()
    const booking = await book(a, 'solo')
    await a.request(`/api/public/bookings/${booking.id}/cancel`, {
      method: 'POST',
      body: { token: booking.manageToken },
    })
    const res = await a.request(`/api/admin/bookings/${booking.id}/reassign`, {
      method: 'POST',
      admin: true,
      body: { toMemberId: 'm-eve' },
    })
    expect(res.status).toBe(422)
    expect((await res.json()).error.code).toBe('not-allowed')
  })
})

describe('GET /api/admin/pools/{id}/stats', () => {
  it('counts received and removed bookings per member in the current cycle', async () => {
    const { a } = await start()
    const booking = await book(a, 'rr')
    await book(a, 'rr', '2027-03-11T11:00:00.000Z')
    await a.request(`/api/public/bookings/${booking.id}/cancel`, {
      method: 'POST',
      body: { token: booking.manageToken },
    })
    const res = await a.request('/api/admin/pools/pool-rr/stats', { admin: true })
    expect(res.status).toBe(200)
    const stats = await res.json()
    expect(stats.cycle).toEqual({
      start: '2027-03-01T00:00:00.000Z',
      end: '2027-04-01T00:00:00.000Z',
    })
    const received = stats.members.reduce((n: number, m: { received: number }) => n + m.received, 0)
    const removed = stats.members.reduce((n: number, m: { removed: number }) => n + m.removed, 0)
    expect(received).toBe(2)
    expect(removed).toBe(1)
    expect((await a.request('/api/admin/pools/pool-nope/stats', { admin: true })).status).toBe(404)
  })

  it('lists the events of the asked cycle only, from the booking index', async () => {
    const { a } = await start()
    const first = await book(a, 'rr')
    const second = await book(a, 'rr', '2027-03-11T11:00:00.000Z')
    await a.request(`/api/public/bookings/${first.id}/cancel`, {
      method: 'POST',
      body: { token: first.manageToken },
    })
    const march = await (
      await a.request('/api/admin/pools/pool-rr/stats?events=1', { admin: true })
    ).json()
    const seen = march.events.map(
      (e: { bookingId: string; kind: string; reason: string | null }) => [
        e.bookingId,
        e.kind,
        e.kind === 'removed' ? e.reason : null,
      ],
    )
    // Both were booked at the same instant (a fixed clock): their order is not the point.
    expect(seen.map(String).toSorted()).toEqual(
      [
        [first.id, 'received', null],
        [second.id, 'received', null],
        [first.id, 'removed', 'cancelled'],
      ]
        .map(String)
        .toSorted(),
    )
    // The same changes were made in March: April's cycle has none.
    const april = await (
      await a.request('/api/admin/pools/pool-rr/stats?at=2027-04-15T00:00:00.000Z&events=1', {
        admin: true,
      })
    ).json()
    expect(april.events).toEqual([])
  })
})

describe('booking lifecycle', () => {
  it('marks bookings completed after their end, and admins can mark a no-show', async () => {
    const { a, clock } = await start()
    const first = await book(a, 'solo')
    const second = await book(a, 'solo', '2027-03-11T11:00:00.000Z')
    clock.set('2027-03-11T12:00:00.000Z')
    await a.teamslot.maintenance()
    expect((await stored(a, first.id)).status).toBe('completed')
    const noShow = await a.request(`/api/admin/bookings/${second.id}/no-show`, {
      method: 'POST',
      admin: true,
      body: { by: 'Maya' },
    })
    expect(noShow.status).toBe(200)
    expect((await stored(a, second.id)).status).toBe('no-show')
    const cancel = await a.request(`/api/public/bookings/${first.id}/cancel`, {
      method: 'POST',
      body: { token: first.manageToken },
    })
    expect(cancel.status).toBe(422)
  })
})

describe('the workspace time zone', () => {
  it('survives export and import, and cuts reporting cycles', async () => {
    const { a } = await start()
    const ws = await (await a.request('/api/admin/workspace', { admin: true })).json()
    expect(ws.timeZone).toBe('UTC')
    const put = await a.request('/api/admin/workspace', {
      method: 'PUT',
      admin: true,
      body: { ...ws, timeZone: 'Pacific/Auckland' },
    })
    expect(put.status).toBe(200)
    expect((await put.json()).timeZone).toBe('Pacific/Auckland')
    const exported = await (await a.request('/api/admin/workspace', { admin: true })).json()
    expect(exported.timeZone).toBe('Pacific/Auckland')
    // March 2027 in Auckland starts at midnight NZDT (UTC+13).
    const stats = await (await a.request('/api/admin/pools/pool-rr/stats', { admin: true })).json()
    expect(stats.cycle).toEqual({
      start: '2027-02-28T11:00:00.000Z',
      end: '2027-03-31T11:00:00.000Z',
    })
  })

  it('refuses an unknown zone on import and on a replicated push, changing nothing', async () => {
    const { a } = await start()
    const ws = await (await a.request('/api/admin/workspace', { admin: true })).json()
    const put = await a.request('/api/admin/workspace', {
      method: 'PUT',
      admin: true,
      body: { ...ws, timeZone: 'Mars/Olympus' },
    })
    expect(put.status).toBe(400)
    expect((await put.json()).error.problems).toEqual([
      { path: 'timeZone', message: 'unknown IANA time zone' },
    ])
    const push = await a.request('/replication/settings/0/push', {
      method: 'POST',
      admin: true,
      body: [{ newDocumentState: { id: 'workspace', timeZone: 'Mars/Olympus', _deleted: false } }],
    })
    expect(push.status).toBe(400)
    const pulled = await (
      await a.request('/replication/settings/0/pull?lwt=0&id=&limit=10', { admin: true })
    ).json()
    const current = pulled.documents[0]
    expect(current).toMatchObject({ id: 'workspace', timeZone: 'UTC' })
    const pushed = await a.request('/replication/settings/0/push', {
      method: 'POST',
      admin: true,
      body: [
        {
          newDocumentState: { ...current, timeZone: 'Europe/Berlin' },
          assumedMasterState: current,
        },
      ],
    })
    expect(pushed.status).toBe(200)
    expect(await pushed.json()).toEqual([])
    const exported = await (await a.request('/api/admin/workspace', { admin: true })).json()
    expect(exported.timeZone).toBe('Europe/Berlin')
  })
})
