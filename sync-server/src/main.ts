import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { cliOptionsParse } from './cli-options'
import { startSyncServer } from './server'

/**
 * `npm run sync-server -- --port 4400 --data-dir ./data [--host 127.0.0.1] [--seed workspace.json]
 *  [--demo] [--app-dir out/renderer] [--cors-origin http://…] [--quiet] [--trust-proxy]
 *  [--public-rate-limit N] [--public-write-rate-limit N] [--public-availability-budget N]
 *  [--shutdown-grace SECONDS]`
 * (options in `cli-options.ts`). The only place that reads the environment and binds a port.
 */
async function main(): Promise<void> {
  const options = cliOptionsParse(process.argv.slice(2), process.env)
  // The booking page is built with the app (`npm run build` → out/book). Two folders up is the
  // repository both from source (sync-server/src/main.ts) and built (out/server/main.js).
  const bookPageDir = resolve(import.meta.dirname, '..', '..', 'out', 'book')
  if (!existsSync(join(bookPageDir, 'index.html'))) {
    console.log(
      `the booking page is not built (${bookPageDir}): run npm run build; /book/ answers 404`,
    )
  }
  // Signal handlers first: a supervisor may send SIGTERM as soon as it reads "listening on", and
  // a signal arriving before its handler exists would kill the process without closing the store.
  let running: Awaited<ReturnType<typeof startSyncServer>> | null = null
  let signalled: string | null = null
  const stop = (server: NonNullable<typeof running>, signal: string) => {
    console.log(`${signal}: finishing in-flight requests and closing the store`)
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err)
        process.exit(1)
      },
    )
  }
  const shutdown = (signal: string) => {
    // Repeated signals (npm forwards Ctrl-C the terminal already sent) change nothing: stop()
    // ends within the shutdown grace and closes the store cleanly.
    if (signalled) return
    signalled = signal
    // While starting, the server stops as soon as it has started.
    if (running) stop(running, signal)
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
  running = await startSyncServer({ ...options, bookPageDir })
  if (signalled) {
    stop(running, signalled)
    return
  }
  console.log(`listening on ${running.url}`)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
