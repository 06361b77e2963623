import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH } from './http/json-body'
import { bookingBody, FIXTURE_NOW, FREE_START, fixtureWorkspace } from './test-support/fixtures'
import { fixedClock, startTestApp, TEST_TOKEN } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function start() {
  const records: Record<string, unknown>[] = []
  app = await startTestApp({
    workspace: fixtureWorkspace(),
    clock: fixedClock(FIXTURE_NOW),
    deps: {
      logger: (record) => records.push(record),
      requestLog: false,
      publicRateLimits: { perMinute: 100_000, writesPerMinute: 100_000 },
    },
  })
  return { a: app, errors: records }
}

/** Every route that takes a JSON body, with a body it accepts (up to its own decision). */
const BODY_ROUTES: readonly { path: string; admin: boolean; method: string; body: unknown }[] = [
  { path: '/api/public/pages/solo/bookings', admin: false, method: 'POST', body: bookingBody() },
  {
    path: '/api/public/bookings/bk-x/cancel',
    admin: false,
    method: 'POST',
    body: { token: 'some-token' },
  },
  {
    path: '/api/public/bookings/bk-x/reschedule',
    admin: false,
    method: 'POST',
    body: { token: 'some-token', start: FREE_START },
  },
  {
    path: '/api/admin/bookings/bk-x/reassign',
    admin: true,
    method: 'POST',
    body: { toMemberId: 'm-eve' },
  },
  { path: '/api/admin/workspace', admin: true, method: 'PUT', body: fixtureWorkspace() },
  { path: '/replication/members/1/push', admin: true, method: 'POST', body: [] },
]

function send(
  a: TestApp,
  route: (typeof BODY_ROUTES)[number],
  body: string | Buffer,
  headers: Record<string, string> = {},
) {
  return fetch(a.url + route.path, {
    method: route.method,
    headers: {
      'content-type': 'application/json',
      ...(route.admin ? { authorization: `Bearer ${TEST_TOKEN}` } : {}),
      ...headers,
    },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  })
}

/** `{"a":[[…[1]…]]}`: arrays nested inside one object, `depth` levels in all. */
function nested(depth: number): string {
  return `{"a":${'['.repeat(depth - 1)}1${']'.repeat(depth - 1)}}`
}

describe('request bodies', () => {
  it.each(BODY_ROUTES.map((route) => [route.path, route] as const))(
    '%s: refuses bodies it cannot decode with 400 and accepts a well-formed gzip body',
    async (_path, route) => {
      const { a, errors } = await start()
      const json = JSON.stringify(route.body)
      const undecodable: [Buffer | string, Record<string, string>][] = [
        ['not gzip at all', { 'content-encoding': 'gzip' }],
        ['not deflate either', { 'content-encoding': 'deflate' }],
        [gzipSync(json).subarray(0, 12), { 'content-encoding': 'gzip' }],
        [json, { 'content-encoding': 'br' }],
        [json, { 'content-encoding': 'x-unheard-of' }],
      ]
      for (const [body, headers] of undecodable) {
        const res = await send(a, route, body, headers)
        expect(res.status).toBe(400)
        expect((await res.json()).error.code).toBe('invalid-request')
      }
      const gzipped = await send(a, route, gzipSync(json), { 'content-encoding': 'gzip' })
      expect(gzipped.status).not.toBe(400)
      expect(gzipped.status).toBeLessThan(500)
      expect(errors).toEqual([])
    },
  )

  it.each(BODY_ROUTES.map((route) => [route.path, route] as const))(
    '%s: refuses JSON nested deeper than the limit with 400, before the handler',
    async (_path, route) => {
      const { a, errors } = await start()
      for (const body of [nested(MAX_JSON_DEPTH + 1), '['.repeat(40_000) + ']'.repeat(40_000)]) {
        const res = await send(a, route, body)
        expect(res.status).toBe(400)
        const { error } = await res.json()
        expect(error.code).toBe('invalid-request')
        expect(error.message).toContain(`deeper than ${MAX_JSON_DEPTH}`)
      }
      // Brackets inside strings are text, not nesting.
      const inString = JSON.stringify({ ...(route.body as object), note: '['.repeat(100) })
      const res = await send(a, route, Array.isArray(route.body) ? '[]' : inString)
      expect((await res.text()).includes('deeper than')).toBe(false)
      expect(errors).toEqual([])
    },
  )

  it('accepts a body exactly at the nesting limit', async () => {
    const { a } = await start()
    const res = await send(a, BODY_ROUTES[0]!, nested(MAX_JSON_DEPTH))
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).not.toContain('deeper than')
  })

  it.each([
    [
      'answers',
      '/api/public/pages/solo/bookings',
      false,
      `{"eventTypeId":"et-call","start":"${FREE_START}","customer":{"name":"Lee","email":"lee@example.org","timeZone":"UTC"},"answers":{"__proto__":{"isAdmin":true}}}`,
    ],
    [
      'escaped answers key',
      '/api/public/pages/solo/bookings',
      false,
      `{"eventTypeId":"et-call","start":"${FREE_START}","customer":{"name":"Lee","email":"lee@example.org","timeZone":"UTC"},"answers":{"\\u005f_proto__":"x"}}`,
    ],
    [
      'a nested object',
      '/api/public/bookings/bk-x/cancel',
      false,
      '{"token":"t","x":{"y":[{"__proto__":{"polluted":1}}]}}',
    ],
    [
      'a pushed document',
      '/replication/members/1/push',
      true,
      '[{"newDocumentState":{"id":"m-x","__proto__":{"active":true}}}]',
    ],
    ['the workspace', '/api/admin/workspace', true, '{"version":1,"__proto__":{"members":[]}}'],
  ])('refuses a __proto__ key in %s with 400', async (_label, path, admin, raw) => {
    const { a } = await start()
    const res = await send(
      a,
      { path, admin, method: path.endsWith('workspace') ? 'PUT' : 'POST', body: null },
      raw,
    )
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.code).toBe('invalid-request')
    expect(error.message).toContain('__proto__')
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined()
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})

const RESERVED = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']

describe('prototype-named ids', () => {
  it.each(RESERVED)(
    'are refused with 400 in every public and admin route parameter: %s',
    async (id) => {
      const { a } = await start()
      const requests: [string, Parameters<TestApp['request']>[1]][] = [
        [`/api/public/bookings/${id}?token=some-token`, {}],
        [
          `/api/public/bookings/${id}/availability?token=some-token&from=2027-03-10T00:00:00Z&to=2027-03-11T00:00:00Z`,
          {},
        ],
        [`/api/public/bookings/${id}/cancel`, { method: 'POST', body: { token: 'some-token' } }],
        [
          `/api/public/bookings/${id}/reschedule`,
          { method: 'POST', body: { token: 'some-token', start: FREE_START } },
        ],
        [
          `/api/admin/bookings/${id}/reassign`,
          { method: 'POST', admin: true, body: { toMemberId: 'm-eve' } },
        ],
        [`/api/admin/bookings/${id}/reassign-candidates`, { admin: true }],
        [`/api/admin/bookings/${id}/no-show`, { method: 'POST', admin: true, body: {} }],
        [`/api/admin/pools/${id}/stats`, { admin: true }],
        [`/api/admin/conflicts/${id}/resolve`, { method: 'POST', admin: true, body: {} }],
      ]
      for (const [path, init] of requests) {
        const res = await a.request(path, init)
        expect([path, res.status]).toEqual([path, 400])
        expect((await res.json()).error.code).toBe('invalid-request')
      }
    },
  )

  it.each(RESERVED)('are refused with 400 in bodies, queries and pushes: %s', async (id) => {
    const { a } = await start()
    const ws = fixtureWorkspace()
    const requests: [string, Parameters<TestApp['request']>[1]][] = [
      [
        `/api/public/pages/solo/availability?eventTypeId=${id}&from=2027-03-10T00:00:00Z&to=2027-03-11T00:00:00Z`,
        {},
      ],
      [
        `/api/public/pages/solo/availability?eventTypeId=et-call&answers.${id}=x&from=2027-03-10T00:00:00Z&to=2027-03-11T00:00:00Z`,
        {},
      ],
      [
        '/api/public/pages/solo/bookings',
        { method: 'POST', body: bookingBody(FREE_START, { eventTypeId: id }) },
      ],
      [
        '/api/public/pages/solo/bookings',
        { method: 'POST', body: bookingBody(FREE_START, { bookingPageId: id }) },
      ],
      [
        '/api/public/pages/solo/bookings',
        { method: 'POST', body: { ...bookingBody(), answers: JSON.parse(`{"${id}":"x"}`) } },
      ],
      [
        '/api/admin/bookings/bk-x/reassign',
        { method: 'POST', admin: true, body: { toMemberId: id } },
      ],
      [`/api/admin/bookings/bk-x/reassign-candidates?fromMemberId=${id}`, { admin: true }],
      [
        '/api/admin/workspace',
        { method: 'PUT', admin: true, body: { ...ws, members: [{ ...ws.members[0]!, id }] } },
      ],
      [
        '/replication/members/1/push',
        {
          method: 'POST',
          admin: true,
          body: [{ newDocumentState: { ...ws.members[0]!, id, _deleted: false } }],
        },
      ],
      [
        '/replication/bookings/0/push',
        { method: 'POST', admin: true, body: [{ newDocumentState: { id } }] },
      ],
      [`/replication/members/1/pull?lwt=0&id=${id}&limit=10`, { admin: true }],
    ]
    for (const [path, init] of requests) {
      const res = await a.request(path, init)
      expect([path, res.status]).toEqual([path, 400])
    }
  })
})
