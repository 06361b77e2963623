/**
 * The address of what the scheduler looks at, kept in the URL fragment so back, forward and
 * refresh keep the view, the day, the filters and the open booking:
 * `#/calendar?date=2027-03-15&booking=bk-1&group=pool`. Pure parse and format (tested); the
 * hook is `use-route.ts`.
 */

export const VIEWS = [
  'calendar',
  'bookings',
  'reports',
  'team',
  'setup',
  'conflicts',
  'outbox',
  'people',
  'webhooks',
  'activity',
  'settings',
] as const
export type View = (typeof VIEWS)[number]

/** The view a newcomer lands on: the day. */
export const DEFAULT_VIEW: View = 'calendar'

export interface AppRoute {
  readonly view: View
  /** Every other value of the address: `date`, `booking`, filters… (empty ones are dropped). */
  readonly params: Readonly<Record<string, string>>
}

/** Parses `#/view?a=b` (anything unknown falls back to the default view). */
export function routeParse(hash: string): AppRoute {
  const text = hash.replace(/^#/, '')
  if (!text.startsWith('/')) return { view: DEFAULT_VIEW, params: {} }
  const [path = '', query = ''] = text.slice(1).split('?', 2)
  const view = (VIEWS as readonly string[]).includes(path) ? (path as View) : DEFAULT_VIEW
  const params: Record<string, string> = {}
  for (const [key, value] of new URLSearchParams(query)) if (value !== '') params[key] = value
  return { view, params }
}

/** The fragment of a route, parameters in a stable (sorted) order. */
export function routeFormat(route: AppRoute): string {
  const query = new URLSearchParams(
    Object.entries(route.params)
      .filter(([, value]) => value !== '')
      .sort(([a], [b]) => a.localeCompare(b)),
  ).toString()
  return `#/${route.view}${query ? `?${query}` : ''}`
}

/** A change to the route: a view (which drops the old view's parameters) and/or parameters (null removes). */
export interface RouteChange {
  readonly view?: View
  readonly params?: Readonly<Record<string, string | null>>
}

/**
 * The route after `change`. Changing the view keeps only the parameters views share (`date`)
 * and the ones given.
 */
export function routeApply(route: AppRoute, change: RouteChange): AppRoute {
  const switching = change.view !== undefined && change.view !== route.view
  const kept: Record<string, string> = switching
    ? route.params['date']
      ? { date: route.params['date'] }
      : {}
    : { ...route.params }
  for (const [key, value] of Object.entries(change.params ?? {})) {
    if (value === null || value === '') delete kept[key]
    else kept[key] = value
  }
  return { view: change.view ?? route.view, params: kept }
}
