/**
 * The server under load for `npm run bench:server`: createApp on a fresh SQLite store, a fixed clock
 * (the generated team's "now"), the generated 100-member team behind one pooled master page.
 * Prints `listening on URL`. Not a production entry point.
 */
import { mkdtempSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Workspace } from '../../core/src/model/workspace'
import { createApp } from '../../sync-server/src/app'
import { getRxStorageSqlite } from '../../sync-server/src/storage'
import { workspaceReplace } from '../../sync-server/src/workspace-store'
import { generateTeam } from '../team-generator'

export const BENCH_TOKEN = 'bench-admin-token'
const size = Number(process.argv[2] ?? 100)

const team = generateTeam(size)
const workspace: Workspace = {
  version: 1,
  members: team.state.members,
  eventTypes: team.state.eventTypes,
  bookingPages: [],
  pools: [
    {
      id: 'pool-bench',
      name: 'Bench pool',
      distribution: 'pooled',
      members: team.memberIds.map((memberId) => ({ memberId, priority: 1 })),
      reportingCycle: 'monthly',
      automaticCorrection: true,
    },
  ],
  panels: [],
  masterPages: [
    {
      id: 'mp-bench',
      slug: 'bench',
      title: 'Bench',
      eventTypeIds: [team.eventType.id],
      assignment: { type: 'static', target: { poolId: 'pool-bench' } },
    },
  ],
  bookings: team.state.bookings,
}

const teamslot = await createApp({
  storage: getRxStorageSqlite({ directory: mkdtempSync(join(tmpdir(), 'teamslot-bench-')) }),
  adminToken: BENCH_TOKEN,
  clock: { now: () => team.nowMs },
  publicRateLimits: { perMinute: 10_000_000, writesPerMinute: 10_000_000 },
})
await workspaceReplace(teamslot.db, workspace, new Date(team.nowMs).toISOString())
const server = teamslot.app.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
process.on('SIGTERM', () => process.exit(0))
