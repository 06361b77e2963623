/**
 * The real sync server as a child process, built as production runs it (`node out/server/main.js
 * --port 0 --data-dir DIR --quiet [--app-dir out/renderer]`, admin token from
 * `TEAMSLOT_ADMIN_TOKEN`): its cold start, its memory from /proc, and a SIGTERM stop.
 */
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { closeSync, fsyncSync, openSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import SERVER_NODE_FLAGS from '../../sync-server/node-flags.json'
import { BenchClient } from './http'

export const ROOT = resolve(import.meta.dirname, '..', '..')
/** The built server (scripts/server-bundle.mjs). */
const SERVER_BUNDLE = join(ROOT, 'out', 'server', 'main.js')

/** Builds the server bundle when it is missing or older than its sources; throws if that fails. */
export function serverBundleEnsure(): void {
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts', 'server-bundle.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  if (built.status !== 0) throw new Error('building the sync server (out/server/main.js) failed')
}

/** Servers still running: killed when the harness exits (also on Ctrl-C, see run.ts). */
const live = new Set<ChildProcess>()
process.on('exit', () => live.forEach((child) => child.kill('SIGKILL')))

export interface RunningServer {
  readonly url: string
  readonly pid: number
  /** Spawn → `listening on` printed (ms). */
  readonly listeningMs: number
  /** Spawn → first `GET /health` answered 200 (ms). */
  readonly coldStartMs: number
  /** VmRSS and VmHWM (peak) of the server process, in MB. */
  memory(): { readonly rssMb: number; readonly peakMb: number }
  /** SIGTERM, then waits for the exit (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<{ readonly exitCode: number | null; readonly stopMs: number }>
}

/** The server did not print `listening on` within the cap; it was killed (memory read first). */
export class StartOverCap extends Error {
  constructor(
    readonly capMs: number,
    readonly rssMb: number,
    readonly peakMb: number,
  ) {
    super(`not listening after the ${Math.round(capMs / 1000)} s cap (killed)`)
  }
}

export async function serverStart(options: {
  readonly dataDir: string
  readonly token: string
  readonly appDir?: string
  /** Give up waiting for `listening on` after this long: kill it, throw {@link StartOverCap}. */
  readonly timeoutMs?: number
}): Promise<RunningServer> {
  const args = [
    ...SERVER_NODE_FLAGS,
    SERVER_BUNDLE,
    '--port',
    '0',
    '--data-dir',
    options.dataDir,
    '--quiet',
    ...(options.appDir ? ['--app-dir', options.appDir] : []),
  ]
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, TEAMSLOT_ADMIN_TOKEN: options.token },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  live.add(child)
  child.once('exit', () => live.delete(child))
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const capMs = options.timeoutMs ?? 600_000
  const url = await new Promise<string>((done, fail) => {
    let out = ''
    const timer = setTimeout(() => {
      const memory = processMemory(child.pid ?? -1)
      child.kill('SIGKILL')
      fail(new StartOverCap(capMs, memory.rssMb, memory.peakMb))
    }, capMs)
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        done(match[1])
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      fail(new Error(`server exited (${code}) before listening: ${stderr}`))
    })
    // (After a StartOverCap the exit rejects an already settled promise: ignored.)
  })
  const listeningMs = performance.now() - started
  const client = new BenchClient(url, options.token)
  for (;;) {
    const health = await client.plain('GET', '/health').catch(() => null)
    if (health?.status === 200) break
    await new Promise((done) => setTimeout(done, 5))
  }
  const coldStartMs = performance.now() - started
  client.close()
  const pid = child.pid ?? -1
  return {
    url,
    pid,
    listeningMs,
    coldStartMs,
    memory: () => processMemory(pid),
    async stop(graceMs = 60_000) {
      const t0 = performance.now()
      if (child.exitCode !== null) return { exitCode: child.exitCode, stopMs: 0 }
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      const exitCode = await exited
      clearTimeout(timer)
      return { exitCode, stopMs: performance.now() - t0 }
    },
  }
}

/** VmRSS and VmHWM of a process in MB (Linux /proc); NaN elsewhere. */
export function processMemory(pid: number): { rssMb: number; peakMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 }
  } catch {
    return { rssMb: Number.NaN, peakMb: Number.NaN }
  }
}

/**
 * Flushes every file under `dir` (recursively) and the folders themselves to disk. After copying
 * a cached store, so the kernel's write-back of the copy (2.7 GB at 400k) is not inside the
 * server's first commit, whose fsync would wait for it (measured: 0.6 s instead of 0.03 s): the
 * cold start is that of a store at rest.
 */
export function dirFsync(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) dirFsync(path)
    else if (entry.isFile()) fileFsync(path)
  }
  fileFsync(dir)
}

function fileFsync(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** Total size of the files under `dir` (recursively), in MB. */
export function dirSizeMb(dir: string): number {
  let bytes = 0
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) bytes += statSync(full).size
    }
  }
  try {
    walk(dir)
  } catch {
    return Number.NaN
  }
  return bytes / 1024 / 1024
}
