import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
const dir = mkdtempSync(join(tmpdir(), 'desk-shot-'))
const token = 'shot-token'
const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/src/main.ts', '--port', '0', '--data-dir', dir, '--demo', '--app-dir', 'out/renderer', '--quiet'], { cwd: '/work/wt-desk', env: { ...process.env, TEAMSLOT_ADMIN_TOKEN: token } })
const url = await new Promise((res) => { let out = ''; child.stdout.on('data', (c) => { out += c; const m = /listening on (http:\/\/\S+)/.exec(out); if (m) res(m[1]) }) })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] })
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: process.env.LOC ?? 'en-GB', timezoneId: 'Europe/London' })
page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()) })
page.on('pageerror', (e) => console.log('pageerror:', e.message))
await page.goto(`${url}/app/#token=${token}`); await page.getByText('Connected').waitFor()
const views = (process.env.VIEWS ?? 'calendar').split(',')
for (const v of views) {
  await page.goto(`${url}/app/#/${v}`)
  await page.waitForTimeout(1500)
  await page.screenshot({ path: `/tmp/desk/${v.replace(/[^a-z]/g, '_')}.png` })
}
if (process.env.SCRIPT) { const f = await import(process.env.SCRIPT); await f.default(page, url) }
await browser.close(); child.kill()
