import { describe, expect, it } from 'vitest'
import { SYNC_STATUS_INITIAL, syncStatusNext } from './sync-status'

const open = { isActive: false, isStreamOpen: true, error: null }

describe('syncStatusNext', () => {
  it('is connected and stamps the sync time when the stream is open and nothing transfers', () => {
    expect(syncStatusNext(SYNC_STATUS_INITIAL, open, true, 1000)).toEqual({
      state: 'connected',
      lastSyncedAt: 1000,
      error: null,
    })
  })

  it('is syncing while a collection transfers and keeps the previous sync time', () => {
    const before = { state: 'connected' as const, lastSyncedAt: 1000, error: null }
    expect(syncStatusNext(before, { ...open, isActive: true }, true, 2000)).toEqual({
      state: 'syncing',
      lastSyncedAt: 1000,
      error: null,
    })
  })

  it('is offline with the replication error when the stream is closed', () => {
    const before = { state: 'connected' as const, lastSyncedAt: 1000, error: null }
    expect(
      syncStatusNext(
        before,
        { isActive: true, isStreamOpen: false, error: 'fetch failed' },
        true,
        3000,
      ),
    ).toEqual({ state: 'offline', lastSyncedAt: 1000, error: 'fetch failed' })
  })

  it('is offline when the browser reports no network, whatever the stream says', () => {
    expect(syncStatusNext(SYNC_STATUS_INITIAL, open, false, 4000)).toEqual({
      state: 'offline',
      lastSyncedAt: null,
      error: 'no network connection',
    })
  })
})
