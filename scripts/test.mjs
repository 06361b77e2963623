#!/usr/bin/env node
/**
 * `npm test`: every suite, then one summary line `N passed, M failed` (the sum over all suites,
 * read from vitest's and Playwright's JSON reporters).
 *
 * 1. core under TZ=UTC, 2. core under TZ=Pacific/Auckland (catches local-time leaks),
 * 3. server + renderer + electron unit tests, 4. build the app, 5. Playwright end-to-end tests.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const out = join(root, '.vitest-results')
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
const bin = (name) => join(root, 'node_modules', '.bin', name)

let passed = 0
let failed = 0
const lines = []

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`)
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  return result.status ?? 1
}

function vitest(label, file, args, env) {
  const status = run(
    label,
    bin('vitest'),
    ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
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
  {},
)

const buildStatus = run('build (electron-vite)', bin('electron-vite'), ['build'])
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

console.log('\n=== summary ===')
for (const line of lines) console.log(line)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
