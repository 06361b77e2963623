import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startCli } from '../test-support/cli'
import type { CliServer } from '../test-support/cli'
import { bookingBody, FIXTURE_NOW, FREE_START, fixtureWorkspace } from '../test-support/fixtures'
import { startMailServer } from '../test-support/mail-server'
import type { TestMailServer } from '../test-support/mail-server'
import { fixedClock, startTestApp } from '../test-support/test-app'

const TOKEN = 'crash-test-admin-token-0123456789'

let servers: CliServer[] = []
let mail: TestMailServer | undefined
afterEach(async () => {
  for (const server of servers) {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill()
    await server.exited()
  }
  servers = []
  await mail?.close()
  mail = undefined
})

async function cli(dataDir: string, smtpUrl: string, seed?: string) {
  const server = await startCli(
    [
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--quiet',
      '--smtp-url',
      smtpUrl,
      '--public-url',
      'https://book.example.com',
      ...(seed ? ['--seed', seed] : []),
    ],
    { TEAMSLOT_ADMIN_TOKEN: TOKEN },
  )
  servers.push(server)
  return server
}

describe('kill -9 between commit and send', () => {
  it('delivers every message after the restart, the interrupted one again with its Message-ID', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'teamslot-notify-crash-'))
    const seed = join(dataDir, 'seed.json')
    writeFileSync(seed, JSON.stringify(fixtureWorkspace()))
    mail = await startMailServer()
    mail.hold = true
    const first = await cli(dataDir, mail.url, seed)
    // The first start of the clock's day may be past the fixture's slots: ask for a free one.
    const now = Date.now()
    const range = `from=${new Date(now).toISOString()}&to=${new Date(now + 14 * 86_400_000).toISOString()}`
    const slots = await (
      await fetch(`${first.url}/api/public/pages/solo/availability?eventTypeId=et-call&${range}`)
    ).json()
    const start = slots.slots[0].start as string
    const booked = await fetch(`${first.url}/api/public/pages/solo/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bookingBody(start)),
    })
    expect(booked.status).toBe(201)
    const { booking } = await booked.json()
    // The mail server has the first message but has not confirmed it: the sender is between
    // sending and recording it.
    const [interrupted] = await mail.waitForHeld(1)
    first.child.kill('SIGKILL')
    expect(await first.exited()).toBe('SIGKILL')

    mail.hold = false
    const second = await cli(dataDir, mail.url)
    const delivered = await mail.waitFor(2)
    const subjects = delivered.map((m) => m.subject?.split(':')[0]).sort()
    expect(subjects).toEqual(['Confirmed', 'New booking'])
    expect(delivered.map((m) => m.messageId)).toContain(interrupted!.messageId)
    const outbox = await (
      await fetch(`${second.url}/api/admin/outbox?bookingId=${booking.id}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).json()
    expect(outbox.messages.map((m: { status: string }) => m.status)).toEqual(['sent', 'sent'])
  })
})

describe('a crash between commit and deriving', () => {
  it('derives the messages of a committed change after the restart, once', async () => {
    const clock = fixedClock(FIXTURE_NOW)
    mail = await startMailServer()
    const deps = {
      notify: { publicUrl: 'https://book.example.com', smtpUrl: mail.url, autoRun: false },
    }
    const before = await startTestApp({ workspace: fixtureWorkspace(), clock, deps })
    const res = await before.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(FREE_START),
    })
    expect(res.status).toBe(201)
    // The process ends with the booking committed and nothing derived from it (no notifier run):
    // only the store survives, as after kill -9.
    await before.close()
    const after = await startTestApp({ dataDir: before.dataDir, clock, deps })
    try {
      await after.teamslot.notifier.runOnce()
      await after.teamslot.notifier.runOnce()
      const delivered = await mail.waitFor(2)
      expect(delivered.map((m) => m.subject?.split(':')[0]).sort()).toEqual([
        'Confirmed',
        'New booking',
      ])
      const outbox = await (await after.request('/api/admin/outbox', { admin: true })).json()
      expect(outbox.messages).toHaveLength(2)
    } finally {
      await after.close()
    }
  })
})
