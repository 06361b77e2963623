import { afterEach, describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../core/src/demo/demo-workspace'
import { memberColorFor } from '../../core/src/schema/migrations'
import { compatDown, compatUp } from './replication-compat'
import { streamEntriesParse } from './replication-stream'
import { startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

const NOW = '2027-03-10T12:00:00.000Z'
let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

describe('compatDown and compatUp', () => {
  it('serves a v0 member without color and keeps the server color on the way back up', () => {
    const server = { id: 'm-ana', name: 'Ana', color: '#123456', _meta: { lwt: 1 }, _rev: '1-a' }
    const old = compatDown('members', server, 0)
    expect(old).toEqual({ id: 'm-ana', name: 'Ana' })
    expect(compatUp('members', { ...old, name: 'Ana S.' }, 0, server)).toEqual({
      id: 'm-ana',
      name: 'Ana S.',
      color: '#123456',
    })
    expect(compatUp('members', { id: 'm-new', name: 'New' }, 0, undefined)).toEqual({
      id: 'm-new',
      name: 'New',
      color: memberColorFor('m-new'),
    })
  })
})

describe('streamEntriesParse', () => {
  it('reads names with optional versions and flags what it cannot serve', () => {
    expect(
      streamEntriesParse('members:0,bookings,members:1,members:2,members:3,nope').map((e) => [
        e.entry,
        e.version,
      ]),
    ).toEqual([
      ['members:0', 0],
      ['bookings', 1],
      ['members:1', 1],
      ['members:2', 2],
      ['members:3', null],
      ['nope', null],
    ])
  })
})

describe('an older desktop (members schema v0) syncing with the upgraded server', () => {
  it('pulls v0 documents and pushes v0 edits without losing newer fields', async () => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const pulled = await (
      await app.request('/replication/members/0/pull?lwt=0&id=&limit=50', { admin: true })
    ).json()
    expect(pulled.documents).toHaveLength(5)
    for (const doc of pulled.documents) expect(doc).not.toHaveProperty('color')

    const current = await (
      await app.request('/replication/members/1/pull?lwt=0&id=&limit=50', { admin: true })
    ).json()
    const anaNow = current.documents.find((d: { id: string }) => d.id === 'm-ana')
    // A newer desktop picks a color through the current endpoint.
    const colored = await app.request('/replication/members/1/push', {
      method: 'POST',
      admin: true,
      body: [{ newDocumentState: { ...anaNow, color: '#b83280' }, assumedMasterState: anaNow }],
    })
    expect(await colored.json()).toEqual([])
    const anaColored = (
      await (
        await app.request('/replication/members/0/pull?lwt=0&id=&limit=50', { admin: true })
      ).json()
    ).documents.find((d: { id: string }) => d.id === 'm-ana')
    expect(anaColored).not.toHaveProperty('color')

    const push = await app.request('/replication/members/0/push', {
      method: 'POST',
      admin: true,
      body: [
        {
          newDocumentState: { ...anaColored, name: 'Ana Silva-Costa' },
          assumedMasterState: anaColored,
        },
      ],
    })
    expect(push.status).toBe(200)
    expect(await push.json()).toEqual([])
    const ws = await (await app.request('/api/admin/workspace', { admin: true })).json()
    expect(ws.members.find((m: { id: string }) => m.id === 'm-ana')).toMatchObject({
      name: 'Ana Silva-Costa',
      color: '#b83280',
    })
  })

  it('answers a stale v0 push with the conflicting document in v0 shape', async () => {
    app = await startTestApp({ workspace: demoWorkspace(NOW) })
    const pulled = await (
      await app.request('/replication/members/0/pull?lwt=0&id=&limit=50', { admin: true })
    ).json()
    const ben = pulled.documents.find((d: { id: string }) => d.id === 'm-ben')
    const stale = { ...ben, name: 'Someone else renamed first' }
    await app.request('/replication/members/0/push', {
      method: 'POST',
      admin: true,
      body: [{ newDocumentState: stale, assumedMasterState: ben }],
    })
    const res = await app.request('/replication/members/0/push', {
      method: 'POST',
      admin: true,
      body: [{ newDocumentState: { ...ben, name: 'Late rename' }, assumedMasterState: ben }],
    })
    const conflicts = await res.json()
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]).toMatchObject({ id: 'm-ben', name: 'Someone else renamed first' })
    expect(conflicts[0]).not.toHaveProperty('color')
  })

  it('refuses a schema version newer than the server knows', async () => {
    app = await startTestApp()
    const res = await app.request('/replication/members/7/pull?lwt=0&id=&limit=5', { admin: true })
    expect(res.status).toBe(404)
    const stream = await app.request('/replication/stream?collections=members:7', { admin: true })
    expect(stream.status).toBe(400)
  })
})
