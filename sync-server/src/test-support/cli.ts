import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..', '..', '..')

export interface CliServer {
  readonly child: ChildProcess
  readonly url: string
  /** Everything printed on stdout so far. */
  output(): string
  /** Resolves with the exit code (or signal name). */
  exited(): Promise<number | string>
}

/**
 * The server from source: `sync-server/src/main.ts` under tsx (`npm run sync-server:dev`; `npm run
 * sync-server` runs the same code built). One process, not the tsx wrapper (which forks a child):
 * SIGKILL must hit the server itself.
 */
export const SERVER_FROM_SOURCE: readonly string[] = ['--import', 'tsx', 'sync-server/src/main.ts']

/**
 * Runs the server (`node ...entry ...args`; by default from source) and waits for `listening on`.
 */
export async function startCli(
  args: readonly string[],
  env: Record<string, string> = {},
  entry: readonly string[] = SERVER_FROM_SOURCE,
): Promise<CliServer> {
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: ROOT,
    env: { ...process.env, TEAMSLOT_ADMIN_TOKEN: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exit = new Promise<number | string>((done) =>
    child.once('exit', (code, signal) => done(code ?? signal ?? -1)),
  )
  const url = await new Promise<string>((done, fail) => {
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(stdout)
      if (match?.[1]) done(match[1])
    }
    child.stdout.on('data', check)
    void exit.then((code) => fail(new Error(`server exited (${code}) before listening: ${stderr}`)))
  })
  return { child, url, output: () => stdout, exited: () => exit }
}
