import type { ReplicationHealth } from '../db/replication'

export type SyncState = 'connected' | 'offline' | 'syncing'

/** What the status bar shows. `lastSyncedAt` is epoch ms of the last moment all was in sync. */
export interface SyncStatus {
  readonly state: SyncState
  readonly lastSyncedAt: number | null
  readonly error: string | null
}

export const SYNC_STATUS_INITIAL: SyncStatus = { state: 'offline', lastSyncedAt: null, error: null }

/**
 * Folds one replication health reading into the status: offline when the browser is offline or
 * the server's event stream is not open; syncing while any collection transfers; otherwise
 * connected, which stamps `lastSyncedAt` with `now`.
 */
export function syncStatusNext(
  previous: SyncStatus,
  health: ReplicationHealth,
  isOnline: boolean,
  now: number,
): SyncStatus {
  if (!isOnline || !health.isStreamOpen) {
    return {
      state: 'offline',
      lastSyncedAt: previous.lastSyncedAt,
      error: isOnline ? health.error : 'no network connection',
    }
  }
  if (health.isActive) return { state: 'syncing', lastSyncedAt: previous.lastSyncedAt, error: null }
  return { state: 'connected', lastSyncedAt: now, error: null }
}
