import { describe, expect, it } from 'vitest'
import type { SyncStatus } from './sync-status'
import {
  NO_NETWORK,
  SYNC_STATUS_INITIAL,
  syncErrorWords,
  syncStatusNext,
  syncStatusText,
} from './sync-status'

const open = { isActive: false, isStreamOpen: true, error: null, retryDelayMs: null }

describe('syncStatusNext', () => {
  it('is connected and stamps the sync time when the stream is open and nothing transfers', () => {
    expect(syncStatusNext(SYNC_STATUS_INITIAL, open, true, 1000)).toEqual({
      state: 'connected',
      lastSyncedAt: 1000,
      error: null,
      retryDelayMs: null,
    })
  })

  it('is syncing while a collection transfers and keeps the previous sync time', () => {
    const before = { ...SYNC_STATUS_INITIAL, state: 'connected' as const, lastSyncedAt: 1000 }
    expect(syncStatusNext(before, { ...open, isActive: true }, true, 2000)).toMatchObject({
      state: 'syncing',
      lastSyncedAt: 1000,
    })
  })

  it('is offline with the replication error and the retry delay when the stream is closed', () => {
    const before = { ...SYNC_STATUS_INITIAL, state: 'connected' as const, lastSyncedAt: 1000 }
    expect(
      syncStatusNext(
        before,
        { isActive: true, isStreamOpen: false, error: 'fetch failed', retryDelayMs: 8000 },
        true,
        3000,
      ),
    ).toEqual({ state: 'offline', lastSyncedAt: 1000, error: 'fetch failed', retryDelayMs: 8000 })
  })

  it('counts the bookings received since this sync began: from the start for a first sync', () => {
    /** The next status after a reading with `received` bookings written so far. */
    const after = (previous: SyncStatus, received: number, isActive = true) =>
      syncStatusNext(previous, { ...open, isActive, bookingsReceived: received }, true, 1000)
    const first = after(SYNC_STATUS_INITIAL, 1_200)
    expect(first).toMatchObject({ state: 'syncing', received: 1_200 })
    const later = after(first, 12_400)
    expect(later).toMatchObject({ state: 'syncing', received: 12_400 })
    const done = after(later, 24_387, false)
    expect(done.state).toBe('connected')
    // A later sync counts only its own.
    const next = after(done, 24_387)
    expect(next).toMatchObject({ state: 'syncing', received: 0 })
    expect(after(next, 24_390)).toMatchObject({ received: 3 })
  })

  it('is synced by another window while another window of the app replicates, whatever this one’s replication says', () => {
    const before = { ...SYNC_STATUS_INITIAL, lastSyncedAt: 1000 }
    const waiting = { isActive: true, isStreamOpen: false, error: null, retryDelayMs: null }
    expect(syncStatusNext(before, waiting, true, 2000, false)).toEqual({
      state: 'elsewhere',
      lastSyncedAt: 1000,
      error: null,
      retryDelayMs: null,
    })
    // Once this window takes over, its own replication decides again.
    expect(syncStatusNext(before, open, true, 3000, true).state).toBe('connected')
  })

  it('is offline when the browser reports no network, whatever the stream says', () => {
    expect(syncStatusNext(SYNC_STATUS_INITIAL, open, false, 4000)).toMatchObject({
      state: 'offline',
      lastSyncedAt: null,
      error: NO_NETWORK,
    })
  })
})

describe('syncErrorWords', () => {
  it.each([
    ['pull failed: Failed to fetch', 'The sync server cannot be reached.'],
    [
      'RC_UNAUTHORIZED',
      'The sync server did not accept this app’s access token. Sign in again in Settings.',
    ],
    [NO_NETWORK, 'This computer has no network connection.'],
    [
      'push failed: bookings bk-1 start: expected an ISO-8601 UTC instant',
      'The sync server refused a change; it is kept here and will be sent again.',
    ],
  ])('says %j as %j', (error, words) => {
    expect(syncErrorWords(error)).toBe(words)
  })
})

describe('syncStatusText', () => {
  const now = 1_000_000
  it('says how many bookings a sync has brought so far', () => {
    const syncing = { ...SYNC_STATUS_INITIAL, state: 'syncing' as const, received: 12_400 }
    expect(syncStatusText(syncing, 0, now).detail).toBe(
      `Bringing this computer up to date: ${(12_400).toLocaleString('en-GB')} bookings received so far. Never synced yet.`,
    )
    expect(syncStatusText({ ...syncing, received: 0 }, 0, now).detail).toBe(
      'Bringing this computer up to date. Never synced yet.',
    )
    expect(syncStatusText({ ...syncing, received: 1 }, 0, now).detail).toContain(
      '1 booking received',
    )
  })
  it('counts the changes waiting while offline, with the retry and the last sync', () => {
    const status = {
      state: 'offline' as const,
      lastSyncedAt: now - 5 * 60_000,
      error: 'pull failed: Failed to fetch',
      retryDelayMs: 32_000,
    }
    expect(syncStatusText(status, 3, now)).toEqual({
      label: 'Offline',
      detail:
        'The sync server cannot be reached. Trying again within 32 s. 3 changes wait to sync; they are kept on this computer. Last synced 5 min ago.',
    })
  })

  it('says one change waits, in the singular', () => {
    const offline = {
      state: 'offline' as const,
      lastSyncedAt: null,
      error: null,
      retryDelayMs: null,
    }
    expect(syncStatusText(offline, 1, now).detail).toContain(
      '1 change waits to sync; it is kept on this computer.',
    )
    const connected = { ...SYNC_STATUS_INITIAL, state: 'connected' as const, lastSyncedAt: now }
    expect(syncStatusText(connected, 1, now).detail).toContain('1 change waits to sync.')
  })

  it('says everything is synced when connected with nothing waiting', () => {
    const status = { ...SYNC_STATUS_INITIAL, state: 'connected' as const, lastSyncedAt: now }
    expect(syncStatusText(status, 0, now)).toEqual({
      label: 'Connected',
      detail: 'All changes are synced. Last synced just now.',
    })
  })

  it('says how many changes are being sent while syncing', () => {
    const status = { ...SYNC_STATUS_INITIAL, state: 'syncing' as const }
    expect(syncStatusText(status, 1, now).detail).toBe('Sending 1 change. Never synced yet.')
  })

  it('says it is connecting after a start until the server answers or a request fails', () => {
    const closed = { isActive: true, isStreamOpen: false, error: null, retryDelayMs: null }
    const connecting = syncStatusNext(
      { ...SYNC_STATUS_INITIAL, lastSyncedAt: 1000 },
      closed,
      true,
      2000,
    )
    expect(connecting).toMatchObject({ state: 'connecting', lastSyncedAt: 1000 })
    expect(syncStatusText(connecting, 0, 2000)).toEqual({
      label: 'Connecting…',
      detail: 'Reaching the sync server. Last synced just now.',
    })
    // A failed request, or the browser offline, is offline at once.
    const failed = { ...closed, error: 'fetch failed', retryDelayMs: 1000 }
    expect(syncStatusNext(connecting, failed, true, 3000).state).toBe('offline')
    expect(syncStatusNext(connecting, closed, false, 3000).state).toBe('offline')
    // Once it was offline, a closed stream stays offline (no going back to connecting).
    const offline = syncStatusNext(connecting, failed, true, 3000)
    expect(syncStatusNext(offline, closed, true, 4000).state).toBe('offline')
  })

  it('says another window syncs, and who sends what waits here', () => {
    const elsewhere: SyncStatus = { ...SYNC_STATUS_INITIAL, state: 'elsewhere' }
    expect(syncStatusText(elsewhere, 0, 0)).toEqual({
      label: 'Synced by another window',
      detail:
        'Another Teamslot window on this computer keeps in touch with the sync server; this one shows its changes as they arrive. All changes made here are synced.',
    })
    expect(syncStatusText(elsewhere, 2, 0).detail).toContain(
      '2 changes wait to sync; that window sends them.',
    )
  })
})
