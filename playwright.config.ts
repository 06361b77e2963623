import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests drive the built app (`npm run build` first) in Debian's Chromium against a real
 * sync server (the built out/server/main.js) started per test file. The Electron project runs only where Electron's binary is
 * installed (it cannot be downloaded on the CI machines).
 */
const CHROMIUM = process.env['TEAMSLOT_CHROMIUM'] ?? '/usr/bin/chromium'

function electronInstalled(): boolean {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown
    return typeof path === 'string' && existsSync(path)
  } catch {
    return false
  }
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'web', testMatch: /web\/.*\.spec\.ts$/ },
    ...(electronInstalled() ? [{ name: 'electron', testMatch: /electron\/.*\.spec\.ts$/ }] : []),
  ],
})
