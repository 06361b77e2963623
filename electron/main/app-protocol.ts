import { resolve, sep } from 'node:path'

/** The privileged scheme the desktop window is served from: `teamslot://app/index.html`. */
export const APP_SCHEME = 'teamslot'
export const APP_ORIGIN = `${APP_SCHEME}://app`

/**
 * The file under `rendererDir` that a `teamslot://app/...` URL names, or null for anything else
 * (another host, a path escaping the folder after decoding, a malformed URL). `/` is index.html.
 */
export function appFilePath(rendererDir: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== 'app') return null
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (path.includes('\0')) return null
  const root = resolve(rendererDir)
  const file = resolve(root, '.' + (path === '/' ? '/index.html' : path))
  return file.startsWith(root + sep) ? file : null
}
