import { utilityProcess } from 'electron'
import type { UtilityProcess } from 'electron'

/** The preferred port of the embedded server, so the public booking page has a stable address. */
export const EMBEDDED_SERVER_PORT = 4400

export interface EmbeddedServer {
  readonly url: string
  readonly adminToken: string
  stop(): Promise<void>
}

/** Starts `out/main/sync-server.js` in a utilityProcess and resolves when it listens. */
export function embeddedServerStart(
  entry: string,
  dataDir: string,
  corsOrigins: readonly string[],
): Promise<EmbeddedServer> {
  const child: UtilityProcess = utilityProcess.fork(entry, [], {
    serviceName: 'Teamslot sync server',
  })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`embedded sync server exited with code ${code}`)))
    child.on(
      'message',
      (message: { type?: string; url?: string; adminToken?: string; message?: string }) => {
        if (message.type === 'failed')
          reject(new Error(message.message ?? 'embedded sync server failed'))
        if (message.type === 'ready' && message.url && message.adminToken) {
          resolve({
            url: message.url,
            adminToken: message.adminToken,
            stop: () =>
              new Promise<void>((done) => {
                child.once('exit', () => done())
                child.postMessage({ type: 'stop' })
              }),
          })
        }
      },
    )
    child.postMessage({ type: 'start', dataDir, port: EMBEDDED_SERVER_PORT, corsOrigins })
  })
}
