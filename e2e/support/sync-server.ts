import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface TestServer {
  readonly url: string
  readonly token: string
  readonly dataDir: string
  readonly process: ChildProcess
  /** Admin API call with the token. */
  admin(path: string, init?: RequestInit): Promise<Response>
  stop(): Promise<void>
}

const ROOT = resolve(import.meta.dirname, '..', '..')

/** The built standalone server (`npm run build` → out/server/main.js), as production runs it. */
const SERVER_BUNDLE = join(ROOT, 'out', 'server', 'main.js')

/**
 * Starts the real sync server (the built `out/server/main.js`) as a child process on an ephemeral
 * loopback port with a fresh data dir, seeded with `workspace`, serving the built app (and the
 * built booking page, out/book). `args`: more command-line options (`--embed-origin …`).
 */
export async function startTestServer(
  workspace: unknown,
  args: readonly string[] = [],
): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'teamslot-e2e-'))
  const seed = join(dataDir, 'seed.json')
  writeFileSync(seed, JSON.stringify(workspace))
  const token = `e2e-token-${Math.random().toString(36).slice(2)}`
  const child = spawn(
    process.execPath,
    [
      SERVER_BUNDLE,
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--seed',
      seed,
      '--app-dir',
      'out/renderer',
      '--quiet',
      ...args,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TEAMSLOT_ADMIN_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((resolveUrl, reject) => {
    let stdout = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(stdout)
      if (match?.[1]) resolveUrl(match[1])
    })
    child.once('exit', (code) => reject(new Error(`sync server exited (${code}): ${stderr}`)))
  })
  return {
    url,
    token,
    dataDir,
    process: child,
    admin: (path, init = {}) =>
      fetch(url + path, {
        ...init,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...init.headers,
        },
      }),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
      }),
  }
}
