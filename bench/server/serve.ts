/**
 * The server under load for `npm run bench:server` and `npm run bench:server:fairness`: createApp
 * on a fresh SQLite store, a fixed clock (the generated team's "now"), the generated team (100
 * members by default) behind a pooled master page (`bench`) and a find-member-by-time page
 * (`bench-find`, one booking page per member). `--production-limits`: the default public limits
 * and `trustProxy` (the fairness benchmark tells clients apart by X-Forwarded-For); otherwise
 * limits high enough never to refuse. Prints `listening on URL`. Not a production entry point.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Workspace } from '../../core/src/model/workspace'
import { createApp } from '../../sync-server/src/app'
import { serverStorage } from '../../sync-server/src/booking-index'
import { workspaceReplace } from '../../sync-server/src/workspace-store'
import { generateTeam } from '../team-generator'

export const BENCH_TOKEN = 'bench-admin-token'
const { values, positionals } = parseArgs({
  options: { 'production-limits': { type: 'boolean', default: false } },
  allowPositionals: true,
})
const size = Number(positionals[0] ?? 100)

const team = generateTeam(size)
const workspace: Workspace = {
  version: 1,
  members: team.state.members,
  eventTypes: team.state.eventTypes,
  bookingPages: team.memberIds.map((memberId, i) => ({
    id: `bp-${i}`,
    slug: `member-${i}`,
    memberId,
    eventTypeIds: [team.eventType.id],
  })),
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
    {
      id: 'mp-bench-find',
      slug: 'bench-find',
      title: 'Bench, find a member by time',
      eventTypeIds: [team.eventType.id],
      assignment: {
        type: 'customer-choice',
        flow: 'find-member-by-time',
        bookingPageIds: team.memberIds.map((_id, i) => `bp-${i}`),
      },
    },
  ],
  bookings: team.state.bookings,
}

/** The store of this run (~250 MB after a full run), removed when the process ends. */
const dataDir = mkdtempSync(join(tmpdir(), 'teamslot-bench-'))
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }))
const teamslot = await createApp({
  storage: serverStorage(dataDir),
  adminToken: BENCH_TOKEN,
  clock: { now: () => team.nowMs },
  ...(values['production-limits']
    ? { trustProxy: true }
    : {
        publicRateLimits: {
          perMinute: 10_000_000,
          writesPerMinute: 10_000_000,
          availabilityMemberDaysPerMinute: 10_000_000_000,
        },
      }),
})
await workspaceReplace(teamslot.db, workspace, new Date(team.nowMs).toISOString())
const server = teamslot.app.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`)
})
// SIGUSR2: print how group commit batched the bookings so far (`commit stats {json}`).
process.on('SIGUSR2', () => {
  console.log(`commit stats ${JSON.stringify(teamslot.service.commitStats())}`)
})
// SIGUSR1: derive every notification still owed (a rush outruns the outbox; its backlog is
// derived afterwards), with one pass of reminders, mail and webhooks (no mail server here), and
// print `notifications caught up` when done.
process.on('SIGUSR1', () => {
  void teamslot.notifier.runOnce().then(() => console.log('notifications caught up'))
})
process.on('SIGTERM', () => process.exit(0))
