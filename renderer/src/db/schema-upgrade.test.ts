import type { RxJsonSchema } from 'rxdb'
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory'
import { afterEach, describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import { memberSchema } from '../../../core/src/schema/collections'
import { memberColorFor } from '../../../core/src/schema/migrations'
import { startTestApp, TEST_TOKEN } from '../../../sync-server/src/test-support/test-app'
import type { TestApp } from '../../../sync-server/src/test-support/test-app'
import { openAppDatabase } from './database'
import type { AppDatabase, AppDoc } from './database'
import { replicationStart } from './replication'
import type { Replication } from './replication'

/** The members schema as version 0 desktops had it (before `color`). */
function memberSchemaV0(): RxJsonSchema<AppDoc> {
  const { color: _color, ...properties } = memberSchema.properties
  return { ...memberSchema, version: 0, properties } as unknown as RxJsonSchema<AppDoc>
}

let server: TestApp | undefined
let db: AppDatabase | undefined
let replication: Replication | undefined
let counter = 0
afterEach(async () => {
  await replication?.cancel()
  await db?.destroy()
  await server?.close()
  replication = db = server = undefined
})

describe('a desktop upgraded from members schema v0 to v1', () => {
  it('migrates its stored members on open, giving each its default color', async () => {
    const name = `upgrade-local-${counter++}`
    const storage = getRxStorageMemory()
    const old = await openAppDatabase(name, storage, { members: memberSchemaV0() })
    await old.members.insert({
      id: 'm-ana',
      name: 'Ana Silva',
      email: 'ana@example.com',
      timeZone: 'Europe/Berlin',
      weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      dateOverrides: [],
      active: true,
    })
    await old.destroy()
    db = await openAppDatabase(name, storage)
    const ana = await db.members.findOne('m-ana').exec()
    expect(ana?.get('name')).toBe('Ana Silva')
    expect(ana?.get('color')).toBe(memberColorFor('m-ana'))
  })
})

describe('a desktop still on members schema v0 against an upgraded server', () => {
  it('pulls, receives live changes and pushes through the compatibility endpoints', async () => {
    server = await startTestApp({ workspace: demoWorkspace('2027-03-10T12:00:00.000Z') })
    db = await openAppDatabase(`upgrade-old-${counter++}`, getRxStorageMemory(), {
      members: memberSchemaV0(),
    })
    replication = replicationStart(db, { serverUrl: server.url, adminToken: TEST_TOKEN })
    await replication.awaitInSync()
    expect(await db.members.count().exec()).toBe(5)

    const ben = await db.members.findOne('m-ben').exec()
    await ben!.incrementalPatch({ name: 'Ben Okafor (old desktop)' })
    await replication.awaitInSync()
    const ws = await (await server.request('/api/admin/workspace', { admin: true })).json()
    expect(ws.members.find((m: { id: string }) => m.id === 'm-ben').name).toBe(
      'Ben Okafor (old desktop)',
    )

    ws.members.find((m: { id: string }) => m.id === 'm-dev').name = 'Dev Patel (server)'
    ws.members.find((m: { id: string }) => m.id === 'm-dev').color = '#c53030'
    await server.request('/api/admin/workspace', { method: 'PUT', admin: true, body: ws })
    await expect
      .poll(async () => (await db!.members.findOne('m-dev').exec())?.toJSON())
      .toMatchObject({ name: 'Dev Patel (server)' })
    expect((await db.members.findOne('m-dev').exec())?.toJSON()).not.toHaveProperty('color')
  })
})
