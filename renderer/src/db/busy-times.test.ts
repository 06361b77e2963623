import { afterEach, describe, expect, it } from 'vitest'
import { rescheduleAvailability } from '../../../core/src/booking'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import { clockReplace } from '../clock'
import { dataLayerCreate } from './data-layer'
import type { DataLayer } from './data-layer'
import type { AppDoc } from './database'
import { testDatabaseOpen } from './test-database'

const NOW = '2027-03-15T08:00:00.000Z'
const ws = demoWorkspace(NOW)
let layer: DataLayer | undefined
let restoreClock: (() => void) | undefined
afterEach(async () => {
  layer?.destroy()
  await layer?.db.destroy()
  restoreClock?.()
  layer = undefined
})

/** Resolves once the store's snapshot satisfies `test`. */
function snapshotWhere(
  l: DataLayer,
  test: (s: NonNullable<ReturnType<DataLayer['store']['getSnapshot']>>) => boolean,
) {
  return new Promise<void>((resolve) => {
    const check = () => {
      const snapshot = l.store.getSnapshot()
      if (snapshot && test(snapshot)) {
        stop()
        resolve()
      }
    }
    const stop = l.store.subscribe(check)
    check()
  })
}

describe('busy times last synced from the server', () => {
  it('are used by desk decisions: a move into a member’s calendar time is refused, offline too', async () => {
    restoreClock = clockReplace({ now: () => Date.parse(NOW) })
    layer = dataLayerCreate(await testDatabaseOpen(ws), { undoWindowMs: 60_000 })
    await snapshotWhere(layer, (s) => s.workspace.members.length > 0)
    const booking = ws.bookings.find(
      (b) => b.status === 'scheduled' && b.hostMemberIds.length === 1 && b.start > NOW,
    )!
    const nowMs = Date.parse(NOW)
    const offered = rescheduleAvailability(ws, booking.id, nowMs, nowMs + 7 * 86_400_000, nowMs)
    const target = offered.ok ? offered.slots[0] : undefined
    expect(target).toBeDefined()
    const startMs = Date.parse(target!.start)
    const move = {
      label: 'Move',
      intent: {
        kind: 'reschedule',
        request: { bookingId: booking.id, startMs, by: 'desk' },
      },
    } as const
    const before = await layer.changes.propose(move)
    expect(before.ok).toBe(true)
    if (before.ok) layer.changes.undo(before.change.id)

    // The server's reading of the host's calendar arrives (as replication writes it).
    const host = booking.hostMemberIds[0]!
    await layer.db.memberbusy.insert({
      id: host,
      calendars: [
        {
          url: 'https://calendar.example/secret.ics',
          lastFetchedAt: NOW,
          lastSuccessAt: NOW,
          lastError: null,
          failures: 0,
          events: 1,
          intervals: [startMs + 10 * 60_000, startMs + 20 * 60_000],
          horizonFrom: NOW,
          horizonTo: '2028-04-18T08:00:00.000Z',
          etag: null,
          lastModified: null,
        },
      ],
      updatedAt: NOW,
    } as AppDoc)
    await snapshotWhere(layer, (s) => (s.workspace.busy?.[host]?.length ?? 0) > 0)
    expect(layer.store.getSnapshot()?.busyCalendars.get(host)).toEqual([
      {
        url: 'https://calendar.example/secret.ics',
        lastFetchedAt: NOW,
        lastSuccessAt: NOW,
        lastError: null,
        events: 1,
      },
    ])
    const after = await layer.changes.propose(move)
    expect(after.ok).toBe(false)
    expect(layer.store.replica()?.busy?.[host]).toEqual([
      [startMs + 10 * 60_000, startMs + 20 * 60_000],
    ])
  })
})
