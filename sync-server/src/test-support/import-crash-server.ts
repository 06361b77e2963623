/**
 * A sync server for the import's kill -9 tests, run as a child process:
 * `node --import tsx import-crash-server.ts DATA_DIR PHASE COUNT`. It serves the store in
 * DATA_DIR (admin token from TEAMSLOT_ADMIN_TOKEN) and, once a workspace import reports PHASE
 * (`receiving` or `applying`) with COUNT records done, prints `paused {event}` and never lets that
 * import continue, so the parent can SIGKILL it at exactly that point (no timing involved).
 */
import type { AddressInfo } from 'node:net'
import { createApp } from '../app'
import { serverStorage } from '../booking-index'
import type { WorkspaceImportEvent } from '../workspace-import/workspace-import'

const [dataDir, phase, count] = process.argv.slice(2)
if (!dataDir || !phase || !count) throw new Error('usage: DATA_DIR PHASE COUNT')

const done = (event: WorkspaceImportEvent): number => {
  if (event.phase === 'receiving') return event.staged
  if (event.phase === 'applying' && event.step === 'bookings') return event.done
  return -1
}

const teamslot = await createApp({
  storage: serverStorage(dataDir),
  adminToken: process.env['TEAMSLOT_ADMIN_TOKEN'] ?? '',
  clock: { now: () => Date.now() },
  requestLog: false,
  workspaceImportObserver: (event) => {
    if (event.phase !== phase || done(event) < Number(count)) return
    console.log(`paused ${JSON.stringify(event)}`)
    return new Promise<void>(() => undefined)
  },
})
const server = teamslot.app.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
