/**
 * Entry of the utilityProcess that runs the embedded sync server, so SQLite work and HTTP never
 * block the window's main process. Inside Electron the storage opens SQLite through `node:sqlite`
 * (Electron bundles Node 22); better-sqlite3 is built for the system Node's ABI and is not loaded.
 *
 * Protocol: main posts `{ type: 'start', dataDir, port }`; this process answers
 * `{ type: 'ready', url, adminToken }` or `{ type: 'failed', message }`, and stops on
 * `{ type: 'stop' }` (answering `{ type: 'stopped' }`).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { startSyncServer } from '../../sync-server/src/server'
import type { RunningSyncServer } from '../../sync-server/src/server'

interface StartMessage {
  readonly type: 'start'
  readonly dataDir: string
  readonly port: number
  /** The window's origin (`teamslot://app`, or the dev server's). */
  readonly corsOrigins: readonly string[]
}

const parent = process.parentPort
let running: RunningSyncServer | null = null

/** The built public booking page: packaged under resources/book, else beside out/main (out/book). */
function bookPageDir(): string | undefined {
  const candidates = [join(process.resourcesPath ?? '', 'book'), join(__dirname, '..', 'book')]
  return candidates.find((dir) => existsSync(join(dir, 'index.html')))
}

async function start(message: StartMessage): Promise<void> {
  const pageDir = bookPageDir()
  const options = {
    host: '127.0.0.1',
    dataDir: message.dataDir,
    demo: true,
    requestLog: false,
    corsOrigins: message.corsOrigins,
    ...(pageDir ? { bookPageDir: pageDir } : {}),
  }
  try {
    running = await startSyncServer({ ...options, port: message.port })
  } catch (err) {
    // The preferred port may be taken (another Teamslot, a dev server): take any free port.
    if ((err as { code?: string }).code !== 'EADDRINUSE') throw err
    running = await startSyncServer({ ...options, port: 0 })
  }
  parent.postMessage({ type: 'ready', url: running.url, adminToken: running.adminToken })
}

parent.on('message', (event: { data: unknown }) => {
  const data = event.data as { type?: string } | null
  if (data?.type === 'start') {
    start(data as StartMessage).catch((err: unknown) => {
      parent.postMessage({
        type: 'failed',
        message: err instanceof Error ? err.message : String(err),
      })
    })
  } else if (data?.type === 'stop') {
    const stopping = running ? running.stop() : Promise.resolve()
    stopping.finally(() => {
      parent.postMessage({ type: 'stopped' })
      process.exit(0)
    })
  }
})
