import { BehaviorSubject, combineLatest, defer, merge, Observable, Subject } from 'rxjs'
import { auditTime, filter, map, startWith } from 'rxjs/operators'
import { getChangedDocumentsSince } from 'rxdb'
import { replicateServer } from 'rxdb-server/plugins/replication-server'
import type { RxReplicationState } from 'rxdb/plugins/replication'
import type { WithDeleted } from 'rxdb'
import { REPLICATED_NAMES, SERVER_WRITTEN_SCHEMAS } from '../../../core/src/schema/collections'
import type { CollectionName, ReplicatedName } from '../../../core/src/schema/collections'
import { backoffCreate } from '../sync/backoff'
import { replicateBookingsWindow } from './bookings-replication'
import { bookingWindowCreate } from './booking-window-state'
import type { BookingWindowState } from './booking-window-state'
import type { AppDatabase, AppDoc } from './database'
import FetchEventSource, { eventStreamState } from './fetch-event-source'
import { clockNow } from '../clock'
import {
  pushRefusalsNote,
  pushRefusalsParse,
  pushRefusalWhat,
  REFUSED_HEADER,
} from './push-refusals'
import type { PushRefusalNotice } from './push-refusals'
import { windowPurge } from './window-purge'
import type { PurgeResult } from './window-purge'

export interface SyncTarget {
  readonly serverUrl: string
  readonly adminToken: string
}

/** The replication's health as the status bar shows it. */
export interface ReplicationHealth {
  /** Some collection is pushing or pulling right now. */
  readonly isActive: boolean
  /** Every live event stream is open (the server is reachable and accepted the token). */
  readonly isStreamOpen: boolean
  /** The newest replication error, cleared by the next fully idle, open state. */
  readonly error: string | null
  /** After failed requests: how long the replication waits before it tries again (ms). */
  readonly retryDelayMs: number | null
  /**
   * Bookings the replication has written into this computer's store since it started (told at
   * most every 0.4 s).
   */
  readonly bookingsReceived?: number
}

/** A document the server acknowledged: sent by this desktop, or received from the server. */
export interface Acknowledged {
  readonly collection: ReplicatedName
  readonly id: string
  readonly updatedAt: string | undefined
}

export interface Replication {
  readonly health$: Observable<ReplicationHealth>
  /** Each document pushed to (or pulled from) the server. */
  readonly acknowledged$: Observable<Acknowledged>
  /**
   * Pushed changes the server refused for the person's role: it answered them as conflicts with
   * its own version, which the replica keeps; the person is told what was not saved and why.
   */
  readonly refused$: Observable<PushRefusalNotice>
  /** Resolves when every collection has caught up with the server. */
  awaitInSync(): Promise<void>
  /** Pull and push now instead of waiting for the retry timer (e.g. the network came back). */
  reSync(): void
  /**
   * Once in sync, removes from the local database the bookings that left the window
   * (`window-purge.ts`); runs by itself after the first sync and whenever the window moves.
   */
  purge(): Promise<PurgeResult>
  /**
   * Documents the local database holds for bookings, deleted ones included, and the bookings
   * replication's metadata documents (diagnostics and tests: reads them all).
   */
  bookingsFootprint(): Promise<{
    readonly bookings: readonly StoredDoc[]
    readonly meta: readonly StoredDoc[]
  }>
  cancel(): Promise<void>
}

/** How RxDB marks the writes its replication makes from the server's documents (`downstream`). */
const REPLICATION_DOWNSTREAM_CONTEXT = 'replication-downstream-'

/** Row of a push as RxDB hands it to the handler. */
type PushRows = Parameters<NonNullable<RxReplicationState<AppDoc, unknown>['push']>['handler']>[0]

/**
 * The push of one collection: rxdb-server's client push (POST `…/push`, the conflicts answered)
 * plus the `Teamslot-Refused` header — rows the person's role may not write, which the server
 * answered as conflicts with its state: they are noted (the bookings conflict handler keeps the
 * server's version of them as it is) and told on `refused$`. A refused push (400) or a token the
 * server does not accept (401) fails with words the status bar shows; RxDB retries it.
 */
function pushHandler(
  name: ReplicatedName,
  endpoint: string,
  headers: Readonly<Record<string, string>>,
  refused$: Subject<PushRefusalNotice>,
) {
  return async (rows: PushRows) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/json',
        ...headers,
      },
      body: JSON.stringify(rows),
    })
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null
      if (res.status === 401) throw new Error('the server no longer accepts this desk’s token')
      throw new Error(body?.error?.message ?? `the server refused the changes (${res.status})`)
    }
    const refusals = pushRefusalsParse(res.headers.get(REFUSED_HEADER))
    const conflicts = (await res.json()) as WithDeleted<AppDoc>[]
    if (refusals.length > 0) {
      pushRefusalsNote(name, refusals, clockNow())
      for (const refusal of refusals) {
        const row = rows.find((r) => (r.newDocumentState as { id?: unknown }).id === refusal.id)
        refused$.next({
          ...refusal,
          collection: name,
          what: pushRefusalWhat(
            name,
            row?.newDocumentState as unknown as Readonly<Record<string, unknown>> | undefined,
          ),
        })
      }
    }
    return conflicts
  }
}

/** A stored document as the footprint lists it. */
export interface StoredDoc {
  readonly id: string
  readonly isDeleted: boolean
  /** Replication metadata: the booking it describes (checkpoints: null). */
  readonly itemId: string | null
}

/** What the health, acknowledgement and control code use of each collection's replication. */
type ReplicationStateLike = Pick<
  RxReplicationState<AppDoc, unknown>,
  | 'sent$'
  | 'received$'
  | 'error$'
  | 'active$'
  | 'retryTime'
  | 'awaitInitialReplication'
  | 'awaitInSync'
  | 'reSync'
  | 'cancel'
  | 'push'
>

export interface ReplicationOptions {
  readonly backoffBaseMs?: number
  readonly backoffMaxMs?: number
  /** The replica's bookings window (default: the desktop's window from the clock, no baseline). */
  readonly bookingWindow?: BookingWindowState
  /** A booking with a local change the server has not acknowledged is never purged. */
  readonly isUnsynced?: (collection: CollectionName, id: string) => boolean
  /** Bookings per pull (default 500). */
  readonly bookingsBatchSize?: number
}

/** A readable line for a replication error (RxDB's codes carry the cause in `parameters`). */
export function replicationErrorText(err: unknown): string {
  const e = err as {
    parameters?: { direction?: string; errors?: { message?: string } | { message?: string }[] }
    message?: string
  }
  const inner = Array.isArray(e?.parameters?.errors)
    ? e.parameters.errors[0]
    : e?.parameters?.errors
  if (inner?.message) return `${e.parameters?.direction ?? 'sync'} failed: ${inner.message}`
  return e?.message?.split('\n')[0] ?? 'replication error'
}

/**
 * Replicates every workspace collection live with the sync server (pull, push, event stream),
 * sending the admin token: the setup collections in full (rxdb-server's client), bookings for
 * the replica's window only (`bookings-replication.ts`), purging what leaves the window. Failed
 * requests are retried with exponential backoff shared by all collections (2 s doubling to one
 * minute; see `../sync/backoff.ts`), reset by any success or by `reSync` (the network came back),
 * so an offline desktop does not hammer the server.
 */
export function replicationStart(
  db: AppDatabase,
  target: SyncTarget,
  options: ReplicationOptions = {},
): Replication {
  const headers = { Authorization: `Bearer ${target.adminToken}` }
  const backoff = backoffCreate(options.backoffBaseMs, options.backoffMaxMs)
  const ownWindow = options.bookingWindow
    ? null
    : bookingWindowCreate({
        current: () => null,
        subscribe: () => () => undefined,
        loaded: Promise.resolve(),
      })
  const bookingWindow = options.bookingWindow ?? ownWindow!
  const bookingsState = replicateBookingsWindow(db, target, bookingWindow, {
    retryTime: backoff.delayMs(),
    ...(options.bookingsBatchSize ? { batchSize: options.bookingsBatchSize } : {}),
  })
  // Collections the server writes are pulled only (members' busy times).
  const isPullOnly = (name: ReplicatedName) => Object.hasOwn(SERVER_WRITTEN_SCHEMAS, name)
  const states: ReplicationStateLike[] = REPLICATED_NAMES.map((name) =>
    name === 'bookings'
      ? bookingsState
      : replicateServer<AppDoc>({
          replicationIdentifier: `teamslot-${name}-${target.serverUrl}`,
          collection: db[name],
          url: `${target.serverUrl}/replication/${name}/${db[name].schema.version}`,
          headers,
          live: true,
          retryTime: backoff.delayMs(),
          eventSource: FetchEventSource,
          pull: { batchSize: 200 },
          ...(isPullOnly(name) ? {} : { push: { batchSize: 50 } }),
        }),
  )
  // Every push (the bookings window's too) reads the server's refusals of rows beyond the role.
  const refused$ = new Subject<PushRefusalNotice>()
  states.forEach((state, i) => {
    const name = REPLICATED_NAMES[i]!
    const endpoint = `${target.serverUrl}/replication/${name}/${db[name].schema.version}/push`
    if (state.push) state.push.handler = pushHandler(name, endpoint, headers, refused$)
  })
  const isUnsynced = options.isUnsynced ?? (() => false)
  const purgeOnce = async (): Promise<PurgeResult> => {
    await bookingWindow.ready
    await bookingsState.awaitInSync()
    return windowPurge({
      db,
      replication: bookingsState,
      windowStart: bookingWindow.current(),
      isUnsynced: (id) => isUnsynced('bookings', id),
    })
  }
  // One purge at a time: after the first sync, then whenever the window moves (or asked).
  let purging: Promise<unknown> = Promise.resolve()
  const purge = (): Promise<PurgeResult> => {
    const next = purging.then(purgeOnce)
    purging = next.catch(() => undefined)
    return next
  }
  const purgeLater = () => void purge().catch(() => undefined)
  purgeLater()
  const stopPurgeOnMove = bookingWindow.subscribe(purgeLater)
  const stream$ = new Observable<{ open: number; total: number }>((subscriber) => {
    subscriber.next(eventStreamState.snapshot())
    return eventStreamState.subscribe(() => subscriber.next(eventStreamState.snapshot()))
  })
  const setRetry = (ms: number) => states.forEach((s) => (s.retryTime = ms))
  const acknowledged$ = merge(
    ...states.map((s, i) =>
      merge(s.sent$, s.received$).pipe(
        map((doc): Acknowledged => {
          const updatedAt = (doc as { updatedAt?: unknown }).updatedAt
          return {
            collection: REPLICATED_NAMES[i]!,
            id: String((doc as { id?: unknown }).id ?? ''),
            updatedAt: typeof updatedAt === 'string' ? updatedAt : undefined,
          }
        }),
      ),
    ),
  )
  const errors$ = new Observable<{ error: string | null; retryDelayMs: number | null }>(
    (subscriber) => {
      subscriber.next({ error: null, retryDelayMs: null })
      const subs = states.map((s) =>
        s.error$.subscribe((err) => {
          const delay = backoff.failed()
          setRetry(delay)
          subscriber.next({ error: replicationErrorText(err), retryDelayMs: delay })
        }),
      )
      const recovered = () => {
        if (backoff.failures() === 0) return
        backoff.succeeded()
        setRetry(backoff.delayMs())
        subscriber.next({ error: null, retryDelayMs: null })
      }
      subs.push(acknowledged$.subscribe(recovered))
      const stopStream = eventStreamState.subscribe(() => {
        const { open, total } = eventStreamState.snapshot()
        if (total > 0 && open === total) recovered()
      })
      return () => {
        subs.forEach((sub) => sub.unsubscribe())
        stopStream()
      }
    },
  )
  // Until every collection finished its first pull the replica is incomplete: count it as active.
  const initialDone$ = new Observable<boolean>((subscriber) => {
    subscriber.next(false)
    Promise.all(states.map((s) => s.awaitInitialReplication())).then(
      () => subscriber.next(true),
      () => undefined,
    )
  })
  const active$ = combineLatest([
    initialDone$,
    ...states.map((s) => s.active$.pipe(startWith(false))),
  ]).pipe(map(([initialDone, ...flags]) => !initialDone || flags.some(Boolean)))
  // A first sync brings tens of thousands: the bookings the replication has written into this
  // computer's store (what the person waits for), counted from the start, told a few times a
  // second (RxDB writes what arrived while its last write ran in one go, so the count moves in
  // steps).
  const bookingsWritten = new BehaviorSubject(0)
  const countWritten = db.eventBulks$
    .pipe(
      filter(
        (bulk) =>
          bulk.collectionName === 'bookings' &&
          String(bulk.context).startsWith(REPLICATION_DOWNSTREAM_CONTEXT),
      ),
    )
    .subscribe((bulk) => bookingsWritten.next(bookingsWritten.value + bulk.events.length))
  const bookingsReceived$ = defer(() =>
    bookingsWritten.pipe(auditTime(400), startWith(bookingsWritten.value)),
  )
  const health$ = combineLatest([active$, stream$, errors$, bookingsReceived$]).pipe(
    map(([isActive, stream, failure, bookingsReceived]) => ({
      isActive,
      isStreamOpen: stream.total > 0 && stream.open === stream.total,
      error: failure.error,
      retryDelayMs: failure.retryDelayMs,
      bookingsReceived,
    })),
  )
  return {
    health$,
    acknowledged$,
    refused$: refused$.asObservable(),
    async awaitInSync() {
      await Promise.all(states.map((s) => s.awaitInSync()))
    },
    reSync() {
      backoff.succeeded()
      setRetry(backoff.delayMs())
      states.forEach((s) => s.reSync())
    },
    purge,
    async bookingsFootprint() {
      const all = Number.MAX_SAFE_INTEGER
      const stored = (documents: readonly unknown[]): StoredDoc[] =>
        documents.map((doc) => {
          const d = doc as { id: string; _deleted: boolean; itemId?: string; isCheckpoint?: string }
          return {
            id: d.id,
            isDeleted: d._deleted,
            itemId: d.isCheckpoint === '0' ? (d.itemId ?? null) : null,
          }
        })
      const meta = bookingsState.metaInstance
      return {
        bookings: stored(
          (await getChangedDocumentsSince(db.bookings.storageInstance, all)).documents,
        ),
        meta: meta ? stored((await getChangedDocumentsSince(meta, all)).documents) : [],
      }
    },
    async cancel() {
      stopPurgeOnMove()
      countWritten.unsubscribe()
      ownWindow?.destroy()
      await Promise.all(states.map((s) => s.cancel()))
    },
  }
}
