import { afterEach, describe, expect, it } from 'vitest'
import type { Booking, Workspace } from '../../../core/src/model/workspace'
import { ROLES, roleAllows } from '../../../core/src/people'
import type { Action, Role } from '../../../core/src/people'
import { REPLICATED_SCHEMAS } from '../../../core/src/schema/collections'
import type { ReplicatedName } from '../../../core/src/schema/collections'
import { desktopBooking, FIXTURE_NOW, fixtureWorkspace } from '../test-support/fixtures'
import { fixedClock, startTestApp, TEST_TOKEN } from '../test-support/test-app'
import type { TestApp } from '../test-support/test-app'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const seeded = (id: string, member: string, start: string, end: string) =>
  desktopBooking(id, member, start, end) as unknown as Booking

/** Bookings for the routes that change one: a fresh one per attempt (index = attempt). */
function seededWorkspace(): Workspace {
  const base = fixtureWorkspace()
  const at = (day: string, hour: number, minute = 0) =>
    `2027-03-${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00.000Z`
  const bookings: Booking[] = []
  for (let i = 0; i < ROLES.length; i++) {
    // Reassign and resend: Ana on Thursday, one an hour; Eve is free then.
    bookings.push(seeded(`bk-r-${i}`, 'm-ana', at('11', 10 + i), at('11', 10 + i, 30)))
    // No-show: begun before "now" (08:00 on the 10th), one per member.
    const member = ['m-ana', 'm-ben', 'm-cai', 'm-dee'][i]!
    bookings.push(seeded(`bk-n-${i}`, member, at('10', 7, 45), at('10', 8, 15)))
    // Resolve: two overlapping bookings of Ben on Friday, one pair per attempt.
    bookings.push(seeded(`bk-c-${i}`, 'm-ben', at('12', 10 + i), at('12', 10 + i, 30)))
    bookings.push(seeded(`bk-d-${i}`, 'm-ben', at('12', 10 + i), at('12', 10 + i, 30)))
  }
  return { ...base, bookings }
}

interface Ctx {
  readonly a: TestApp
  /** The attempt's number (0 for the first role tried, …). */
  readonly attempt: number
  admin(path: string, init?: { method?: string; body?: unknown }): Promise<Response>
}

interface RouteCase {
  readonly method: string
  readonly path: string | ((ctx: Ctx) => Promise<string> | string)
  /** The body, or a function making a fresh one per attempt. */
  readonly body?: unknown
  readonly action: Action
  /** The status an allowed request gets (2xx unless the case says why not). */
  readonly ok: number
}

const RANGE = 'from=2027-03-01T00:00:00.000Z&to=2027-04-01T00:00:00.000Z'
const newPerson = async (ctx: Ctx) => {
  const res = await ctx.admin('/api/admin/people', {
    method: 'POST',
    body: { name: `Temp ${ctx.attempt}`, email: `temp${ctx.attempt}@example.com`, role: 'viewer' },
  })
  return ((await res.json()) as { id: string }).id
}
/** Webhooks made so far: each gets its own address (one address is one webhook). */
let webhooksMade = 0
const newWebhook = async (ctx: Ctx, url = 'https://hooks.example.com/in') => {
  const res = await ctx.admin('/api/admin/webhooks', {
    method: 'POST',
    body: { url: `${url}?n=${++webhooksMade}`, events: ['*'] },
  })
  return ((await res.json()) as { id: string }).id
}

/** Every admin route, with the action the core table decides it by. */
const ROUTES: readonly RouteCase[] = [
  { method: 'GET', path: '/api/admin/me', action: 'read', ok: 200 },
  { method: 'GET', path: '/api/admin/workspace', action: 'read', ok: 200 },
  {
    method: 'PUT',
    path: '/api/admin/workspace',
    body: 'EXPORT',
    action: 'workspace-import',
    ok: 200,
  },
  { method: 'GET', path: `/api/admin/bookings?${RANGE}`, action: 'read', ok: 200 },
  {
    method: 'POST',
    path: ({ attempt }) => `/api/admin/bookings/bk-r-${attempt}/reassign`,
    body: { toMemberId: 'm-eve' },
    action: 'reassign',
    ok: 200,
  },
  {
    method: 'GET',
    path: '/api/admin/bookings/bk-r-0/reassign-candidates',
    action: 'read',
    ok: 200,
  },
  {
    method: 'POST',
    path: ({ attempt }) => `/api/admin/bookings/bk-n-${attempt}/no-show`,
    body: {},
    action: 'no-show',
    ok: 200,
  },
  { method: 'GET', path: '/api/admin/pools/pool-rr/stats', action: 'read', ok: 200 },
  { method: 'GET', path: '/api/admin/conflicts', action: 'read', ok: 200 },
  {
    method: 'POST',
    path: ({ attempt }) => `/api/admin/conflicts/bk-c-${attempt}/resolve`,
    body: {},
    action: 'resolve-conflict',
    ok: 200,
  },
  { method: 'GET', path: '/api/admin/notifications', action: 'read', ok: 200 },
  { method: 'GET', path: '/api/admin/outbox', action: 'read', ok: 200 },
  { method: 'GET', path: '/api/admin/reminders', action: 'read', ok: 200 },
  {
    method: 'GET',
    path: async (ctx) => {
      const res = await ctx.admin(`/api/admin/bookings/bk-r-${ctx.attempt}/resend-confirmation`, {
        method: 'POST',
      })
      const { message } = (await res.json()) as { message: { id: string } }
      return `/api/admin/outbox/${message.id}`
    },
    action: 'read',
    ok: 200,
  },
  {
    method: 'POST',
    path: async (ctx) => {
      const res = await ctx.admin(`/api/admin/bookings/bk-r-${ctx.attempt}/resend-confirmation`, {
        method: 'POST',
      })
      const { message } = (await res.json()) as { message: { id: string } }
      return `/api/admin/outbox/${message.id}/resend`
    },
    action: 'resend',
    // Allowed, but without a mail server nothing can be sent again (the refusal says so).
    ok: 422,
  },
  {
    method: 'POST',
    path: ({ attempt }) => `/api/admin/bookings/bk-r-${attempt}/resend-confirmation`,
    action: 'resend',
    ok: 202,
  },
  {
    method: 'POST',
    path: '/api/admin/webhooks',
    body: () => ({ url: `https://hooks.example.com/in?n=${++webhooksMade}`, events: ['*'] }),
    action: 'webhooks',
    ok: 201,
  },
  { method: 'GET', path: '/api/admin/webhooks', action: 'webhooks', ok: 200 },
  {
    method: 'DELETE',
    path: async (ctx) => `/api/admin/webhooks/${await newWebhook(ctx)}`,
    action: 'webhooks',
    ok: 204,
  },
  {
    method: 'PATCH',
    path: async (ctx) => `/api/admin/webhooks/${await newWebhook(ctx)}`,
    body: { events: ['booking.created'] },
    action: 'webhooks',
    ok: 200,
  },
  {
    method: 'POST',
    path: async (ctx) => `/api/admin/webhooks/${await newWebhook(ctx)}/secret`,
    action: 'webhooks',
    ok: 200,
  },
  {
    method: 'GET',
    path: async (ctx) => `/api/admin/webhooks/${await newWebhook(ctx)}/deliveries`,
    action: 'webhooks',
    ok: 200,
  },
  {
    method: 'POST',
    // Not found for every role allowed (no such delivery): the role check comes first.
    path: async (ctx) =>
      `/api/admin/webhooks/${await newWebhook(ctx)}/deliveries/ev.bk-none.0/retry`,
    action: 'webhooks',
    ok: 404,
  },
  {
    method: 'POST',
    // A port fetch never sends to: the test is answered without any network.
    path: async (ctx) =>
      `/api/admin/webhooks/${await newWebhook(ctx, 'http://127.0.0.1:25/in')}/test`,
    action: 'webhooks',
    ok: 200,
  },
  { method: 'GET', path: '/api/admin/members/m-ana/calendar-feed', action: 'setup', ok: 200 },
  {
    method: 'POST',
    path: '/api/admin/members/m-ana/calendar-feed/rotate',
    action: 'setup',
    ok: 200,
  },
  { method: 'GET', path: `/api/admin/members/m-ana/busy?${RANGE}`, action: 'read', ok: 200 },
  { method: 'POST', path: '/api/admin/members/m-ana/busy/refresh', action: 'book', ok: 200 },
  { method: 'GET', path: '/api/admin/people', action: 'people', ok: 200 },
  {
    method: 'POST',
    path: '/api/admin/people',
    body: { name: 'New Person', email: 'new@example.com', role: 'scheduler' },
    action: 'people',
    ok: 201,
  },
  {
    method: 'PATCH',
    path: async (ctx) => `/api/admin/people/${await newPerson(ctx)}`,
    body: { role: 'manager' },
    action: 'people',
    ok: 200,
  },
  {
    method: 'DELETE',
    path: async (ctx) => `/api/admin/people/${await newPerson(ctx)}`,
    action: 'people',
    ok: 204,
  },
  {
    method: 'POST',
    path: async (ctx) => `/api/admin/people/${await newPerson(ctx)}/token`,
    action: 'people',
    ok: 200,
  },
  { method: 'GET', path: '/api/admin/audit', action: 'audit', ok: 200 },
]

/** Starts the app with the seeded workspace and one person per role; their tokens by role. */
async function startWithPeople() {
  const clock = fixedClock(FIXTURE_NOW)
  // Notifications derived only when a test asks: the outbox in a snapshot then changes only with
  // what a request itself writes there, never with messages of earlier bookings arriving late
  // (a refused push once looked as if it had changed the outbox on a loaded machine).
  app = await startTestApp({
    workspace: seededWorkspace(),
    clock,
    deps: { notify: { publicUrl: 'https://book.example.com', autoRun: false } },
  })
  const a = app
  const tokens = {} as Record<Role, string>
  for (const role of ROLES) {
    const res = await a.request('/api/admin/people', {
      method: 'POST',
      admin: true,
      body: {
        name: `${role[0]!.toUpperCase()}${role.slice(1)} Person`,
        email: `${role}@example.com`,
        role,
      },
    })
    expect(res.status).toBe(201)
    tokens[role] = ((await res.json()) as { token: string }).token
  }
  const admin = (path: string, init: { method?: string; body?: unknown } = {}) =>
    a.request(path, { ...init, admin: true })
  return { a, tokens, clock, admin }
}

/** Everything a refused request could have changed, read with the admin token. */
async function snapshot(admin: Ctx['admin']): Promise<string> {
  const parts = await Promise.all(
    [
      '/api/admin/workspace',
      '/api/admin/people',
      '/api/admin/webhooks',
      '/api/admin/audit?limit=500',
      '/api/admin/outbox',
      '/api/admin/members/m-ana/calendar-feed',
    ].map(async (path) => `${path}: ${await (await admin(path)).text()}`),
  )
  return parts.join('\n')
}

describe('every admin route × role', () => {
  it.each(ROUTES.map((route) => [`${route.method} ${String(route.path)}`, route] as const))(
    '%s',
    async (_name, route) => {
      const { a, tokens, admin } = await startWithPeople()
      let attempt = 0
      for (const role of ROLES) {
        const ctx: Ctx = { a, attempt, admin }
        const path = typeof route.path === 'string' ? route.path : await route.path(ctx)
        const body =
          route.body === 'EXPORT'
            ? await (await admin('/api/admin/workspace')).text()
            : typeof route.body === 'function'
              ? (route.body as () => unknown)()
              : route.body
        const before = await snapshot(admin)
        const res = await a.request(path, {
          method: route.method,
          headers: { authorization: `Bearer ${tokens[role]}` },
          ...(body !== undefined ? { body } : {}),
          ...(typeof body === 'string'
            ? {
                headers: {
                  authorization: `Bearer ${tokens[role]}`,
                  'content-type': 'application/json',
                },
              }
            : {}),
        })
        if (roleAllows(role, route.action)) {
          expect(res.status, `${role} may ${route.action}`).toBe(route.ok)
        } else {
          expect(res.status, `${role} may not ${route.action}`).toBe(403)
          expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden')
          expect(await snapshot(admin), 'nothing changed').toBe(before)
        }
        attempt++
      }
    },
  )
})

const v = (name: ReplicatedName) => REPLICATED_SCHEMAS[name].version

/** One change per replicated collection, as a desktop would push it. */
async function pushCases(
  admin: Ctx['admin'],
): Promise<readonly { name: string; collection: ReplicatedName; row: unknown; action: Action }[]> {
  const pulled = async (collection: ReplicatedName, id: string) => {
    const res = await admin(`/replication/${collection}/${v(collection)}/pull?lwt=0&id=&limit=1000`)
    const { documents } = (await res.json()) as { documents: Record<string, unknown>[] }
    const doc = documents.find((d) => d['id'] === id)
    if (!doc) throw new Error(`${collection} ${id} not pulled`)
    return doc
  }
  const update = async (
    collection: ReplicatedName,
    id: string,
    change: Record<string, unknown>,
  ) => {
    const doc = await pulled(collection, id)
    return { newDocumentState: { ...doc, ...change }, assumedMasterState: doc }
  }
  const booking = await pulled('bookings', 'bk-r-0')
  const other = await pulled('bookings', 'bk-r-1')
  return [
    {
      name: 'settings: a new workspace zone',
      collection: 'settings',
      row: await update('settings', 'workspace', { timeZone: 'Europe/Berlin' }),
      action: 'setup',
    },
    {
      name: 'members: a rename',
      collection: 'members',
      row: await update('members', 'm-ana', { name: 'Ana S' }),
      action: 'setup',
    },
    {
      name: 'event types: a longer call',
      collection: 'eventtypes',
      row: await update('eventtypes', 'et-call', { name: 'Long call' }),
      action: 'setup',
    },
    {
      name: 'booking pages: a new slug',
      collection: 'bookingpages',
      row: await update('bookingpages', 'bp-ana', { slug: 'ana-new' }),
      action: 'setup',
    },
    {
      name: 'pools: a rename',
      collection: 'pools',
      row: await update('pools', 'pool-rr', { name: 'Renamed' }),
      action: 'setup',
    },
    {
      name: 'panels: a rename',
      collection: 'panels',
      row: await update('panels', 'panel-duo', { name: 'Renamed' }),
      action: 'setup',
    },
    {
      name: 'master pages: a new title',
      collection: 'masterpages',
      row: await update('masterpages', 'mp-solo', { title: 'Renamed' }),
      action: 'setup',
    },
    {
      name: 'bookings: a desk booking',
      collection: 'bookings',
      row: {
        newDocumentState: {
          ...desktopBooking(
            'bk-new',
            'm-eve',
            '2027-03-15T10:00:00.000Z',
            '2027-03-15T10:30:00.000Z',
          ),
        },
      },
      action: 'book',
    },
    {
      name: 'bookings: a cancellation',
      collection: 'bookings',
      row: {
        newDocumentState: {
          ...booking,
          status: 'cancelled',
          history: [
            ...(booking['history'] as unknown[]),
            { at: FIXTURE_NOW, action: 'cancelled', by: 'x' },
          ],
        },
        assumedMasterState: booking,
      },
      action: 'cancel',
    },
    {
      name: 'bookings: a reassignment',
      collection: 'bookings',
      row: {
        newDocumentState: {
          ...other,
          hostMemberIds: ['m-eve'],
          history: [
            ...(other['history'] as unknown[]),
            {
              at: FIXTURE_NOW,
              action: 'reassigned',
              by: 'x',
              fromMemberId: 'm-ana',
              toMemberId: 'm-eve',
            },
          ],
        },
        assumedMasterState: other,
      },
      action: 'reassign',
    },
  ]
}

describe('every replicated collection × role', () => {
  it('lets every role pull every collection', async () => {
    const { a, tokens } = await startWithPeople()
    for (const role of ROLES) {
      for (const name of Object.keys(REPLICATED_SCHEMAS) as ReplicatedName[]) {
        const res = await a.request(`/replication/${name}/${v(name)}/pull?lwt=0&id=&limit=5`, {
          headers: { authorization: `Bearer ${tokens[role]}` },
        })
        expect(res.status, `${role} pulls ${name}`).toBe(200)
      }
    }
  })

  it('refuses every role a push to the server-written busy times (400, nothing written)', async () => {
    const { a, tokens } = await startWithPeople()
    for (const role of ROLES) {
      const res = await a.request(`/replication/memberbusy/${v('memberbusy')}/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[role]}` },
        body: [{ newDocumentState: { id: 'm-ana', busy: [], _deleted: false } }],
      })
      expect(res.status).toBe(400)
    }
  })

  it('writes what the role allows and answers the rest as conflicts with the server state', async () => {
    for (const role of ROLES) {
      const { a, tokens, admin } = await startWithPeople()
      for (const push of await pushCases(admin)) {
        const before = await snapshot(admin)
        const res = await a.request(`/replication/${push.collection}/${v(push.collection)}/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens[role]}` },
          body: [push.row],
        })
        expect(res.status, `${role}: ${push.name}`).toBe(200)
        const conflicts = (await res.json()) as Record<string, unknown>[]
        const refused = res.headers.get('teamslot-refused')
        if (roleAllows(role, push.action)) {
          expect(conflicts, `${role}: ${push.name} is written`).toEqual([])
          expect(refused).toBeNull()
          expect(await snapshot(admin)).not.toBe(before)
        } else {
          const row = push.row as { newDocumentState: { id: string } }
          expect(conflicts.map((doc) => doc['id'])).toEqual([row.newDocumentState.id])
          expect(JSON.parse(decodeURIComponent(refused ?? '[]'))).toEqual([
            { id: row.newDocumentState.id, reason: expect.stringMatching(/^an? \w+ may not /) },
          ])
          expect(await snapshot(admin), `${role}: ${push.name} changed nothing`).toBe(before)
        }
      }
      await app?.close()
      app = undefined
    }
  })
})

describe('tokens', () => {
  it('stores only a hash of a token, and a removed person is refused on the next request', async () => {
    const { a, tokens, admin } = await startWithPeople()
    const docs = await a.teamslot.db.people.find().exec()
    const stored = JSON.stringify(docs.map((doc) => doc.toJSON()))
    for (const token of Object.values(tokens)) expect(stored).not.toContain(token)
    const me = (token: string) =>
      a.request('/api/admin/me', { headers: { authorization: `Bearer ${token}` } })
    const meBody = (await (await me(tokens.scheduler)).json()) as { id: string; role: string }
    expect(meBody).toMatchObject({ name: 'Scheduler Person', role: 'scheduler' })
    expect((await admin(`/api/admin/people/${meBody.id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await me(tokens.scheduler)).status).toBe(401)
  })

  it('a rotated token replaces the old one at once; a changed role applies on the next request', async () => {
    const { a, tokens, admin } = await startWithPeople()
    const asToken = (token: string, path: string) =>
      a.request(path, { headers: { authorization: `Bearer ${token}` } })
    const { id } = (await (await asToken(tokens.manager, '/api/admin/me')).json()) as { id: string }
    const rotated = await admin(`/api/admin/people/${id}/token`, { method: 'POST' })
    const { token } = (await rotated.json()) as { token: string }
    expect((await asToken(tokens.manager, '/api/admin/me')).status).toBe(401)
    expect((await asToken(token, '/api/admin/audit')).status).toBe(200)
    await admin(`/api/admin/people/${id}`, { method: 'PATCH', body: { role: 'viewer' } })
    expect((await asToken(token, '/api/admin/audit')).status).toBe(403)
  })

  it('refuses bad people input with a clear error and changes nothing', async () => {
    const { admin } = await startWithPeople()
    const before = await snapshot(admin)
    for (const body of [
      { name: 'X', email: 'x@example.com', role: 'king' },
      { name: '', email: 'x@example.com', role: 'viewer' },
      { name: 'X', email: 'not-an-address', role: 'viewer' },
      { name: 'X', email: 'x@example.com', role: 'viewer', token: 'mine' },
    ]) {
      const res = await admin('/api/admin/people', { method: 'POST', body })
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid-request')
    }
    expect(
      (await admin('/api/admin/people/p-nobody', { method: 'PATCH', body: { role: 'owner' } }))
        .status,
    ).toBe(404)
    expect((await admin('/api/admin/people/p-nobody', { method: 'PATCH', body: {} })).status).toBe(
      400,
    )
    expect((await admin('/api/admin/people/p-nobody', { method: 'DELETE' })).status).toBe(404)
    expect(await snapshot(admin)).toBe(before)
  })
})

describe('lockout', () => {
  it('locks an address out after 10 wrong tokens in 10 minutes, for 15 minutes', async () => {
    const { a, clock } = await startWithPeople()
    const me = (token: string) =>
      a.request('/api/admin/me', { headers: { authorization: `Bearer ${token}` } })
    for (let i = 0; i < 9; i++) expect((await me(`wrong-${i}`)).status).toBe(401)
    expect((await me(TEST_TOKEN)).status).toBe(200)
    expect((await me('wrong-9')).status).toBe(401)
    const locked = await me(TEST_TOKEN)
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('900')
    clock.set('2027-03-10T08:14:59.000Z')
    expect((await me(TEST_TOKEN)).headers.get('retry-after')).toBe('1')
    clock.set('2027-03-10T08:15:00.000Z')
    expect((await me(TEST_TOKEN)).status).toBe(200)
  })

  it('forgets wrong tokens older than 10 minutes', async () => {
    const { a, clock } = await startWithPeople()
    const me = (token: string) =>
      a.request('/api/admin/me', { headers: { authorization: `Bearer ${token}` } })
    for (let i = 0; i < 9; i++) await me(`wrong-${i}`)
    clock.set('2027-03-10T08:10:00.001Z')
    expect((await me('wrong-again')).status).toBe(401)
    expect((await me(TEST_TOKEN)).status).toBe(200)
  })
})

describe('history and activity name the signed-in person', () => {
  it('records the person in booking history whatever the body or the pushed entry says', async () => {
    const { a, tokens, admin } = await startWithPeople()
    const as = (role: Role) => ({ authorization: `Bearer ${tokens[role]}` })
    const res = await a.request('/api/admin/bookings/bk-n-0/no-show', {
      method: 'POST',
      headers: as('scheduler'),
      body: { by: 'Somebody Else' },
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { booking: Booking }).booking.history.at(-1)).toMatchObject({
      action: 'no-show',
      by: 'Scheduler Person',
    })
    const push = await a.request(`/replication/bookings/${v('bookings')}/push`, {
      method: 'POST',
      headers: as('scheduler'),
      body: [
        {
          newDocumentState: desktopBooking(
            'bk-typed',
            'm-eve',
            '2027-03-15T10:00:00.000Z',
            '2027-03-15T10:30:00.000Z',
          ),
        },
      ],
    })
    expect(await push.json()).toEqual([])
    const list = await admin(`/api/admin/bookings?${RANGE}`)
    const typed = ((await list.json()) as { bookings: Booking[] }).bookings.find(
      (b) => b.id === 'bk-typed',
    )
    expect(typed?.history).toEqual([
      { at: '2027-03-10T07:00:00.000Z', action: 'created', by: 'Scheduler Person' },
    ])
  })

  it('logs setup changes with the person and the fields, for managers and owners only', async () => {
    const { a, tokens } = await startWithPeople()
    const as = (role: Role) => ({ authorization: `Bearer ${tokens[role]}` })
    const pull = await a.request(`/replication/members/${v('members')}/pull?lwt=0&id=&limit=50`, {
      headers: as('manager'),
    })
    const ana = ((await pull.json()) as { documents: Record<string, unknown>[] }).documents.find(
      (d) => d['id'] === 'm-ana',
    )!
    const push = await a.request(`/replication/members/${v('members')}/push`, {
      method: 'POST',
      headers: as('manager'),
      body: [{ newDocumentState: { ...ana, name: 'Ana Santos' }, assumedMasterState: ana }],
    })
    expect(await push.json()).toEqual([])
    expect((await a.request('/api/admin/audit', { headers: as('scheduler') })).status).toBe(403)
    const log = await a.request('/api/admin/audit?limit=1', { headers: as('manager') })
    expect(((await log.json()) as { entries: unknown[] }).entries).toEqual([
      expect.objectContaining({
        personName: 'Manager Person',
        collection: 'members',
        recordId: 'm-ana',
        recordName: 'Ana Santos',
        action: 'update',
        fields: ['name'],
      }),
    ])
    const all = await a.request('/api/admin/audit', { headers: as('owner') })
    const entries = (
      (await all.json()) as { entries: { collection: string; personName: string }[] }
    ).entries
    expect(entries.filter((e) => e.collection === 'people')).toHaveLength(ROLES.length)
    expect(entries.find((e) => e.collection === 'people')?.personName).toBe('Owner')
  })
})

describe('a viewer offline', () => {
  it('gets an offline edit and an offline new record back as conflicts, and nothing changes', async () => {
    const { a, tokens, admin } = await startWithPeople()
    const headers = { authorization: `Bearer ${tokens.viewer}` }
    const pull = await a.request(`/replication/members/${v('members')}/pull?lwt=0&id=&limit=50`, {
      headers,
    })
    const ana = ((await pull.json()) as { documents: Record<string, unknown>[] }).documents.find(
      (d) => d['id'] === 'm-ana',
    )!
    const before = await snapshot(admin)
    const res = await a.request(`/replication/members/${v('members')}/push`, {
      method: 'POST',
      headers,
      body: [
        { newDocumentState: { ...ana, name: 'Offline rename' }, assumedMasterState: ana },
        { newDocumentState: { ...ana, id: 'm-offline', name: 'Offline new' } },
      ],
    })
    expect(res.status).toBe(200)
    const conflicts = (await res.json()) as Record<string, unknown>[]
    expect(conflicts).toEqual([ana, expect.objectContaining({ id: 'm-offline', _deleted: true })])
    expect(JSON.parse(decodeURIComponent(res.headers.get('teamslot-refused')!))).toEqual([
      { id: 'm-ana', reason: 'a viewer may not change setup' },
      { id: 'm-offline', reason: 'a viewer may not change setup' },
    ])
    expect(await snapshot(admin)).toBe(before)
  })
})

describe('a removed person’s open event stream', () => {
  it('ends at the next event', async () => {
    const { a, tokens, admin } = await startWithPeople()
    const stream = await a.request('/replication/stream?collections=members', {
      headers: { authorization: `Bearer ${tokens.scheduler}` },
    })
    expect(stream.status).toBe(200)
    const reader = stream.body!.getReader()
    const me = await a.request('/api/admin/me', {
      headers: { authorization: `Bearer ${tokens.scheduler}` },
    })
    const { id } = (await me.json()) as { id: string }
    expect((await admin(`/api/admin/people/${id}`, { method: 'DELETE' })).status).toBe(204)
    // A change to members: the stream checks its token before sending it, and ends.
    const pull = await admin(`/replication/members/${v('members')}/pull?lwt=0&id=&limit=50`)
    const ana = ((await pull.json()) as { documents: Record<string, unknown>[] }).documents.find(
      (d) => d['id'] === 'm-ana',
    )!
    await admin(`/replication/members/${v('members')}/push`, {
      method: 'POST',
      body: [{ newDocumentState: { ...ana, name: 'Ana S' }, assumedMasterState: ana }],
    })
    let text = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      text += new TextDecoder().decode(value)
    }
    expect(text).not.toContain('Ana S')
  })
})
