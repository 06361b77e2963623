#!/usr/bin/env node
/**
 * The standalone sync server as production runs it: `out/server/main.js`, built from
 * `sync-server/src/main.ts` by `sync-server/vite.config.ts` (`npm run build` builds it too).
 *
 * `node scripts/server-bundle.mjs` (run by `npm run sync-server` before it starts the server, and
 * by `npm run bench:history`) builds the bundle when it is missing or older than a file it is
 * built from, so neither ever runs a stale build; `--force` builds it anyway.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '..')

/** The built server's entry. */
export const SERVER_BUNDLE = join(root, 'out', 'server', 'main.js')
/**
 * The Node options the standalone server runs with (`sync-server/node-flags.json`; `npm run
 * sync-server`, web mode and the server benchmarks pass them). `--max-semi-space-size=32`: V8's
 * young generation may grow to 32 MB per semi-space instead of 16, so a rush of bookings (short-
 * lived request objects by the thousand) is collected less often: 5–9 % less CPU per booking in
 * the rush benchmark, ~36 MB more RSS at 400,000 stored bookings (README, issue 9).
 */
export const SERVER_NODE_FLAGS = JSON.parse(
  readFileSync(join(root, 'sync-server', 'node-flags.json'), 'utf8'),
)
/** The Vite configuration that builds it. */
export const SERVER_BUNDLE_CONFIG = join('sync-server', 'vite.config.ts')

/** What the bundle is built from: these folders (every file below them) and files. */
const SOURCE_DIRS = ['sync-server/src', 'core/src']
const SOURCE_FILES = [SERVER_BUNDLE_CONFIG, 'package.json', 'package-lock.json']

/** The newest modification time (ms) of the files below `dir`. */
function newestBelow(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestBelow(path))
    else if (entry.isFile()) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

/** Whether the bundle is missing or older than a source it is built from. */
export function serverBundleIsStale() {
  if (!existsSync(SERVER_BUNDLE)) return true
  const built = statSync(SERVER_BUNDLE).mtimeMs
  const sources = [
    ...SOURCE_DIRS.map((dir) => newestBelow(join(root, dir))),
    ...SOURCE_FILES.map((file) => statSync(join(root, file)).mtimeMs),
  ]
  return sources.some((mtime) => mtime > built)
}

/**
 * Builds the bundle (into `outDir` when given, a folder inside this repository so Node finds the
 * packages the bundle imports) and returns the build's exit status.
 */
export function serverBundleBuild(outDir) {
  const vite = join(root, 'node_modules', '.bin', 'vite')
  const args = ['build', '--config', SERVER_BUNDLE_CONFIG, ...(outDir ? ['--outDir', outDir] : [])]
  return spawnSync(vite, args, { cwd: root, stdio: 'inherit' }).status ?? 1
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const force = process.argv.includes('--force')
  if (force || serverBundleIsStale()) {
    console.log(`building the sync server (${SERVER_BUNDLE_CONFIG} → out/server/main.js)`)
    process.exit(serverBundleBuild())
  }
}
