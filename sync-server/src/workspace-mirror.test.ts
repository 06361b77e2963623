import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Booking } from '../../core/src/model/workspace'
import type { AnyDoc } from './database'
import { FIXTURE_NOW, fixtureWorkspace } from './test-support/fixtures'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'
import { WorkspaceMirror } from './workspace-mirror'

const MEMBERS = ['m-ana', 'm-ben', 'm-cai', 'm-dee']
const HOUR_MS = 3_600_000
const NOW_MS = Date.parse(FIXTURE_NOW)

let app: TestApp
/** A mirror of its own following the app's store (no ledgers: these bookings are in no pool). */
let mirror: WorkspaceMirror
beforeAll(async () => {
  app = await startTestApp({ workspace: fixtureWorkspace(), clock: fixedClock(FIXTURE_NOW) })
  mirror = await WorkspaceMirror.open(app.teamslot.db, { groups: () => [] }, NOW_MS)
})
afterAll(async () => {
  mirror.close()
  await app.close()
})

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
  it('always equal the window filtered by host and start, through any run of changes', async () => {
    let runs = 0
    /** The bookings stored by the current run (each run starts from an empty store). */
    const ids: string[] = []
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ operation, read: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        async (steps) => {
          const { db } = app.teamslot
          await db.bookings.bulkRemove(ids.splice(0))
          let next = 0
          const id = () => `bk-r${runs}-${next++}`
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
            if (read) mirror.memberBookingsStartingBetween('m-ana', NOW_MS, NOW_MS + 1)
          }
          const window = mirror.workspace().bookings
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
