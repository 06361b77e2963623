import { createContext, useContext, useEffect, useMemo, useSyncExternalStore } from 'react'
import { windowStartKey, windowStartMs } from '../../../core/src/booking/booking-window'
import { instantParse } from '../../../core/src/time'
import { bookingsByStart } from '../../../core/src/booking/bookings-search'
import type { Booking } from '../../../core/src/model/workspace'
import { bookingChangesCreate } from './booking-changes'
import type { BookingChanges } from './booking-changes'
import { bookingHistoryCreate } from './booking-history'
import { bookingSearchCreate } from './booking-search'
import type { BookingSearch, BookingSearchQuery, BookingSearchState } from './booking-search'
import type { BookingHistory, CountsRange, HistoryRange } from './booking-history'
import {
  bookingTallyAdd,
  bookingTallyAddCounts,
  bookingTallyCreate,
  bookingTallyResult,
} from '../../../core/src/reports/booking-counts'
import type { BookingCounts } from '../../../core/src/reports/booking-counts'
import { bookingWindowCreate } from './booking-window-state'
import type { BookingWindowState } from './booking-window-state'
import type { AppDatabase } from './database'
import { onEventStreamReopen } from './fetch-event-source'
import { ledgerBaselineCreate } from './ledger-baseline'
import { pendingJournalCreate } from './pending-journal'
import type { LedgerBaselineStore } from './ledger-baseline'
import type { SyncTarget } from './replication'
import type { KeyValueStorage, UnsyncedChanges } from './unsynced-changes'
import { unsyncedChangesCreate } from './unsynced-changes'
import type { LiveWorkspace, WorkspaceStore } from './workspace-store'
import { workspaceStoreCreate } from './workspace-store'
import type { Writes } from './writes'
import { writesCreate } from './writes'

/**
 * The renderer's one data layer for one local database: one workspace subscription shared by
 * every view (`store`), one module that writes (`writes`), booking changes with an undo window
 * (`changes`, kept on disk while they wait: changes an earlier run left are written on creation),
 * and the local writes still waiting to sync (`unsynced`). Decisions read the one clock
 * (`../clock.ts`).
 *
 * The replica holds setup records and a window of bookings (`window`: meetings ending at or after
 * its start, see `booking-window-state.ts`); older bookings are read from the server on demand
 * (`history`, in memory only), and pool statistics count all history through the pool-ledger
 * baseline (`baseline`), fetched when the window moves, when the server is reachable again and
 * when a change to a booking before the window arrives.
 */
export interface DataLayer {
  readonly db: AppDatabase
  readonly store: WorkspaceStore
  readonly writes: Writes
  readonly changes: BookingChanges
  readonly unsynced: UnsyncedChanges
  readonly window: BookingWindowState
  readonly baseline: LedgerBaselineStore
  readonly history: BookingHistory
  /** The sync server history is read from (null: none). */
  readonly remote: SyncTarget | null
  destroy(): void
}

/** Waits this long after a change to a booking before the window, then refetches the baseline. */
const BASELINE_STALE_DEBOUNCE_MS = 3000

/**
 * The longest the baseline waits for `baselineAfter` (the replica's first sync): a sync that
 * cannot finish (a push the server keeps refusing) must not keep the statistics from all history.
 */
export const BASELINE_WAIT_MAX_MS = 60_000

/**
 * Builds the data layer of `db`; `storage` keeps the unsynced marks (null: in memory); `remote`
 * is the sync server history and the baseline are read from (null: none, e.g. tests).
 */
export function dataLayerCreate(
  db: AppDatabase,
  options: {
    readonly storage?: KeyValueStorage | null
    readonly undoWindowMs?: number
    readonly remote?: SyncTarget | null
    /** How often the window start is re-read from the clock (tests shorten it). */
    readonly windowTickMs?: number
    /**
     * The baseline is fetched from the server only once this settles (the app passes the
     * replica's first sync) or after {@link BASELINE_WAIT_MAX_MS}; default: at once.
     */
    readonly baselineAfter?: Promise<unknown>
  } = {},
): DataLayer {
  const remote = options.remote ?? null
  const baseline = ledgerBaselineCreate(db, remote)
  const window = bookingWindowCreate(
    baseline,
    options.windowTickMs !== undefined ? { tickMs: options.windowTickMs } : {},
  )
  const store = workspaceStoreCreate(db, { window, baseline })
  const history = bookingHistoryCreate(remote)
  const unsynced = unsyncedChangesCreate(options.storage ?? null, `teamslot.unsynced.${db.name}`)
  const writes = writesCreate(db, unsynced)
  const changes = bookingChangesCreate({
    shown: () => store.getSnapshot()?.workspace,
    replica: () => store.replica(),
    writes,
    journal: pendingJournalCreate(db),
    ready: Promise.all([baseline.loaded, storeReady(store)]),
    publish: (pending) => store.setPending(pending),
    decisionState: (workspace) => store.decisionState(workspace),
    ...(options.undoWindowMs !== undefined ? { windowMs: options.undoWindowMs } : {}),
  })
  const publishUnsynced = () => store.setUnsynced(new Set(unsynced.snapshot().keys()))
  publishUnsynced()
  const stopUnsynced = unsynced.subscribe(publishUnsynced)
  const stopBaseline = remote
    ? baselineFollow(
        db,
        window,
        baseline,
        options.windowTickMs ?? 60_000,
        options.baselineAfter ?? Promise.resolve(),
      )
    : () => undefined
  return {
    db,
    remote,
    store,
    writes,
    changes,
    unsynced,
    window,
    baseline,
    history,
    destroy() {
      stopUnsynced()
      stopBaseline()
      changes.destroy()
      history.destroy()
      window.destroy()
      baseline.destroy()
      store.destroy()
    },
  }
}

/** Resolves once the store answered (its replica is there). */
function storeReady(store: WorkspaceStore): Promise<void> {
  return new Promise((resolve) => {
    if (store.replica()) return resolve()
    const stop = store.subscribe(() => {
      if (!store.replica()) return
      stop()
      resolve()
    })
  })
}

/**
 * Keeps the baseline current: fetched for the desktop's window start once the cached one is read
 * and whenever that start moves (daily), again whenever the server becomes reachable, and shortly
 * after a booking ending before the baseline's cutoff changed (history the baseline counted).
 * The first fetch, and those when the server becomes reachable, wait for `after` (the replica's
 * first sync, at most {@link BASELINE_WAIT_MAX_MS}): the server builds the baseline from all
 * history (one number per seat change; 5 MB and ~2 s of its one thread at 400,000 bookings), and
 * meanwhile it would answer none of the sync's pulls.
 */
function baselineFollow(
  db: AppDatabase,
  window: BookingWindowState,
  baseline: LedgerBaselineStore,
  tickMs: number,
  after: Promise<unknown>,
): () => void {
  let desired = window.desired()
  let stale: ReturnType<typeof setTimeout> | null = null
  let waitLimit: ReturnType<typeof setTimeout> | null = null
  const afterSync = Promise.race([
    after.catch(() => undefined),
    new Promise<void>((resolve) => (waitLimit = setTimeout(resolve, BASELINE_WAIT_MAX_MS))),
  ]).finally(() => {
    if (waitLimit) clearTimeout(waitLimit)
  })
  let isStopped = false
  void Promise.all([baseline.loaded, afterSync]).then(() => {
    if (!isStopped) void baseline.refresh(desired)
  })
  const tick = setInterval(() => {
    const next = window.desired()
    if (next === desired) return
    desired = next
    void baseline.refresh(desired)
  }, tickMs)
  const stopStream = onEventStreamReopen(() => {
    void afterSync.then(() => {
      if (!isStopped) void baseline.refresh(window.desired(), { force: true })
    })
  })
  const changes = db.bookings.$.subscribe((event) => {
    const held = baseline.current()
    const doc = event.documentData as { end?: unknown; _deleted?: boolean } | undefined
    if (!held || !doc || doc._deleted || typeof doc.end !== 'string') return
    if (doc.end >= windowStartKey(held.before)) return
    if (stale) clearTimeout(stale)
    stale = setTimeout(() => {
      stale = null
      void baseline.refresh(window.desired(), { force: true })
    }, BASELINE_STALE_DEBOUNCE_MS)
  })
  return () => {
    isStopped = true
    clearInterval(tick)
    if (stale) clearTimeout(stale)
    if (waitLimit) clearTimeout(waitLimit)
    stopStream()
    changes.unsubscribe()
  }
}

export const DataLayerContext = createContext<DataLayer | null>(null)

/** The data layer; throws outside a provider (a wiring bug, not a user error). */
export function useDataLayer(): DataLayer {
  const layer = useContext(DataLayerContext)
  if (!layer) throw new Error('useDataLayer needs a DataLayerContext provider')
  return layer
}

/** The live workspace every view shares; `undefined` until the database answered once. */
export function useWorkspace(): LiveWorkspace | undefined {
  const { store } = useDataLayer()
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** A time range `[fromMs, toMs)` in epoch ms. */
export interface TimeRange {
  readonly fromMs: number
  readonly toMs: number
}

/** The bookings of a range, and where the part before the replica's window stands. */
export interface BookingsInRange {
  /** By start, ties by id: the replica's, plus the history read so far. */
  readonly bookings: readonly Booking[]
  /**
   * The range's part before the replica's window, read from the server: null when the whole
   * range is inside the window; else loading, ready, offline ("not available offline"), failed
   * or too large to hold.
   */
  readonly history: HistoryRange | null
  /** The replica's window start (epoch ms): bookings ending before it come from history. */
  readonly windowStartMs: number
}

/**
 * The bookings overlapping `range` (the whole replica when absent), by start, ties by id: the one
 * place views read bookings through. Inside the replica's window they come from the replica
 * (pending changes shown); for a range reaching before it, the older part is read from the sync
 * server (in memory only; see `booking-history.ts`) and its state is in `history`. `undefined`
 * while the local database loads.
 */
export function useBookings(range?: TimeRange): BookingsInRange | undefined {
  const { history } = useDataLayer()
  const fromMs = range?.fromMs ?? Infinity
  const toMs = range?.toMs ?? -Infinity
  const { live, startMs, older } = useOlderPart(
    fromMs,
    toMs,
    range !== undefined,
    history.request,
    history.peek,
    LOADING,
  )
  const bookings = live?.workspace.bookings
  return useMemo(() => {
    if (!bookings) return undefined
    const overlaps = (b: Booking) =>
      range === undefined || (instantParse(b.start) < toMs && instantParse(b.end) > fromMs)
    const local = bookings.filter(overlaps)
    let all = local
    if (older?.status === 'ready') {
      const known = new Set(local.map((b) => b.id))
      all = [...local, ...older.bookings.filter((b) => !known.has(b.id) && overlaps(b))]
    }
    return { bookings: all.toSorted(bookingsByStart), history: older, windowStartMs: startMs }
    // `range` is read through fromMs/toMs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [bookings, fromMs, toMs, older, startMs])
}

/**
 * The part of `[fromMs, toMs)` before the replica's window, `[from, min(to, window start))`, asked
 * of the sync server through `ask` (let go when the view moves on: a read nobody waits for any
 * more is stopped) and followed through `peek`: null when there is no such part (or `isAsked` is
 * false), `loading` until the first answer.
 */
function useOlderPart<State>(
  fromMs: number,
  toMs: number,
  isAsked: boolean,
  ask: (fromMs: number, toMs: number) => () => void,
  peek: (fromMs: number, toMs: number) => State | undefined,
  loading: State,
): { live: LiveWorkspace | undefined; startMs: number; older: State | null } {
  const live = useWorkspace()
  const { history } = useDataLayer()
  const startMs = live ? windowStartMs(live.windowStart) : -Infinity
  const historyTo = Math.min(toMs, startMs)
  const needsHistory = isAsked && live !== undefined && fromMs < historyTo
  useEffect(() => {
    if (needsHistory) return ask(fromMs, historyTo)
    return undefined
  }, [ask, needsHistory, fromMs, historyTo])
  const older = useSyncExternalStore(history.subscribe, () =>
    needsHistory ? (peek(fromMs, historyTo) ?? loading) : null,
  )
  return { live, startMs, older }
}

/** {@link useBookingCounts}'s answer. */
export interface CountsInRange {
  /**
   * The bookings starting in the range, counted: the replica's from its window start on, plus the
   * sync server's counts of the part before it once read (see `history`).
   */
  readonly counts: BookingCounts
  /**
   * The part before the replica's window, counted by the server: null when the whole range is
   * inside the window; else loading, ready, offline or failed (then `counts` leaves it out).
   */
  readonly history: CountsRange | null
  /** The replica's window start (epoch ms). */
  readonly windowStartMs: number
}

/**
 * Reports' counts of the bookings starting in `[fromMs, toMs)`: the replica counts its part (offline
 * too), the sync server the part before the window (`GET /api/admin/booking-counts`, page by page
 * on its side: a quarter of a large team's history is never downloaded to be counted).
 */
export function useBookingCounts(fromMs: number, toMs: number): CountsInRange | undefined {
  const { history } = useDataLayer()
  const { live, startMs, older } = useOlderPart(
    fromMs,
    toMs,
    true,
    history.requestCounts,
    history.peekCounts,
    COUNTS_LOADING,
  )
  return useMemo(() => {
    if (!live) return undefined
    const tally = bookingTallyCreate()
    // The replica holds every booking ending at or after its window start, so every one
    // starting from it on: the server counts only what starts before it.
    const localFrom = Math.max(fromMs, startMs)
    for (const booking of live.workspace.bookings) bookingTallyAdd(tally, booking, localFrom, toMs)
    if (older?.status === 'ready')
      for (const part of older.counts) bookingTallyAddCounts(tally, part)
    return {
      counts: bookingTallyResult(tally, live.workspace),
      history: older,
      windowStartMs: startMs,
    }
  }, [live, fromMs, toMs, older, startMs])
}

/**
 * The list's search of the history before the replica's window (`booking-search.ts`), for
 * `query` (null: none asked, e.g. the range lies inside the window): a new search whenever the
 * query changes, the last one stopped. Null while none is asked.
 */
export function useBookingSearch(query: BookingSearchQuery | null): {
  readonly search: BookingSearch
  readonly state: BookingSearchState
} | null {
  const { remote } = useDataLayer()
  const key = query === null ? null : JSON.stringify(query)
  const search = useMemo(
    () =>
      key === null ? null : bookingSearchCreate(remote, JSON.parse(key) as BookingSearchQuery),
    [key, remote],
  )
  useEffect(() => search?.open(), [search])
  const state = useSyncExternalStore(
    search ? search.subscribe : noSubscription,
    () => search?.snapshot() ?? null,
  )
  return search === null || state === null ? null : { search, state }
}

const noSubscription = () => () => undefined

const LOADING: HistoryRange = { status: 'loading' }
const COUNTS_LOADING: CountsRange = { status: 'loading' }

/**
 * A booking from before the replica's window that a view read from the server (the week view,
 * reports): shown read-only, since decisions need it in the replica. Undefined when not held.
 */
export function useHistoryBooking(id: string): Booking | undefined {
  const { history } = useDataLayer()
  return useSyncExternalStore(history.subscribe, () => history.find(id))
}

/** The one module that writes. */
export function useWrites(): Writes {
  return useDataLayer().writes
}

/** Booking changes with an undo window. */
export function useBookingChanges(): BookingChanges {
  return useDataLayer().changes
}
