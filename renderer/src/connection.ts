import type { TeamslotBridge } from '../../electron/shared/ipc-contract'
import type { SyncTarget } from './db/replication'

declare global {
  interface Window {
    /** Present inside the desktop app (preload), absent in web mode. */
    readonly teamslot?: TeamslotBridge
  }
}

const STORAGE_KEY = 'teamslot.connection'

/**
 * Where to sync: inside Electron the main process says (embedded or remote server). In web mode a
 * `#token=…[&server=…]` fragment (printed by `npm start`) or an invitation link's
 * `#invite=…` (fragments never reach a server) is kept in localStorage and removed from the
 * address bar; the server defaults to this page's origin.
 */
export async function connectionResolve(): Promise<SyncTarget | null> {
  if (window.teamslot) {
    const info = await window.teamslot.getConnectionInfo()
    return { serverUrl: info.serverUrl, adminToken: info.adminToken }
  }
  const fragment = new URLSearchParams(window.location.hash.replace(/^#/, ''))
  const token = fragment.get('invite') ?? fragment.get('token')
  if (token) {
    const target = {
      serverUrl: fragment.get('server') ?? window.location.origin,
      adminToken: token,
    }
    connectionRemember(target)
    window.history.replaceState(null, '', window.location.pathname + window.location.search)
    return target
  }
  const stored = window.localStorage.getItem(STORAGE_KEY)
  if (!stored) return null
  try {
    const parsed = JSON.parse(stored) as Partial<SyncTarget>
    return typeof parsed.serverUrl === 'string' && typeof parsed.adminToken === 'string'
      ? { serverUrl: parsed.serverUrl, adminToken: parsed.adminToken }
      : null
  } catch {
    return null
  }
}

/** Keeps a web-mode connection for the next visit. */
export function connectionRemember(target: SyncTarget): void {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(target))
}

/** Forgets the web-mode connection (sign out). */
export function connectionForget(): void {
  window.localStorage.removeItem(STORAGE_KEY)
}
