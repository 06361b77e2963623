#!/usr/bin/env node
/**
 * The root `postinstall`: installs the pinned Node 22 (see `node22.mjs`) into
 * scripts/node22/node_modules with its own `npm ci`, so `npm install` / `npm ci` on a fresh
 * linux-x64 machine brings it. Quick when the pinned version is already there; skipped with a line
 * on other platforms. Never fails the root install: `npm test` reports a missing Node 22 as a
 * failure instead.
 */
import { spawnSync } from 'node:child_process'
import {
  isNode22Platform,
  NODE22_DIR,
  node22InstalledVersion,
  node22PinnedVersion,
} from './node22.mjs'

const pinned = node22PinnedVersion()
if (!isNode22Platform) {
  console.log(
    `node22: no Node ${pinned} for ${process.platform}-${process.arch} (linux-x64 only); ` +
      'npm test skips the node:sqlite storage run here',
  )
} else if (node22InstalledVersion() === pinned) {
  console.log(`node22: Node ${pinned} already in scripts/node22`)
} else {
  const args = ['ci', '--prefix', NODE22_DIR, '--no-audit', '--no-fund']
  // Under npm, npm_execpath is npm's own CLI script: reuse the npm that runs this install.
  const npm = process.env.npm_execpath
  const result = npm
    ? spawnSync(process.execPath, [npm, ...args], { stdio: 'inherit' })
    : spawnSync('npm', args, { stdio: 'inherit' })
  const installed = node22InstalledVersion()
  console.log(
    installed === pinned
      ? `node22: installed Node ${pinned} into scripts/node22`
      : `node22: WARNING: Node ${pinned} was not installed (npm exit ${result.status}); ` +
          'npm test will count the node:sqlite storage run as failed',
  )
}
