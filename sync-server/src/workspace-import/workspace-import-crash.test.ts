import { spawn } from 'node:child_process'
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Workspace } from '../../../core/src/model/workspace'
import { startCli } from '../test-support/cli'
import {
  historyBooking,
  historySetup,
  historyWorkspaceText,
} from '../test-support/history-workspace'
import { httpExchange } from '../test-support/workspace-http'

const ROOT = resolve(import.meta.dirname, '..', '..', '..')
const TOKEN = 'import-crash-token'
const env = { TEAMSLOT_ADMIN_TOKEN: TOKEN }
const tempDir = () => mkdtempSync(join(tmpdir(), 'teamslot-import-'))
const stagingFiles = (dir: string) =>
  readdirSync(dir).filter((name) => name.startsWith('workspace-import-'))

/** The workspace with bookings `from … to − 1` of the generated history. */
const history = (from: number, to: number): Workspace => ({
  ...historySetup(),
  bookings: Array.from({ length: to - from }, (_, i) => historyBooking(from + i)),
})

const exportOf = (workspace: Workspace): Workspace => ({
  ...workspace,
  bookings: [...workspace.bookings].sort((a, b) => (a.id < b.id ? -1 : 1)),
})

const exported = async (url: string) =>
  (await httpExchange(`${url}/api/admin/workspace`, { method: 'GET', token: TOKEN })).json()

const put = (url: string, body: Iterable<string>) =>
  httpExchange(`${url}/api/admin/workspace`, { method: 'PUT', token: TOKEN, body })

/**
 * `import-crash-server.ts` in a child process on `dataDir`: pauses the next import for good once
 * it reports `phase` with `count` records done; resolves when it has paused.
 */
async function pausingServer(dataDir: string, phase: string, count: number) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'sync-server/src/test-support/import-crash-server.ts',
      dataDir,
      phase,
      String(count),
    ],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let out = ''
  let err = ''
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()))
  const exited = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? -1)),
  )
  const lineMatching = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((done, fail) => {
      const check = () => {
        const match = pattern.exec(out)
        if (match) done(match)
      }
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        check()
      })
      check()
      void exited.then((code) => fail(new Error(`server exited (${code}): ${err}`)))
    })
  const url = (await lineMatching(/listening on (http:\/\/\S+)/))[1]!
  return { child, url, paused: lineMatching(/paused (\{.*\})/), exited }
}

describe('an import interrupted by kill -9', () => {
  it('is finished on the next start when it was being applied: the store equals the import', async () => {
    const dataDir = tempDir()
    // The old workspace: bookings 0–2,999. The import: bookings 1,000–6,999 (2,000 … gone).
    const first = await startCli(['--port', '0', '--data-dir', dataDir, '--quiet'], env)
    expect((await put(first.url, [JSON.stringify(history(0, 3_000))])).status).toBe(200)
    first.child.kill('SIGTERM')
    expect(await first.exited()).toBe(0)

    const server = await pausingServer(dataDir, 'applying', 4_000)
    const answer = put(
      server.url,
      historyWorkspaceText(7_000, {
        transform: (booking, i) => (i < 1_000 ? undefined : booking),
      }),
    ).catch(() => null)
    const paused = JSON.parse((await server.paused)[1]!) as { step: string; done: number }
    expect(paused).toMatchObject({ phase: 'applying', step: 'bookings', done: 4_000 })
    server.child.kill('SIGKILL')
    expect(await server.exited).toBe('SIGKILL')
    expect(await answer).toBeNull()
    // The staging file and its marker.
    const [file, marker] = stagingFiles(dataDir).sort()
    expect(marker).toBe(`${file}.applying`)

    const restarted = await startCli(['--port', '0', '--data-dir', dataDir, '--quiet'], env)
    expect(await exported(restarted.url)).toEqual(exportOf(history(1_000, 7_000)))
    expect(stagingFiles(dataDir)).toEqual([])
    restarted.child.kill('SIGTERM')
    expect(await restarted.exited()).toBe(0)
  })

  it('changes nothing when its body was still arriving; the staging file is removed on start', async () => {
    const dataDir = tempDir()
    const first = await startCli(['--port', '0', '--data-dir', dataDir, '--quiet'], env)
    expect((await put(first.url, [JSON.stringify(history(0, 500))])).status).toBe(200)
    const before = await exported(first.url)
    first.child.kill('SIGTERM')
    expect(await first.exited()).toBe(0)

    const server = await pausingServer(dataDir, 'receiving', 1_000)
    const answer = put(server.url, historyWorkspaceText(5_000)).catch(() => null)
    await server.paused
    expect(stagingFiles(dataDir)).toHaveLength(1)
    server.child.kill('SIGKILL')
    expect(await server.exited).toBe('SIGKILL')
    expect(await answer).toBeNull()

    const restarted = await startCli(['--port', '0', '--data-dir', dataDir, '--quiet'], env)
    expect(await exported(restarted.url)).toEqual(before)
    expect(stagingFiles(dataDir)).toEqual([])
    restarted.child.kill('SIGTERM')
    expect(await restarted.exited()).toBe(0)
  })
})

describe('staging files left in the data folder', () => {
  it('are deleted unread on start when unmarked, even when not SQLite at all', async () => {
    const dataDir = tempDir()
    const leftover = join(dataDir, 'workspace-import-leftover.sqlite')
    writeFileSync(leftover, 'not a database: a staging file cut off by a crash')
    const server = await startCli(['--port', '0', '--data-dir', dataDir, '--quiet'], env)
    expect(stagingFiles(dataDir)).toEqual([])
    server.child.kill('SIGTERM')
    expect(await server.exited()).toBe(0)
  })
})

describe('--seed', () => {
  it('streams a seed file longer than the longest string V8 can hold (512 MiB)', async () => {
    const dataDir = tempDir()
    const seed = join(dataDir, 'seed.json')
    // The generated workspace with 545 MiB of spaces after its first key: valid JSON that
    // `readFileSync(seed, 'utf8')` (the old seed path) cannot even turn into a string.
    const fd = openSync(seed, 'w')
    const [head, ...rest] = historyWorkspaceText(3_000)
    const spaces = Buffer.alloc(16 * 1024 * 1024, 0x20)
    writeSync(fd, head!.replace('{', '{' + ' '))
    for (let i = 0; i < 34; i++) writeSync(fd, spaces)
    for (const part of rest) writeSync(fd, part)
    closeSync(fd)
    expect(statSync(seed).size).toBeGreaterThan(512 * 1024 * 1024)

    const server = await startCli(
      ['--port', '0', '--data-dir', dataDir, '--seed', seed, '--quiet'],
      env,
    )
    expect(await exported(server.url)).toEqual(exportOf(history(0, 3_000)))
    expect(stagingFiles(dataDir)).toEqual([])
    server.child.kill('SIGTERM')
    expect(await server.exited()).toBe(0)
  }, 180_000)
})
