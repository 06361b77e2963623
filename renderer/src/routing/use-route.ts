import { useCallback, useSyncExternalStore } from 'react'
import { routeApply, routeFormat, routeParse } from './app-route'
import type { AppRoute, RouteChange } from './app-route'

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener)
  window.addEventListener('popstate', listener)
  return () => {
    window.removeEventListener('hashchange', listener)
    window.removeEventListener('popstate', listener)
  }
}

let cachedHash: string | null = null
let cachedRoute: AppRoute = routeParse('')

function snapshot(): AppRoute {
  const hash = window.location.hash
  if (hash !== cachedHash) {
    cachedHash = hash
    cachedRoute = routeParse(hash)
  }
  return cachedRoute
}

/**
 * The current route and a function to change it. A change adds a history entry (back returns to
 * the previous view, day or closed panel) unless `replace` is set (typing in a search box).
 */
export function useRoute(): readonly [AppRoute, (change: RouteChange, replace?: boolean) => void] {
  const route = useSyncExternalStore(subscribe, snapshot)
  const navigate = useCallback((change: RouteChange, replace = false) => {
    const next = routeFormat(routeApply(snapshot(), change))
    if (next === window.location.hash) return
    const url = `${window.location.pathname}${window.location.search}${next}`
    if (replace) window.history.replaceState(null, '', url)
    else window.history.pushState(null, '', url)
    window.dispatchEvent(new HashChangeEvent('hashchange'))
  }, [])
  return [route, navigate] as const
}
