/**
 * URL decisions for the desktop window, as small pure functions (table-tested).
 */

/**
 * May the window navigate to `url`? Only within the app itself: its origin (`teamslot://app`, or
 * the dev server's). A custom scheme's origin is "null" in the URL API, so compare scheme and host.
 */
export function canNavigate(url: string, appOrigin: string): boolean {
  const parsed = safeParse(url)
  const app = safeParse(appOrigin)
  if (!parsed || !app) return false
  return parsed.protocol === app.protocol && parsed.host === app.host && parsed.port === app.port
}

/** May `url` be opened in the user's browser? Only plain https links without credentials. */
export function canOpenExternally(url: string): boolean {
  const parsed = safeParse(url)
  if (!parsed) return false
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === ''
}

/** Is `url` an acceptable remote sync server address (http(s), no credentials, no path tricks)? */
export function isValidServerUrl(url: string): boolean {
  const parsed = safeParse(url)
  if (!parsed) return false
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false
  if (parsed.username !== '' || parsed.password !== '') return false
  // Plain http only to this machine; anything over a network must be https.
  return (
    parsed.protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)
  )
}

function safeParse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}
