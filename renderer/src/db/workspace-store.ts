import { combineLatest, from, Observable } from 'rxjs'
import type { ObservedValueOf } from 'rxjs'
import type { Subscription } from 'rxjs'
import { distinctUntilChanged, switchMap, tap } from 'rxjs/operators'
import { windowStartKey } from '../../../core/src/booking/booking-window'
import type { WindowStart } from '../../../core/src/booking/booking-window'
import type { DecisionState } from '../../../core/src/booking/booking-types'
import { bookingConflicts, conflictsByBooking } from '../../../core/src/conflicts/booking-conflicts'
import type { BookingConflict } from '../../../core/src/conflicts/booking-conflicts'
import type { Booking } from '../../../core/src/model/workspace'
import {
  type BusyTimes,
  type MemberBusyRecord,
  busyTimesFromRecords,
} from '../../../core/src/availability/busy-times'
import { COLLECTION_NAMES } from '../../../core/src/schema/collections'
import type { CollectionName } from '../../../core/src/schema/collections'
import { SETTINGS_ID } from '../../../core/src/schema/records'
import { documentToRecord, recordsToWorkspace } from '../../../core/src/schema/workspace-documents'
import type { BookingWindowState } from './booking-window-state'
import type { AppDatabase, AppDoc } from './database'
import { decisionStateWith } from './decision-state'
import type { BaselineFetchState, LedgerBaselineStore } from './ledger-baseline'
import type { ChangeKey } from './unsynced-changes'

/** A booking change shown at once but written only when its undo window closes. */
export interface PendingChange {
  readonly id: string
  /** What happened, for people: "Moved Lee Park to 14:00". */
  readonly label: string
  /** The booking as the change would store it (new or changed). */
  readonly preview: Booking
  /** A new desk booking's manage token (generated at the desk, written with the booking). */
  readonly manageToken?: string
}

/** One of a member's busy calendars as the server last read it (synced, read-only). */
export interface BusyCalendarStatus {
  readonly url: string
  readonly lastFetchedAt: string | null
  readonly lastSuccessAt: string | null
  readonly lastError: string | null
  readonly events: number
}

/** What every view reads: the local replica with pending changes applied, and what derives. */
export interface LiveWorkspace {
  /**
   * The local replica as a v1 workspace, pending changes applied: what the views show and what
   * decisions read. Its bookings are the window's (meetings ending at or after `windowStart`);
   * `poolLedgers` count all history when the baseline is there (`decision-state.ts`). It carries
   * members' busy time from their own calendars as last synced from the server (`busy`), so every
   * decision a view asks of core respects it, offline too.
   */
  readonly workspace: DecisionState
  /** Members' busy calendars as the server last read them, by member id. */
  readonly busyCalendars: ReadonlyMap<string, readonly BusyCalendarStatus[]>
  /** The replica holds every booking whose meeting ends at or after this UTC date. */
  readonly windowStart: WindowStart
  /** The pool-ledger baseline in use (null: none fetched yet; pools count the window alone). */
  readonly baseline: { readonly before: WindowStart; readonly fetchedAt: number } | null
  /** How the last attempt to fetch the baseline went. */
  readonly baselineFetch: BaselineFetchState
  /** Every open conflict, derived from the bookings by core (never stored). */
  readonly conflictList: readonly BookingConflict[]
  /** The same conflicts by the booking ids they involve. */
  readonly conflicts: ReadonlyMap<string, readonly BookingConflict[]>
  /**
   * The manage-link secret of each booking that has one: stored with it (server-written, or the
   * desk's for its own bookings), and a new desk booking's while it waits for its undo window.
   */
  readonly manageTokens: ReadonlyMap<string, string>
  /** Booking id → the change waiting for its undo window to close. */
  readonly pending: ReadonlyMap<string, PendingChange>
  /** Local writes the server has not acknowledged (`collection:id`). */
  readonly unsynced: ReadonlySet<ChangeKey>
}

export interface WorkspaceStore {
  /** `undefined` until every collection answered once. */
  getSnapshot(): LiveWorkspace | undefined
  subscribe(listener: () => void): () => void
  /** The replica alone (no pending changes, busy time included): what a change is decided against when written. */
  replica(): DecisionState | undefined
  /** `workspace` with the pool ledgers of all history (see `LiveWorkspace.workspace`). */
  decisionState(workspace: DecisionState): DecisionState
  setPending(pending: readonly PendingChange[]): void
  setUnsynced(keys: ReadonlySet<ChangeKey>): void
  destroy(): void
}

/** Where the store reads the window and the baseline (absent: all bookings, no baseline). */
export interface WorkspaceStoreOptions {
  readonly window?: BookingWindowState
  readonly baseline?: LedgerBaselineStore
  /** The clock and timer rebuilds are paced by (tests pass their own; see {@link rebuildPacer}). */
  readonly pacing?: PacerClock
}

/** A monotonic clock in milliseconds and a one-shot timer. */
export interface PacerClock {
  now(): number
  later(run: () => void, ms: number): () => void
}

const realClock: PacerClock = {
  now: () => performance.now(),
  later(run, ms) {
    const timer = setTimeout(run, ms)
    return () => clearTimeout(timer)
  },
}

/**
 * A rebuild that took at least this long paces the next one (smaller workspaces rebuild on every
 * change, at once, as they always did).
 */
export const REBUILD_PACED_FROM_MS = 8
/** After a paced rebuild the next waits this many times its cost: rebuilding takes ≤ 1/(1+n) of the time. */
export const REBUILD_PAUSE_FACTOR = 4

/**
 * Runs `rebuild` for the latest of a burst of changes without letting it take the main thread:
 * a replication landing a page of bookings every ~100 ms (a first sync: ~50 pages at 400,000
 * stored bookings) would otherwise rebuild the workspace, its conflicts and every view for each
 * page — work that grows with the replica, so the sync's time grew with the square of its size.
 * When the last rebuild cost `c` ≥ {@link REBUILD_PACED_FROM_MS}, the next one waits until
 * {@link REBUILD_PAUSE_FACTOR}·`c` after it ended; changes meanwhile are coalesced into one
 * rebuild. `flush` runs a waiting rebuild now (what a decision reads must be the latest replica).
 */
export function rebuildPacer(rebuild: () => void, clock: PacerClock = realClock) {
  let waiting = false
  let cancel: (() => void) | undefined
  let readyAt = -Infinity
  const run = () => {
    cancel?.()
    cancel = undefined
    waiting = false
    const started = clock.now()
    rebuild()
    const ended = clock.now()
    const cost = ended - started
    readyAt = cost >= REBUILD_PACED_FROM_MS ? ended + REBUILD_PAUSE_FACTOR * cost : -Infinity
  }
  return {
    /** A change came: rebuild now, or once the pause after the last rebuild is over. */
    changed(): void {
      if (waiting) return
      const wait = readyAt - clock.now()
      if (wait <= 0) return run()
      waiting = true
      cancel = clock.later(run, wait)
    },
    /** Runs the waiting rebuild, if any, now. */
    flush(): void {
      if (waiting) run()
    },
    stop(): void {
      cancel?.()
      cancel = undefined
      waiting = false
    },
  }
}

/** The window start as an observable: once the window is ready, then every change. */
function windowStart$(window: BookingWindowState): Observable<WindowStart> {
  return from(window.ready).pipe(
    switchMap(
      () =>
        new Observable<WindowStart>((subscriber) => {
          subscriber.next(window.current())
          return window.subscribe(() => subscriber.next(window.current()))
        }),
    ),
    distinctUntilChanged(),
  )
}

/**
 * The one subscription to the local database: every collection is queried once, reassembled into
 * a workspace whenever any changes (locally or by replication), and shared by every view. Records
 * of unchanged documents keep their identity between snapshots (RxDB reuses document objects),
 * so views can memoise on them. Bookings are read through the `end` index: only the window's
 * (meetings ending at or after the window start), re-queried when the window moves, so memory
 * follows the window, not the history a local database may still hold.
 */
export function workspaceStoreCreate(
  db: AppDatabase,
  options: WorkspaceStoreOptions = {},
): WorkspaceStore {
  const listeners = new Set<() => void>()
  const recordOf = new WeakMap<object, Record<string, unknown>>()
  let replica: DecisionState | undefined
  let busyCalendars: ReadonlyMap<string, readonly BusyCalendarStatus[]> = new Map()
  // Busy time is rebuilt only when the busy documents changed (the query answers a new array).
  let busy: BusyTimes = {}
  let busyFrom: unknown = null
  let manageTokens: ReadonlyMap<string, string> = new Map()
  let pending: readonly PendingChange[] = []
  let unsynced: ReadonlySet<ChangeKey> = new Set()
  let snapshot: LiveWorkspace | undefined
  let windowStart: WindowStart = options.window?.current() ?? '0000-01-01'
  const baselineOf = () => options.baseline?.current() ?? null

  const toRecord = (doc: object & { toJSON(): unknown }) => {
    let record = recordOf.get(doc)
    if (!record) {
      record = documentToRecord(doc.toJSON() as AppDoc)
      recordOf.set(doc, record)
    }
    return record
  }

  function derive(): void {
    if (!replica) return
    let workspace: DecisionState = replica
    if (pending.length > 0) {
      const byId = new Map(pending.map((change) => [change.preview.id, change.preview]))
      const bookings = replica.bookings.map((b) => byId.get(b.id) ?? b)
      const known = new Set(replica.bookings.map((b) => b.id))
      for (const preview of byId.values()) if (!known.has(preview.id)) bookings.push(preview)
      workspace = { ...replica, bookings }
    }
    const conflictList = bookingConflicts(workspace.bookings, undefined, workspace.busy)
    const baseline = baselineOf()
    snapshot = {
      workspace: decisionStateWith(workspace, baseline),
      busyCalendars,
      windowStart,
      baseline: baseline ? { before: baseline.before, fetchedAt: baseline.fetchedAt } : null,
      baselineFetch: options.baseline?.fetchState() ?? 'idle',
      conflictList,
      conflicts: conflictsByBooking(conflictList),
      manageTokens: pending.some((change) => change.manageToken)
        ? new Map([
            ...manageTokens,
            ...pending.flatMap((change): [string, string][] =>
              change.manageToken ? [[change.preview.id, change.manageToken]] : [],
            ),
          ])
        : manageTokens,
      pending: new Map(pending.map((change) => [change.preview.id, change])),
      unsynced,
    }
    listeners.forEach((listener) => listener())
  }

  const { window } = options
  const bookings$ = window
    ? windowStart$(window).pipe(
        switchMap((start) =>
          db.bookings
            .find({ selector: { end: { $gte: windowStartKey(start) } } })
            .$.pipe(tap(() => (windowStart = start))),
        ),
      )
    : db.bookings.find().$
  const results$ = combineLatest([
    combineLatest(
      COLLECTION_NAMES.map((name) => (name === 'bookings' ? bookings$ : db[name].find().$)),
    ),
    db.memberbusy.find().$,
  ])
  let latest: ObservedValueOf<typeof results$> | undefined
  const pacer = rebuildPacer(() => {
    if (!latest) return
    const [results, busyDocs] = latest
    latest = undefined
    const records = new Map<CollectionName, readonly Record<string, unknown>[]>()
    COLLECTION_NAMES.forEach((name, i) => records.set(name, (results[i] ?? []).map(toRecord)))
    const settingsDoc = (results[COLLECTION_NAMES.indexOf('settings')] ?? []).find(
      (doc) => doc.primary === SETTINGS_ID,
    )
    if (busyDocs !== busyFrom) {
      busyFrom = busyDocs
      const busyRecords = busyDocs.map((doc) => doc.toJSON() as unknown as MemberBusyRecord)
      busy = busyTimesFromRecords(busyRecords)
      busyCalendars = new Map(
        busyRecords.map((record) => [
          record.id,
          (record.calendars as unknown as readonly BusyCalendarStatus[]).map((calendar) => ({
            url: calendar.url,
            lastFetchedAt: calendar.lastFetchedAt,
            lastSuccessAt: calendar.lastSuccessAt,
            lastError: calendar.lastError,
            events: calendar.events,
          })),
        ]),
      )
    }
    replica = {
      ...recordsToWorkspace(
        settingsDoc ? toRecord(settingsDoc) : null,
        (name) => records.get(name) ?? [],
      ),
      busy,
    }
    const tokens = new Map<string, string>()
    for (const doc of results[COLLECTION_NAMES.indexOf('bookings')] ?? []) {
      const token = doc.get('manageToken') as unknown
      if (typeof token === 'string' && token !== '') tokens.set(doc.primary, token)
    }
    manageTokens = tokens
    derive()
  }, options.pacing)
  const subscription: Subscription = results$.subscribe((value) => {
    latest = value
    pacer.changed()
  })

  const stopBaseline = options.baseline?.subscribe(derive)

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    replica: () => {
      pacer.flush()
      return replica
    },
    decisionState: (workspace) => decisionStateWith(workspace, baselineOf()),
    setPending(next) {
      pending = next
      if (latest) pacer.flush()
      else derive()
    },
    setUnsynced(keys) {
      unsynced = keys
      if (latest) pacer.flush()
      else derive()
    },
    destroy() {
      subscription.unsubscribe()
      pacer.stop()
      stopBaseline?.()
      listeners.clear()
    },
  }
}
