import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Workspace } from '../../../core/src/model/workspace'
import { createApp } from '../app'
import type { AppDeps, Clock, TeamslotApp } from '../app'
import { serverStorage } from '../booking-index'
import { workspaceReplace } from '../workspace-store'
import { tempDirMake } from './temp-dirs'

export const TEST_TOKEN = 'test-admin-token-0123456789'

export interface TestApp {
  readonly url: string
  readonly dataDir: string
  readonly teamslot: TeamslotApp
  /** fetch against the app; `admin: true` adds the bearer token, a plain object body is JSON. */
  request(
    path: string,
    init?: Omit<RequestInit, 'body'> & { admin?: boolean; body?: unknown },
  ): Promise<Response>
  close(): Promise<void>
}

/** A settable clock for tests (epoch ms). */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = Date.parse(iso)
  return {
    now: () => now,
    set: (next: string) => {
      now = Date.parse(next)
    },
  }
}

/**
 * `createApp` on an ephemeral loopback port with a real SQLite store in `dataDir` (a fresh temp
 * folder unless given, so a test can reopen the same store after `close`).
 */
export async function startTestApp(
  options: {
    dataDir?: string
    workspace?: Workspace
    clock?: Clock
    deps?: Partial<AppDeps>
  } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? tempDirMake('teamslot-server-')
  const clock = options.clock ?? { now: () => Date.now() }
  const teamslot = await createApp({
    storage: serverStorage(dataDir),
    adminToken: TEST_TOKEN,
    clock,
    ...options.deps,
  })
  if (options.workspace) {
    await workspaceReplace(teamslot.db, options.workspace, new Date(clock.now()).toISOString())
  }
  const server: Server = teamslot.app.listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  teamslot.attach(server)
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    dataDir,
    teamslot,
    request(path, init = {}) {
      const { admin, body, headers, ...rest } = init
      const isJson = body !== undefined && typeof body !== 'string'
      return fetch(url + path, {
        ...rest,
        headers: {
          ...(admin ? { authorization: `Bearer ${TEST_TOKEN}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(headers as Record<string, string> | undefined),
        },
        ...(body !== undefined ? { body: isJson ? JSON.stringify(body) : (body as string) } : {}),
      })
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      teamslot.endStreams()
      server.closeAllConnections()
      await closed
      await teamslot.close()
    },
  }
}
