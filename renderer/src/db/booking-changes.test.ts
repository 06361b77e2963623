import { getRxStorageMemory } from 'rxdb/plugins/storage-memory'
import { afterEach, describe, expect, it } from 'vitest'
import { bookingDecide, pageAvailability } from '../../../core/src/booking'
import type { BookingRequest } from '../../../core/src/booking'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import type { Booking, Workspace } from '../../../core/src/model/workspace'
import { clockReplace } from '../clock'
import type { ChangeOutcome, ChangeRequest } from './booking-changes'
import { dataLayerCreate } from './data-layer'
import type { DataLayer } from './data-layer'
import type { AppDoc } from './database'
import { testDatabaseOpen } from './test-database'

const NOW = '2027-03-15T08:00:00.000Z'
const ws = demoWorkspace(NOW)
const open: DataLayer[] = []
let restoreClock: (() => void) | undefined
afterEach(async () => {
  for (const l of open.splice(0)) {
    l.destroy()
    await l.db.destroy()
  }
  restoreClock?.()
})

/** Opens a data layer (on `at`: the same database again, as after a restart). */
async function start(
  windowMs = 30,
  at?: { readonly name: string; readonly storage: ReturnType<typeof getRxStorageMemory> },
) {
  restoreClock?.()
  restoreClock = clockReplace({ now: () => Date.parse(NOW) })
  const db = await testDatabaseOpen(ws, at)
  const layer = dataLayerCreate(db, { undoWindowMs: windowMs })
  open.push(layer)
  await untilShown(layer, () => true)
  return layer
}

/** Closes `layer` as a crash does: no flush, timers gone, the database closed. */
async function crash(layer: DataLayer) {
  open.splice(open.indexOf(layer), 1)
  layer.destroy()
  await layer.db.destroy()
}

let counter = 0
/** A database that outlives one data layer (memory storage shared by name). */
function disk() {
  return { name: `changes-restart-${++counter}`, storage: getRxStorageMemory() }
}

function nextOutcome(l: DataLayer): Promise<ChangeOutcome> {
  return new Promise((resolve) => {
    const stop = l.changes.onOutcome((outcome) => {
      stop()
      resolve(outcome)
    })
  })
}

async function propose(l: DataLayer, request: ChangeRequest) {
  const result = await l.changes.propose(request)
  if (!result.ok) throw new Error(result.message)
  return result.change
}

const stored = async (l: DataLayer, id: string) =>
  (await l.db.bookings.findOne(id).exec())?.toJSON() as
    (Booking & { manageToken?: string }) | undefined

const futures = ws.bookings.filter(
  (b) => b.status === 'scheduled' && Date.parse(b.start) > Date.parse(NOW) + 86_400_000,
)
const future = futures[0]!
const other = futures.find((b) => b.id !== future.id)!

const cancel = (booking: Booking): ChangeRequest => ({
  label: `Cancelled ${booking.customer.name}`,
  intent: { kind: 'cancel', request: { bookingId: booking.id, by: 'Maya' } },
})
const move = (booking: Booking, startMs: number): ChangeRequest => ({
  label: `Moved ${booking.customer.name}`,
  intent: { kind: 'reschedule', request: { bookingId: booking.id, startMs, by: 'Maya' } },
})

/** A desk booking core accepts in the demo workspace: the first free time of a page. */
function deskBooking(bookingId: string): ChangeRequest {
  for (const page of ws.masterPages) {
    for (const eventTypeId of page.eventTypeIds) {
      const query = { masterPageId: page.id, eventTypeId }
      const from = Date.parse(NOW) + 2 * 86_400_000
      const slots = pageAvailability(
        ws,
        { ...query, fromMs: from, toMs: from + 7 * 86_400_000 },
        Date.parse(NOW),
      )
      for (const slot of slots.ok ? slots.slots : []) {
        const request: BookingRequest = {
          ...query,
          startMs: Date.parse(slot.start),
          customer: { name: 'Kim Lee', email: 'kim@example.org', timeZone: 'UTC' },
          answers: {},
          createdVia: 'desktop',
          by: 'Maya',
        }
        if (bookingDecide(ws, request, { nowMs: Date.parse(NOW), bookingId }).ok) {
          return {
            label: 'Booked Kim Lee',
            intent: { kind: 'book', bookingId, request },
            manageToken: 'token-read-out-to-kim-0123456789',
          }
        }
      }
    }
  }
  throw new Error('no free desk time in the demo workspace')
}

describe('bookingChanges', () => {
  it('shows a change at once and writes it when the undo window closes', async () => {
    const l = await start()
    await propose(l, cancel(future))
    const shown = l.store.getSnapshot()!
    expect(shown.workspace.bookings.find((b) => b.id === future.id)?.status).toBe('cancelled')
    expect(shown.pending.has(future.id)).toBe(true)
    expect((await stored(l, future.id))?.status).toBe('scheduled')
    const outcome = await nextOutcome(l)
    expect(outcome).toMatchObject({ kind: 'written', recovered: false })
    expect((await stored(l, future.id))?.status).toBe('cancelled')
    expect(l.store.getSnapshot()!.pending.size).toBe(0)
    expect(l.store.getSnapshot()!.unsynced.has(`bookings:${future.id}`)).toBe(true)
  })

  it('writes nothing when undone within the window', async () => {
    const l = await start(20)
    const change = await propose(l, cancel(future))
    expect(l.changes.undo(change.id)).toBe(true)
    expect(l.store.getSnapshot()!.workspace.bookings.find((b) => b.id === future.id)?.status).toBe(
      'scheduled',
    )
    // A later change is written; the undone one never is.
    await propose(l, cancel(other))
    await nextOutcome(l)
    expect((await stored(l, future.id))?.status).toBe('scheduled')
    expect((await stored(l, other.id))?.status).toBe('cancelled')
  })

  it('refuses a change core refuses, showing nothing', async () => {
    const l = await start()
    const past = ws.bookings.find((b) => b.status === 'completed')!
    const result = await l.changes.propose(cancel(past))
    expect(result).toMatchObject({ ok: false, message: 'A completed booking cannot be cancelled' })
    expect(l.store.getSnapshot()!.pending.size).toBe(0)
  })

  it('decides again when writing: a time taken meanwhile is refused, not double booked', async () => {
    const l = await start(60_000)
    const { target, startMs } = await freeTargetTime(l)
    await propose(l, move(future, startMs))
    // …but before the move is written, that booking comes back (e.g. from the server).
    await l.writes.bookingPut(target)
    await untilShown(l, (w) => w.bookings.find((b) => b.id === target.id)?.status === 'scheduled')
    const outcome = nextOutcome(l)
    await l.changes.flush()
    expect((await outcome).kind).toBe('refused')
    expect((await stored(l, future.id))?.start).toBe(future.start)
  })

  it('proposes a new booking once: the same booking proposed twice is one change', async () => {
    const l = await start(60_000)
    const request = deskBooking('bk-kim-once')
    const [first, second] = await Promise.all([
      l.changes.propose(request),
      l.changes.propose(request),
    ])
    expect(first.ok && second.ok && first.change.id === second.change.id).toBe(true)
    expect(l.store.getSnapshot()!.pending.size).toBe(1)
    await l.changes.flush()
    expect((await stored(l, 'bk-kim-once'))?.history).toHaveLength(1)
  })
})

describe('a new desk booking waiting for its undo window', () => {
  it('has its manage token already (the link read out to the customer works from the start)', async () => {
    const l = await start(60_000)
    await propose(l, deskBooking('bk-kim-waiting'))
    const snapshot = l.store.getSnapshot()!
    expect(snapshot.pending.has('bk-kim-waiting')).toBe(true)
    expect(await stored(l, 'bk-kim-waiting')).toBeUndefined()
    expect(snapshot.manageTokens.get('bk-kim-waiting')).toBe('token-read-out-to-kim-0123456789')
    await l.changes.flush()
    expect(l.store.getSnapshot()!.manageTokens.get('bk-kim-waiting')).toBe(
      'token-read-out-to-kim-0123456789',
    )
  })
})

describe('bookingChanges after a crash', () => {
  it('writes a pending desk booking on the next start, with its manage token', async () => {
    const at = disk()
    const before = await start(60_000, at)
    const change = await propose(before, deskBooking('bk-kim-crash'))
    await crash(before)

    const after = await start(60_000, at)
    await after.changes.recovered
    const booking = await stored(after, 'bk-kim-crash')
    expect(booking?.start).toBe(change.preview.start)
    expect(booking?.hostMemberIds).toEqual(change.preview.hostMemberIds)
    expect(booking?.manageToken).toBe('token-read-out-to-kim-0123456789')
    expect(after.store.getSnapshot()!.unsynced.has('bookings:bk-kim-crash')).toBe(true)
    // The outcome waits for the first listener (the UI subscribes after the data layer starts).
    expect(await nextOutcome(after)).toMatchObject({
      kind: 'written',
      recovered: true,
      change: { id: change.id, label: 'Booked Kim Lee' },
    })
    // Written once: a third start writes nothing more.
    await crash(after)
    const third = await start(60_000, at)
    await third.changes.recovered
    expect(third.store.getSnapshot()!.pending.size).toBe(0)
    expect((await stored(third, 'bk-kim-crash'))?.history).toHaveLength(1)
  })

  it('shows changes left by the last run as pending until they are written', async () => {
    const at = disk()
    const before = await start(60_000, at)
    await propose(before, cancel(future))
    await crash(before)
    const after = await start(60_000, at)
    // Nothing waits for a new undo window: written as soon as the replica is read.
    await after.changes.recovered
    expect((await stored(after, future.id))?.status).toBe('cancelled')
    expect(after.store.getSnapshot()!.pending.size).toBe(0)
  })

  it('does not write a change that was undone before the crash', async () => {
    const at = disk()
    const before = await start(60_000, at)
    const undone = await propose(before, cancel(future))
    expect(before.changes.undo(undone.id)).toBe(true)
    // The journal writes in order: once this one is stored, the undo is too.
    await propose(before, cancel(other))
    await crash(before)

    const after = await start(60_000, at)
    await after.changes.recovered
    expect((await stored(after, future.id))?.status).toBe('scheduled')
    expect((await stored(after, other.id))?.status).toBe('cancelled')
  })

  it('refuses, with core’s reason, a change that became impossible while the app was closed', async () => {
    const at = disk()
    const before = await start(60_000, at)
    const { target, startMs } = await freeTargetTime(before)
    await propose(before, move(future, startMs))
    await crash(before)
    // While closed, the booking at that time comes back (replication of another desk's undo).
    const closed = await testDatabaseOpen(ws, at)
    await closed.bookings.upsert({ ...target, updatedAt: NOW } as unknown as AppDoc)
    await closed.destroy()

    const after = await start(60_000, at)
    const outcome = nextOutcome(after)
    await after.changes.recovered
    const refused = await outcome
    expect(refused).toMatchObject({ kind: 'refused', recovered: true })
    expect(refused.kind === 'refused' && refused.message.length > 0).toBe(true)
    expect((await stored(after, future.id))?.start).toBe(future.start)
    expect(after.store.getSnapshot()!.pending.size).toBe(0)
  })

  it('writes the changes of the last run in the order they were proposed', async () => {
    const at = disk()
    const before = await start(60_000, at)
    const first = Date.parse(future.start) + 3_600_000
    const second = Date.parse(future.start) + 2 * 3_600_000
    // The second move is decided on top of the first (as shown): written in reverse, the
    // booking would end at the first time.
    const a = await propose(before, move(future, first))
    const b = await propose(before, move(future, second))
    await crash(before)

    const after = await start(60_000, at)
    const outcomes: ChangeOutcome[] = []
    after.changes.onOutcome((outcome) => outcomes.push(outcome))
    await after.changes.recovered
    expect(outcomes.map((o) => [o.kind, o.change.id])).toEqual([
      ['written', a.id],
      ['written', b.id],
    ])
    const end = await stored(after, future.id)
    expect(end?.start).toBe(new Date(second).toISOString())
    const moves = end?.history.filter((entry) => entry.action === 'rescheduled')
    expect(moves?.map((entry) => entry.previousStart)).toEqual([
      future.start,
      new Date(first).toISOString(),
    ])
  })

  it('does not write twice a change whose write finished just before the crash', async () => {
    const at = disk()
    const before = await start(60_000, at)
    const change = await propose(before, cancel(future))
    const journal = (await before.db.getLocal<{ entries: unknown[] }>('teamslot-pending-changes'))!
    // The crash came after the booking was written, before its journal entry was removed.
    const [entry] = journal.toJSON().data.entries as Record<string, unknown>[]
    await before.db.upsertLocal('teamslot-pending-changes', {
      entries: [{ ...entry, writing: change.preview }],
    })
    await before.writes.bookingPut(change.preview)
    await crash(before)

    const after = await start(60_000, at)
    await after.changes.recovered
    expect(await nextOutcome(after)).toMatchObject({ kind: 'written', recovered: true })
    expect((await stored(after, future.id))?.history).toHaveLength(future.history.length + 1)
  })
})

/** Cancels a booking of `future`'s host and type (its time is free now) and returns it. */
async function freeTargetTime(l: DataLayer) {
  const target = ws.bookings.find(
    (b) =>
      b.hostMemberIds[0] === future.hostMemberIds[0] &&
      b.eventTypeId === future.eventTypeId &&
      b.status === 'scheduled' &&
      b.id !== future.id &&
      Date.parse(b.start) > Date.parse(NOW) + 86_400_000,
  )!
  await l.writes.bookingPut({ ...target, status: 'cancelled' })
  await untilShown(l, (w) => w.bookings.find((b) => b.id === target.id)?.status === 'cancelled')
  return { target, startMs: Date.parse(target.start) }
}

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
