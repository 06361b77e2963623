#!/usr/bin/env node
/**
 * `npm test`: every suite, then one summary line `N passed, M failed` (the sum over all suites,
 * read from vitest's and Playwright's JSON reporters).
 *
 * 1. core under TZ=UTC, 2. core under TZ=Pacific/Auckland (catches local-time leaks),
 * 3. server + renderer + electron unit tests (storage on better-sqlite3), 4. the storage tests
 * again under the pinned Node 22 on node:sqlite, the embedded server's driver inside Electron
 * (`scripts/node22/`; skipped off linux-x64, a failure when missing there), 5. build the app,
 * the booking page (whose build fails over its size budget) and the standalone sync server,
 * 6. Playwright end-to-end tests (against the built server).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  isNode22Platform,
  NODE22_BINARY,
  NODE22_GUARD,
  node22InstalledVersion,
  node22PinnedVersion,
} from './node22/node22.mjs'
import { SERVER_BUNDLE_CONFIG } from './server-bundle.mjs'

const root = resolve(import.meta.dirname, '..')
const out = join(root, '.vitest-results')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const bin = (name) => join(root, 'node_modules', '.bin', name)

let passed = 0
let failed = 0
const lines = []

/**
 * One temporary folder for everything this run creates (test stores, CLI servers' data, Chromium
 * profiles: each suite gets it as TMPDIR), removed at the end: tests keep their stores until
 * they end, and some reopen them after a close, so the run, not each test, cleans up.
 */
const scratch = mkdtempSync(join(tmpdir(), 'teamslot-test-run-'))

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`)
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TMPDIR: scratch, ...env },
  })
  return result.status ?? 1
}

/** Runs vitest (`command`: by default node_modules/.bin/vitest on the PATH's Node) and sums its report. */
function vitest(label, file, args, env, command = [bin('vitest')]) {
  const [executable, ...prefix] = command
  const status = run(
    label,
    executable,
    [
      ...prefix,
      'run',
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    env,
  )
  if (!existsSync(file)) {
    failed += 1
    lines.push(`${label}: no report (exit ${status}), counted as 1 failure`)
    return
  }
  const report = JSON.parse(readFileSync(file, 'utf8'))
  const failures =
    report.numFailedTests +
    (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0)
  passed += report.numPassedTests
  failed += failures
  lines.push(`${label}: ${report.numPassedTests} passed, ${failures} failed`)
}

vitest('core (TZ=UTC)', join(out, 'core-utc.json'), ['--project', 'core'], { TZ: 'UTC' })
vitest('core (TZ=Pacific/Auckland)', join(out, 'core-auckland.json'), ['--project', 'core'], {
  TZ: 'Pacific/Auckland',
})
vitest(
  'server, renderer, electron units',
  join(out, 'units.json'),
  ['--project', 'server', '--project', 'renderer'],
  { TEAMSLOT_TEST_SQLITE_DRIVER: 'better-sqlite3' },
)

/** The storage contract and kill -9 tests on Node 22 with node:sqlite, as inside Electron. */
function storageOnNode22() {
  const pinned = node22PinnedVersion()
  const label = `storage on Node ${pinned} (node:sqlite)`
  if (!isNode22Platform) {
    console.log(
      `\n=== ${label} ===\nskipped: no pinned Node 22 for ${process.platform}-${process.arch}`,
    )
    lines.push(`${label}: skipped on ${process.platform}-${process.arch} (linux-x64 only)`)
    return
  }
  const installed = node22InstalledVersion()
  if (installed !== pinned) {
    failed += 1
    const found = installed === null ? 'missing' : `${installed} installed instead`
    const line =
      `${label}: Node ${pinned} ${found} in scripts/node22/node_modules ` +
      '(npm install puts it there), counted as 1 failure'
    console.log(`\n=== ${label} ===\n${line}`)
    lines.push(line)
    return
  }
  const guard = `--import=${pathToFileURL(NODE22_GUARD).href}`
  vitest(
    label,
    join(out, 'storage-node22.json'),
    ['--project', 'server', 'sync-server/src/storage/'],
    {
      TEAMSLOT_TEST_SQLITE_DRIVER: 'node:sqlite',
      // Inherited by vitest's workers and the kill -9 test's writer process.
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--disable-warning=ExperimentalWarning', guard]
        .filter(Boolean)
        .join(' '),
    },
    [NODE22_BINARY, join(root, 'node_modules', 'vitest', 'vitest.mjs')],
  )
}

storageOnNode22()

const appBuild = run('build (electron-vite)', bin('electron-vite'), ['build'])
// The booking page's own build (into out/book) also checks its JavaScript size budget.
const bookBuild =
  appBuild === 0
    ? run('build (booking page, size budget)', bin('vite'), [
        'build',
        '--config',
        'booking-page/vite.config.ts',
      ])
    : appBuild
// The standalone server (out/server/main.js), which the end-to-end tests start.
const buildStatus =
  bookBuild === 0
    ? run('build (sync server)', bin('vite'), ['build', '--config', SERVER_BUNDLE_CONFIG])
    : bookBuild
if (buildStatus !== 0) {
  failed += 1
  lines.push('build: failed, end-to-end tests not run (counted as 1 failure)')
} else {
  const file = join(out, 'playwright.json')
  const status = run(
    'end-to-end (Playwright, Chromium)',
    bin('playwright'),
    ['test', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    },
  )
  if (!existsSync(file)) {
    failed += 1
    lines.push(`end-to-end: no report (exit ${status}), counted as 1 failure`)
  } else {
    const stats = JSON.parse(readFileSync(file, 'utf8')).stats
    const e2eFailed = stats.unexpected + (stats.flaky ?? 0)
    passed += stats.expected
    failed += e2eFailed
    lines.push(
      `end-to-end: ${stats.expected} passed, ${e2eFailed} failed, ${stats.skipped} skipped`,
    )
  }
}

rmSync(scratch, { recursive: true, force: true })

console.log('\n=== summary ===')
for (const line of lines) console.log(line)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
