import { afterEach, describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../core/src/demo/demo-workspace'
import { startTestApp, TEST_TOKEN } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

const NOW = '2027-03-10T12:00:00.000Z'
let app: TestApp | undefined

afterEach(async () => {
  await app?.close()
  app = undefined
})

const memberDoc = (id: string, name: string) => ({
  id,
  name,
  email: `${id}@example.com`,
  timeZone: 'Europe/Berlin',
  weeklyHours: { mon: [['09:00', '17:00']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  dateOverrides: [],
  active: true,
  _deleted: false,
})

describe('health and authentication', () => {
  it('answers /health without a token', async () => {
    app = await startTestApp()
    const res = await app.request('/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
  })

  it.each([
    ['no header', undefined],
    ['a wrong token', 'Bearer wrong-token'],
    ['a malformed header', `Token ${TEST_TOKEN}`],
  ])('refuses admin data with %s (401, contract error body)', async (_label, authorization) => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const headers = authorization ? { authorization } : undefined
    for (const path of ['/api/admin/workspace', '/replication/members/1/pull?lwt=0&id=&limit=5']) {
      const res = await app.request(path, headers ? { headers } : {})
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual({
        error: {
          code: 'unauthorized',
          message: authorization?.startsWith('Bearer')
            ? 'this token is not valid (unknown, replaced or removed)'
            : 'a token is required',
        },
      })
    }
  })

  it('answers unknown routes with 404 in the contract format', async () => {
    app = await startTestApp()
    const res = await app.request('/api/nothing-here')
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('not-found')
  })
})

describe('admin workspace export and import', () => {
  it('exports exactly the imported workspace', async () => {
    const workspace = demoWorkspace(NOW)
    app = await startTestApp({ workspace })
    const exported = await (await app.request('/api/admin/workspace', { admin: true })).json()
    expect(exported.members).toEqual(
      [...workspace.members].sort((a, b) => a.id.localeCompare(b.id)),
    )
    expect(exported.bookings).toHaveLength(workspace.bookings.length)
    expect(exported.masterPages.map((p: { slug: string }) => p.slug).sort()).toEqual([
      'sales',
      'team',
    ])
  })

  it('refuses malformed JSON and an invalid workspace with 400 and changes nothing', async () => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const before = await (await app.request('/api/admin/workspace', { admin: true })).json()
    const bad = await app.request('/api/admin/workspace', {
      method: 'PUT',
      admin: true,
      body: '{"version":1,',
    })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toBe('invalid-request')
    const invalid = await app.request('/api/admin/workspace', {
      method: 'PUT',
      admin: true,
      body: { ...before, members: [{ ...before.members[0], id: 'has space', timeZone: 42 }] },
    })
    expect(invalid.status).toBe(400)
    const body = await invalid.json()
    expect(body.error.problems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(['members.0.id', 'members.0.timeZone']),
    )
    const after = await (await app.request('/api/admin/workspace', { admin: true })).json()
    expect(after).toEqual(before)
  })

  it('replaces the workspace: new records appear, missing ones are deleted', async () => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const ws = await (await app.request('/api/admin/workspace', { admin: true })).json()
    const extra = { ...ws.members[0], id: 'm-extra', name: 'Xia Extra' }
    const added = await app.request('/api/admin/workspace', {
      method: 'PUT',
      admin: true,
      body: { ...ws, members: [...ws.members, extra] },
    })
    expect(added.status).toBe(200)
    expect((await added.json()).members.map((m: { id: string }) => m.id)).toContain('m-extra')
    const removed = await app.request('/api/admin/workspace', {
      method: 'PUT',
      admin: true,
      body: ws,
    })
    expect(removed.status).toBe(200)
    const after = await (await app.request('/api/admin/workspace', { admin: true })).json()
    expect(after.members.map((m: { id: string }) => m.id)).not.toContain('m-extra')
    expect(after.members).toHaveLength(ws.members.length)
  })

  it('refuses to drop a member that pools, pages and bookings still reference, naming them', async () => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const before = await (await app.request('/api/admin/workspace', { admin: true })).json()
    const res = await app.request('/api/admin/workspace', {
      method: 'PUT',
      admin: true,
      body: { ...before, members: before.members.filter((m: { id: string }) => m.id !== 'm-emma') },
    })
    expect(res.status).toBe(400)
    const paths = (await res.json()).error.problems.map((p: { path: string }) => p.path)
    expect(paths.some((p: string) => p.startsWith('bookingPages.'))).toBe(true)
    expect(paths.some((p: string) => p.startsWith('pools.'))).toBe(true)
    expect(paths.some((p: string) => p.startsWith('bookings.'))).toBe(true)
    expect(await (await app.request('/api/admin/workspace', { admin: true })).json()).toEqual(
      before,
    )
  })
})

describe('replication endpoints', () => {
  it('pulls documents with a (lwt, id) checkpoint and accepts a push', async () => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const first = await (
      await app.request('/replication/members/1/pull?lwt=0&id=&limit=3', { admin: true })
    ).json()
    expect(first.documents).toHaveLength(3)
    const rest = await (
      await app.request(
        `/replication/members/1/pull?lwt=${first.checkpoint.lwt}&id=${first.checkpoint.id}&limit=10`,
        { admin: true },
      )
    ).json()
    expect(rest.documents).toHaveLength(2)
    const ids = [...first.documents, ...rest.documents].map((d: { id: string }) => d.id)
    expect(new Set(ids).size).toBe(5)

    const push = await app.request('/replication/members/1/push', {
      method: 'POST',
      admin: true,
      body: [{ newDocumentState: memberDoc('m-new', 'Nia New') }],
    })
    expect(push.status).toBe(200)
    expect(await push.json()).toEqual([])
    const ws = await (await app.request('/api/admin/workspace', { admin: true })).json()
    expect(ws.members.map((m: { name: string }) => m.name)).toContain('Nia New')
  })

  it.each([
    ['a JSON object instead of rows', { not: 'rows' }],
    ['rows without a document', [{ nothing: true }]],
    ['an id outside the key charset', [{ newDocumentState: memberDoc('bad/id?x=1', 'X') }]],
    [
      'an assumed state carrying _meta (rxdb-server throws on it)',
      [
        {
          newDocumentState: memberDoc('m-x', 'X'),
          assumedMasterState: { ...memberDoc('m-x', 'X'), _meta: { lwt: 1 } },
        },
      ],
    ],
  ])('survives a malformed push: %s', async (_label, body) => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const res = await app.request('/replication/members/1/push', {
      method: 'POST',
      admin: true,
      body,
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('invalid-request')
    expect((await app.request('/health')).status).toBe(200)
    const ws = await (await app.request('/api/admin/workspace', { admin: true })).json()
    expect(ws.members).toHaveLength(5)
  })

  it.each([
    ['a non-numeric lwt', 'lwt=abc&id=&limit=5'],
    ['an array id', 'lwt=0&id[]=x&limit=5'],
    ['a zero limit', 'lwt=0&id=&limit=0'],
  ])('refuses a pull with %s', async (_label, query) => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const res = await app.request(`/replication/members/1/pull?${query}`, { admin: true })
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe('invalid-request')
  })

  it('sends CORS headers on GET and POST for configured origins only', async () => {
    app = await startTestApp({ deps: { corsOrigins: ['https://admin.teamslot.example'] } })
    const allowed = await app.request('/replication/members/1/pull?lwt=0&id=&limit=1', {
      admin: true,
      headers: { origin: 'https://admin.teamslot.example' },
    })
    expect(allowed.headers.get('access-control-allow-origin')).toBe(
      'https://admin.teamslot.example',
    )
    const push = await app.request('/replication/members/1/push', {
      method: 'POST',
      admin: true,
      headers: { origin: 'https://admin.teamslot.example' },
      body: [],
    })
    expect(push.headers.get('access-control-allow-origin')).toBe('https://admin.teamslot.example')
    const other = await app.request('/replication/members/1/pull?lwt=0&id=&limit=1', {
      admin: true,
      headers: { origin: 'https://evil.example' },
    })
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('streams changes of several collections over one connection', async () => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const controller = new AbortController()
    const res = await app.request('/replication/stream?collections=members,bookings', {
      admin: true,
      signal: controller.signal,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/event-stream')
    const reader = res.body!.getReader()
    await app.request('/replication/members/1/push', {
      method: 'POST',
      admin: true,
      body: [{ newDocumentState: memberDoc('m-streamed', 'Sia Streamed') }],
    })
    let text = ''
    while (!text.includes('\n\n')) {
      const { value } = await reader.read()
      text += new TextDecoder().decode(value)
    }
    const event = JSON.parse(text.slice(text.indexOf('data: ') + 6, text.indexOf('\n\n')))
    expect(event.collection).toBe('members')
    expect(event.documents.map((d: { id: string }) => d.id)).toEqual(['m-streamed'])
    expect(event.documents[0]._meta).toBeUndefined()
    controller.abort()
  })

  it('refuses a stream request naming unknown collections', async () => {
    app = await startTestApp()
    const res = await app.request('/replication/stream?collections=members,secrets', {
      admin: true,
    })
    expect(res.status).toBe(400)
  })
})

describe('replicated pushes are validated like an import', () => {
  const overlapping = {
    ...memberDoc('m-bad', 'Bad Hours'),
    weeklyHours: {
      mon: [
        ['09:00', '12:00'],
        ['11:00', '13:00'],
      ],
      tue: [],
      wed: [],
      thu: [],
      fri: [],
      sat: [],
      sun: [],
    },
  }
  it.each([
    [
      'an unknown time zone',
      'members',
      { ...memberDoc('m-mars', 'Mars'), timeZone: 'Mars/Olympus' },
      'timeZone',
    ],
    ['overlapping hours', 'members', overlapping, 'weeklyHours.mon'],
    [
      'a wrong-typed field',
      'members',
      { ...memberDoc('m-typed', 'Typed'), active: 'yes' },
      'active',
    ],
  ])(
    'refuses %s with 400, the problem, and writes nothing',
    async (_label, collection, doc, hint) => {
      app = await startTestApp({ workspace: demoWorkspace(NOW) })
      const version = collection === 'members' ? 1 : 0
      const res = await app.request(`/replication/${collection}/${version}/push`, {
        method: 'POST',
        admin: true,
        body: [{ newDocumentState: doc }],
      })
      expect(res.status).toBe(400)
      const body = await res.json()
      expect(body.error.problems.join(' ')).toContain(hint)
      const ws = await (await app.request('/api/admin/workspace', { admin: true })).json()
      expect(ws.members.map((m: { id: string }) => m.id)).not.toContain(doc.id)
    },
  )

  it('refuses deleting a member that pages, pools and bookings reference', async () => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const pulled = await (
      await app.request('/replication/members/1/pull?lwt=0&id=&limit=50', { admin: true })
    ).json()
    const ana = pulled.documents.find((d: { id: string }) => d.id === 'm-ana')
    const res = await app.request('/replication/members/1/push', {
      method: 'POST',
      admin: true,
      body: [{ newDocumentState: { ...ana, _deleted: true }, assumedMasterState: ana }],
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error.problems[0]).toContain('Cannot delete')
    const ws = await (await app.request('/api/admin/workspace', { admin: true })).json()
    expect(ws.members.map((m: { id: string }) => m.id)).toContain('m-ana')
  })

  it('refuses a booking whose host does not exist', async () => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const booking = {
      ...demoWorkspace(NOW).bookings[0]!,
      id: 'bk-ghost',
      hostMemberIds: ['m-ghost'],
      _deleted: false,
    }
    const res = await app.request('/replication/bookings/0/push', {
      method: 'POST',
      admin: true,
      body: [{ newDocumentState: booking }],
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error.problems.join(' ')).toContain('bk-ghost')
  })

  it('refuses an invalid push from an older desktop through the compatibility endpoint', async () => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const { color: _color, ...v0 } = {
      ...memberDoc('m-old', 'Old Desk'),
      timeZone: 'Nowhere/Else',
      color: null,
    }
    const res = await app.request('/replication/members/0/push', {
      method: 'POST',
      admin: true,
      body: [{ newDocumentState: v0 }],
    })
    expect(res.status).toBe(400)
  })
})

describe('durability across restarts', () => {
  it('keeps every acknowledged write after the store is closed and reopened', async () => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const dataDir = app.dataDir
    await app.request('/replication/members/1/push', {
      method: 'POST',
      admin: true,
      body: [{ newDocumentState: memberDoc('m-kept', 'Kim Kept') }],
    })
    await app.close()
    app = await startTestApp({ dataDir })
    const ws = await (await app.request('/api/admin/workspace', { admin: true })).json()
    expect(ws.members.map((m: { id: string }) => m.id)).toContain('m-kept')
    expect(ws.bookings).toHaveLength(demoWorkspace(NOW).bookings.length)
  })
})
