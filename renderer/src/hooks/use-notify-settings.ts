import { useEffect, useState } from 'react'
import { adminApi } from '../db/admin-api'
import type { NotifySettings } from '../db/admin-api'
import type { SyncTarget } from '../db/replication'

const cacheKey = (target: SyncTarget) => `teamslot.notify.${target.serverUrl}`

function cached(target: SyncTarget): NotifySettings | null {
  try {
    const text = localStorage.getItem(cacheKey(target))
    return text ? (JSON.parse(text) as NotifySettings) : null
  } catch {
    return null
  }
}

/**
 * The server's notification settings (its public address, whether mail goes out), asked once
 * per mount and remembered in this browser, so links are right offline too. Null until known.
 */
export function useNotifySettings(target: SyncTarget): NotifySettings | null {
  const [settings, setSettings] = useState<NotifySettings | null>(() => cached(target))
  useEffect(() => {
    let isLive = true
    adminApi(target)
      .notifySettings()
      .then((next) => {
        if (!isLive) return
        setSettings(next)
        try {
          localStorage.setItem(cacheKey(target), JSON.stringify(next))
        } catch {
          // Storage full or denied: the settings are still used for this session.
        }
      })
      .catch(() => undefined)
    return () => {
      isLive = false
    }
  }, [target])
  return settings
}

/** The address customers' links are built on: the server's public address when known. */
export function usePublicUrl(target: SyncTarget): string {
  return useNotifySettings(target)?.publicUrl ?? target.serverUrl
}
