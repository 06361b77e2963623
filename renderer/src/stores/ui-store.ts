import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { SYNC_STATUS_INITIAL } from '../sync/sync-status'
import type { SyncStatus } from '../sync/sync-status'

export type View = 'team' | 'calendar' | 'bookings' | 'pools' | 'setup' | 'conflicts' | 'settings'

/** The reassign dialog: which booking seat, and the member it was dropped on (if any). */
export interface ReassignIntent {
  readonly bookingId: string
  readonly fromMemberId: string
  readonly toMemberId: string | null
}

/** UI and session state only; workspace data lives in RxDB. */
export interface UiState {
  readonly view: View
  readonly syncStatus: SyncStatus
  /** The day the calendar board shows, `YYYY-MM-DD` in the scheduler's zone; null = today. */
  readonly boardDate: string | null
  readonly reassign: ReassignIntent | null
  /** Who is at the desk: recorded as `by` in booking history. Kept across restarts. */
  readonly schedulerName: string
  setView(view: View): void
  setSyncStatus(status: SyncStatus): void
  setBoardDate(date: string | null): void
  openReassign(intent: ReassignIntent): void
  closeReassign(): void
  setSchedulerName(name: string): void
}

/** Who acts when no name was entered. */
export const DEFAULT_SCHEDULER_NAME = 'front desk'

/** Builds a fresh store (tests build their own); only the scheduler's name is persisted. */
export function createUiStore() {
  return create<UiState>()(
    persist(
      (set) => ({
        view: 'team',
        syncStatus: SYNC_STATUS_INITIAL,
        boardDate: null,
        reassign: null,
        schedulerName: DEFAULT_SCHEDULER_NAME,
        setView: (view) => set({ view }),
        setSyncStatus: (syncStatus) => set({ syncStatus }),
        setBoardDate: (boardDate) => set({ boardDate }),
        openReassign: (reassign) => set({ reassign }),
        closeReassign: () => set({ reassign: null }),
        setSchedulerName: (name) => set({ schedulerName: name.trim() || DEFAULT_SCHEDULER_NAME }),
      }),
      {
        name: 'teamslot.ui',
        storage: createJSONStorage(() => localStorage),
        partialize: (state) => ({ schedulerName: state.schedulerName }),
      },
    ),
  )
}

/** The app's store. */
export const useUiStore = createUiStore()
