import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { bookingBody, FIXTURE_NOW, FREE_START, fixtureWorkspace } from '../test-support/fixtures'
import { fixedClock, startTestApp } from '../test-support/test-app'
import type { TestApp } from '../test-support/test-app'

interface Received {
  readonly eventId: string
  readonly signature: string
  readonly body: string
}

/** A webhook receiver on loopback; `answer` decides each status (or holds the request). */
async function startReceiver() {
  const received: Received[] = []
  const waiters = new Set<() => void>()
  const held: ServerResponse[] = []
  const state = {
    received,
    answer: (_r: Received): number | 'hold' => 200,
    url: '',
    /** Resolves once `count` requests arrived; rejects after a bound. */
    waitFor(count: number, boundMs = 15_000): Promise<Received[]> {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (received.length < count) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(received.slice())
        }
        const timer = setTimeout(
          () => reject(new Error(`got ${received.length} requests`)),
          boundMs,
        )
        waiters.add(check)
        check()
      })
    },
    close(): Promise<void> {
      held.forEach((res) => res.destroy())
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const r = {
        eventId: String(req.headers['teamslot-event-id']),
        signature: String(req.headers['teamslot-signature']),
        body: Buffer.concat(chunks).toString('utf8'),
      }
      received.push(r)
      const status = state.answer(r)
      if (status === 'hold') held.push(res)
      else res.writeHead(status).end()
      waiters.forEach((check) => check())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
  return state
}

/** The receiver's check, as README shows it. */
function signatureIsValid(secret: string, header: string, body: string, nowSeconds: number) {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]))
  const t = Number(parts['t'])
  if (!Number.isFinite(t) || Math.abs(nowSeconds - t) > 300) return false
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest()
  const given = Buffer.from(parts['v1'] ?? '', 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

let app: TestApp | undefined
let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined
afterEach(async () => {
  await receiver?.close()
  await app?.close()
  app = receiver = undefined
})

async function start() {
  const clock = fixedClock(FIXTURE_NOW)
  receiver = await startReceiver()
  app = await startTestApp({
    workspace: fixtureWorkspace(),
    clock,
    deps: {
      publicRateLimits: { perMinute: 100_000, writesPerMinute: 100_000 },
      notify: { publicUrl: 'https://book.example.com', autoRun: false },
    },
  })
  return { a: app, clock, receiver }
}

async function subscribe(a: TestApp, url: string, events: string[] = ['*']) {
  const res = await a.request('/api/admin/webhooks', {
    method: 'POST',
    admin: true,
    body: { url, events },
  })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; secret: string; events: string[] }
}

async function book(a: TestApp) {
  const res = await a.request('/api/public/pages/solo/bookings', {
    method: 'POST',
    body: bookingBody(FREE_START),
  })
  expect(res.status).toBe(201)
  return (await res.json()).booking as { id: string; manageToken: string }
}

describe('webhooks', () => {
  it('posts each event signed with HMAC-SHA256, without the manage token', async () => {
    const { a, receiver: r } = await start()
    const hook = await subscribe(a, r.url)
    expect(hook.secret.length).toBeGreaterThanOrEqual(32)
    const booking = await book(a)
    await a.request(`/api/public/bookings/${booking.id}/cancel`, {
      method: 'POST',
      body: { token: booking.manageToken },
    })
    await a.teamslot.notifier.runOnce()
    const got = await r.waitFor(2)
    const bodies = got.map((g) => JSON.parse(g.body))
    expect(bodies.map((b) => [b.type, b.id, b.booking.status])).toEqual([
      ['booking.created', `ev.${booking.id}.0`, 'scheduled'],
      ['booking.cancelled', `ev.${booking.id}.1`, 'cancelled'],
    ])
    expect(bodies[0].occurredAt).toBe(FIXTURE_NOW)
    // The names behind the ids, as the booking stood at each event.
    const host = bodies[0].booking.hostMemberIds[0]
    expect(bodies[0].details).toMatchObject({
      eventType: { id: 'et-call', name: 'Call', durationMinutes: 30 },
      hosts: [{ id: host, email: `${host}@example.com`, timeZone: 'UTC' }],
    })
    expect(bodies[0].details.hosts[0].name).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/)
    expect(bodies[1].details.eventType.name).toBe('Call')
    for (const g of got) {
      expect(g.eventId).toBe(JSON.parse(g.body).id)
      expect(
        signatureIsValid(hook.secret, g.signature, g.body, Date.parse(FIXTURE_NOW) / 1000),
      ).toBe(true)
      expect(
        signatureIsValid(
          'another-secret-0123456789',
          g.signature,
          g.body,
          Date.parse(FIXTURE_NOW) / 1000,
        ),
      ).toBe(false)
      expect(g.body).not.toContain(booking.manageToken)
      expect(g.body).not.toContain('manageToken')
    }
  })

  it('retries after a 500 with growing delays, with the same event id and body', async () => {
    const { a, clock, receiver: r } = await start()
    const hook = await subscribe(a, r.url, ['booking.created'])
    let failures = 2
    r.answer = () => (failures-- > 0 ? 500 : 204)
    await book(a)
    await a.teamslot.notifier.runOnce()
    await r.waitFor(1)
    const log = async () =>
      (await (await a.request(`/api/admin/webhooks/${hook.id}/deliveries`, { admin: true })).json())
        .deliveries
    expect(await log()).toMatchObject([
      {
        type: 'booking.created',
        status: 'pending',
        attempts: 1,
        lastStatusCode: 500,
        nextAttemptAt: '2027-03-10T08:00:30.000Z',
        booking: { start: FREE_START, customerName: 'Lee Park' },
      },
    ])
    // The list says how its deliveries stand: one waiting to be tried again, and why.
    const summary = async () =>
      (await (await a.request('/api/admin/webhooks', { admin: true })).json()).webhooks[0]
        .deliveries
    expect(await summary()).toEqual({
      waiting: 1,
      retrying: 1,
      failed: 0,
      lastDeliveredAt: null,
      lastProblem: 'answered 500',
    })
    clock.set('2027-03-10T08:00:30.000Z')
    await a.teamslot.notifier.runOnce()
    await r.waitFor(2)
    expect((await log())[0]).toMatchObject({
      attempts: 2,
      nextAttemptAt: '2027-03-10T08:01:30.000Z',
    })
    clock.set('2027-03-10T08:01:30.000Z')
    await a.teamslot.notifier.runOnce()
    const got = await r.waitFor(3)
    expect((await log())[0]).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastStatusCode: 204,
    })
    expect(await summary()).toEqual({
      waiting: 0,
      retrying: 0,
      failed: 0,
      lastDeliveredAt: '2027-03-10T08:01:30.000Z',
      lastProblem: null,
    })
    // At least once: the receiver deduplicates by the event id, which never changes.
    expect(new Set(got.map((g) => g.eventId)).size).toBe(1)
    expect(new Set(got.map((g) => g.body)).size).toBe(1)
    await a.teamslot.notifier.runOnce()
    expect(r.received).toHaveLength(3)
  })

  it('gives up after 72 hours', async () => {
    const { a, clock, receiver: r } = await start()
    const hook = await subscribe(a, r.url)
    r.answer = () => 503
    await book(a)
    let attempts = 0
    for (let round = 0; round < 40; round++) {
      await a.teamslot.notifier.runOnce()
      const [delivery] = (
        await (await a.request(`/api/admin/webhooks/${hook.id}/deliveries`, { admin: true })).json()
      ).deliveries
      attempts = delivery.attempts
      if (delivery.status !== 'pending') {
        expect(delivery.status).toBe('failed')
        break
      }
      clock.set(delivery.nextAttemptAt)
    }
    expect(clock.now() - Date.parse(FIXTURE_NOW)).toBeLessThanOrEqual(72 * 3600_000)
    expect(clock.now() - Date.parse(FIXTURE_NOW)).toBeGreaterThan(60 * 3600_000)
    expect(attempts).toBeGreaterThan(10)
    expect(attempts).toBeLessThan(30)

    // Once the receiver is mended, an owner has a failed change tried again now: delivered.
    r.answer = () => 200
    const [failed] = (
      await (await a.request(`/api/admin/webhooks/${hook.id}/deliveries`, { admin: true })).json()
    ).deliveries
    const retry = (eventId: string, id = hook.id) =>
      a.request(`/api/admin/webhooks/${id}/deliveries/${encodeURIComponent(eventId)}/retry`, {
        method: 'POST',
        admin: true,
      })
    const retried = await retry(failed.eventId)
    expect(retried.status).toBe(200)
    expect((await retried.json()).delivery).toMatchObject({ status: 'pending', attempts })
    const before = r.received.length
    await a.teamslot.notifier.runOnce()
    await r.waitFor(before + 1)
    const [after] = (
      await (await a.request(`/api/admin/webhooks/${hook.id}/deliveries`, { admin: true })).json()
    ).deliveries
    expect(after).toMatchObject({ status: 'delivered', attempts: attempts + 1 })
    // Delivered already, unknown or malformed: refused, nothing sent.
    expect((await retry(failed.eventId)).status).toBe(422)
    expect((await retry('ev.bk-nothing.0')).status).toBe(404)
    expect((await retry('x'.repeat(400))).status).toBe(404)
    expect((await retry(failed.eventId, 'wh-nothing')).status).toBe(404)
    expect(r.received).toHaveLength(before + 1)
  })

  it('never lets a slow receiver delay a booking answer', async () => {
    const { a, receiver: r } = await start()
    await subscribe(a, r.url)
    r.answer = () => 'hold'
    await book(a)
    const delivering = a.teamslot.notifier.runOnce()
    await r.waitFor(1)
    // The receiver holds the first delivery; bookings are still answered.
    const second = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody('2027-03-11T11:00:00.000Z'),
    })
    expect(second.status).toBe(201)
    await r.close()
    receiver = undefined
    await delivering
  })

  it('refuses bad subscriptions, lists and removes them', async () => {
    const { a, receiver: r } = await start()
    for (const body of [
      { url: 'ftp://example.com', events: ['*'] },
      { url: 'https://user:pw@example.com', events: ['*'] },
      { url: 'https://example.com', events: [] },
      { url: 'https://example.com', events: ['booking.exploded'] },
      { url: 'https://example.com', events: ['*'], secret: 'short' },
    ]) {
      const res = await a.request('/api/admin/webhooks', { method: 'POST', admin: true, body })
      expect(res.status).toBe(400)
    }
    expect(
      (
        await a.request('/api/admin/webhooks', {
          method: 'POST',
          body: { url: r.url, events: ['*'] },
        })
      ).status,
    ).toBe(401)
    const hook = await subscribe(a, r.url, ['booking.created', 'booking.cancelled'])
    const listed = await (await a.request('/api/admin/webhooks', { admin: true })).json()
    expect(listed.webhooks).toEqual([
      {
        id: hook.id,
        url: r.url,
        events: ['booking.created', 'booking.cancelled'],
        createdAt: FIXTURE_NOW,
        deliveries: {
          waiting: 0,
          retrying: 0,
          failed: 0,
          lastDeliveredAt: null,
          lastProblem: null,
        },
      },
    ])
    expect(JSON.stringify(listed)).not.toContain(hook.secret)
    // The same address twice would send every change twice: refused in words, nothing added.
    const twice = await a.request('/api/admin/webhooks', {
      method: 'POST',
      admin: true,
      body: { url: r.url, events: ['*'] },
    })
    expect(twice.status).toBe(422)
    expect((await twice.json()).error.message).toBe(
      'this address already gets bookings; change which changes it is sent instead of adding it twice',
    )
    expect(
      (await (await a.request('/api/admin/webhooks', { admin: true })).json()).webhooks,
    ).toHaveLength(1)
    expect(
      (await a.request(`/api/admin/webhooks/${hook.id}`, { method: 'DELETE', admin: true })).status,
    ).toBe(204)
    expect(
      (await a.request(`/api/admin/webhooks/${hook.id}`, { method: 'DELETE', admin: true })).status,
    ).toBe(404)
    expect(
      (await a.request(`/api/admin/webhooks/${hook.id}/deliveries`, { admin: true })).status,
    ).toBe(404)
  })

  it('sends a test event on request, signed, stored nowhere, and says how it went', async () => {
    const { a, receiver: r } = await start()
    const hook = await subscribe(a, r.url, ['booking.created'])
    const test = async (id: string) =>
      a.request(`/api/admin/webhooks/${id}/test`, { method: 'POST', admin: true })
    const ok = await test(hook.id)
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ delivered: true, statusCode: 200, error: null })
    const [got] = await r.waitFor(1)
    const body = JSON.parse(got!.body)
    // A made-up booking from the team's own setup, so the receiver can map every field.
    expect(body).toMatchObject({
      id: got!.eventId,
      type: 'webhook.test',
      occurredAt: FIXTURE_NOW,
      booking: {
        eventTypeId: 'et-call',
        hostMemberIds: ['m-ana'],
        start: '2027-03-11T08:00:00.000Z',
        end: '2027-03-11T08:30:00.000Z',
        status: 'scheduled',
        customer: { name: 'Sample Customer', email: 'sample.customer@example.com' },
      },
      details: {
        eventType: { id: 'et-call', name: 'Call', durationMinutes: 30 },
        hosts: [{ id: 'm-ana', name: 'Ana Silva', email: 'm-ana@example.com', timeZone: 'UTC' }],
      },
    })
    expect(body.booking.id).toMatch(/^bk-sample-/)
    expect(got!.eventId).toMatch(/^ev\.test\./)
    expect(
      signatureIsValid(hook.secret, got!.signature, got!.body, Date.parse(FIXTURE_NOW) / 1000),
    ).toBe(true)
    // Not a delivery: nothing listed, nothing retried.
    const listed = await (
      await a.request(`/api/admin/webhooks/${hook.id}/deliveries`, { admin: true })
    ).json()
    expect(listed.deliveries).toEqual([])

    r.answer = () => 404
    const refused = await test(hook.id)
    expect(await refused.json()).toEqual({
      delivered: false,
      statusCode: 404,
      error: 'answered 404',
    })

    // A receiver that is not there: no status, the reason in words.
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const gone = await subscribe(a, `http://127.0.0.1:${port}/nobody`, ['*'])
    expect(await (await test(gone.id)).json()).toEqual({
      delivered: false,
      statusCode: null,
      error: 'nothing answers at that address (ECONNREFUSED)',
    })
    // Ports fetch never sends to (here SMTP's) are said so.
    const smtp = await subscribe(a, 'http://127.0.0.1:25/hooks', ['*'])
    expect((await (await test(smtp.id)).json()).error).toBe(
      'Teamslot may not send to that port; use another one',
    )

    expect((await test('wh-nothing')).status).toBe(404)
    expect(
      (await a.request(`/api/admin/webhooks/${hook.id}/test`, { method: 'POST' })).status,
    ).toBe(401)
  })

  it('changes which changes a webhook is sent, and gives it a new secret the old one no longer matches', async () => {
    const { a, receiver: r } = await start()
    const hook = await subscribe(a, r.url, ['booking.cancelled'])
    const patch = (body: unknown, id = hook.id) =>
      a.request(`/api/admin/webhooks/${id}`, { method: 'PATCH', admin: true, body })
    expect((await patch({ events: [] })).status).toBe(400)
    expect((await patch({ events: ['*'], url: 'https://elsewhere.example.com' })).status).toBe(400)
    expect((await patch({ events: ['*'] }, 'wh-nothing')).status).toBe(404)
    const changed = await patch({ events: ['booking.created', 'booking.created'] })
    expect(changed.status).toBe(200)
    expect(await changed.json()).toMatchObject({ id: hook.id, events: ['booking.created'] })
    await book(a)
    await a.teamslot.notifier.runOnce()
    const [created] = await r.waitFor(1)
    expect(JSON.parse(created!.body).type).toBe('booking.created')

    const renewed = await a.request(`/api/admin/webhooks/${hook.id}/secret`, {
      method: 'POST',
      admin: true,
    })
    expect(renewed.status).toBe(200)
    const { secret } = (await renewed.json()) as { secret: string }
    expect(secret).toMatch(/^whsec_/)
    expect(secret).not.toBe(hook.secret)
    await a.request(`/api/admin/webhooks/${hook.id}/test`, { method: 'POST', admin: true })
    const [, tested] = await r.waitFor(2)
    const nowSeconds = Date.parse(FIXTURE_NOW) / 1000
    expect(signatureIsValid(secret, tested!.signature, tested!.body, nowSeconds)).toBe(true)
    expect(signatureIsValid(hook.secret, tested!.signature, tested!.body, nowSeconds)).toBe(false)
    // Both changes are in the activity log, the secret itself nowhere but in the answer.
    const audit = await (await a.request('/api/admin/audit', { admin: true })).json()
    const fields = audit.entries
      .filter((e: { collection: string }) => e.collection === 'webhooks')
      .map((e: { action: string; fields: string[] }) => `${e.action}:${e.fields.join(',')}`)
    expect(fields).toEqual(expect.arrayContaining(['update:events', 'update:secret']))
    expect(JSON.stringify(audit)).not.toContain(secret)
  })
})
