import { afterEach, describe, expect, it } from 'vitest'
import { cancelDecide, rescheduleDecide } from '../../../core/src/booking'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import type { Workspace } from '../../../core/src/model/workspace'
import { clockReplace } from '../clock'
import type { ChangeOutcome } from './booking-changes'
import { dataLayerCreate } from './data-layer'
import type { DataLayer } from './data-layer'
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

async function open(windowMs = 30) {
  restoreClock = clockReplace({ now: () => Date.parse(NOW) })
  const db = await testDatabaseOpen(ws)
  layer = dataLayerCreate(db, { undoWindowMs: windowMs })
  await new Promise<void>((resolve) => {
    if (layer!.store.getSnapshot()) return resolve()
    const stop = layer!.store.subscribe(() => {
      stop()
      resolve()
    })
  })
  return layer
}

function nextOutcome(l: DataLayer): Promise<ChangeOutcome> {
  return new Promise((resolve) => {
    const stop = l.changes.onOutcome((outcome) => {
      stop()
      resolve(outcome)
    })
  })
}

const future = ws.bookings.find(
  (b) => b.status === 'scheduled' && Date.parse(b.start) > Date.parse(NOW) + 86_400_000,
)!

describe('bookingChanges', () => {
  it('shows a change at once and writes it when the undo window closes', async () => {
    const l = await open()
    const result = l.changes.propose({
      label: 'Cancelled',
      decide: (w, now) => cancelDecide(w, { bookingId: future.id, by: 'Maya' }, now),
    })
    expect(result.ok).toBe(true)
    const shown = l.store.getSnapshot()!
    expect(shown.workspace.bookings.find((b) => b.id === future.id)?.status).toBe('cancelled')
    expect(shown.pending.has(future.id)).toBe(true)
    expect((await l.db.bookings.findOne(future.id).exec())?.get('status')).toBe('scheduled')
    const outcome = await nextOutcome(l)
    expect(outcome.kind).toBe('written')
    expect((await l.db.bookings.findOne(future.id).exec())?.get('status')).toBe('cancelled')
    expect(l.store.getSnapshot()!.pending.size).toBe(0)
    expect(l.store.getSnapshot()!.unsynced.has(`bookings:${future.id}`)).toBe(true)
  })

  it('writes nothing when undone within the window', async () => {
    const l = await open(20)
    const result = l.changes.propose({
      label: 'Cancelled',
      decide: (w, now) => cancelDecide(w, { bookingId: future.id, by: 'Maya' }, now),
    })
    if (!result.ok) throw new Error(result.message)
    expect(l.changes.undo(result.change.id)).toBe(true)
    expect(l.store.getSnapshot()!.workspace.bookings.find((b) => b.id === future.id)?.status).toBe(
      'scheduled',
    )
    // A later change is written; the undone one never is.
    const other = ws.bookings.find(
      (b) =>
        b.status === 'scheduled' &&
        b.id !== future.id &&
        Date.parse(b.start) > Date.parse(NOW) + 86_400_000,
    )!
    l.changes.propose({
      label: 'other',
      decide: (w, now) => cancelDecide(w, { bookingId: other.id, by: 'Maya' }, now),
    })
    await nextOutcome(l)
    expect((await l.db.bookings.findOne(future.id).exec())?.get('status')).toBe('scheduled')
    expect((await l.db.bookings.findOne(other.id).exec())?.get('status')).toBe('cancelled')
  })

  it('refuses a change core refuses, showing nothing', async () => {
    const l = await open()
    const past = ws.bookings.find((b) => b.status === 'completed')!
    const result = l.changes.propose({
      label: 'Cancelled',
      decide: (w, now) => cancelDecide(w, { bookingId: past.id, by: 'Maya' }, now),
    })
    expect(result).toMatchObject({ ok: false, message: 'A completed booking cannot be cancelled' })
    expect(l.store.getSnapshot()!.pending.size).toBe(0)
  })

  it('decides again when writing: a time taken meanwhile is refused, not double booked', async () => {
    const l = await open(60_000)
    const target = ws.bookings.find(
      (b) =>
        b.hostMemberIds[0] === future.hostMemberIds[0] &&
        b.eventTypeId === future.eventTypeId &&
        b.status === 'scheduled' &&
        b.id !== future.id &&
        Date.parse(b.start) > Date.parse(NOW) + 86_400_000,
    )!
    // The target's booking is cancelled, so its time is free…
    await l.writes.bookingPut({ ...target, status: 'cancelled' })
    await untilShown(l, (w) => w.bookings.find((b) => b.id === target.id)?.status === 'cancelled')
    const startMs = Date.parse(target.start)
    const result = l.changes.propose({
      label: 'Moved',
      decide: (w, now) => rescheduleDecide(w, { bookingId: future.id, startMs, by: 'Maya' }, now),
    })
    expect(result.ok).toBe(true)
    // …but before the move is written, that booking comes back (e.g. from the server).
    await l.writes.bookingPut(target)
    await untilShown(l, (w) => w.bookings.find((b) => b.id === target.id)?.status === 'scheduled')
    const outcome = nextOutcome(l)
    await l.changes.flush()
    expect((await outcome).kind).toBe('refused')
    expect((await l.db.bookings.findOne(future.id).exec())?.get('start')).toBe(future.start)
  })
})

/** Resolves once the shared workspace satisfies `predicate` (RxDB answers asynchronously). */
function untilShown(l: DataLayer, predicate: (w: Workspace) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const shown = l.store.getSnapshot()?.workspace
      if (shown && predicate(shown)) {
        stop()
        resolve()
      }
    }
    const stop = l.store.subscribe(check)
    check()
  })
}
