import { createContext, useContext, useMemo, useSyncExternalStore } from 'react'
import { instantParse } from '../../../core/src/time'
import type { Booking } from '../../../core/src/model/workspace'
import { bookingChangesCreate } from './booking-changes'
import type { BookingChanges } from './booking-changes'
import type { AppDatabase } from './database'
import type { KeyValueStorage, UnsyncedChanges } from './unsynced-changes'
import { unsyncedChangesCreate } from './unsynced-changes'
import type { LiveWorkspace, WorkspaceStore } from './workspace-store'
import { workspaceStoreCreate } from './workspace-store'
import type { Writes } from './writes'
import { writesCreate } from './writes'

/**
 * The renderer's one data layer for one local database: one workspace subscription shared by
 * every view (`store`), one module that writes (`writes`), booking changes with an undo window
 * (`changes`), and the local writes still waiting to sync (`unsynced`). Decisions read the one
 * clock (`../clock.ts`).
 */
export interface DataLayer {
  readonly db: AppDatabase
  readonly store: WorkspaceStore
  readonly writes: Writes
  readonly changes: BookingChanges
  readonly unsynced: UnsyncedChanges
  destroy(): void
}

/** Builds the data layer of `db`; `storage` keeps the unsynced marks (null: in memory). */
export function dataLayerCreate(
  db: AppDatabase,
  options: { readonly storage?: KeyValueStorage | null; readonly undoWindowMs?: number } = {},
): DataLayer {
  const store = workspaceStoreCreate(db)
  const unsynced = unsyncedChangesCreate(options.storage ?? null, `teamslot.unsynced.${db.name}`)
  const writes = writesCreate(db, unsynced)
  const changes = bookingChangesCreate({
    shown: () => store.getSnapshot()?.workspace,
    replica: () => store.replica(),
    writes,
    publish: (pending) => store.setPending(pending),
    ...(options.undoWindowMs !== undefined ? { windowMs: options.undoWindowMs } : {}),
  })
  const publishUnsynced = () => store.setUnsynced(new Set(unsynced.snapshot().keys()))
  publishUnsynced()
  const stopUnsynced = unsynced.subscribe(publishUnsynced)
  return {
    db,
    store,
    writes,
    changes,
    unsynced,
    destroy() {
      stopUnsynced()
      store.destroy()
    },
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

/**
 * The bookings overlapping `range` (all when absent), by start: the one place views read
 * bookings through, so the replica behind it can later hold only a rolling window (with older
 * history fetched on demand) without touching the views. Ties by id. `undefined` while loading.
 */
export function useBookings(range?: TimeRange): readonly Booking[] | undefined {
  const live = useWorkspace()
  const bookings = live?.workspace.bookings
  const fromMs = range?.fromMs ?? -Infinity
  const toMs = range?.toMs ?? Infinity
  return useMemo(() => {
    if (!bookings) return undefined
    return bookings
      .filter((b) => instantParse(b.start) < toMs && instantParse(b.end) > fromMs)
      .toSorted((a, b) => instantParse(a.start) - instantParse(b.start) || a.id.localeCompare(b.id))
  }, [bookings, fromMs, toMs])
}

/** The one module that writes. */
export function useWrites(): Writes {
  return useDataLayer().writes
}

/** Booking changes with an undo window. */
export function useBookingChanges(): BookingChanges {
  return useDataLayer().changes
}
