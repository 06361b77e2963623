import { createRequire } from 'node:module'
import { existsSync } from 'node:fs'

/**
 * The Electron executable's path, or null with the reason when it is not installed (its
 * postinstall downloads the binary from outside the npm registry, which some machines cannot reach).
 */
export function electronBinary() {
  try {
    const require = createRequire(import.meta.url)
    const path = require('electron')
    if (typeof path === 'string' && existsSync(path)) return { path, reason: null }
    return { path: null, reason: `Electron's binary is missing (${path})` }
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err)
    return { path: null, reason: `Electron's binary is not installed (${message})` }
  }
}
