import { readdirSync } from 'node:fs'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { Workspace } from '../../../core/src/model/workspace'
import { bookingBody, FIXTURE_NOW, FREE_START, fixtureWorkspace } from '../test-support/fixtures'
import {
  historyBooking,
  historySetup,
  historyWorkspaceText,
} from '../test-support/history-workspace'
import { fixedClock, startTestApp, TEST_TOKEN } from '../test-support/test-app'
import type { TestApp } from '../test-support/test-app'
import { httpExchange } from '../test-support/workspace-http'
import type { WorkspaceImportEvent, WorkspaceImportObserver } from './workspace-import'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function start(
  options: { observer?: WorkspaceImportObserver; limitBytes?: number } = {},
): Promise<TestApp> {
  app = await startTestApp({
    workspace: fixtureWorkspace(),
    clock: fixedClock(FIXTURE_NOW),
    deps: {
      requestLog: false,
      ...(options.observer ? { workspaceImportObserver: options.observer } : {}),
      ...(options.limitBytes ? { workspaceImportLimitBytes: options.limitBytes } : {}),
    },
  })
  return app
}

const exported = async (a: TestApp): Promise<Workspace> =>
  (await a.request('/api/admin/workspace', { admin: true })).json() as Promise<Workspace>

const put = (a: TestApp, body: Iterable<string> | AsyncIterable<string>) =>
  httpExchange(`${a.url}/api/admin/workspace`, { method: 'PUT', token: TEST_TOKEN, body })

const stagingFiles = (a: TestApp) =>
  readdirSync(a.dataDir).filter((name) => name.startsWith('workspace-import-'))

/** The export of `workspace`: setup records sorted by id as before, bookings in id order. */
function exportOf(workspace: Workspace): Workspace {
  const byId = <T extends { id: string }>(records: readonly T[]) =>
    [...records].sort((a, b) => a.id.localeCompare(b.id))
  return {
    ...workspace,
    members: byId(workspace.members),
    eventTypes: byId(workspace.eventTypes),
    bookingPages: byId(workspace.bookingPages),
    pools: byId(workspace.pools),
    panels: byId(workspace.panels),
    masterPages: byId(workspace.masterPages),
    bookings: [...workspace.bookings].sort((a, b) => (a.id < b.id ? -1 : 1)),
  }
}

const history = (count: number): Workspace => ({
  ...historySetup(),
  bookings: Array.from({ length: count }, (_, i) => historyBooking(i)),
})

interface Refusal {
  error: {
    code: string
    message: string
    problems: { path: string; message: string }[]
    problemsNotShown: number
  }
}

describe('GET /api/admin/workspace', () => {
  it('streams every booking once, in id order, as workspace records without server fields', async () => {
    const a = await start()
    expect((await put(a, historyWorkspaceText(2_500))).status).toBe(200)
    const res = await httpExchange(`${a.url}/api/admin/workspace`, {
      method: 'GET',
      token: TEST_TOKEN,
    })
    expect(res.status).toBe(200)
    // Written as it is read, not as one buffered answer.
    expect(res.headers['transfer-encoding']).toBe('chunked')
    expect(res.json()).toEqual(exportOf(history(2_500)))
    expect(res.text).not.toContain('manageToken')
  })
})

describe('PUT /api/admin/workspace', () => {
  it('round trip: export, import, export give the same workspace and keep manage tokens', async () => {
    const a = await start()
    const booked = []
    for (const start of [FREE_START, '2027-03-11T11:00:00.000Z', '2027-03-11T12:00:00.000Z']) {
      const res = await a.request('/api/public/pages/pooled/bookings', {
        method: 'POST',
        body: bookingBody(start),
      })
      expect(res.status).toBe(201)
      booked.push((await res.json()).booking as { id: string; manageToken: string })
    }
    const first = await exported(a)
    expect(first.bookings).toHaveLength(3)
    const res = await put(a, [JSON.stringify(first)])
    expect(res.status).toBe(200)
    expect(res.json()).toEqual(first)
    expect(await exported(a)).toEqual(first)
    for (const { id, manageToken } of booked) {
      const own = await a.request(`/api/public/bookings/${id}?token=${manageToken}`)
      expect(own.status).toBe(200)
    }
  })

  it('replaces the workspace: bookings and records the import lacks are deleted', async () => {
    const a = await start()
    expect((await put(a, historyWorkspaceText(1_200))).status).toBe(200)
    const smaller = {
      ...history(0),
      members: historySetup().members,
      bookings: history(1_200).bookings.filter((_, i) => i % 3 === 0),
    }
    expect((await put(a, [JSON.stringify(smaller)])).status).toBe(200)
    expect(await exported(a)).toEqual(exportOf(smaller))
    expect((await put(a, [JSON.stringify(fixtureWorkspace())])).status).toBe(200)
    expect(await exported(a)).toEqual(exportOf(fixtureWorkspace()))
  })

  it('stages bookings while the body still arrives in small chunks over a real connection', async () => {
    let staged = 0
    let wake: () => void = () => undefined
    const a = await start({
      observer: (event) => {
        if (event.phase === 'receiving') staged = event.staged
        if (staged >= 1_000) wake()
      },
    })
    const seen: { staged: number; files: number }[] = []
    async function* body() {
      let i = 0
      for (const chunk of historyWorkspaceText(3_000, { chunkBookings: 10 })) {
        yield chunk
        // Half the bookings sent: wait until the server has staged 1,000 of them, before the
        // body is complete (a server that read the whole body first never gets here).
        if (++i === 150) {
          await new Promise<void>((resolve) => {
            wake = resolve
            if (staged >= 1_000) resolve()
          })
          seen.push({ staged, files: stagingFiles(a).length })
        }
      }
    }
    const res = await put(a, body())
    expect(res.status).toBe(200)
    expect(seen).toEqual([{ staged: expect.any(Number), files: 1 }])
    expect(seen[0]!.staged).toBeGreaterThanOrEqual(1_000)
    expect(seen[0]!.staged).toBeLessThan(1_500)
    expect((await exported(a)).bookings).toHaveLength(3_000)
    expect(stagingFiles(a)).toEqual([])
  })

  it('takes the top-level keys in any order', async () => {
    const a = await start()
    const { bookings, ...setup } = history(50)
    const text = `{"bookings":${JSON.stringify(bookings)},${JSON.stringify(setup).slice(1)}`
    expect((await put(a, [text])).status).toBe(200)
    expect(await exported(a)).toEqual(exportOf(history(50)))
  })

  it('refuses semantic problems with their paths, changes nothing and removes the staging file', async () => {
    const a = await start()
    const before = await exported(a)
    const setup = historySetup()
    const body = historyWorkspaceText(600, {
      setup: {
        ...setup,
        pools: [{ ...setup.pools[0]!, members: [{ memberId: 'm-nobody', priority: 1 }] }],
      },
      transform: (booking, i) =>
        i === 2
          ? { ...booking, hostMemberIds: ['m-nobody'] }
          : i === 5
            ? { ...booking, eventTypeId: 'et-none' }
            : booking,
    })
    const res = await put(a, body)
    expect(res.status).toBe(400)
    const { error } = res.json() as Refusal
    expect(error.code).toBe('invalid-request')
    expect(error.message).toBe('workspace is invalid; nothing was changed')
    expect(error.problems.map((p) => p.path)).toEqual([
      'pools.0.members.0.memberId',
      'bookings.2.hostMemberIds.0',
      'bookings.5.eventTypeId',
    ])
    expect(error.problems[2]!.message).toBe('unknown event type "et-none"')
    expect(error.problemsNotShown).toBe(0)
    expect(await exported(a)).toEqual(before)
    expect(stagingFiles(a)).toEqual([])
  })

  it('reports shape problems alone, setup first, as the whole-workspace parse does', async () => {
    const a = await start()
    const before = await exported(a)
    const setup = historySetup()
    const res = await put(
      a,
      historyWorkspaceText(300, {
        setup: {
          ...setup,
          members: setup.members.map((m, i) => (i === 1 ? { ...m, timeZone: 'Mars/Base' } : m)),
        },
        transform: (booking, i) =>
          i === 250
            ? { ...booking, customer: { ...booking.customer, email: 'not-an-email' } }
            : i === 7
              ? { ...booking, eventTypeId: 'et-none' }
              : booking,
      }),
    )
    expect(res.status).toBe(400)
    const { error } = res.json() as Refusal
    expect(error.problems.map((p) => p.path)).toEqual([
      'members.1.timeZone',
      'bookings.250.customer.email',
    ])
    expect(await exported(a)).toEqual(before)
  })

  it('lists the first 1,000 problems and counts the others', async () => {
    const a = await start()
    const res = await put(
      a,
      historyWorkspaceText(1_500, {
        transform: (booking) => ({ ...booking, eventTypeId: 'et-none' }),
      }),
    )
    expect(res.status).toBe(400)
    const { error } = res.json() as Refusal
    expect(error.problems).toHaveLength(1_000)
    expect(error.problems[0]!.path).toBe('bookings.0.eventTypeId')
    expect(error.problems[999]!.path).toBe('bookings.999.eventTypeId')
    expect(error.problemsNotShown).toBe(500)
  })

  it('refuses repeated booking ids, naming the first one, and changes nothing', async () => {
    const a = await start()
    const before = await exported(a)
    const res = await put(
      a,
      historyWorkspaceText(400, {
        transform: (booking, i) => (i === 300 ? { ...booking, id: historyBooking(3).id } : booking),
      }),
    )
    expect(res.status).toBe(400)
    const { error } = res.json() as Refusal
    expect(error.problems).toEqual([
      { path: 'bookings.300.id', message: 'id "bk-00000003" repeats bookings.3.id' },
    ])
    expect(await exported(a)).toEqual(before)
    expect(stagingFiles(a)).toEqual([])
  })

  it('refuses a __proto__ key deep inside a booking, naming where', async () => {
    const a = await start()
    const bookings = history(3).bookings.map((b, i) =>
      i === 1 ? JSON.stringify(b).replace('"answers":{', '"answers":{"__proto__":"x",') : b,
    )
    const text = JSON.stringify({ ...historySetup(), bookings: ['@'] }).replace(
      '["@"]',
      `[${bookings.map((b) => (typeof b === 'string' ? b : JSON.stringify(b))).join(',')}]`,
    )
    const res = await put(a, [text])
    expect(res.status).toBe(400)
    expect((res.json() as Refusal).error.message).toBe(
      '(body).bookings.1.answers.__proto__: reserved key',
    )
    expect(stagingFiles(a)).toEqual([])
  })

  it('answers 413 for a body over the import limit, and changes nothing', async () => {
    const a = await start({ limitBytes: 256 * 1024 })
    const before = await exported(a)
    const res = await put(a, historyWorkspaceText(2_000))
    expect(res.status).toBe(413)
    expect((res.json() as Refusal).error.code).toBe('payload-too-large')
    expect(await exported(a)).toEqual(before)
    expect(stagingFiles(a)).toEqual([])
  })

  it('answers 413 at once to a Content-Length over the default 2 GiB, before any body', async () => {
    const a = await start()
    const { port } = new URL(a.url)
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'PUT /api/admin/workspace HTTP/1.1\r\nHost: localhost\r\n' +
            `Authorization: Bearer ${TEST_TOKEN}\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${3 * 1024 ** 3}\r\n\r\n`,
        )
      })
      let text = ''
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString()
        if (text.includes('payload-too-large')) {
          socket.destroy()
          resolve(text)
        }
      })
      socket.on('error', reject)
    })
    expect(answer.startsWith('HTTP/1.1 413')).toBe(true)
  })

  it('keeps the 16 MB limit of every other admin route', async () => {
    const a = await start()
    const res = await a.request('/api/admin/bookings/bk-x/reassign', {
      method: 'POST',
      admin: true,
      body: { toMemberId: 'm-eve', reason: 'x'.repeat(17 * 1024 * 1024) },
    })
    expect(res.status).toBe(413)
  })

  it('refuses a body that is not JSON, and a body that is cut off', async () => {
    const a = await start()
    const before = await exported(a)
    const whole = [...historyWorkspaceText(100)].join('')
    for (const text of [whole.slice(0, whole.length / 2), whole + ' trailing', 'nonsense']) {
      const res = await put(a, [text])
      expect(res.status).toBe(400)
      expect((res.json() as Refusal).error.message).toBe('request body is not valid JSON')
    }
    expect(await exported(a)).toEqual(before)
    expect(stagingFiles(a)).toEqual([])
  })

  it('tells its observer each phase, in order', async () => {
    const events: WorkspaceImportEvent['phase'][] = []
    const a = await start({
      observer: (event) => {
        if (events.at(-1) !== event.phase) events.push(event.phase)
      },
    })
    expect((await put(a, historyWorkspaceText(100))).status).toBe(200)
    expect(events).toEqual(['receiving', 'validating', 'validated', 'applying', 'applied'])
  })

  it('applies alone in the booking queue: a decision waits until the apply is done', async () => {
    const order: string[] = []
    let release: () => void = () => undefined
    const released = new Promise<void>((resolve) => (release = resolve))
    let paused: () => void = () => undefined
    const isPaused = new Promise<void>((resolve) => (paused = resolve))
    const a = await start({
      observer: (event) => {
        if (event.phase === 'applying' && event.step === 'setup') {
          order.push('apply paused')
          paused()
          return released
        }
        if (event.phase === 'applied') order.push('apply done')
      },
    })
    const importing = put(a, historyWorkspaceText(10))
    await isPaused
    const decision = a.teamslot.service.exclusive(async () => {
      order.push('decision')
    })
    // Turns of the event loop in which a decision not held back by the apply would have run.
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve))
    order.push('apply released')
    release()
    expect((await importing).status).toBe(200)
    await decision
    expect(order).toEqual(['apply paused', 'apply released', 'apply done', 'decision'])
  })
})
