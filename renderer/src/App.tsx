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
import { syncStatusNext } from './sync/sync-status'

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
    let cancelled = false
    let stop: (() => Promise<void>) | null = null
    openAppDatabase(databaseNameFor(target.serverUrl)).then(
      (db) => {
        if (cancelled) return
        const layer = dataLayerCreate(db, { storage: window.localStorage, remote: target })
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
        const publish = () => {
          const previous = useUiStore.getState().syncStatus
          const next = syncStatusNext(previous, lastHealth, navigator.onLine, clockNow())
          setSyncStatus(next)
          if (next.state === 'connected') {
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
        ]
        // The browser knows about lost networks before any request fails; come back at once too.
        const onOnline = () => {
          publish()
          replication.reSync()
          eventStreamReconnectNow()
        }
        // Changes still in their undo window are written before the page goes away.
        const onPageHide = () => void layer.changes.flush()
        window.addEventListener('offline', publish)
        window.addEventListener('online', onOnline)
        window.addEventListener('pagehide', onPageHide)
        stop = async () => {
          window.removeEventListener('offline', publish)
          window.removeEventListener('online', onOnline)
          window.removeEventListener('pagehide', onPageHide)
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
      <DataLayerContext.Provider value={phase.layer}>
        <AppShell target={phase.target} />
      </DataLayerContext.Provider>
    </I18nProvider>
  )
}
