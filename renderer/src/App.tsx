import { useEffect, useState } from 'react'
import { I18nProvider } from 'react-aria-components'
import { connectionRemember, connectionResolve } from './connection'
import { dataLayerCreate, DataLayerContext } from './db/data-layer'
import type { DataLayer } from './db/data-layer'
import { databaseNameFor, openAppDatabase } from './db/database'
import { eventStreamReconnectNow } from './db/fetch-event-source'
import { replicationStart } from './db/replication'
import type { ReplicationHealth, SyncTarget } from './db/replication'
import { AppShell } from './components/AppShell'
import { ConnectScreen } from './components/ConnectScreen'
import { clockIso, clockNow } from './clock'
import { appLocale } from './format/datetime-format'
import { useUiStore } from './stores/ui-store'
import { SYNC_STATUS_INITIAL, syncStatusNext } from './sync/sync-status'
import { adminApi, AdminApiError } from './db/admin-api'
import { useSessionStore } from './stores/session-store'
import { ServerUrlContext } from './session/use-can'
import { toastShow } from './ui/toasts'
import { sentenceStart } from '../../core/src/text/sentence'

/** How long a "not saved" notice stays: long enough to read what was refused and why. */
const REFUSAL_TOAST_MS = 20_000
/** How often a window that does not replicate checks whether another one does (the status). */
const LEAD_CHECK_MS = 2_000

/**
 * Asks the server who this desk's token belongs to and remembers it (the role for offline use);
 * a token the server no longer accepts is said so. Offline: the role last known stays.
 */
function signedInRefresh(target: SyncTarget): void {
  adminApi(target)
    .me()
    .then(
      (person) =>
        useSessionStore
          .getState()
          .remember(target.serverUrl, { id: person.id, name: person.name, role: person.role }),
      (err: unknown) => {
        if (err instanceof AdminApiError && err.status === 401) {
          useSessionStore.getState().tokenRefused()
        }
      },
    )
}

/** Where the last moment all was in sync with `serverUrl` is kept across restarts. */
function lastSyncedKey(serverUrl: string): string {
  return `teamslot:last-synced:${serverUrl}`
}

/** The last moment all was in sync with `serverUrl` before this start (null: never, or unknown). */
function lastSyncedRead(serverUrl: string): number | null {
  try {
    const ms = Number(window.localStorage.getItem(lastSyncedKey(serverUrl)))
    return Number.isFinite(ms) && ms > 0 ? ms : null
  } catch {
    return null
  }
}

type Phase =
  | { kind: 'resolving' }
  | { kind: 'needs-connection' }
  | { kind: 'ready'; layer: DataLayer; target: SyncTarget }
  | { kind: 'failed'; message: string }

/**
 * Resolves the connection, opens the local database and its data layer, starts replication
 * (whose acknowledgements clear the "waiting to sync" marks), renders the shell.
 */
export function App() {
  const [target, setTarget] = useState<SyncTarget | null | undefined>(undefined)
  const [phase, setPhase] = useState<Phase>({ kind: 'resolving' })
  const setSyncStatus = useUiStore((s) => s.setSyncStatus)

  useEffect(() => {
    connectionResolve().then(
      (resolved) => {
        setTarget(resolved)
        if (!resolved) setPhase({ kind: 'needs-connection' })
      },
      (err: unknown) => setPhase({ kind: 'failed', message: String(err) }),
    )
  }, [])

  useEffect(() => {
    if (!target) return
    // A restart is connecting, not offline, and remembers when it was last in sync.
    setSyncStatus({ ...SYNC_STATUS_INITIAL, lastSyncedAt: lastSyncedRead(target.serverUrl) })
    let cancelled = false
    let stop: (() => Promise<void>) | null = null
    openAppDatabase(databaseNameFor(target.serverUrl)).then(
      (db) => {
        if (cancelled) return
        // The pool-ledger baseline is fetched once the replica is first in sync (data-layer.ts).
        let firstSynced: () => void = () => undefined
        const layer = dataLayerCreate(db, {
          storage: window.localStorage,
          remote: target,
          baselineAfter: new Promise<void>((resolve) => (firstSynced = resolve)),
        })
        const replication = replicationStart(db, target, {
          bookingWindow: layer.window,
          isUnsynced: (collection, id) => layer.unsynced.snapshot().has(`${collection}:${id}`),
        })
        let lastHealth: ReplicationHealth = {
          isActive: true,
          isStreamOpen: false,
          error: null,
          retryDelayMs: null,
        }
        signedInRefresh(target)
        // A page being left (a reload) closes its streams: that is not the server going away.
        let isLeaving = false
        // One window of the app replicates the shared local database at a time (RxDB's leader
        // election): another one that holds the lead makes this one "synced by another window".
        let isReplicating = true
        const publish = () => {
          if (isLeaving) return
          const previous = useUiStore.getState().syncStatus
          const next = syncStatusNext(
            previous,
            lastHealth,
            navigator.onLine,
            clockNow(),
            isReplicating,
          )
          setSyncStatus(next)
          // Back in touch with the server: ask again who this is (a role may have changed).
          if (next.state !== 'offline' && previous.state === 'offline') signedInRefresh(target)
          if (next.state === 'connected') {
            try {
              window.localStorage.setItem(
                lastSyncedKey(target.serverUrl),
                String(next.lastSyncedAt),
              )
            } catch {
              // Storage full or refused: the time is shown from this start on only.
            }
            firstSynced()
            // Everything written before this moment has reached the server once in sync.
            const upTo = clockIso()
            void replication.awaitInSync().then(() => layer.unsynced.acknowledgeUpTo(upTo))
          }
        }
        const subscriptions = [
          replication.health$.subscribe((health) => {
            lastHealth = health
            publish()
          }),
          replication.acknowledged$.subscribe((doc) =>
            layer.unsynced.acknowledge(doc.collection, doc.id, doc.updatedAt),
          ),
          // A change the role may not make: the server kept its version; say what and why.
          replication.refused$.subscribe((notice) => {
            layer.unsynced.settle(notice.collection, notice.id)
            // The server knows a role this desk does not: ask who this is again.
            signedInRefresh(target)
            toastShow(
              {
                title: `Not saved: ${notice.what}`,
                description: `${sentenceStart(notice.reason)}. The server’s version was kept.`,
                tone: 'error',
              },
              REFUSAL_TOAST_MS,
            )
          }),
        ]
        // The browser knows about lost networks before any request fails; come back at once too.
        const onOnline = () => {
          publish()
          replication.reSync()
          eventStreamReconnectNow()
        }
        // Changes still in their undo window are written before the page goes away.
        const onPageHide = () => {
          isLeaving = true
          void layer.changes.flush()
        }
        window.addEventListener('offline', publish)
        window.addEventListener('online', onOnline)
        window.addEventListener('pagehide', onPageHide)
        // Back from the browser's page cache: the status follows the streams again.
        const onPageShow = () => {
          isLeaving = false
          publish()
        }
        window.addEventListener('pageshow', onPageShow)
        // Another window's marks and acknowledgements (the marks live in the shared storage).
        const onStorage = (event: StorageEvent) => {
          if (event.storageArea === window.localStorage) layer.unsynced.reload()
        }
        window.addEventListener('storage', onStorage)
        const elector = db.multiInstance ? db.leaderElector() : null
        const leadCheck = async () => {
          if (!elector || elector.isLeader) return
          const hasLeader = await elector.hasLeader()
          // The lead may have come here meanwhile (then the lock held is this window's own).
          const isElsewhere = hasLeader && !elector.isLeader
          if (isElsewhere === !isReplicating) return
          isReplicating = !isElsewhere
          publish()
        }
        const leadTimer = elector ? setInterval(() => void leadCheck(), LEAD_CHECK_MS) : null
        void leadCheck()
        void db.waitForLeadership().then(() => {
          if (leadTimer) clearInterval(leadTimer)
          isReplicating = true
          publish()
        })
        stop = async () => {
          if (leadTimer) clearInterval(leadTimer)
          window.removeEventListener('storage', onStorage)
          window.removeEventListener('offline', publish)
          window.removeEventListener('online', onOnline)
          window.removeEventListener('pagehide', onPageHide)
          window.removeEventListener('pageshow', onPageShow)
          subscriptions.forEach((s) => s.unsubscribe())
          await layer.changes.flush()
          await replication.cancel()
          layer.destroy()
          await db.destroy()
        }
        setPhase({ kind: 'ready', layer, target })
      },
      (err: unknown) => setPhase({ kind: 'failed', message: String(err) }),
    )
    return () => {
      cancelled = true
      void stop?.()
    }
  }, [target, setSyncStatus])

  if (phase.kind === 'failed') return <p role="alert">Teamslot could not start: {phase.message}</p>
  if (phase.kind === 'needs-connection') {
    return (
      <ConnectScreen
        defaultServerUrl={window.location.origin}
        onConnect={(next) => {
          connectionRemember(next)
          setTarget(next)
        }}
      />
    )
  }
  if (phase.kind === 'resolving') return <p>Starting Teamslot…</p>
  return (
    <I18nProvider locale={appLocale()}>
      <ServerUrlContext.Provider value={phase.target.serverUrl}>
        <DataLayerContext.Provider value={phase.layer}>
          <AppShell target={phase.target} />
        </DataLayerContext.Provider>
      </ServerUrlContext.Provider>
    </I18nProvider>
  )
}
