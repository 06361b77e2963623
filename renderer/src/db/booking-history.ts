import { HISTORY_READ_MAX_DAYS } from '../../../core/src/booking/booking-window'
import type { Booking } from '../../../core/src/model/workspace'
import type { BookingCounts } from '../../../core/src/reports/booking-counts'
import { MS_PER_DAY } from '../../../core/src/time/instant'
import { onServerBack } from './fetch-event-source'
import { remoteGetJson, ServerUnreachable } from './remote-api'
import type { SyncTarget } from './replication'

/**
 * Bookings older than the replica's window, read from the sync server when a view asks for a
 * range (`GET /api/admin/bookings?from&to&limit&cursor`, paged by the server's `start` index) and
 * kept in memory only — never in the replica, so history never grows the local database.
 *
 * Bounded: at most {@link HISTORY_CACHE_MAX_BOOKINGS} bookings are held; the ranges used longest
 * ago are let go first, and a single range larger than that is refused as too large. A range that
 * could not be read because the server is unreachable is "offline", and one that failed is
 * "failed": both are read again when a view asks for them again, and every such range as soon as
 * the event stream opens again (the server is back) or the browser is online again. A range longer
 * than the server reads at once ({@link HISTORY_READ_MAX_DAYS}) is read in consecutive parts. A
 * read no view waits for any more (the scheduler moved on, or typed a date digit by digit) is
 * stopped and forgotten.
 */

/** Bookings held in memory at most (a few busy months of a large team). */
export const HISTORY_CACHE_MAX_BOOKINGS = 20_000
/** Bookings per request. */
const PAGE_LIMIT = 1000

export type HistoryRange =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly bookings: readonly Booking[] }
  /** The server cannot be reached: history is not available offline. */
  | { readonly status: 'offline' }
  | { readonly status: 'failed'; readonly message: string }
  /** More bookings than the cache may hold. */
  | { readonly status: 'too-large' }

/**
 * The sync server's booking counts of a range (Reports before the window), one per part read
 * (see {@link HISTORY_READ_MAX_DAYS}); they count disjoint bookings, to be added up.
 */
export type CountsRange =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly counts: readonly BookingCounts[] }
  | { readonly status: 'offline' }
  | { readonly status: 'failed'; readonly message: string }

export interface BookingHistory {
  /** The stored bookings overlapping `[fromMs, toMs)` as far as read (undefined: not asked). */
  peek(fromMs: number, toMs: number): HistoryRange | undefined
  /**
   * Reads `[fromMs, toMs)` from the server unless it is held or being read (again if it was
   * offline or failed); the answer lets go of the request: a read nobody waits for is stopped.
   */
  request(fromMs: number, toMs: number): () => void
  /** The server's counts of the bookings starting in `[fromMs, toMs)` as far as read. */
  peekCounts(fromMs: number, toMs: number): CountsRange | undefined
  /** Counts `[fromMs, toMs)` on the server, as {@link request} reads bookings (same release). */
  requestCounts(fromMs: number, toMs: number): () => void
  /** A booking held from an earlier read (undefined: not held). */
  find(id: string): Booking | undefined
  subscribe(listener: () => void): () => void
  /** Bookings held in memory now. */
  size(): number
  destroy(): void
}

interface Entry {
  /** Bookings overlapping the range, or the counts of those starting in it. */
  readonly kind: 'bookings' | 'counts'
  readonly fromMs: number
  readonly toMs: number
  state: HistoryRange | CountsRange
  usedAt: number
  controller: AbortController | null
  /** Requests not yet let go. */
  holders: number
}

const LOADING: HistoryRange = { status: 'loading' }
const OFFLINE: HistoryRange = { status: 'offline' }
const TOO_LARGE: HistoryRange = { status: 'too-large' }

/**
 * The history reader of one server (`remote` null: every range is offline); `maxBookings`
 * defaults to {@link HISTORY_CACHE_MAX_BOOKINGS}, `pageLimit` (bookings per request) to 1000.
 */
export function bookingHistoryCreate(
  remote: SyncTarget | null,
  options: { readonly maxBookings?: number; readonly pageLimit?: number } = {},
): BookingHistory {
  const maxBookings = options.maxBookings ?? HISTORY_CACHE_MAX_BOOKINGS
  const pageLimit = options.pageLimit ?? PAGE_LIMIT
  const entries = new Map<string, Entry>()
  const listeners = new Set<() => void>()
  let tick = 0
  const publish = () => listeners.forEach((listener) => listener())

  async function read(entry: Entry): Promise<void> {
    if (!remote) {
      entry.state = OFFLINE
      return publish()
    }
    const controller = new AbortController()
    entry.controller = controller
    entry.state = LOADING
    publish()
    const bookings: Booking[] = []
    const seen = new Set<string>()
    try {
      if (entry.kind === 'counts') {
        const counts: BookingCounts[] = []
        for (const part of rangeParts(entry.fromMs, entry.toMs)) {
          const query = new URLSearchParams(part)
          counts.push(
            (await remoteGetJson(
              remote,
              `/api/admin/booking-counts?${query}`,
              controller.signal,
            )) as BookingCounts,
          )
        }
        entry.state = { status: 'ready', counts }
        return publish()
      }
      for (const part of rangeParts(entry.fromMs, entry.toMs)) {
        let cursor: string | null = null
        do {
          const query = new URLSearchParams({ ...part, limit: String(pageLimit) })
          if (cursor !== null) query.set('cursor', cursor)
          const page = (await remoteGetJson(
            remote,
            `/api/admin/bookings?${query}`,
            controller.signal,
          )) as { bookings: Booking[]; next: string | null }
          // A booking across two parts' boundary is in both.
          for (const booking of page.bookings) {
            if (seen.has(booking.id)) continue
            seen.add(booking.id)
            bookings.push(booking)
          }
          cursor = page.next
          if (bookings.length > maxBookings) {
            entry.state = TOO_LARGE
            return publish()
          }
        } while (cursor !== null)
      }
      entry.state = { status: 'ready', bookings }
      evict(entry)
    } catch (err) {
      if (controller.signal.aborted) return
      entry.state =
        err instanceof ServerUnreachable
          ? OFFLINE
          : { status: 'failed', message: err instanceof Error ? err.message : String(err) }
    } finally {
      if (entry.controller === controller) entry.controller = null
    }
    publish()
  }

  /** Lets go of the ranges used longest ago until the held bookings fit (never `keep`). */
  function evict(keep: Entry): void {
    let held = size()
    const byAge = [...entries.values()].sort((a, b) => a.usedAt - b.usedAt)
    for (const entry of byAge) {
      if (held <= maxBookings) return
      const bookings = heldBookings(entry)
      if (entry === keep || bookings === null) continue
      held -= bookings.length
      entries.delete(keyOf(entry.kind, entry.fromMs, entry.toMs))
    }
  }

  function size(): number {
    let held = 0
    for (const entry of entries.values()) held += heldBookings(entry)?.length ?? 0
    return held
  }

  /** Reads again every range that could not be read (the server is back). */
  function retry(): void {
    for (const entry of entries.values()) {
      if (couldNotRead(entry)) void read(entry)
    }
  }
  const stopFollowing = onServerBack(retry)

  /** The release of one request of `entry`: stops and forgets a read nobody waits for. */
  function releaseOf(entry: Entry): () => void {
    let isReleased = false
    return () => {
      if (isReleased) return
      isReleased = true
      entry.holders -= 1
      if (entry.holders > 0 || entry.state.status !== 'loading') return
      entry.controller?.abort()
      const key = keyOf(entry.kind, entry.fromMs, entry.toMs)
      if (entries.get(key) === entry) entries.delete(key)
    }
  }

  /** Asks for a range of `kind`: read unless held or being read (again when it could not be). */
  function ask(kind: Entry['kind'], fromMs: number, toMs: number): () => void {
    const key = keyOf(kind, fromMs, toMs)
    const existing = entries.get(key)
    tick += 1
    if (existing) {
      existing.usedAt = tick
      existing.holders += 1
      if (couldNotRead(existing)) void read(existing)
      return releaseOf(existing)
    }
    const entry: Entry = {
      kind,
      fromMs,
      toMs,
      state: LOADING,
      usedAt: tick,
      controller: null,
      holders: 1,
    }
    entries.set(key, entry)
    void read(entry)
    return releaseOf(entry)
  }

  return {
    peek(fromMs, toMs) {
      const entry = entries.get(keyOf('bookings', fromMs, toMs))
      if (entry) return entry.state as HistoryRange
      // A held range that covers this one answers it too.
      for (const other of entries.values()) {
        if (heldBookings(other) !== null && other.fromMs <= fromMs && other.toMs >= toMs) {
          return other.state as HistoryRange
        }
      }
      return undefined
    },
    request(fromMs, toMs) {
      for (const other of entries.values()) {
        if (heldBookings(other) !== null && other.fromMs <= fromMs && other.toMs >= toMs) {
          if (other.fromMs !== fromMs || other.toMs !== toMs) {
            other.usedAt = ++tick
            return () => undefined
          }
        }
      }
      return ask('bookings', fromMs, toMs)
    },
    peekCounts(fromMs, toMs) {
      return entries.get(keyOf('counts', fromMs, toMs))?.state as CountsRange | undefined
    },
    requestCounts(fromMs, toMs) {
      return ask('counts', fromMs, toMs)
    },
    find(id) {
      for (const entry of entries.values()) {
        const found = heldBookings(entry)?.find((booking) => booking.id === id)
        if (found) return found
      }
      return undefined
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    size,
    destroy() {
      stopFollowing()
      for (const entry of entries.values()) entry.controller?.abort()
      entries.clear()
      listeners.clear()
    },
  }
}

function keyOf(kind: Entry['kind'], fromMs: number, toMs: number): string {
  return `${kind}|${fromMs}:${toMs}`
}

/** The consecutive parts of `[fromMs, toMs)` one read each, as the server's `from` and `to`. */
function rangeParts(fromMs: number, toMs: number): { from: string; to: string }[] {
  const partMs = HISTORY_READ_MAX_DAYS * MS_PER_DAY
  const parts: { from: string; to: string }[] = []
  for (let from = fromMs; from < toMs; from += partMs) {
    parts.push({
      from: new Date(from).toISOString(),
      to: new Date(Math.min(toMs, from + partMs)).toISOString(),
    })
  }
  return parts
}

/** Whether the entry's last read found the server unreachable or failed (to be read again). */
function couldNotRead(entry: Entry): boolean {
  return entry.state.status === 'offline' || entry.state.status === 'failed'
}

/** The bookings an entry holds, or null (counts, or not read yet). */
function heldBookings(entry: Entry): readonly Booking[] | null {
  return entry.kind === 'bookings' && entry.state.status === 'ready' && 'bookings' in entry.state
    ? entry.state.bookings
    : null
}
