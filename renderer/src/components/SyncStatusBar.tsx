import { useWorkspace } from '../db/data-layer'
import { useNow } from '../hooks/use-now'
import { useUiStore } from '../stores/ui-store'
import { syncStatusText } from '../sync/sync-status'
import { SignedInLine } from './SignedInLine'

/**
 * The sync state in plain words (Connected / Syncing… / Offline, why, when it tries again), who
 * is signed in with which role, how many local changes wait to sync, and when the replica was
 * last fully in sync.
 */
export function SyncStatusBar() {
  const status = useUiStore((s) => s.syncStatus)
  const live = useWorkspace()
  const now = useNow(5000)
  const waiting = (live?.unsynced.size ?? 0) + (live?.pending.size ?? 0)
  const text = syncStatusText(status, waiting, now)
  return (
    <div className={`sync-status sync-${status.state}`} role="status" aria-label="Sync status">
      <span className="sync-dot" aria-hidden="true" />
      <div>
        <div className="row">
          <span className="sync-label" data-state={status.state}>
            {text.label}
          </span>
          <SignedInLine />
          {waiting > 0 ? <span className="sync-waiting">{waiting} waiting to sync</span> : null}
        </div>
        <div className="sync-detail">{text.detail}</div>
      </div>
    </div>
  )
}
