import { getRxStorageMemory } from 'rxdb/plugins/storage-memory'
import { firstValueFrom } from 'rxjs'
import { filter, map, scan } from 'rxjs/operators'
import { afterEach, describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import { startTestApp, TEST_TOKEN } from '../../../sync-server/src/test-support/test-app'
import type { TestApp } from '../../../sync-server/src/test-support/test-app'
import { openAppDatabase } from './database'
import type { AppDatabase } from './database'
import { replicationErrorText, replicationStart } from './replication'
import type { Replication } from './replication'

const NOW = '2027-03-10T12:00:00.000Z'
let server: TestApp | undefined
let db: AppDatabase | undefined
let replication: Replication | undefined
let dbCounter = 0

afterEach(async () => {
  await replication?.cancel()
  await db?.destroy()
  await server?.close()
  replication = db = server = undefined
})

async function connect() {
  server = await startTestApp({ workspace: demoWorkspace(NOW) })
  db = await openAppDatabase(`replication-test-${dbCounter++}`, getRxStorageMemory())
  replication = replicationStart(db, { serverUrl: server.url, adminToken: TEST_TOKEN })
  await replication.awaitInSync()
  return { server, db, replication }
}

describe('replicationStart', () => {
  it('pulls the whole workspace from the server', async () => {
    const { db } = await connect()
    expect(await db.members.count().exec()).toBe(5)
    expect(await db.bookings.count().exec()).toBe(demoWorkspace(NOW).bookings.length)
    expect(await db.masterpages.count().exec()).toBe(2)
  })

  it('pushes a local write to the server', async () => {
    const { db, server, replication } = await connect()
    const ana = await db.members.findOne('m-ana').exec()
    await ana!.incrementalPatch({ name: 'Ana Silva-Costa' })
    await replication.awaitInSync()
    const ws = await (await server.request('/api/admin/workspace', { admin: true })).json()
    expect(ws.members.find((m: { id: string }) => m.id === 'm-ana').name).toBe('Ana Silva-Costa')
  })

  it('receives a server-side change live over the multiplexed stream', async () => {
    const { db, server } = await connect()
    const ws = await (await server.request('/api/admin/workspace', { admin: true })).json()
    ws.members[0].name = 'Renamed On Server'
    await server.request('/api/admin/workspace', { method: 'PUT', admin: true, body: ws })
    const renamed = await firstValueFrom(
      db.members
        .findOne(ws.members[0].id)
        .$.pipe(filter((doc) => doc?.get('name') === 'Renamed On Server')),
    )
    expect(renamed?.get('name')).toBe('Renamed On Server')
  })

  it('reports the stream open once in sync and closed when the server is gone', async () => {
    const { server, replication } = await connect()
    const open = await firstValueFrom(
      replication.health$.pipe(filter((h) => h.isStreamOpen && !h.isActive)),
    )
    expect(open.isStreamOpen).toBe(true)
    await server.close()
    const closed = await firstValueFrom(replication.health$.pipe(filter((h) => !h.isStreamOpen)))
    expect(closed.isStreamOpen).toBe(false)
  })
})

describe('replication backoff', () => {
  it('waits longer after each failed request while the server is gone, up to the cap', async () => {
    server = await startTestApp({ workspace: demoWorkspace(NOW) })
    const url = server.url
    await server.close()
    server = undefined
    db = await openAppDatabase(`replication-test-${dbCounter++}`, getRxStorageMemory())
    replication = replicationStart(
      db,
      { serverUrl: url, adminToken: TEST_TOKEN },
      { backoffBaseMs: 20, backoffMaxMs: 160 },
    )
    // Seven collections fail at once; each failure doubles the next wait, up to the cap.
    const delays = await firstValueFrom(
      replication.health$.pipe(
        map((h) => h.retryDelayMs),
        filter((d): d is number => d !== null),
        scan((seen: number[], d) => (seen.at(-1) === d ? seen : [...seen, d]), []),
        filter((seen) => seen.includes(160)),
      ),
    )
    expect(delays.slice(0, 4)).toEqual([20, 40, 80, 160])
    expect(delays.at(-1)).toBe(160)
  })
})

describe('replicationErrorText', () => {
  it('reads the cause out of an RxDB replication error', () => {
    expect(
      replicationErrorText({
        parameters: { direction: 'pull', errors: { message: 'Failed to fetch' } },
      }),
    ).toBe('pull failed: Failed to fetch')
    expect(replicationErrorText(new Error('first line\nsecond'))).toBe('first line')
  })
})
