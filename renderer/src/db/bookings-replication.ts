import { Subject } from 'rxjs'
import { replicateRxCollection } from 'rxdb/plugins/replication'
import type { RxReplicationState } from 'rxdb/plugins/replication'
import type { RxReplicationPullStreamItem, WithDeleted } from 'rxdb'
import type { WindowStart } from '../../../core/src/booking/booking-window'
import type { BookingWindowState } from './booking-window-state'
import type { AppDatabase, AppDoc } from './database'
import FetchEventSource from './fetch-event-source'
import type { SyncTarget } from './replication'

/**
 * The windowed pull's checkpoint, as the server answers it (`sync-server/src/replication-window.ts`);
 * the desktop stores it and sends it back untouched.
 */
export interface WindowCheckpoint {
  readonly windowStart: WindowStart
  readonly phase: 'snapshot' | 'changes'
  readonly snapshotBelow: WindowStart | null
  readonly snapshotEnd: string | null
  readonly snapshotId: string | null
  readonly lwt: number
  readonly id: string
}

interface WindowPage {
  readonly documents: WithDeleted<AppDoc>[]
  readonly checkpoint: WindowCheckpoint
  readonly hasMore: boolean
}

/**
 * The stored checkpoint as the windowed pull takes it. A desktop upgraded from the full pull
 * (rxdb-server's `{ id, lwt }`, same replication identifier) holds every booking up to that
 * position, so it continues the change feed from there with its window start.
 */
export function windowCheckpointOf(
  stored: unknown,
  windowStart: WindowStart,
): WindowCheckpoint | null {
  if (stored === null || typeof stored !== 'object') return null
  const candidate = stored as Partial<WindowCheckpoint>
  if (candidate.phase === 'snapshot' || candidate.phase === 'changes') {
    return candidate as WindowCheckpoint
  }
  const { id, lwt } = stored as { id?: unknown; lwt?: unknown }
  if (typeof lwt !== 'number' || typeof id !== 'string') return null
  return {
    windowStart,
    phase: 'changes',
    snapshotBelow: null,
    snapshotEnd: null,
    snapshotId: null,
    lwt,
    id,
  }
}

/** A readable error for a refused request (the status bar words it for people). */
async function responseError(response: Response): Promise<Error> {
  if (response.status === 401) return new Error('unauthorized (401)')
  if (response.status === 426) return new Error('outdated (426)')
  let message = `the sync server answered ${response.status}`
  try {
    const body = (await response.json()) as { error?: { message?: string } }
    if (body.error?.message) message = body.error.message
  } catch {
    // keep the status line
  }
  return new Error(message)
}

/**
 * Replicates `bookings` for the replica's window with RxDB's generic replication:
 * - pull: the server's windowed pull (`…/pullWindow`), a first sync getting the window as a
 *   snapshot and never the history before it, then the change feed filtered to the window; the
 *   handler asks again while the server says more follows, so RxDB only ends a round when the
 *   feed is exhausted;
 * - push: rxdb-server's `/push` as before (validated by the server with core's `recordParse`).
 *   A local booking deletion is never pushed: the desktop never deletes bookings (they are
 *   cancelled), only the window purge does, locally (`window-purge.ts`), and the server refuses
 *   booking deletions anyway;
 * - live: the multiplexed event stream (`bookings:<v>@<window start>`), reopened when the window
 *   moves; every (re)open resyncs from the checkpoint.
 * The same replication identifier as the full replication of older versions, so an upgraded
 * desktop keeps its checkpoint and replication metadata. Starts when this tab leads (like
 * rxdb-server's client).
 */
export function replicateBookingsWindow(
  db: AppDatabase,
  target: SyncTarget,
  window: Pick<BookingWindowState, 'current' | 'subscribe' | 'ready'>,
  options: { readonly retryTime: number; readonly batchSize?: number },
): RxReplicationState<AppDoc, WindowCheckpoint> {
  const url = `${target.serverUrl}/replication/bookings/${db.bookings.schema.version}`
  const headers = { Authorization: `Bearer ${target.adminToken}` }
  const stream$ = new Subject<RxReplicationPullStreamItem<AppDoc, WindowCheckpoint>>()

  async function getPage(query: URLSearchParams): Promise<WindowPage> {
    const response = await fetch(`${url}/pullWindow?${query}`, {
      headers: { ...headers, Accept: 'application/json' },
      cache: 'no-store',
    })
    if (!response.ok) throw await responseError(response)
    return (await response.json()) as WindowPage
  }

  const state = replicateRxCollection<AppDoc, WindowCheckpoint>({
    replicationIdentifier: `teamslot-bookings-${target.serverUrl}`,
    collection: db.bookings,
    live: true,
    retryTime: options.retryTime,
    autoStart: false,
    pull: {
      batchSize: options.batchSize ?? 500,
      stream$: stream$.asObservable(),
      async handler(stored, batchSize) {
        await window.ready
        const windowStart = window.current()
        let checkpoint = windowCheckpointOf(stored, windowStart)
        const documents: WithDeleted<AppDoc>[] = []
        for (;;) {
          const query = new URLSearchParams({
            windowStart,
            limit: String(batchSize - documents.length),
          })
          if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint))
          const page = await getPage(query)
          documents.push(...page.documents)
          checkpoint = page.checkpoint
          if (!page.hasMore || documents.length >= batchSize) break
        }
        // `checkpoint` is set: the loop ran at least once.
        return { documents, checkpoint: checkpoint! }
      },
    },
    push: {
      batchSize: 50,
      modifier: (doc: WithDeleted<AppDoc>) => (doc._deleted ? null : doc),
      async handler(rows) {
        const response = await fetch(`${url}/push`, {
          method: 'POST',
          headers: { ...headers, Accept: 'application/json', 'Content-Type': 'application/json' },
          body: JSON.stringify(rows),
        })
        if (!response.ok) throw await responseError(response)
        return (await response.json()) as WithDeleted<AppDoc>[]
      },
    },
  })

  // Like rxdb-server's client: the event stream opens when the replication starts.
  let source: FetchEventSource | null = null
  let openedFor: WindowStart | null = null
  let isStarted = false
  const open = () => {
    const windowStart = window.current()
    if (!isStarted || state.isStopped() || (source && openedFor === windowStart)) return
    source?.close()
    openedFor = windowStart
    const next = new FetchEventSource(`${url}/pullStream?windowStart=${windowStart}`, { headers })
    next.onopen = () => stream$.next('RESYNC')
    next.onerror = () => stream$.next('RESYNC')
    next.onmessage = (event) => {
      const data = JSON.parse(event.data) as
        'RESYNC' | { documents: WithDeleted<AppDoc>[]; checkpoint: WindowCheckpoint }
      stream$.next(
        data === 'RESYNC' ? 'RESYNC' : { documents: data.documents, checkpoint: data.checkpoint },
      )
    }
    source = next
  }
  const stopWindow = window.subscribe(open)
  const startInner = state.start.bind(state)
  state.start = async () => {
    await window.ready
    isStarted = true
    open()
    return startInner()
  }
  state.onCancel.push(() => {
    stopWindow()
    source?.close()
    source = null
    stream$.complete()
  })
  const leading = db.multiInstance ? db.waitForLeadership() : Promise.resolve(true)
  void leading.then(() => {
    if (!state.isStopped()) void state.start()
  })
  return state
}
