import { afterEach, describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import { workspaceToDocuments } from '../../../core/src/schema/workspace-documents'
import type { AppDatabase, AppDoc } from './database'
import { testDatabaseOpen } from './test-database'
import {
  REBUILD_PACED_FROM_MS,
  REBUILD_PAUSE_FACTOR,
  rebuildPacer,
  workspaceStoreCreate,
} from './workspace-store'
import type { PacerClock, WorkspaceStore } from './workspace-store'

/** A clock that moves only when told, and timers that fire only when it reaches them. */
function manualClock() {
  let at = 0
  const timers: { at: number; run: () => void }[] = []
  const clock: PacerClock = {
    now: () => at,
    later(run, ms) {
      const timer = { at: at + ms, run }
      timers.push(timer)
      return () => timers.splice(timers.indexOf(timer) >>> 0, 1)
    },
  }
  return {
    clock,
    /** Moves the clock by `ms` (a rebuild "costing" `ms` calls this). */
    spend(ms: number) {
      at += ms
    },
    /** Moves the clock to `to` and fires the timers due by then. */
    advanceTo(to: number) {
      at = to
      for (const timer of timers.filter((t) => t.at <= to)) {
        timers.splice(timers.indexOf(timer), 1)
        timer.run()
      }
    },
    waiting: () => timers.length,
  }
}

describe('rebuildPacer', () => {
  it('rebuilds at once on every change while rebuilds are cheap', () => {
    const time = manualClock()
    let runs = 0
    const pacer = rebuildPacer(() => {
      runs += 1
      time.spend(REBUILD_PACED_FROM_MS - 1)
    }, time.clock)
    for (let i = 0; i < 5; i += 1) pacer.changed()
    expect(runs).toBe(5)
    expect(time.waiting()).toBe(0)
  })

  it('after a costly rebuild, coalesces the changes of the pause into one rebuild at its end', () => {
    const time = manualClock()
    const cost = 50
    const runsAt: number[] = []
    const pacer = rebuildPacer(() => {
      runsAt.push(time.clock.now())
      time.spend(cost)
    }, time.clock)
    pacer.changed()
    expect(runsAt).toEqual([0])
    const pauseEnds = cost + REBUILD_PAUSE_FACTOR * cost
    time.advanceTo(60)
    pacer.changed()
    pacer.changed()
    time.advanceTo(pauseEnds - 1)
    pacer.changed()
    expect(runsAt).toEqual([0])
    time.advanceTo(pauseEnds)
    expect(runsAt).toEqual([0, pauseEnds])
    // Rebuilding took at most 1/(1+factor) of the time.
    expect(cost / (pauseEnds - 0)).toBeLessThanOrEqual(1 / (1 + REBUILD_PAUSE_FACTOR))
  })

  it('flush runs a waiting rebuild now; stop drops it', () => {
    const time = manualClock()
    let runs = 0
    const pacer = rebuildPacer(() => {
      runs += 1
      time.spend(100)
    }, time.clock)
    pacer.changed()
    pacer.changed()
    expect(runs).toBe(1)
    pacer.flush()
    expect(runs).toBe(2)
    expect(time.waiting()).toBe(0)
    pacer.flush()
    expect(runs).toBe(2)
    pacer.changed()
    pacer.stop()
    time.advanceTo(10_000)
    expect(runs).toBe(2)
  })
})

describe('the workspace store under a burst of replicated writes', () => {
  let db: AppDatabase | undefined
  let store: WorkspaceStore | undefined
  afterEach(async () => {
    store?.destroy()
    await db?.destroy()
  })

  it('shows the latest replica after the pause, and a decision never reads a stale one', async () => {
    const ws = demoWorkspace('2027-03-15T08:00:00.000Z')
    const docs = workspaceToDocuments(ws, '2027-03-01T00:00:00.000Z')
    const [first, ...rest] = docs.bookings as AppDoc[]
    db = await testDatabaseOpen({ ...ws, bookings: [] })
    const time = manualClock()
    // Every rebuild "costs" 30 ms on this clock: the store paces them.
    const clock: PacerClock = {
      now: () => {
        const at = time.clock.now()
        time.spend(15)
        return at
      },
      later: (run, ms) => time.clock.later(run, ms),
    }
    store = workspaceStoreCreate(db, { pacing: clock })
    const shown = () => store?.getSnapshot()?.workspace.bookings.length ?? -1
    await until(() => shown() === 0)
    await db.bookings.insert(first!)
    await until(() => time.waiting() === 1)
    // The page arrived; the views still show the state before it …
    expect(shown()).toBe(0)
    await db.bookings.bulkInsert(rest)
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(time.waiting()).toBe(1)
    // … but what a change is decided against is the latest replica, at once.
    expect(store.replica()?.bookings.length).toBe(docs.bookings.length)
    expect(shown()).toBe(docs.bookings.length)
    expect(time.waiting()).toBe(0)
  })
})

/** Resolves once `test` holds, checked after each task (RxDB answers queries asynchronously). */
async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !test(); i += 1)
    await new Promise((resolve) => setTimeout(resolve, 0))
  expect(test()).toBe(true)
}
