import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../core/src/model/workspace'
import { bookingBody, FIXTURE_NOW, FREE_START, fixtureWorkspace } from './test-support/fixtures'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

/** api.md v1.1 on the public page API: booking-page links, what the page shows, the notice. */

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const LOGO = 'data:image/png;base64,iVBORw0KGgo='

/** The fixture workspace with a day of cancellation notice, a video location and branding. */
function v11Workspace(): Workspace {
  const ws = fixtureWorkspace()
  return {
    ...ws,
    members: ws.members.map((m) => (m.id === 'm-ana' ? { ...m, name: 'Ana Maria Silva' } : m)),
    eventTypes: ws.eventTypes.map((e) => ({
      ...e,
      cancelNoticeMinutes: 24 * 60,
      location: { type: 'video' as const, url: 'https://meet.example.com/teamslot' },
    })),
    masterPages: ws.masterPages.map((p) =>
      p.slug === 'solo'
        ? {
            ...p,
            branding: { logo: LOGO, accentColor: '#0f766e', description: 'Talk to us.' },
          }
        : p,
    ),
  }
}

async function start(now = FIXTURE_NOW) {
  const clock = fixedClock(now)
  app = await startTestApp({
    workspace: v11Workspace(),
    clock,
    deps: { publicRateLimits: { perMinute: 100_000, writesPerMinute: 100_000 } },
  })
  return { a: app, clock }
}

const WEEK = 'from=2027-03-10T00:00:00.000Z&to=2027-03-17T00:00:00.000Z'

async function exported(a: TestApp) {
  return (await (await a.request('/api/admin/workspace', { admin: true })).json()) as Workspace
}

describe('a booking page’s own link (/book/{bookingPageSlug})', () => {
  it('describes the member’s page by first name, without other members or e-mail addresses', async () => {
    const { a } = await start()
    const res = await a.request('/api/public/pages/ana')
    expect(res.status).toBe(200)
    const page = await res.json()
    expect(page).toMatchObject({
      slug: 'ana',
      title: 'Ana',
      kind: 'booking-page',
      assignment: { type: 'static' },
      branding: null,
      bookingPages: [],
      eventTypes: [{ id: 'et-call', name: 'Call', durationMinutes: 30 }],
    })
    expect(JSON.stringify(page)).not.toMatch(/Silva|@example\.com|m-ana/)
  })

  it('offers the member’s free times and books that member, through no master page', async () => {
    const { a } = await start()
    const slots = await a.request(`/api/public/pages/ana/availability?eventTypeId=et-call&${WEEK}`)
    expect(slots.status).toBe(200)
    expect((await slots.json()).slots.map((s: { start: string }) => s.start)).toContain(FREE_START)
    const res = await a.request('/api/public/pages/ana/bookings', {
      method: 'POST',
      body: bookingBody(),
    })
    expect(res.status).toBe(201)
    expect((await res.json()).booking.hosts).toEqual([{ name: 'Ana' }])
    const [stored] = (await exported(a)).bookings
    expect(stored).toMatchObject({ hostMemberIds: ['m-ana'], masterPageId: null, poolId: null })
    // The member's time is taken for every page now.
    const again = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(),
    })
    expect(again.status).toBe(409)
  })

  it('answers 404 for a slug that is neither kind', async () => {
    const { a } = await start()
    expect((await a.request('/api/public/pages/zoe')).status).toBe(404)
    expect(
      (await a.request('/api/public/pages/zoe/bookings', { method: 'POST', body: bookingBody() }))
        .status,
    ).toBe(404)
  })
})

describe('what the page and the booking show', () => {
  it('gives the page’s branding and each event type’s location kind and notice', async () => {
    const { a } = await start()
    const page = await (await a.request('/api/public/pages/solo')).json()
    expect(page.branding).toEqual({
      logo: LOGO,
      accentColor: '#0f766e',
      description: 'Talk to us.',
    })
    // The video link itself is given with the booking, not to every visitor.
    expect(page.eventTypes[0]).toMatchObject({
      location: { type: 'video' },
      cancelNoticeMinutes: 1440,
    })
    expect(JSON.stringify(page)).not.toContain('meet.example.com')
  })

  it('gives the booking its event, duration, location, zone and the customer’s deadline', async () => {
    const { a } = await start()
    const res = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(),
    })
    expect((await res.json()).booking).toMatchObject({
      start: FREE_START,
      hosts: [{ name: 'Ana' }],
      eventType: {
        name: 'Call',
        durationMinutes: 30,
        location: { type: 'video', url: 'https://meet.example.com/teamslot' },
        cancelNoticeMinutes: 1440,
      },
      timeZone: 'America/New_York',
      changeDeadline: '2027-03-10T10:00:00.000Z',
      canChange: true,
    })
  })
})

describe('the cancellation and reschedule notice', () => {
  async function bookedAt(a: TestApp) {
    const res = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(),
    })
    return (await res.json()).booking as { id: string; manageToken: string }
  }

  it('refuses the customer after the deadline with 422 naming it, and changes nothing', async () => {
    const { a, clock } = await start()
    const booking = await bookedAt(a)
    clock.set('2027-03-10T10:00:00.000Z') // 24 hours before 2027-03-11T10:00Z
    const shown = await (
      await a.request(`/api/public/bookings/${booking.id}?token=${booking.manageToken}`)
    ).json()
    expect(shown.booking.canChange).toBe(false)
    const cancel = await a.request(`/api/public/bookings/${booking.id}/cancel`, {
      method: 'POST',
      body: { token: booking.manageToken },
    })
    expect(cancel.status).toBe(422)
    const body = await cancel.json()
    expect(body.error.code).toBe('not-allowed')
    expect(body.error.message).toContain('2027-03-10T10:00:00.000Z')
    const move = await a.request(`/api/public/bookings/${booking.id}/reschedule`, {
      method: 'POST',
      body: { token: booking.manageToken, start: '2027-03-12T14:00:00.000Z' },
    })
    expect(move.status).toBe(422)
    const times = await a.request(
      `/api/public/bookings/${booking.id}/availability?token=${booking.manageToken}&${WEEK}`,
    )
    expect(times.status).toBe(422)
    expect((await exported(a)).bookings[0]).toMatchObject({
      status: 'scheduled',
      start: FREE_START,
    })
  })

  it('lets the customer act a minute before the deadline', async () => {
    const { a, clock } = await start()
    const booking = await bookedAt(a)
    clock.set('2027-03-10T09:59:00.000Z')
    const cancel = await a.request(`/api/public/bookings/${booking.id}/cancel`, {
      method: 'POST',
      body: { token: booking.manageToken },
    })
    expect(cancel.status).toBe(200)
  })

  it('still lets staff cancel after the customer’s deadline', async () => {
    const { a, clock } = await start()
    const booking = await bookedAt(a)
    clock.set('2027-03-11T09:30:00.000Z')
    const outcome = await a.teamslot.service.cancel(booking.id, 'Desk', 'called in')
    expect(outcome.ok).toBe(true)
  })
})

/** A stand-in for the built page (out/book): the headers do not depend on its content. */
function builtPage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'teamslot-book-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Book</title>')
  return dir
}

describe('the embeddable booking page', () => {
  it('is framed only by the allowed origins, and only when asked for with ?embed=1', async () => {
    const dir = builtPage()
    app = await startTestApp({
      workspace: v11Workspace(),
      clock: fixedClock(FIXTURE_NOW),
      deps: { bookPageDir: dir, embedOrigins: ['https://shop.example', 'http://localhost:8080'] },
    })
    const embedded = await app.request('/book/solo?embed=1')
    expect(embedded.headers.get('content-security-policy')).toContain(
      'frame-ancestors https://shop.example http://localhost:8080',
    )
    expect(embedded.headers.get('x-frame-options')).toBeNull()
    for (const path of ['/book/solo', '/book/solo?embed=0', '/book/solo/manage/bk-1?x=1']) {
      const res = await app.request(path)
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-frame-options')).toBe('DENY')
    }
  })

  it('stays unframeable with ?embed=1 when no origin is allowed', async () => {
    const dir = builtPage()
    app = await startTestApp({ workspace: v11Workspace(), deps: { bookPageDir: dir } })
    const res = await app.request('/book/solo?embed=1')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-frame-options')).toBe('DENY')
  })
})
