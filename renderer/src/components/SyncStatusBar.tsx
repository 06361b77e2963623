import { useNow } from '../hooks/use-now'
import { useUiStore } from '../stores/ui-store'

const LABEL = { connected: 'Connected', offline: 'Offline', syncing: 'Syncing…' } as const

function formatAgo(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000))
  if (seconds < 5) return 'just now'
  if (seconds < 60) return `${seconds} s ago`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min ago`
  return new Date(then).toLocaleString()
}

/** The sync state (connected, offline, syncing) and when the last full sync happened. */
export function SyncStatusBar() {
  const status = useUiStore((s) => s.syncStatus)
  const now = useNow(5000)
  return (
    <div className={`sync-status sync-${status.state}`} role="status" aria-label="Sync status">
      <span className="sync-dot" aria-hidden="true" />
      <span data-state={status.state}>{LABEL[status.state]}</span>
      <span className="sync-last">
        {status.lastSyncedAt === null
          ? 'never synced'
          : `last synced ${formatAgo(status.lastSyncedAt, now)}`}
      </span>
      {status.error ? <span className="sync-error">{status.error}</span> : null}
    </div>
  )
}
