import { combineLatest, Observable } from 'rxjs'
import { map, startWith } from 'rxjs/operators'
import { replicateServer } from 'rxdb-server/plugins/replication-server'
import type { RxServerReplicationState } from 'rxdb-server/plugins/replication-server'
import { COLLECTION_NAMES } from '../../../core/src/schema/collections'
import type { AppDatabase, AppDoc } from './database'
import FetchEventSource, { eventStreamState } from './fetch-event-source'

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
}

export interface Replication {
  readonly health$: Observable<ReplicationHealth>
  /** Resolves when every collection has caught up with the server. */
  awaitInSync(): Promise<void>
  /** Pull and push now instead of waiting for the retry timer (e.g. the network came back). */
  reSync(): void
  cancel(): Promise<void>
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

/** How long a failed request waits before the replication retries. */
const RETRY_MS = 2000

/**
 * Replicates every workspace collection live with the sync server (pull, push, event stream),
 * sending the admin token.
 */
export function replicationStart(db: AppDatabase, target: SyncTarget): Replication {
  const headers = { Authorization: `Bearer ${target.adminToken}` }
  const states: RxServerReplicationState<AppDoc>[] = COLLECTION_NAMES.map((name) =>
    replicateServer<AppDoc>({
      replicationIdentifier: `teamslot-${name}-${target.serverUrl}`,
      collection: db[name],
      url: `${target.serverUrl}/replication/${name}/${db[name].schema.version}`,
      headers,
      live: true,
      retryTime: RETRY_MS,
      eventSource: FetchEventSource,
      pull: { batchSize: 200 },
      push: { batchSize: 50 },
    }),
  )
  const stream$ = new Observable<{ open: number; total: number }>((subscriber) => {
    subscriber.next(eventStreamState.snapshot())
    return eventStreamState.subscribe(() => subscriber.next(eventStreamState.snapshot()))
  })
  const errors$ = new Observable<string | null>((subscriber) => {
    subscriber.next(null)
    const subs = states.map((s) =>
      s.error$.subscribe((err) => subscriber.next(replicationErrorText(err))),
    )
    return () => subs.forEach((sub) => sub.unsubscribe())
  })
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
  const health$ = combineLatest([active$, stream$, errors$]).pipe(
    map(([isActive, stream, error]) => ({
      isActive,
      isStreamOpen: stream.total > 0 && stream.open === stream.total,
      error,
    })),
  )
  return {
    health$,
    async awaitInSync() {
      await Promise.all(states.map((s) => s.awaitInSync()))
    },
    reSync() {
      states.forEach((s) => s.reSync())
    },
    async cancel() {
      await Promise.all(states.map((s) => s.cancel()))
    },
  }
}
