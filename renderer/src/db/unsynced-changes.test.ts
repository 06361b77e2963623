import { describe, expect, it } from 'vitest'
import { unsyncedChangesCreate } from './unsynced-changes'

function memoryStorage() {
  const map = new Map<string, string>()
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
  }
}

describe('unsyncedChangesCreate', () => {
  it('keeps a mark until the server has that version or a newer one', () => {
    const changes = unsyncedChangesCreate(null, 'k')
    changes.mark('bookings', 'bk-1', '2027-03-01T10:00:00.000Z')
    changes.acknowledge('bookings', 'bk-1', '2027-03-01T09:59:59.000Z')
    expect([...changes.snapshot().keys()]).toEqual(['bookings:bk-1'])
    changes.acknowledge('bookings', 'bk-1', '2027-03-01T10:00:00.000Z')
    expect(changes.snapshot().size).toBe(0)
  })

  it('clears everything written up to an in-sync moment, not what came after', () => {
    const changes = unsyncedChangesCreate(null, 'k')
    changes.mark('members', 'm-1', '2027-03-01T10:00:00.000Z')
    changes.mark('bookings', 'bk-2', '2027-03-01T10:00:05.000Z')
    changes.acknowledgeUpTo('2027-03-01T10:00:01.000Z')
    expect([...changes.snapshot().keys()]).toEqual(['bookings:bk-2'])
  })

  it('survives a reload (kept in storage) and tells subscribers', () => {
    const storage = memoryStorage()
    const first = unsyncedChangesCreate(storage, 'teamslot.unsynced.db')
    let calls = 0
    first.subscribe(() => (calls += 1))
    first.mark('bookings', 'bk-1', '2027-03-01T10:00:00.000Z')
    expect(calls).toBe(1)
    const reloaded = unsyncedChangesCreate(storage, 'teamslot.unsynced.db')
    expect([...reloaded.snapshot().keys()]).toEqual(['bookings:bk-1'])
  })

  it('two windows on one storage: neither drops the other’s marks, and a reload shows the other’s acknowledgements', () => {
    const storage = memoryStorage()
    // The window that replicates (the leader) and a second one that only writes.
    const leader = unsyncedChangesCreate(storage, 'k')
    const second = unsyncedChangesCreate(storage, 'k')
    second.mark('bookings', 'bk-2', '2027-03-01T10:00:05.000Z')
    leader.mark('bookings', 'bk-1', '2027-03-01T10:00:06.000Z')
    // The leader's write kept the second window's mark.
    expect(JSON.parse(storage.getItem('k')!)).toEqual({
      'bookings:bk-1': '2027-03-01T10:00:06.000Z',
      'bookings:bk-2': '2027-03-01T10:00:05.000Z',
    })
    // The leader's replication sent the second window's booking (one shared database).
    leader.acknowledge('bookings', 'bk-2', '2027-03-01T10:00:05.000Z')
    let told = 0
    second.subscribe(() => told++)
    expect([...second.snapshot().keys()]).toEqual(['bookings:bk-2'])
    second.reload()
    expect([...second.snapshot().keys()]).toEqual(['bookings:bk-1'])
    expect(told).toBe(1)
    second.reload()
    expect(told).toBe(1)
  })

  it('the replicating window learns another window’s mark from the storage event, then its acknowledgement clears it', () => {
    const storage = memoryStorage()
    const leader = unsyncedChangesCreate(storage, 'k')
    const second = unsyncedChangesCreate(storage, 'k')
    second.mark('members', 'm-zoe', '2027-03-01T10:00:05.000Z')
    // Before the event, the leader does not read the storage for each received document.
    leader.acknowledge('members', 'm-zoe', '2027-03-01T10:00:05.000Z')
    expect(JSON.parse(storage.getItem('k')!)).toEqual({
      'members:m-zoe': '2027-03-01T10:00:05.000Z',
    })
    leader.reload()
    leader.acknowledge('members', 'm-zoe', '2027-03-01T10:00:05.000Z')
    expect(JSON.parse(storage.getItem('k')!)).toEqual({})
    second.reload()
    expect(second.snapshot().size).toBe(0)
  })
})
