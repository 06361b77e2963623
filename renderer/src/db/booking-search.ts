import type { Booking, BookingStatus } from '../../../core/src/model/workspace'
import { onServerBack } from './fetch-event-source'
import { remoteGetJson, ServerUnreachable } from './remote-api'
import type { SyncTarget } from './replication'

/**
 * The bookings list's search of the history before the replica's window, done by the sync server
 * (`GET /api/admin/bookings/search`: core's list rule, walked through its `start` index, a bounded
 * number of stored bookings per request) and shown page by page: the list asks for
 * {@link SEARCH_PAGE} more matches at a time, and the export for all of them. Nothing is kept
 * beyond the list on screen; a search that could not reach the server is asked again as soon as
 * the server is back (event stream open again, or the browser online again).
 */

/** Matches asked for at a time (the list's "Show more"). */
export const SEARCH_PAGE = 100
/** Matches per request while exporting everything. */
const EXPORT_PAGE = 500

export interface BookingSearchQuery {
  /** Meetings starting in `[fromMs, toMs)`. */
  readonly fromMs: number
  readonly toMs: number
  readonly query?: string | undefined
  readonly memberId?: string | undefined
  readonly status?: BookingStatus | undefined
  /** `desc`: latest first (a customer looked for at any date); else earliest first. */
  readonly order?: 'desc' | undefined
}

export interface BookingSearchState {
  /** `loading` while a request runs; `offline`: the server cannot be reached; `failed`: refused. */
  readonly status: 'loading' | 'ready' | 'offline' | 'failed'
  /** The matches found so far, earliest first (latest first for `order: 'desc'`). */
  readonly bookings: readonly Booking[]
  /** The server has more of the range to search. */
  readonly hasMore: boolean
}

export interface BookingSearch {
  snapshot(): BookingSearchState
  subscribe(listener: () => void): () => void
  /** Asks for {@link SEARCH_PAGE} more matches (nothing while a request runs or all are found). */
  more(): void
  /**
   * Every match of the range (the export): the ones found so far and the rest, read until the
   * server has searched it all, told to `onProgress` as they come; the list shown stays as it is.
   * Rejects when the server cannot be reached or refuses.
   */
  all(onProgress?: (found: number) => void): Promise<readonly Booking[]>
  /**
   * Asks for the first page (or again for what a close stopped) and follows the connection until
   * the answer is called: that stops any request. Opened again, it goes on where it stopped.
   */
  open(): () => void
}

interface SearchAnswer {
  readonly bookings: readonly Booking[]
  readonly next: string | null
}

/** A search of `query` on `remote` (null: offline); nothing is asked before {@link BookingSearch.open}. */
export function bookingSearchCreate(
  remote: SyncTarget | null,
  query: BookingSearchQuery,
): BookingSearch {
  const listeners = new Set<() => void>()
  let state: BookingSearchState = { status: 'loading', bookings: [], hasMore: true }
  /** Where the server goes on (null before the first answer). */
  let cursor: string | null = null
  let controller: AbortController | null = null
  /** The request running now: the one every caller waits for. */
  let running: Promise<void> | null = null
  /** Exports reading the rest of the range now (stopped by a close). */
  const exports = new Set<AbortController>()
  const set = (next: BookingSearchState) => {
    state = next
    listeners.forEach((listener) => listener())
  }

  /** One request of the search from `after` on (null: from the range's start). */
  function page(
    target: SyncTarget,
    after: string | null,
    limit: number,
    signal: AbortSignal,
  ): Promise<SearchAnswer> {
    const params = new URLSearchParams({
      from: new Date(query.fromMs).toISOString(),
      to: new Date(query.toMs).toISOString(),
      limit: String(limit),
    })
    if (query.query?.trim()) params.set('q', query.query.trim())
    if (query.memberId) params.set('member', query.memberId)
    if (query.status) params.set('status', query.status)
    if (query.order) params.set('order', query.order)
    if (after !== null) params.set('cursor', after)
    return remoteGetJson(
      target,
      `/api/admin/bookings/search?${params}`,
      signal,
    ) as Promise<SearchAnswer>
  }

  /** Asks until {@link SEARCH_PAGE} more matches are found or the range is searched to its end. */
  function ask(): Promise<void> {
    if (running) return running
    if (!remote) {
      set({ ...state, status: 'offline' })
      return Promise.resolve()
    }
    const target = remote
    const own = new AbortController()
    controller = own
    set({ ...state, status: 'loading' })
    const run = async () => {
      const found = [...state.bookings]
      const goal = found.length + SEARCH_PAGE
      let outcome: BookingSearchState
      try {
        do {
          const answer = await page(target, cursor, goal - found.length, own.signal)
          found.push(...answer.bookings)
          cursor = answer.next
          // Matches are shown as they come (a sparse search takes several requests).
          if (cursor !== null && found.length < goal) {
            set({ status: 'loading', bookings: [...found], hasMore: true })
          }
        } while (cursor !== null && found.length < goal)
        outcome = { status: 'ready', bookings: found, hasMore: cursor !== null }
      } catch (err) {
        if (own.signal.aborted) return
        outcome = {
          status: err instanceof ServerUnreachable ? 'offline' : 'failed',
          bookings: found,
          hasMore: true,
        }
      }
      // Done before anyone hears of it: a listener may ask for more at once.
      running = null
      controller = null
      set(outcome)
    }
    running = run()
    return running
  }

  /** The server is back: a search it could not answer is asked again. */
  const retry = () => {
    if (state.status === 'offline' || state.status === 'failed') void ask()
  }
  return {
    snapshot: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    more() {
      if (state.hasMore && !running) void ask()
    },
    async all(onProgress) {
      if (running) await running
      if (!state.hasMore) return state.bookings
      if (!remote) throw new Error('The sync server cannot be reached')
      // Read on from where the list stands, without growing what it shows (a year of a large
      // team is ~75,000 bookings: held only until the export is written).
      const own = new AbortController()
      exports.add(own)
      const found = [...state.bookings]
      let after = cursor
      try {
        do {
          const answer = await page(remote, after, EXPORT_PAGE, own.signal)
          found.push(...answer.bookings)
          after = answer.next
          onProgress?.(found.length)
        } while (after !== null)
      } catch (err) {
        if (err instanceof ServerUnreachable) throw new Error('The sync server cannot be reached')
        throw err
      } finally {
        exports.delete(own)
      }
      return found
    },
    open() {
      const stopFollowing = onServerBack(retry)
      // The first page, or again what a close stopped.
      if (state.status !== 'ready' && !running) void ask()
      return () => {
        // A stopped request is forgotten at once: opened again, the search asks again.
        controller?.abort()
        controller = null
        running = null
        exports.forEach((exporting) => exporting.abort())
        stopFollowing()
      }
    },
  }
}
