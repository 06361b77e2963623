import { create } from 'zustand'
import { SYNC_STATUS_INITIAL } from '../sync/sync-status'
import type { SyncStatus } from '../sync/sync-status'
import type { BookAt } from '../calendar/book-at'

/** The reassign dialog: which booking seat, and the member it was dropped on (if any). */
export interface ReassignIntent {
  readonly bookingId: string
  readonly fromMemberId: string
  readonly toMemberId: string | null
}

/**
 * UI and session state only; workspace data lives in RxDB (read through the data layer), and
 * what the scheduler looks at (view, day, filters, open booking) lives in the URL.
 */
export interface UiState {
  readonly syncStatus: SyncStatus
  readonly reassign: ReassignIntent | null
  /**
   * The desk-booking dialog, opened on a day (`YYYY-MM-DD` in the scheduler's zone), and from a
   * click on the day board for one member at one time.
   */
  readonly newBooking: { readonly date: string; readonly at: BookAt | null } | null
  /** How Bookings was last shown (`week`, `month`, `list`): the navigation goes back to it. */
  readonly bookingsMode: string
  setSyncStatus(status: SyncStatus): void
  setBookingsMode(mode: string): void
  openReassign(intent: ReassignIntent): void
  closeReassign(): void
  openNewBooking(date: string, at?: BookAt): void
  closeNewBooking(): void
}

/** Builds a fresh store (tests build their own). Who acts is the signed-in person (`session-store.ts`). */
export function createUiStore() {
  return create<UiState>()((set) => ({
    syncStatus: SYNC_STATUS_INITIAL,
    reassign: null,
    newBooking: null,
    bookingsMode: 'week',
    setSyncStatus: (syncStatus) => set({ syncStatus }),
    setBookingsMode: (bookingsMode) => set({ bookingsMode }),
    openReassign: (reassign) => set({ reassign }),
    closeReassign: () => set({ reassign: null }),
    openNewBooking: (date, at) => set({ newBooking: { date, at: at ?? null } }),
    closeNewBooking: () => set({ newBooking: null }),
  }))
}

/** The app's store. */
export const useUiStore = createUiStore()
