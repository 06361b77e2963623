import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startSyncServer } from './server'

/**
 * `npm run sync-server -- --port 4400 --data-dir ./data [--host 127.0.0.1] [--seed workspace.json]
 *  [--demo] [--app-dir out/renderer] [--cors-origin http://…]`. The only place that reads the
 * environment (`TEAMSLOT_ADMIN_TOKEN`) and binds a port.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4400' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: './data' },
      seed: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'app-dir': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true, default: [] },
      quiet: { type: 'boolean', default: false },
    },
    strict: true,
  })
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer 0–65535, got ${values.port}`)
  }
  const running = await startSyncServer({
    port,
    host: values.host,
    dataDir: resolve(values['data-dir']),
    ...(process.env['TEAMSLOT_ADMIN_TOKEN']
      ? { adminToken: process.env['TEAMSLOT_ADMIN_TOKEN'] }
      : {}),
    ...(values.seed ? { seedFile: resolve(values.seed) } : {}),
    demo: values.demo,
    ...(values['app-dir'] ? { appDir: resolve(values['app-dir']) } : {}),
    bookPageDir: resolve(import.meta.dirname, '..', 'public', 'book'),
    corsOrigins: values['cors-origin'],
    requestLog: !values.quiet,
  })
  console.log(`listening on ${running.url}`)
  const shutdown = (signal: string) => {
    console.log(`${signal}: finishing in-flight requests and closing the store`)
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err)
        process.exit(1)
      },
    )
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'))
  process.once('SIGINT', () => shutdown('SIGINT'))
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
