import { bookingWindowStart, windowStartEarlier } from '../../../core/src/booking/booking-window'
import type { WindowStart } from '../../../core/src/booking/booking-window'
import { clockNow } from '../clock'
import type { LedgerBaselineStore } from './ledger-baseline'

/** How often the window start is re-read from the clock (it moves once a day, at UTC midnight). */
const WINDOW_TICK_MS = 5 * 60_000

/**
 * The start of the bookings window this replica holds (core's `booking-window.ts`): every booking
 * whose meeting ends at or after it, which the windowed replication keeps, the data layer reads
 * and the purge keeps. It is the desktop's window start (`DESKTOP_WINDOW_PAST_DAYS` back) — or
 * the pool-ledger baseline's cutoff while that is earlier (a baseline fetched days ago, offline
 * since): the bookings between stay until a newer baseline counts them, so pool statistics stay
 * exact. It only moves forward while the clock does.
 */
export interface BookingWindowState {
  /** Resolves once the cached baseline was read: `current()` is settled from then on. */
  readonly ready: Promise<void>
  current(): WindowStart
  subscribe(listener: () => void): () => void
  /** The desktop's own window start now (what the next baseline should count up to). */
  desired(): WindowStart
  destroy(): void
}

export function bookingWindowCreate(
  baseline: Pick<LedgerBaselineStore, 'current' | 'subscribe' | 'loaded'>,
  options: { readonly tickMs?: number } = {},
): BookingWindowState {
  const listeners = new Set<() => void>()
  const desired = () => bookingWindowStart(clockNow())
  const compute = () => {
    const held = baseline.current()
    return held ? windowStartEarlier(desired(), held.before) : desired()
  }
  let start = compute()
  const update = () => {
    const next = compute()
    if (next === start) return
    start = next
    listeners.forEach((listener) => listener())
  }
  const stopBaseline = baseline.subscribe(update)
  const timer = setInterval(update, options.tickMs ?? WINDOW_TICK_MS)
  const ready = baseline.loaded.then(update)
  return {
    ready,
    current: () => start,
    desired,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    destroy() {
      clearInterval(timer)
      stopBaseline()
      listeners.clear()
    },
  }
}
