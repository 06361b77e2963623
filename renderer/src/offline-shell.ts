/**
 * Web mode keeps the app shell in a service worker (`sw.js`, built from renderer/sw/), so a
 * reload without a network or with the sync server down still opens the app on its local data.
 * The desktop app loads its files from disk and needs none.
 */

export type OfflineShellState = 'unsupported' | 'installing' | 'ready'

let state: OfflineShellState = 'unsupported'
const listeners = new Set<() => void>()

function set(next: OfflineShellState): void {
  state = next
  listeners.forEach((listener) => listener())
}

/** Registers the service worker in web mode (over http(s)); does nothing in the desktop app. */
export function offlineShellRegister(): void {
  if (window.teamslot || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol))
    return
  set('installing')
  navigator.serviceWorker.register('./sw.js').then(
    () =>
      navigator.serviceWorker.ready.then(() => {
        if (navigator.serviceWorker.controller) return set('ready')
        navigator.serviceWorker.addEventListener('controllerchange', () => set('ready'), {
          once: true,
        })
      }),
    () => set('unsupported'),
  )
}

export function offlineShellState(): OfflineShellState {
  return state
}

export function offlineShellSubscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
