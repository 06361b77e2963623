import { afterEach, describe, expect, it, vi } from 'vitest'
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
  vi.restoreAllMocks()
  await app?.close()
  app = undefined
})

const GENERIC = { error: { code: 'internal', message: 'internal error' } }
const EMAIL = 'lee@example.org'

async function start() {
  const records: Record<string, unknown>[] = []
  app = await startTestApp({
    workspace: fixtureWorkspace(),
    clock: fixedClock(FIXTURE_NOW),
    deps: {
      logger: (record) => records.push({ ...record }),
      publicRateLimits: { perMinute: 100_000, writesPerMinute: 100_000 },
    },
  })
  const errors = () => records.filter((r) => r['level'] === 'error')
  return { a: app, records, errors }
}

/** The error entry of a 5xx: one stack frame at least, pointing into this code base. */
function expectStack(record: Record<string, unknown> | undefined) {
  const error = record?.['error'] as { stack: string[] } | undefined
  expect(error?.stack.length).toBeGreaterThan(0)
  expect(error?.stack.join('\n')).toMatch(/^at /)
}

describe('an internal error', () => {
  it('answers a public booking with the generic 500 and logs its stack without the customer data', async () => {
    const { a, errors } = await start()
    const secret = 'Zq9xR2mK7vLp4sT8wY1nB6cD3fG5hJ0a'
    vi.spyOn(a.teamslot.service, 'book').mockRejectedValue(
      new Error(`insert failed for ${EMAIL} (key ${secret})\nGiven parameters: {"name":"Lee"}`),
    )
    const res = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(FREE_START, { idempotencyKey: secret }),
    })
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual(GENERIC)
    expect(errors()).toHaveLength(1)
    const [entry] = errors()
    expect(entry).toMatchObject({
      level: 'error',
      method: 'POST',
      path: '/api/public/pages/solo/bookings',
      status: 500,
      error: { name: 'Error' },
    })
    expectStack(entry)
    const logged = JSON.stringify(entry)
    for (const leak of [EMAIL, secret, 'Lee']) expect(logged).not.toContain(leak)
    expect(logged).toContain('insert failed for')
  })

  it('answers a manage route with the generic 500 and logs neither the token nor the query', async () => {
    const { a, errors } = await start()
    const booked = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(),
    })
    const { id, manageToken } = (await booked.json()).booking as {
      id: string
      manageToken: string
    }
    vi.spyOn(a.teamslot.service, 'cancel').mockImplementation(() => {
      throw new Error(`cannot cancel ${id}: token ${manageToken} belongs to ${EMAIL}`)
    })
    const res = await a.request(`/api/public/bookings/${id}/cancel?token=${manageToken}`, {
      method: 'POST',
      body: { token: manageToken },
    })
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual(GENERIC)
    expect(text).not.toContain(manageToken)
    expect(errors()).toHaveLength(1)
    expectStack(errors()[0])
    const logged = JSON.stringify(errors()[0])
    expect(logged).not.toContain(manageToken)
    expect(logged).not.toContain(EMAIL)
    expect(errors()[0]!['path']).toBe(`/api/public/bookings/${id}/cancel`)
  })

  it('answers a failing replication push with the generic 500 (not the message) and logs it', async () => {
    const { a, errors } = await start()
    vi.spyOn(a.teamslot.service, 'replicatedPush').mockRejectedValue(
      new Error(`document for ${EMAIL} does not match`),
    )
    const res = await a.request('/replication/bookings/0/push', {
      method: 'POST',
      admin: true,
      body: [
        { newDocumentState: desktopBooking('bk-d', 'm-ana', FREE_START, '2027-03-11T10:30:00Z') },
      ],
    })
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual(GENERIC)
    expect(errors()).toHaveLength(1)
    expect(errors()[0]).toMatchObject({ path: '/replication/bookings/0/push', status: 500 })
    expectStack(errors()[0])
    expect(JSON.stringify(errors()[0])).not.toContain(EMAIL)
  })

  it('is not what a client error is: an unreadable body is a 400 and nothing is logged as an error', async () => {
    const { a, errors } = await start()
    const res = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      headers: { 'content-encoding': 'gzip' },
      body: 'this is not gzip',
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('invalid-request')
    expect(errors()).toEqual([])
  })
})
