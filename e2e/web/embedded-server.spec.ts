import { expect, test } from '@playwright/test'
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import readline from 'node:readline'

/**
 * The desktop app's embedded sync server, as built for Electron's utilityProcess
 * (`out/main/sync-server.cjs`), driven through its message protocol with a stand-in parent port:
 * it starts on the requested data dir with the demo team, serves the window's origin with CORS,
 * and stops cleanly. (Inside Electron the same bundle opens SQLite through node:sqlite.)
 */
test('the embedded server bundle starts with the demo team, allows the app origin, and stops', async ({
  page,
}) => {
  const harness = spawn(
    process.execPath,
    [resolve(import.meta.dirname, '..', 'support', 'utility-process-harness.cjs')],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const messages = readline.createInterface({ input: harness.stdout })
  const send = (message: unknown) => harness.stdin.write(`${JSON.stringify(message)}\n`)
  const dataDir = mkdtempSync(join(tmpdir(), 'teamslot-embedded-'))
  const exited = new Promise<number | null>((done) => harness.once('exit', done))
  // Every line is queued as it arrives: readline emits lines that came in one chunk back to back,
  // before a listener attached after an await could hear them.
  const lines: string[] = []
  const waiting: ((line: string) => void)[] = []
  messages.on('line', (line) => {
    const waiter = waiting.shift()
    if (waiter) waiter(line)
    else lines.push(line)
  })
  const nextLine = () =>
    new Promise<string>((done) => {
      const line = lines.shift()
      if (line === undefined) waiting.push(done)
      else done(line)
    })
  // Skip the human-readable lines (token, seeding) that the server says before its messages.
  const nextMessage = async (): Promise<Record<string, string>> => {
    for (;;) {
      const line = await nextLine()
      if (line.startsWith('{')) return JSON.parse(line)
    }
  }
  send({ type: 'start', dataDir, port: 0, corsOrigins: ['teamslot://app'] })
  const ready = await nextMessage()
  expect(ready.type).toBe('ready')
  const res = await fetch(`${ready.url}/api/admin/workspace`, {
    headers: { authorization: `Bearer ${ready.adminToken}`, origin: 'teamslot://app' },
  })
  expect(res.status).toBe(200)
  expect(res.headers.get('access-control-allow-origin')).toBe('teamslot://app')
  expect((await res.json()).members.map((m: { name: string }) => m.name)).toContain('Ana Silva')
  await page.goto(`${ready.url}/book/sales`)
  await expect(page.getByRole('heading', { name: 'Talk to sales', level: 1 })).toBeVisible()
  send({ type: 'stop' })
  expect((await nextMessage()).type).toBe('stopped')
  expect(await exited).toBe(0)
})
