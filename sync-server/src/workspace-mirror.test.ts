import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { Booking } from '../../core/src/model/workspace'
import type { AnyDoc } from './database'
import { desktopBooking, FIXTURE_NOW, fixtureWorkspace } from './test-support/fixtures'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'
import { WINDOW_PAST_DAYS, WorkspaceMirror } from './workspace-mirror'

let app: TestApp | undefined
let mirror: WorkspaceMirror | undefined
afterEach(async () => {
  mirror?.close()
  mirror = undefined
  await app?.close()
  app = undefined
})

const NO_HISTORY = { groups: () => [] }
const HOUR_MS = 3_600_000

/** A booking starting `hours` after 2027-03-11T00:00Z, one hour long. */
function booking(id: string, hours: number): AnyDoc {
  const start = Date.parse('2027-03-11T00:00:00.000Z') + hours * HOUR_MS
  return desktopBooking(
    id,
    'm-ana',
    new Date(start).toISOString(),
    new Date(start + HOUR_MS).toISOString(),
  ) as unknown as AnyDoc
}

async function openMirror(): Promise<{ app: TestApp; mirror: WorkspaceMirror }> {
  app = await startTestApp({ workspace: fixtureWorkspace(), clock: fixedClock(FIXTURE_NOW) })
  mirror = await WorkspaceMirror.open(app.teamslot.db, NO_HISTORY, Date.parse(FIXTURE_NOW))
  return { app, mirror }
}

const order = (m: WorkspaceMirror) => m.workspace().bookings.map((b) => `${b.id}@${b.start}`)

describe('WorkspaceMirror keeps the window ordered by start, then id', () => {
  it('after a bulk write nobody read in between, and after single updates between reads', async () => {
    const { app, mirror } = await openMirror()
    await app.teamslot.db.bookings.bulkUpsert([
      booking('b-1', 5),
      booking('b-2', 1),
      booking('b-3', 3),
    ])
    expect(mirror.workspace().bookings.map((b) => b.id)).toEqual(['b-2', 'b-3', 'b-1'])
    // One write that moves every booking: the order is rebuilt once, right.
    await app.teamslot.db.bookings.bulkUpsert([
      booking('b-1', 0),
      booking('b-2', 7),
      booking('b-3', 0),
      booking('b-4', 2),
    ])
    expect(mirror.workspace().bookings.map((b) => b.id)).toEqual(['b-1', 'b-3', 'b-4', 'b-2'])
    // Updates one at a time, each read before the next (the order is edited, not rebuilt).
    await app.teamslot.db.bookings.upsert(booking('b-2', -1))
    expect(mirror.workspace().bookings.map((b) => b.id)).toEqual(['b-2', 'b-1', 'b-3', 'b-4'])
    await app.teamslot.db.bookings.upsert(booking('b-1', 9))
    expect(mirror.workspace().bookings.map((b) => b.id)).toEqual(['b-2', 'b-3', 'b-4', 'b-1'])
    const before = order(mirror)
    await app.teamslot.db.bookings.upsert({ ...booking('b-3', 0), answers: { note: 'same start' } })
    expect(order(mirror)).toEqual(before)
    expect(
      mirror.bookingsStartingBetween(Date.parse('2027-03-11T00:00:00.000Z'), Infinity),
    ).toEqual(mirror.workspace().bookings.slice(1))
  })

  it('lets go of a booking moved out of the window and of a deleted one', async () => {
    const { app, mirror } = await openMirror()
    await app.teamslot.db.bookings.bulkUpsert([booking('b-1', 1), booking('b-2', 2)])
    expect(mirror.workspace().bookings.map((b) => b.id)).toEqual(['b-1', 'b-2'])
    // Ended a month before now: outside the window (the past week).
    await app.teamslot.db.bookings.upsert(booking('b-1', -30 * 24))
    expect(mirror.workspace().bookings.map((b) => b.id)).toEqual(['b-2'])
    expect(mirror.get('bookings', 'b-1')).toBeUndefined()
    await app.teamslot.db.bookings.upsert({ ...booking('b-2', 2), _deleted: true })
    expect(mirror.workspace().bookings).toEqual([])
  })
})

const MEMBERS = ['m-ana', 'm-ben', 'm-cai', 'm-dee']
const NOW_MS = Date.parse(FIXTURE_NOW)

/** A stored booking document of `hosts`, starting `hour` hours from now (negative: the past). */
function bookingDoc(id: string, hour: number, hosts: readonly string[], status: string): AnyDoc {
  const startMs = NOW_MS + hour * HOUR_MS
  return {
    id,
    eventTypeId: 'et-call',
    masterPageId: null,
    start: new Date(startMs).toISOString(),
    end: new Date(startMs + HOUR_MS / 2).toISOString(),
    hostMemberIds: [...hosts],
    poolId: null,
    panelId: null,
    status,
    customer: { name: 'Lee Park', email: 'lee@example.org', timeZone: 'UTC' },
    answers: {},
    createdVia: 'desktop',
    history: [{ at: FIXTURE_NOW, action: 'created', by: 'front desk' }],
    manageToken: null,
    idempotencyKey: null,
    updatedAt: FIXTURE_NOW,
  } as AnyDoc
}

const hour = fc.integer({ min: -24 * 12, max: 24 * 20 })
const hosts = fc.uniqueArray(fc.constantFrom(...MEMBERS), { minLength: 1, maxLength: 2 })
const status = fc.constantFrom('scheduled', 'cancelled', 'completed')
const operation = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('insert' as const), hour, hosts, status }),
    weight: 4,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), hour, hosts }),
    weight: 4,
  },
  { arbitrary: fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }), weight: 3 },
  {
    arbitrary: fc.record({
      kind: fc.constant('bulk' as const),
      hours: fc.array(hour, { maxLength: 6 }),
      hosts,
    }),
    weight: 3,
  },
  // More changes at once than the mirror follows one by one (it drops and rebuilds its lists).
  {
    arbitrary: fc.record({
      kind: fc.constant('bulk' as const),
      hours: fc.array(hour, { minLength: 257, maxLength: 260 }),
      hosts,
    }),
    weight: 1,
  },
)

describe("the mirror's bookings per host", () => {
  it('always equal the window filtered by host and start, through any run of changes, and the window is what the store holds, in order', async () => {
    const { app, mirror } = await openMirror()
    let runs = 0
    /** The bookings stored by the current run (each run starts from an empty store). */
    const ids: string[] = []
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ operation, read: fc.constantFrom('none', 'host', 'window') }), {
          minLength: 1,
          maxLength: 12,
        }),
        async (steps) => {
          const { db } = app.teamslot
          await db.bookings.bulkRemove(ids.splice(0))
          let next = 0
          const id = () => `bk-r${runs}-${next++}`
          // An array once handed out never changes (a long computation may still read it).
          const handed = mirror.workspace().bookings
          const handedCopy = [...handed]
          for (const { operation: op, read } of steps) {
            if (op.kind === 'insert') {
              ids.push(id())
              await db.bookings.insert(bookingDoc(ids.at(-1)!, op.hour, op.hosts, op.status))
            } else if (op.kind === 'bulk') {
              const docs = op.hours.map((h) => bookingDoc(id(), h, op.hosts, 'scheduled'))
              ids.push(...docs.map((doc) => doc.id))
              await db.bookings.bulkInsert(docs)
            } else if (ids.length > 0) {
              const target = ids[op.pick % ids.length]!
              const doc = await db.bookings.findOne(target).exec()
              if (op.kind === 'remove') await doc?.remove()
              else {
                const moved = bookingDoc(target, op.hour, op.hosts, 'scheduled')
                await doc?.incrementalPatch({
                  start: moved['start'],
                  end: moved['end'],
                  hostMemberIds: moved['hostMemberIds'],
                })
              }
            }
            if (read === 'host') mirror.memberBookingsStartingBetween('m-ana', NOW_MS, NOW_MS + 1)
            // A read of the start order applies the changes noted since the last one.
            if (read === 'window') mirror.bookingsStartingBetween(NOW_MS, NOW_MS + HOUR_MS)
          }
          expect(handed).toEqual(handedCopy)
          const window = mirror.workspace().bookings
          // The window is every stored booking ending after the cut-off, by start then id.
          const cutoff = NOW_MS - WINDOW_PAST_DAYS * 24 * HOUR_MS
          const stored = (await db.bookings.find().exec())
            .map((doc) => doc.toJSON() as unknown as Booking)
            .filter((b) => Date.parse(b.end) >= cutoff)
            .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : 1))
          expect(window.map((b) => `${b.id}@${b.start}`)).toEqual(
            stored.map((b) => `${b.id}@${b.start}`),
          )
          const from = NOW_MS - 9 * 24 * HOUR_MS
          const to = NOW_MS + 10 * 24 * HOUR_MS
          for (const member of MEMBERS) {
            const expected = window.filter(
              (b: Booking) =>
                b.hostMemberIds.includes(member) &&
                Date.parse(b.start) >= from &&
                Date.parse(b.start) < to,
            )
            expect(mirror.memberBookingsStartingBetween(member, from, to)).toEqual(expected)
          }
          runs++
        },
      ),
      { numRuns: 25 },
    )
  })
})
