import { useEffect, useState } from 'react'
import { connectionRemember, connectionResolve } from './connection'
import type { AppDatabase } from './db/database'
import { databaseNameFor, openAppDatabase } from './db/database'
import { DatabaseContext } from './db/hooks'
import { replicationStart } from './db/replication'
import type { ReplicationHealth, SyncTarget } from './db/replication'
import { AppShell } from './components/AppShell'
import { ConnectScreen } from './components/ConnectScreen'
import { useUiStore } from './stores/ui-store'
import { syncStatusNext } from './sync/sync-status'

type Phase =
  | { kind: 'resolving' }
  | { kind: 'needs-connection' }
  | { kind: 'ready'; db: AppDatabase; target: SyncTarget }
  | { kind: 'failed'; message: string }

/** Resolves the connection, opens the local database, starts replication, renders the shell. */
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
        const replication = replicationStart(db, target)
        let lastHealth: ReplicationHealth = { isActive: true, isStreamOpen: false, error: null }
        const publish = () => {
          const previous = useUiStore.getState().syncStatus
          setSyncStatus(syncStatusNext(previous, lastHealth, navigator.onLine, Date.now()))
        }
        const subscription = replication.health$.subscribe((health) => {
          lastHealth = health
          publish()
        })
        // The browser knows about lost networks before any request fails; come back at once too.
        const onOnline = () => {
          publish()
          replication.reSync()
        }
        window.addEventListener('offline', publish)
        window.addEventListener('online', onOnline)
        stop = async () => {
          window.removeEventListener('offline', publish)
          window.removeEventListener('online', onOnline)
          subscription.unsubscribe()
          await replication.cancel()
          await db.destroy()
        }
        setPhase({ kind: 'ready', db, target })
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
    <DatabaseContext.Provider value={phase.db}>
      <AppShell target={phase.target} />
    </DatabaseContext.Provider>
  )
}
