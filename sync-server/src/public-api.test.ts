import type { AnyDoc } from './database'
import { afterEach, describe, expect, it } from 'vitest'
import {
  bookingBody,
  desktopBooking,
  FIXTURE_NOW,
  FREE_START,
  fixtureWorkspace,
} from './test-support/fixtures'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

let app: TestApp | undefined

afterEach(async () => {
  await app?.close()
  app = undefined
})

const HIGH_LIMITS = { perMinute: 100_000, writesPerMinute: 100_000 }

async function start(limits = HIGH_LIMITS) {
  app = await startTestApp({
    workspace: fixtureWorkspace(),
    clock: fixedClock(FIXTURE_NOW),
    deps: { publicRateLimits: limits },
  })
  return app
}

async function exportedBookings(a: TestApp) {
  return (await (await a.request('/api/admin/workspace', { admin: true })).json()).bookings as {
    id: string
    hostMemberIds: string[]
    status: string
  }[]
}

const WEEK = 'from=2027-03-10T00:00:00.000Z&to=2027-03-17T00:00:00.000Z'

describe('GET /api/public/pages/{slug}', () => {
  it('describes a rules page without booking pages and a customer-choice page with first names only', async () => {
    const a = await start()
    const routed = await (await a.request('/api/public/pages/routed')).json()
    expect(routed).toEqual({
      slug: 'routed',
      title: 'Routed',
      kind: 'master-page',
      assignment: { type: 'dynamic' },
      branding: null,
      eventTypes: [
        {
          id: 'et-call',
          name: 'Call',
          durationMinutes: 30,
          questions: fixtureWorkspace().eventTypes[0]!.questions,
          location: null,
          cancelNoticeMinutes: null,
          minNoticeMinutes: 60,
          maxDaysAhead: 30,
        },
      ],
      bookingPages: [],
    })
    const team = await (await a.request('/api/public/pages/team')).json()
    expect(team.assignment).toEqual({ type: 'customer-choice', flow: 'booking-pages-first' })
    expect(team.bookingPages.map((p: { name: string }) => p.name)).toEqual(['Ana', 'Ben'])
    expect(JSON.stringify(team)).not.toContain('@example.com')
  })

  it('answers 404 for an unknown page', async () => {
    const a = await start()
    const res = await a.request('/api/public/pages/nope')
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('not-found')
  })
})

describe('GET /api/public/pages/{slug}/availability', () => {
  it('lists sorted, unique free starts in [from, to) with their ends', async () => {
    const a = await start()
    const res = await a.request(`/api/public/pages/solo/availability?eventTypeId=et-call&${WEEK}`)
    expect(res.status).toBe(200)
    const { slots } = (await res.json()) as { slots: { start: string; end: string }[] }
    expect(slots.length).toBeGreaterThan(0)
    const starts = slots.map((s) => s.start)
    expect(starts).toEqual([...new Set(starts)].sort())
    for (const slot of slots) {
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(30 * 60_000)
      expect(slot.start >= '2027-03-10T09:00:00.000Z').toBe(true)
    }
    expect(starts).toContain(FREE_START)
  })

  it.each([
    [
      'no event type',
      'from=2027-03-10T00:00:00.000Z&to=2027-03-11T00:00:00.000Z',
      400,
      'invalid-request',
    ],
    [
      'an inverted range',
      'eventTypeId=et-call&from=2027-03-11T00:00:00.000Z&to=2027-03-10T00:00:00.000Z',
      400,
      'invalid-request',
    ],
    [
      'a 70-day range',
      'eventTypeId=et-call&from=2027-03-10T00:00:00.000Z&to=2027-05-19T00:00:00.000Z',
      400,
      'invalid-request',
    ],
    [
      'a date that is not an instant',
      'eventTypeId=et-call&from=next-week&to=2027-03-11T00:00:00.000Z',
      400,
      'invalid-request',
    ],
    ['an unknown event type', `eventTypeId=et-nope&${WEEK}`, 404, 'not-found'],
    [
      'an unknown time zone',
      `eventTypeId=et-call&timeZone=Mars/Olympus&${WEEK}`,
      400,
      'invalid-request',
    ],
  ])('refuses %s', async (_label, query, status, code) => {
    const a = await start()
    const res = await a.request(`/api/public/pages/solo/availability?${query}`)
    expect(res.status).toBe(status)
    expect((await res.json()).error.code).toBe(code)
  })
})

describe('round robin per day of the customer’s calendar (timeZone)', () => {
  it('offers each local day the first member in line with a time that day', async () => {
    // Ben, first in line (pool order, nobody booked), is off on Thursday 11 March.
    const ws = fixtureWorkspace()
    app = await startTestApp({
      workspace: {
        ...ws,
        members: ws.members.map((m) =>
          m.id === 'm-ben' ? { ...m, dateOverrides: [{ date: '2027-03-11', hours: [] }] } : m,
        ),
      },
      clock: fixedClock(FIXTURE_NOW),
      deps: { publicRateLimits: HIGH_LIMITS },
    })
    const a = app
    const slotsOf = async (from: string, to: string, zone?: string) => {
      const res = await a.request(
        `/api/public/pages/rr/availability?eventTypeId=et-call&from=${from}&to=${to}${zone ? `&timeZone=${encodeURIComponent(zone)}` : ''}`,
      )
      expect(res.status).toBe(200)
      return ((await res.json()) as { slots: { start: string }[] }).slots.map((s) => s.start)
    }
    // A week of London's days (UTC+0 in March): each day's times are what that day alone answers.
    const days = Array.from({ length: 7 }, (_, i) =>
      new Date(Date.parse('2027-03-10T00:00:00.000Z') + i * 86_400_000).toISOString(),
    )
    const perDay = await slotsOf(
      days[0]!,
      new Date(Date.parse(days[6]!) + 86_400_000).toISOString(),
      'Europe/London',
    )
    const expected: string[] = []
    for (const day of days) {
      expected.push(...(await slotsOf(day, new Date(Date.parse(day) + 86_400_000).toISOString())))
    }
    expect(perDay).toEqual(expected)
    // Thursday offers Cai's times; asked as one range without a zone, Ben's week leaves it empty.
    const thursday = (starts: string[]) => starts.filter((s) => s.startsWith('2027-03-11'))
    expect(thursday(perDay).length).toBeGreaterThan(0)
    const whole = await slotsOf(days[0]!, new Date(Date.parse(days[6]!) + 86_400_000).toISOString())
    expect(thursday(whole)).toEqual([])
  })
})

describe('POST /api/public/pages/{slug}/bookings', () => {
  it('books a free slot and returns the customer view with a manage token', async () => {
    const a = await start()
    const res = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(),
    })
    expect(res.status).toBe(201)
    const { booking } = await res.json()
    expect(booking).toMatchObject({
      eventTypeId: 'et-call',
      start: FREE_START,
      end: '2027-03-11T10:30:00.000Z',
      status: 'scheduled',
      hosts: [{ name: 'Ana' }],
    })
    expect(typeof booking.manageToken).toBe('string')
    expect(booking.manageToken.length).toBeGreaterThanOrEqual(24)
    const stored = await exportedBookings(a)
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({
      id: booking.id,
      hostMemberIds: ['m-ana'],
      status: 'scheduled',
    })
  })

  it('answers 409 with alternatives when the slot was just taken', async () => {
    const a = await start()
    expect(
      (await a.request('/api/public/pages/solo/bookings', { method: 'POST', body: bookingBody() }))
        .status,
    ).toBe(201)
    const res = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(),
    })
    expect(res.status).toBe(409)
    const body = await res.json()
    expect(body.error.code).toBe('slot-unavailable')
    expect(body.error.alternatives.length).toBeGreaterThan(0)
    expect(body.error.alternatives.map((s: { start: string }) => s.start)).not.toContain(FREE_START)
  })

  it('answers a time that is no longer far enough ahead with 409 and the free times after now', async () => {
    // A time shown to the customer can pass its notice while they fill in the form.
    const a = await start()
    const res = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(FIXTURE_NOW),
    })
    expect(res.status).toBe(409)
    const body = await res.json()
    expect(body.error.code).toBe('slot-unavailable')
    const starts: string[] = body.error.alternatives.map((s: { start: string }) => s.start)
    expect(starts.length).toBeGreaterThan(0)
    expect(starts.every((start) => Date.parse(start) > Date.parse(FIXTURE_NOW))).toBe(true)
    expect(await exportedBookings(a)).toHaveLength(0)
  })

  it('returns the first result for a repeated idempotency key and creates nothing new', async () => {
    const a = await start()
    const body = bookingBody(FREE_START, { idempotencyKey: 'retry-key-0001' })
    const first = await a.request('/api/public/pages/solo/bookings', { method: 'POST', body })
    const second = await a.request('/api/public/pages/solo/bookings', { method: 'POST', body })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect((await second.json()).booking.id).toBe((await first.json()).booking.id)
    expect(await exportedBookings(a)).toHaveLength(1)
  })

  it.each([
    [
      'another customer',
      { customer: { name: 'Mal Ory', email: 'mal@example.net', timeZone: 'UTC' } },
    ],
    [
      'another e-mail',
      { customer: { name: 'Lee Park', email: 'mal@example.net', timeZone: 'America/New_York' } },
    ],
    ['another start', { start: '2027-03-11T11:00:00.000Z' }],
    ['other answers', { answers: { region: 'AMER' } }],
    ['a booking page', { bookingPageId: 'bp-ana' }],
  ])(
    'refuses a repeated idempotency key with %s (422) and never reveals the first booking',
    async (_label, change) => {
      const a = await start()
      const key = { idempotencyKey: 'shared-key-0001' }
      const first = await a.request('/api/public/pages/solo/bookings', {
        method: 'POST',
        body: bookingBody(FREE_START, { ...key, answers: { region: 'EMEA' } }),
      })
      expect(first.status).toBe(201)
      const { booking } = await first.json()
      const second = await a.request('/api/public/pages/solo/bookings', {
        method: 'POST',
        body: bookingBody(FREE_START, { ...key, answers: { region: 'EMEA' }, ...change }),
      })
      expect(second.status).toBe(422)
      const text = await second.text()
      expect(JSON.parse(text).error).toMatchObject({ code: 'not-allowed' })
      expect(JSON.parse(text).error.message).toContain('idempotency key')
      expect(text).not.toContain(booking.id)
      expect(text).not.toContain(booking.manageToken)
      expect(await exportedBookings(a)).toHaveLength(1)
    },
  )

  it('replays a repeated key when only the spelling of the same request differs', async () => {
    const ws = fixtureWorkspace()
    const withNote = {
      ...ws,
      eventTypes: ws.eventTypes.map((e) => ({
        ...e,
        questions: [
          ...e.questions,
          { id: 'note', label: 'Note', type: 'text' as const, required: false },
        ],
      })),
    }
    const a = (app = await startTestApp({
      workspace: withNote,
      clock: fixedClock(FIXTURE_NOW),
      deps: { publicRateLimits: HIGH_LIMITS },
    }))
    const body = (start: string, answers: Record<string, string>) =>
      bookingBody(start, { idempotencyKey: 'spelling-key-01', answers })
    const first = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: body(FREE_START, { region: 'EMEA', note: 'hi' }),
    })
    const again = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: body('2027-03-11T11:00:00+01:00', { note: 'hi', region: 'EMEA' }),
    })
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(await again.json()).toEqual(await first.json())
    expect(await exportedBookings(a)).toHaveLength(1)
    const listed = await (await a.request(`/api/admin/bookings?${WEEK}`, { admin: true })).json()
    expect(Object.keys(listed.bookings[0])).not.toContain('requestHash')
  })

  it('refuses a key whose booking was stored without a request fingerprint', async () => {
    const a = await start()
    // A store written before fingerprints existed (clients cannot write these server fields).
    const { _deleted: _d, ...legacy } = {
      ...desktopBooking('bk-legacy', 'm-ana', FREE_START, '2027-03-11T10:30:00.000Z'),
      masterPageId: 'mp-solo',
      createdVia: 'public',
      idempotencyKey: 'mp-solo:legacy-key-01',
    }
    await a.teamslot.db.bookings.insert(legacy as unknown as AnyDoc)
    const res = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody('2027-03-12T10:00:00.000Z', { idempotencyKey: 'legacy-key-01' }),
    })
    expect(res.status).toBe(422)
    expect(await res.text()).not.toContain('bk-legacy')
  })

  it('gives 50 concurrent requests for one slot of a one-member page exactly one success', async () => {
    const a = await start()
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        a.request('/api/public/pages/solo/bookings', { method: 'POST', body: bookingBody() }),
      ),
    )
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(49)
    expect(await exportedBookings(a)).toHaveLength(1)
  })

  it('gives 50 concurrent requests on a 3-member pooled page exactly three successes on different members', async () => {
    const a = await start()
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        a.request('/api/public/pages/pooled/bookings', { method: 'POST', body: bookingBody() }),
      ),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(3)
    const stored = await exportedBookings(a)
    expect(stored).toHaveLength(3)
    expect(new Set(stored.map((b) => b.hostMemberIds[0]))).toEqual(
      new Set(['m-ben', 'm-cai', 'm-dee']),
    )
  })

  it('never double-books a member across different pages competing for the same time', async () => {
    const a = await start()
    const pages = ['pooled', 'rr', 'routed', 'panel', 'pooled', 'rr']
    const results = await Promise.all(
      pages.flatMap((slug) =>
        Array.from({ length: 5 }, () =>
          a.request(`/api/public/pages/${slug}/bookings`, {
            method: 'POST',
            body: bookingBody(FREE_START, { answers: slug === 'routed' ? { region: 'EMEA' } : {} }),
          }),
        ),
      ),
    )
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true)
    const hosts = (await exportedBookings(a)).flatMap((b) => b.hostMemberIds)
    expect(hosts.length).toBe(new Set(hosts).size)
    expect(hosts.length).toBeGreaterThan(0)
  })

  it.each([
    ['malformed JSON', '{"eventTypeId":', 400, 'invalid-request'],
    [
      'a wrong-typed field',
      JSON.stringify(bookingBody(FREE_START, { start: 42 })),
      400,
      'invalid-request',
    ],
    [
      'a missing customer',
      JSON.stringify({ eventTypeId: 'et-call', start: FREE_START }),
      400,
      'invalid-request',
    ],
    [
      'an unknown time zone',
      JSON.stringify(
        bookingBody(FREE_START, {
          customer: { name: 'Lee', email: 'lee@example.org', timeZone: 'Mars/Olympus' },
        }),
      ),
      400,
      'invalid-request',
    ],
    [
      'a script tag in the name',
      JSON.stringify(
        bookingBody(FREE_START, {
          customer: {
            name: '<script>alert(1)</script>',
            email: 'lee@example.org',
            timeZone: 'UTC',
          },
        }),
      ),
      400,
      'invalid-request',
    ],
    [
      'a bad email',
      JSON.stringify(
        bookingBody(FREE_START, {
          customer: { name: 'Lee', email: 'not-an-email', timeZone: 'UTC' },
        }),
      ),
      400,
      'invalid-request',
    ],
    [
      'an impossible time',
      JSON.stringify(bookingBody('2027-02-30T10:00:00.000Z')),
      400,
      'invalid-request',
    ],
    [
      'a time outside working hours',
      JSON.stringify(bookingBody('2027-03-11T03:00:00.000Z')),
      409,
      'slot-unavailable',
    ],
    [
      'a time in the past',
      JSON.stringify(bookingBody('2027-03-01T10:00:00.000Z')),
      409,
      'slot-unavailable',
    ],
    [
      'an unknown event type',
      JSON.stringify(bookingBody(FREE_START, { eventTypeId: 'et-nope' })),
      404,
      'not-found',
    ],
    [
      'an answer outside the options',
      JSON.stringify(bookingBody(FREE_START, { answers: { region: 'MARS' } })),
      400,
      'invalid-request',
    ],
  ])('refuses %s and changes nothing', async (_label, body, status, code) => {
    const a = await start()
    const res = await a.request('/api/public/pages/solo/bookings', { method: 'POST', body })
    expect(res.status).toBe(status)
    expect((await res.json()).error.code).toBe(code)
    expect(await exportedBookings(a)).toHaveLength(0)
  })

  it('refuses a 2 MB body with 413 and changes nothing', async () => {
    const a = await start()
    const huge = JSON.stringify(
      bookingBody(FREE_START, { answers: { region: 'x'.repeat(2 * 1024 * 1024) } }),
    )
    const res = await a.request('/api/public/pages/solo/bookings', { method: 'POST', body: huge })
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('payload-too-large')
    expect(await exportedBookings(a)).toHaveLength(0)
  })

  it('answers 429 once a client exceeds its booking rate', async () => {
    const a = await start({ perMinute: 1000, writesPerMinute: 3 })
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await a.request('/api/public/pages/solo/bookings', {
            method: 'POST',
            body: bookingBody('2027-03-12T10:00:00.000Z'),
          })
        ).status,
      )
    }
    expect(statuses.slice(3)).toEqual([429, 429])
    const limited = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(),
    })
    expect((await limited.json()).error.code).toBe('rate-limited')
  })
})

describe('the customer manage link', () => {
  async function booked(a: TestApp) {
    const res = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(),
    })
    return (await res.json()).booking as { id: string; manageToken: string }
  }

  it('shows the booking to its token and hides it from a wrong token', async () => {
    const a = await start()
    const booking = await booked(a)
    const mine = await a.request(`/api/public/bookings/${booking.id}?token=${booking.manageToken}`)
    expect(mine.status).toBe(200)
    expect((await mine.json()).booking).toMatchObject({ id: booking.id, hosts: [{ name: 'Ana' }] })
    const wrong = await a.request(`/api/public/bookings/${booking.id}?token=guess`)
    expect(wrong.status).toBe(404)
    const missing = await a.request(`/api/public/bookings/${booking.id}`)
    expect(missing.status).toBe(400)
  })

  it('cancels, frees the time at once, and refuses a second cancellation', async () => {
    const a = await start()
    const booking = await booked(a)
    const cancel = await a.request(`/api/public/bookings/${booking.id}/cancel`, {
      method: 'POST',
      body: { token: booking.manageToken, reason: 'cannot make it' },
    })
    expect(cancel.status).toBe(200)
    expect((await cancel.json()).booking.status).toBe('cancelled')
    const again = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(),
    })
    expect(again.status).toBe(201)
    const twice = await a.request(`/api/public/bookings/${booking.id}/cancel`, {
      method: 'POST',
      body: { token: booking.manageToken },
    })
    expect(twice.status).toBe(422)
    expect((await twice.json()).error.code).toBe('not-allowed')
  })

  it('reschedules with the same host and offers reschedule times', async () => {
    const a = await start()
    const booking = await booked(a)
    const slots = await a.request(
      `/api/public/bookings/${booking.id}/availability?token=${booking.manageToken}&${WEEK}`,
    )
    expect(slots.status).toBe(200)
    const offered = (await slots.json()).slots as { start: string; hosts: { name: string }[] }[]
    expect(offered.map((s) => s.start)).toContain('2027-03-12T14:00:00.000Z')
    // Each time names whom the customer would meet (first names only, no ids).
    expect(offered.find((s) => s.start === '2027-03-12T14:00:00.000Z')?.hosts).toEqual([
      { name: 'Ana' },
    ])
    const res = await a.request(`/api/public/bookings/${booking.id}/reschedule`, {
      method: 'POST',
      body: { token: booking.manageToken, start: '2027-03-12T14:00:00.000Z' },
    })
    expect(res.status).toBe(200)
    expect((await res.json()).booking).toMatchObject({
      id: booking.id,
      start: '2027-03-12T14:00:00.000Z',
      hosts: [{ name: 'Ana' }],
    })
    const stored = await exportedBookings(a)
    expect(stored).toHaveLength(1)
    expect(stored[0]!.status).toBe('rescheduled')
  })

  it.each([
    [
      'without the field',
      (doc: Record<string, unknown>) => {
        const { manageToken: _omitted, ...rest } = doc
        return rest
      },
    ],
    ['with null', (doc: Record<string, unknown>) => ({ ...doc, manageToken: null })],
    ['with an empty string', (doc: Record<string, unknown>) => ({ ...doc, manageToken: '' })],
  ])(
    'answers a booking stored %s as a manage token exactly like an unknown id, on every route',
    async (_label, shape) => {
      const a = await start()
      const doc = shape(desktopBooking('bk-desk', 'm-ana', FREE_START, '2027-03-11T10:30:00.000Z'))
      const push = await a.request('/replication/bookings/0/push', {
        method: 'POST',
        admin: true,
        body: [{ newDocumentState: doc }],
      })
      expect(push.status).toBe(200)
      const routes = (id: string) => [
        a.request(`/api/public/bookings/${id}?token=anything-at-all`),
        a.request(`/api/public/bookings/${id}/availability?token=anything-at-all&${WEEK}`),
        a.request(`/api/public/bookings/${id}/cancel`, {
          method: 'POST',
          body: { token: 'anything-at-all' },
        }),
        a.request(`/api/public/bookings/${id}/reschedule`, {
          method: 'POST',
          body: { token: 'anything-at-all', start: '2027-03-12T14:00:00.000Z' },
        }),
      ]
      const answer = async (res: Promise<Response>) => {
        const r = await res
        return { status: r.status, body: await r.text() }
      }
      const stored = await Promise.all(routes('bk-desk').map(answer))
      const unknown = await Promise.all(routes('bk-unknown').map(answer))
      expect(stored).toEqual(unknown)
      for (const r of stored) expect(r.status).toBe(404)
    },
  )
})
