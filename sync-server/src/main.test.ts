import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../core/src/demo/demo-workspace'
import { startCli } from './test-support/cli'
import { bookingBody, fixtureWorkspace } from './test-support/fixtures'

const tempDir = () => mkdtempSync(join(tmpdir(), 'teamslot-cli-'))
const member = (id: string) => ({
  id,
  name: `Member ${id}`,
  email: `${id}@example.com`,
  timeZone: 'UTC',
  weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  dateOverrides: [],
  active: true,
  _deleted: false,
})

describe('npm run sync-server', () => {
  it('generates an admin token into the data dir, prints it once, and exits 0 on SIGTERM', async () => {
    const dataDir = tempDir()
    const first = await startCli(['--port', '0', '--data-dir', dataDir, '--quiet'])
    const tokenFile = join(dataDir, 'admin-token')
    expect(existsSync(tokenFile)).toBe(true)
    const token = readFileSync(tokenFile, 'utf8').trim()
    expect(first.output()).toContain(token)
    expect((await fetch(`${first.url}/health`)).status).toBe(200)
    const authorized = await fetch(`${first.url}/api/admin/workspace`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(authorized.status).toBe(200)
    first.child.kill('SIGTERM')
    expect(await first.exited()).toBe(0)

    const second = await startCli(['--port', '0', '--data-dir', dataDir, '--quiet'])
    expect(second.output()).not.toContain(token)
    const again = await fetch(`${second.url}/api/admin/workspace`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(again.status).toBe(200)
    second.child.kill('SIGINT')
    expect(await second.exited()).toBe(0)
  })

  it('imports --seed only into an empty store', async () => {
    const dataDir = tempDir()
    const seed = join(dataDir, 'seed.json')
    writeFileSync(seed, JSON.stringify(demoWorkspace('2027-03-10T12:00:00.000Z')))
    const env = { TEAMSLOT_ADMIN_TOKEN: 'seed-test-token' }
    const headers = { authorization: 'Bearer seed-test-token', 'content-type': 'application/json' }
    const first = await startCli(
      ['--port', '0', '--data-dir', dataDir, '--seed', seed, '--quiet'],
      env,
    )
    const ws = await (await fetch(`${first.url}/api/admin/workspace`, { headers })).json()
    expect(ws.members).toHaveLength(5)
    const put = await fetch(`${first.url}/api/admin/workspace`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        ...ws,
        members: ws.members.slice(0, 2),
        bookingPages: [],
        pools: [],
        panels: [],
        masterPages: [],
        bookings: [],
      }),
    })
    expect(put.status).toBe(200)
    first.child.kill('SIGTERM')
    expect(await first.exited()).toBe(0)

    const second = await startCli(
      ['--port', '0', '--data-dir', dataDir, '--seed', seed, '--quiet'],
      env,
    )
    const after = await (await fetch(`${second.url}/api/admin/workspace`, { headers })).json()
    expect(after.members).toHaveLength(2)
    second.child.kill('SIGTERM')
    await second.exited()
  })

  it('refuses an invalid --seed with a clear message and a non-zero exit', async () => {
    const dataDir = tempDir()
    const seed = join(dataDir, 'seed.json')
    writeFileSync(seed, JSON.stringify({ version: 1, members: [{ id: 'x y' }] }))
    await expect(
      startCli(['--port', '0', '--data-dir', dataDir, '--seed', seed, '--quiet']),
    ).rejects.toThrow(/seed workspace is invalid: members\.0\.id/)
  })

  it('keeps every acknowledged write when the process is killed with SIGKILL mid-stream', async () => {
    const dataDir = tempDir()
    const env = { TEAMSLOT_ADMIN_TOKEN: 'kill-test-token' }
    const headers = { authorization: 'Bearer kill-test-token', 'content-type': 'application/json' }
    const server = await startCli(['--port', '0', '--data-dir', dataDir, '--quiet'], env)
    const acknowledged: string[] = []
    let writing = true
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const id = `m-${String(i).padStart(5, '0')}`
        try {
          const res = await fetch(`${server.url}/replication/members/1/push`, {
            method: 'POST',
            headers,
            body: JSON.stringify([{ newDocumentState: member(id) }]),
          })
          if (res.status === 200 && (await res.json()).length === 0) acknowledged.push(id)
        } catch {
          return // the process is gone
        }
      }
    })()
    while (acknowledged.length < 40) await new Promise((resolve) => setImmediate(resolve))
    server.child.kill('SIGKILL')
    await server.exited()
    writing = false
    await writer

    const restarted = await startCli(['--port', '0', '--data-dir', dataDir, '--quiet'], env)
    const ws = await (await fetch(`${restarted.url}/api/admin/workspace`, { headers })).json()
    const stored = new Set(ws.members.map((m: { id: string }) => m.id))
    expect(acknowledged.length).toBeGreaterThanOrEqual(40)
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([])
    for (const m of ws.members) expect(m).toMatchObject({ name: `Member ${m.id}`, timeZone: 'UTC' })
    restarted.child.kill('SIGTERM')
    expect(await restarted.exited()).toBe(0)
  })

  it('keeps every booking that got a 201 when killed with SIGKILL during a stream of public bookings', async () => {
    const dataDir = tempDir()
    const seed = join(dataDir, 'seed.json')
    const workspace = fixtureWorkspace()
    // The CLI runs on the real clock: open the booking window wide enough for any test date.
    writeFileSync(
      seed,
      JSON.stringify({
        ...workspace,
        eventTypes: workspace.eventTypes.map((e) => ({ ...e, maxDaysAhead: 60 })),
      }),
    )
    const env = { TEAMSLOT_ADMIN_TOKEN: 'kill-booking-token' }
    const server = await startCli(
      ['--port', '0', '--data-dir', dataDir, '--seed', seed, '--quiet'],
      env,
    )
    const from = new Date(Date.now() + 24 * 3600_000).toISOString()
    const to = new Date(Date.now() + 40 * 24 * 3600_000).toISOString()
    const { slots } = await (
      await fetch(
        `${server.url}/api/public/pages/solo/availability?eventTypeId=et-call&from=${from}&to=${to}`,
      )
    ).json()
    expect(slots.length).toBeGreaterThan(60)
    const confirmed: string[] = []
    const writer = (async () => {
      for (const slot of slots as { start: string }[]) {
        try {
          const res = await fetch(`${server.url}/api/public/pages/solo/bookings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(bookingBody(slot.start)),
          })
          if (res.status === 201) confirmed.push((await res.json()).booking.id)
        } catch {
          return // killed
        }
      }
    })()
    while (confirmed.length < 20) await new Promise((resolve) => setImmediate(resolve))
    server.child.kill('SIGKILL')
    await server.exited()
    await writer

    const restarted = await startCli(['--port', '0', '--data-dir', dataDir, '--quiet'], env)
    const ws = await (
      await fetch(`${restarted.url}/api/admin/workspace`, {
        headers: { authorization: 'Bearer kill-booking-token' },
      })
    ).json()
    const stored = new Map(ws.bookings.map((b: { id: string }) => [b.id, b]))
    expect(confirmed.filter((id) => !stored.has(id))).toEqual([])
    for (const booking of ws.bookings) {
      expect(booking).toMatchObject({
        eventTypeId: 'et-call',
        hostMemberIds: ['m-ana'],
        status: 'scheduled',
      })
      expect(booking.history).toHaveLength(1)
    }
    restarted.child.kill('SIGTERM')
    expect(await restarted.exited()).toBe(0)
  })

  it('exits 0 on SIGTERM within the default grace while one client holds a half-sent request and another sent nothing', async () => {
    const dataDir = tempDir()
    const seed = join(dataDir, 'seed.json')
    writeFileSync(seed, JSON.stringify(fixtureWorkspace()))
    const server = await startCli(['--port', '0', '--data-dir', dataDir, '--seed', seed, '--quiet'])
    const { port, hostname } = new URL(server.url)
    const open = async () => {
      const socket = connect(Number(port), hostname)
      await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject))
      return socket
    }
    const closedOf = (socket: Socket) => new Promise((resolve) => socket.once('close', resolve))
    // Nothing sent at all.
    const silent = await open()
    // Headers and half of the announced body; "100 Continue" proves the server is inside the request.
    const half = await open()
    const body = JSON.stringify(bookingBody())
    half.write(
      'POST /api/public/pages/solo/bookings HTTP/1.1\r\nHost: x\r\n' +
        `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n` +
        'Expect: 100-continue\r\n\r\n',
    )
    await new Promise<void>((resolve) => {
      let text = ''
      half.on('data', (chunk: Buffer) => {
        text += chunk.toString()
        if (text.includes('100 Continue')) resolve()
      })
    })
    half.write(body.slice(0, body.length / 2))
    const closed = [closedOf(silent), closedOf(half)]

    server.child.kill('SIGTERM')
    expect(await server.exited()).toBe(0)
    await Promise.all(closed)
    expect(server.output()).toContain('SIGTERM')
  }, 60_000)

  it.each([
    [['--public-rate-limit', 'lots'], {}, /--public-rate-limit must be a whole number/],
    [['--public-write-rate-limit', '0'], {}, /--public-write-rate-limit must be a whole number/],
    [[], { TEAMSLOT_PUBLIC_RATE_LIMIT: '-5' }, /TEAMSLOT_PUBLIC_RATE_LIMIT must be a whole number/],
    [[], { TEAMSLOT_TRUST_PROXY: 'maybe' }, /TEAMSLOT_TRUST_PROXY must be true or false/],
    [['--shutdown-grace', 'soon'], {}, /--shutdown-grace must be a number of seconds/],
    [['--no-such-option'], {}, /Unknown option '--no-such-option'/],
  ])('refuses %j %j with a clear message and a non-zero exit', async (args, env, message) => {
    await expect(
      startCli(['--port', '0', '--data-dir', tempDir(), '--quiet', ...args], env),
    ).rejects.toThrow(message)
  })

  it('takes the rate limits and --trust-proxy from the environment', async () => {
    const server = await startCli(['--port', '0', '--data-dir', tempDir(), '--quiet'], {
      TEAMSLOT_PUBLIC_RATE_LIMIT: '2',
      TEAMSLOT_TRUST_PROXY: 'true',
    })
    const page = (address: string) =>
      fetch(`${server.url}/api/public/pages/nope`, { headers: { 'x-forwarded-for': address } })
    const statuses = []
    for (const address of ['203.0.113.1', '203.0.113.1', '203.0.113.1', '203.0.113.2']) {
      statuses.push((await page(address)).status)
    }
    expect(statuses).toEqual([404, 404, 429, 404])
    server.child.kill('SIGTERM')
    expect(await server.exited()).toBe(0)
  })
})
