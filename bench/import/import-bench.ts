/**
 * `npm run bench:import [-- --sizes 10000,50000,150000,400000] [--json]`: the workspace import
 * and export over HTTP at growing history sizes. Figures, not a timed test.
 *
 * Per size, a fresh server process (`sync-server/src/main.ts`, better-sqlite3, a new data folder)
 * and the generated 100-member workspace (`historyWorkspaceText`, ~480 bytes a booking):
 * - import: `PUT /api/admin/workspace` of the whole body into the empty store, streamed from the
 *   generator with backpressure; seconds until the answer's headers (the body was received,
 *   validated and applied; the answer, the export, is read and dropped), and the server's peak
 *   RSS then;
 * - export: `GET /api/admin/workspace` in a restarted server, read and dropped; seconds to its
 *   last byte and the server's peak RSS;
 * - re-import: the same body again in a restarted server (every record already stored as
 *   imported, so nothing is rewritten), seconds and peak RSS as for the import.
 * Peak RSS is the kernel's high-water mark of the server process (`VmHWM` in /proc, Linux only);
 * "idle" is the freshly started server's.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { historyWorkspaceText } from '../../sync-server/src/test-support/history-workspace'
import SERVER_NODE_FLAGS from '../../sync-server/node-flags.json'

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,50000,150000,400000' },
    json: { type: 'boolean', default: false },
  },
})

const ROOT = resolve(import.meta.dirname, '..', '..')
const TOKEN = 'import-bench-token'

interface Server {
  readonly child: ChildProcess
  readonly url: string
}

async function serverStart(dataDir: string): Promise<Server> {
  const child = spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      '--import',
      'tsx',
      'sync-server/src/main.ts',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--quiet',
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TEAMSLOT_ADMIN_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  let out = ''
  const url = await new Promise<string>((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(out)
      if (match?.[1]) done(match[1])
    })
    child.once('exit', (code) => fail(new Error(`server exited (${code}) before listening`)))
  })
  return { child, url }
}

/** The server's peak resident set so far, in MB (Linux `VmHWM`). */
function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN)
  return Math.round(kb / 1024)
}

interface Exchange {
  readonly status: number
  /** Seconds until the answer's headers. */
  readonly headersS: number
  /** Seconds until the answer's last byte. */
  readonly endS: number
  readonly sentBytes: number
  readonly receivedBytes: number
  /** Server peak RSS when the headers arrived. */
  readonly peakAtHeadersMb: number
}

/** One HTTP exchange; `body` chunks are written as the socket takes them. */
function exchange(
  server: Server,
  method: string,
  body: Iterable<string> | null,
): Promise<Exchange> {
  const started = performance.now()
  return new Promise((done, fail) => {
    let sentBytes = 0
    const req = request(
      `${server.url}/api/admin/workspace`,
      {
        method,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        const headersS = (performance.now() - started) / 1000
        const peakAtHeadersMb = peakRssMb(server.child.pid!)
        let receivedBytes = 0
        res.on('data', (chunk: Buffer) => (receivedBytes += chunk.length))
        res.on('end', () =>
          done({
            status: res.statusCode ?? 0,
            headersS,
            endS: (performance.now() - started) / 1000,
            sentBytes,
            receivedBytes,
            peakAtHeadersMb,
          }),
        )
        res.on('error', fail)
      },
    )
    req.on('error', fail)
    if (!body) {
      req.end()
      return
    }
    const chunks = body[Symbol.iterator]()
    const pump = () => {
      for (;;) {
        const next = chunks.next()
        if (next.done) {
          req.end()
          return
        }
        const bytes = Buffer.from(next.value)
        sentBytes += bytes.length
        if (!req.write(bytes)) {
          req.once('drain', pump)
          return
        }
      }
    }
    pump()
  })
}

/** Runs `measure` against a server started on `dataDir`, then stops the server. */
async function withServer<T>(dataDir: string, measure: (server: Server) => Promise<T>): Promise<T> {
  const server = await serverStart(dataDir)
  try {
    return await measure(server)
  } finally {
    server.child.kill('SIGTERM')
    await new Promise((done) => server.child.once('exit', done))
  }
}

const rows: Record<string, number | string>[] = []
for (const size of values.sizes.split(',').map(Number)) {
  const dataDir = mkdtempSync(join(tmpdir(), 'teamslot-import-bench-'))
  try {
    // Each step in a fresh server process, so each peak RSS is that step's own.
    const put = await withServer(dataDir, async (server) => {
      const startRss = peakRssMb(server.child.pid!)
      const answer = await exchange(server, 'PUT', historyWorkspaceText(size))
      if (answer.status !== 200) throw new Error(`import answered ${answer.status}`)
      return { ...answer, startRss }
    })
    const get = await withServer(dataDir, async (server) => {
      const answer = await exchange(server, 'GET', null)
      if (answer.status !== 200) throw new Error(`export answered ${answer.status}`)
      return { ...answer, peakMb: peakRssMb(server.child.pid!) }
    })
    const again = await withServer(dataDir, async (server) => {
      const answer = await exchange(server, 'PUT', historyWorkspaceText(size))
      if (answer.status !== 200) throw new Error(`re-import answered ${answer.status}`)
      return answer
    })
    rows.push({
      bookings: size,
      'body MB': +(put.sentBytes / 1e6).toFixed(1),
      'import s': +put.headersS.toFixed(1),
      'import peak RSS MB': put.peakAtHeadersMb,
      'export s': +get.endS.toFixed(1),
      'export peak RSS MB': get.peakMb,
      're-import s': +again.headersS.toFixed(1),
      're-import peak RSS MB': again.peakAtHeadersMb,
      'idle RSS MB': put.startRss,
    })
    if (values.json) console.log(JSON.stringify(rows.at(-1)))
    else console.error(JSON.stringify(rows.at(-1)))
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}
if (!values.json) console.table(rows)
