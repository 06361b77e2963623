import { afterEach, describe, expect, it } from 'vitest'
import type { AnyDoc } from './database'
import { desktopBooking, FIXTURE_NOW, fixtureWorkspace } from './test-support/fixtures'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'
import { WorkspaceMirror } from './workspace-mirror'

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
