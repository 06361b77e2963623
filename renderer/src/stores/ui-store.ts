import { create } from 'zustand'
import { SYNC_STATUS_INITIAL } from '../sync/sync-status'
import type { SyncStatus } from '../sync/sync-status'

export type View = 'team' | 'bookings' | 'settings'

/** UI and session state only; workspace data lives in RxDB. */
export interface UiState {
  readonly view: View
  readonly syncStatus: SyncStatus
  setView(view: View): void
  setSyncStatus(status: SyncStatus): void
}

/** Builds a fresh store (tests build their own). */
export function createUiStore() {
  return create<UiState>()((set) => ({
    view: 'team',
    syncStatus: SYNC_STATUS_INITIAL,
    setView: (view) => set({ view }),
    setSyncStatus: (syncStatus) => set({ syncStatus }),
  }))
}

/** The app's store. */
export const useUiStore = createUiStore()
