import type { ReplicationHealth } from '../db/replication'
import { bookingsText } from '../format/datetime-format'

/**
 * `connecting`: since the app started, until the server answers or a request fails. `elsewhere`:
 * another window of the app on this computer replicates the shared local database (one window at
 * a time does: RxDB's leader election), this one shows the changes as they arrive.
 */
export type SyncState = 'connecting' | 'connected' | 'offline' | 'syncing' | 'elsewhere'

/** What the status bar shows. `lastSyncedAt` is epoch ms of the last moment all was in sync. */
export interface SyncStatus {
  readonly state: SyncState
  readonly lastSyncedAt: number | null
  /** The replication's own error text (kept for the details; people read `syncStatusText`). */
  readonly error: string | null
  /** While failing: how long until the next attempt (ms). */
  readonly retryDelayMs: number | null
  /** While syncing: the bookings received since this sync began (a first sync's progress). */
  readonly received?: number
  /** While syncing: the replication's count of received bookings when this sync began. */
  readonly receivedBase?: number
}

export const SYNC_STATUS_INITIAL: SyncStatus = {
  state: 'connecting',
  lastSyncedAt: null,
  error: null,
  retryDelayMs: null,
}

/** The replication error when the browser itself reports no network. */
export const NO_NETWORK = 'no network connection'

/**
 * Folds one replication health reading into the status: offline when the browser is offline or
 * the server's event stream is not open (while the app is still connecting after its start and
 * nothing has failed: connecting, not offline); syncing while any collection transfers;
 * otherwise connected, which stamps `lastSyncedAt` with `now`.
 */
export function syncStatusNext(
  previous: SyncStatus,
  health: ReplicationHealth,
  isOnline: boolean,
  now: number,
  /** False while another window of the app replicates (this one's replication waits). */
  isReplicating = true,
): SyncStatus {
  if (!isReplicating) {
    return {
      state: 'elsewhere',
      lastSyncedAt: previous.lastSyncedAt,
      error: null,
      retryDelayMs: null,
    }
  }
  if (isOnline && !health.isStreamOpen && previous.state === 'connecting' && !health.error) {
    return previous
  }
  if (!isOnline || !health.isStreamOpen) {
    return {
      state: 'offline',
      lastSyncedAt: previous.lastSyncedAt,
      error: isOnline ? health.error : NO_NETWORK,
      retryDelayMs: health.retryDelayMs,
    }
  }
  if (health.isActive) {
    // Counted from the start of this sync (from the app's start when it began connecting).
    const total = health.bookingsReceived ?? 0
    const base =
      previous.state === 'syncing'
        ? (previous.receivedBase ?? total)
        : previous.state === 'connecting'
          ? 0
          : total
    return {
      state: 'syncing',
      lastSyncedAt: previous.lastSyncedAt,
      error: null,
      retryDelayMs: null,
      received: total - base,
      receivedBase: base,
    }
  }
  return { state: 'connected', lastSyncedAt: now, error: null, retryDelayMs: null }
}

/**
 * A replication error in plain words: what it means for the person at the desk, never the
 * transport's text (`pull failed: Failed to fetch`).
 */
export function syncErrorWords(error: string | null): string | null {
  if (error === null) return null
  const text = error.toLowerCase()
  if (text === NO_NETWORK) return 'This computer has no network connection.'
  if (/unauthori[sz]ed|401|rc_unauthorized/.test(text)) {
    return 'The sync server did not accept this app’s access token. Sign in again in Settings.'
  }
  if (/outdated|426/.test(text)) return 'This app is older than the sync server. Update it.'
  if (/failed to fetch|network|stream ended|load failed|econnrefused|fetch failed/.test(text)) {
    return 'The sync server cannot be reached.'
  }
  return 'The sync server refused a change; it is kept here and will be sent again.'
}

/** "just now", "12 s ago", "3 min ago", "2 h ago", "4 days ago". */
export function agoText(then: number, now: number): string {
  const seconds = Math.max(0, Math.round((now - then) / 1000))
  if (seconds < 5) return 'just now'
  if (seconds < 60) return `${seconds} s ago`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min ago`
  const hours = Math.round(minutes / 60)
  if (hours < 24) return `${hours} h ago`
  return `${Math.round(hours / 24)} days ago`
}

function changesText(count: number): string {
  return count === 1 ? '1 change' : `${count} changes`
}

/** "1 change waits", "3 changes wait". */
function changesWaitText(count: number): string {
  return `${changesText(count)} ${count === 1 ? 'waits' : 'wait'}`
}

/** The status bar's words: a short label, and a sentence with the details. */
export interface SyncStatusText {
  readonly label: string
  readonly detail: string
}

/**
 * Plain words for the status and the number of local changes waiting to sync (`waiting`), e.g.
 * `Offline` / `3 changes wait to sync. The sync server cannot be reached; trying again in
 * 30 s. Last synced 5 min ago.`
 */
export function syncStatusText(status: SyncStatus, waiting: number, now: number): SyncStatusText {
  const last =
    status.lastSyncedAt === null
      ? 'Never synced yet.'
      : `Last synced ${agoText(status.lastSyncedAt, now)}.`
  const waitingText =
    waiting === 0 ? 'All changes are synced.' : `${changesWaitText(waiting)} to sync.`
  if (status.state === 'connected') {
    return {
      label: 'Connected',
      detail: waiting === 0 ? `All changes are synced. ${last}` : `${waitingText} ${last}`,
    }
  }
  if (status.state === 'elsewhere') {
    const sends =
      waiting === 0
        ? 'All changes made here are synced.'
        : `${changesWaitText(waiting)} to sync; that window sends ${waiting === 1 ? 'it' : 'them'}.`
    return {
      label: 'Synced by another window',
      detail: `Another Teamslot window on this computer keeps in touch with the sync server; this one shows its changes as they arrive. ${sends}`,
    }
  }
  if (status.state === 'connecting') {
    return { label: 'Connecting…', detail: `Reaching the sync server. ${last}` }
  }
  if (status.state === 'syncing') {
    return {
      label: 'Syncing…',
      detail:
        waiting > 0
          ? `Sending ${changesText(waiting)}. ${last}`
          : (status.received ?? 0) > 0
            ? `Bringing this computer up to date: ${bookingsText(status.received ?? 0)} received so far. ${last}`
            : `Bringing this computer up to date. ${last}`,
    }
  }
  const why = syncErrorWords(status.error) ?? 'The sync server cannot be reached.'
  const retry =
    status.retryDelayMs !== null && status.error !== NO_NETWORK
      ? ` Trying again within ${Math.max(1, Math.round(status.retryDelayMs / 1000))} s.`
      : ' Trying again when the network returns.'
  const keep =
    waiting === 0
      ? 'Work goes on here and syncs later.'
      : `${changesWaitText(waiting)} to sync; ${waiting === 1 ? 'it is' : 'they are'} kept on this computer.`
  return { label: 'Offline', detail: `${why}${retry} ${keep} ${last}` }
}
