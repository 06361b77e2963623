import { afterEach, describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import type { AppDatabase } from './database'
import { testDatabaseOpen } from './test-database'
import { unsyncedChangesCreate } from './unsynced-changes'
import { writesCreate } from './writes'

const ws = demoWorkspace('2027-03-15T08:00:00.000Z')
let db: AppDatabase | undefined
afterEach(async () => {
  await db?.destroy()
  db = undefined
})

describe('writesCreate', () => {
  it('refuses a record core rejects, with every problem at its path, and writes nothing', async () => {
    db = await testDatabaseOpen(ws)
    const unsynced = unsyncedChangesCreate(null, 'k')
    const writes = writesCreate(db, unsynced)
    const pool = {
      ...ws.pools[0]!,
      id: 'pool-new',
      name: '',
      members: [{ memberId: 'm-ana', priority: 11 }],
    }
    const result = await writes.recordSave(ws, 'pools', pool)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => p.path).sort()).toEqual(['members.0.priority', 'name'])
    expect(await db.pools.findOne('pool-new').exec()).toBeNull()
    expect(unsynced.snapshot().size).toBe(0)
  })

  it('saves what core accepts and marks it as waiting to sync', async () => {
    db = await testDatabaseOpen(ws)
    const unsynced = unsyncedChangesCreate(null, 'k')
    const writes = writesCreate(db, unsynced)
    const result = await writes.recordSave(ws, 'pools', { ...ws.pools[0]!, name: 'Sales EMEA' })
    expect(result.ok).toBe(true)
    expect((await db.pools.findOne('pool-sales').exec())?.get('name')).toBe('Sales EMEA')
    expect([...unsynced.snapshot().keys()]).toEqual(['pools:pool-sales'])
  })

  it('refuses to delete what a master page still routes to, naming it', async () => {
    db = await testDatabaseOpen(ws)
    const writes = writesCreate(db, unsyncedChangesCreate(null, 'k'))
    const result = await writes.recordRemove(ws, 'pools', 'pool-apac')
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.message).toContain('Talk to sales')
    expect(await db.pools.findOne('pool-apac').exec()).not.toBeNull()
  })

  it('stores a changed booking and keeps the server’s own fields', async () => {
    db = await testDatabaseOpen(ws)
    const booking = ws.bookings.find((b) => b.status === 'scheduled')!
    await (await db.bookings.findOne(booking.id).exec())!.incrementalPatch({
      manageToken: 'secret',
    })
    const writes = writesCreate(db, unsyncedChangesCreate(null, 'k'))
    await writes.bookingPut({ ...booking, status: 'cancelled' })
    const doc = await db.bookings.findOne(booking.id).exec()
    expect(doc?.get('status')).toBe('cancelled')
    expect(doc?.get('manageToken')).toBe('secret')
  })

  it('writes the desk’s manage token with a new booking, never over a stored one', async () => {
    db = await testDatabaseOpen(ws)
    const writes = writesCreate(db, unsyncedChangesCreate(null, 'k'))
    const booking = ws.bookings.find((b) => b.status === 'scheduled')!
    const fresh = { ...booking, id: 'bk-desk-new' }
    await writes.bookingPut(fresh, 'Desk-token-0123456789abcdefghijkl')
    expect((await db.bookings.findOne('bk-desk-new').exec())?.get('manageToken')).toBe(
      'Desk-token-0123456789abcdefghijkl',
    )
    await writes.bookingPut({ ...fresh, status: 'cancelled' }, 'Another-token-0123456789abcdefgh')
    expect((await db.bookings.findOne('bk-desk-new').exec())?.get('manageToken')).toBe(
      'Desk-token-0123456789abcdefghijkl',
    )
  })
})
