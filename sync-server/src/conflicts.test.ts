import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Booking, Workspace } from '../../core/src/model/workspace'
import { COLLECTION_SCHEMAS } from '../../core/src/schema/collections'
import { startCli } from './test-support/cli'
import { bookingBody, FIXTURE_NOW, FREE_START, fixtureWorkspace } from './test-support/fixtures'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

const BOOKINGS_PUSH = `/replication/bookings/${COLLECTION_SCHEMAS.bookings.version}/push`
const BOOKINGS_PULL = `/replication/bookings/${COLLECTION_SCHEMAS.bookings.version}/pull`

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function start(workspace: Workspace = fixtureWorkspace()) {
  app = await startTestApp({
    workspace,
    clock: fixedClock(FIXTURE_NOW),
    deps: { publicRateLimits: { perMinute: 100_000, writesPerMinute: 100_000 } },
  })
  return app
}

/** A booking as an offline desktop would push it through replication. */
function desktopBooking(id: string, memberId: string, start: string, end: string): Booking {
  return {
    id,
    eventTypeId: 'et-call',
    masterPageId: null,
    start,
    end,
    hostMemberIds: [memberId],
    poolId: null,
    panelId: null,
    status: 'scheduled',
    customer: { name: `Walk In ${id}`, email: 'walk@example.org', timeZone: 'UTC' },
    answers: {},
    createdVia: 'desktop',
    history: [{ at: '2027-03-10T07:00:00.000Z', action: 'created', by: 'front desk' }],
  }
}

function row(booking: Booking, extra: Record<string, unknown> = {}) {
  return { newDocumentState: { ...booking, updatedAt: FIXTURE_NOW, _deleted: false, ...extra } }
}

async function publicBook(a: TestApp, start = FREE_START) {
  const res = await a.request('/api/public/pages/solo/bookings', {
    method: 'POST',
    body: bookingBody(start),
  })
  expect(res.status).toBe(201)
  return (await res.json()).booking as { id: string; manageToken: string }
}

async function conflicts(a: TestApp) {
  const res = await a.request('/api/admin/conflicts', { admin: true })
  expect(res.status).toBe(200)
  return (await res.json()) as {
    conflicts: { kind: string; memberId?: string; bookingIds?: string[]; bookingId?: string }[]
    bookings: { id: string }[]
  }
}

async function storedDoc(a: TestApp, id: string): Promise<Record<string, unknown>> {
  const pulled = await (
    await a.request(`${BOOKINGS_PULL}?lwt=0&id=&limit=1000`, { admin: true })
  ).json()
  return pulled.documents.find((doc: { id: string }) => doc.id === id)
}

describe('conflicts are derived from the bookings', () => {
  it('lists a replicated desktop booking that overlaps a public one; reassigning it ends the conflict', async () => {
    const a = await start()
    const publicBooking = await publicBook(a)
    const push = await a.request(BOOKINGS_PUSH, {
      method: 'POST',
      admin: true,
      body: [row(desktopBooking('bk-desk-1', 'm-ana', FREE_START, '2027-03-11T10:30:00.000Z'))],
    })
    expect(push.status).toBe(200)
    const listed = await conflicts(a)
    expect(listed.conflicts).toEqual([
      { kind: 'overlap', memberId: 'm-ana', bookingIds: ['bk-desk-1', publicBooking.id].sort() },
    ])
    expect(listed.bookings.map((b) => b.id).sort()).toEqual(['bk-desk-1', publicBooking.id].sort())
    expect(listed.bookings[0]).not.toHaveProperty('manageToken')

    const moved = await a.request('/api/admin/bookings/bk-desk-1/reassign', {
      method: 'POST',
      admin: true,
      body: { toMemberId: 'm-eve' },
    })
    expect(moved.status).toBe(200)
    expect((await conflicts(a)).conflicts).toEqual([])
  })

  it('keeps every partner of a booking overlapped by two desktop bookings', async () => {
    const a = await start()
    const publicBooking = await publicBook(a)
    await a.request(BOOKINGS_PUSH, {
      method: 'POST',
      admin: true,
      body: [
        row(desktopBooking('bk-desk-a', 'm-ana', FREE_START, '2027-03-11T10:30:00.000Z')),
        row(
          desktopBooking(
            'bk-desk-b',
            'm-ana',
            '2027-03-11T10:15:00.000Z',
            '2027-03-11T10:45:00.000Z',
          ),
        ),
      ],
    })
    const pairs = (await conflicts(a)).conflicts.map((c) => c.bookingIds)
    expect(pairs).toHaveLength(3)
    expect(pairs.filter((ids) => ids?.includes(publicBooking.id))).toHaveLength(2)
  })

  it('finds overlaps in an imported workspace', async () => {
    const a = await start()
    const base = fixtureWorkspace()
    const res = await a.request('/api/admin/workspace', {
      method: 'PUT',
      admin: true,
      body: {
        ...base,
        bookings: [
          desktopBooking('bk-i1', 'm-ben', FREE_START, '2027-03-11T10:30:00.000Z'),
          desktopBooking('bk-i2', 'm-ben', '2027-03-11T10:10:00.000Z', '2027-03-11T10:40:00.000Z'),
        ],
      },
    })
    expect(res.status).toBe(200)
    expect((await conflicts(a)).conflicts).toEqual([
      { kind: 'overlap', memberId: 'm-ben', bookingIds: ['bk-i1', 'bk-i2'] },
    ])
  })

  it('keeps both when a person resolves it, recorded in history, and is not listed again', async () => {
    const a = await start()
    const publicBooking = await publicBook(a)
    await a.request(BOOKINGS_PUSH, {
      method: 'POST',
      admin: true,
      body: [row(desktopBooking('bk-desk-2', 'm-ana', FREE_START, '2027-03-11T10:30:00.000Z'))],
    })
    const res = await a.request('/api/admin/conflicts/bk-desk-2/resolve', {
      method: 'POST',
      admin: true,
      body: { by: 'Maya', note: 'double session agreed with Ana' },
    })
    expect(res.status).toBe(200)
    expect((await res.json()).booking.history.at(-1)).toMatchObject({
      action: 'conflict-resolved',
      by: 'Owner',
      reason: 'double session agreed with Ana',
      withBookingIds: [publicBooking.id],
    })
    expect((await conflicts(a)).conflicts).toEqual([])

    // A later desktop edit of the acknowledged booking does not bring the conflict back.
    const current = await storedDoc(a, 'bk-desk-2')
    const edit = await a.request(BOOKINGS_PUSH, {
      method: 'POST',
      admin: true,
      body: [
        {
          newDocumentState: { ...current, answers: { note: 'bring slides' } },
          assumedMasterState: current,
        },
      ],
    })
    expect(edit.status).toBe(200)
    expect((await conflicts(a)).conflicts).toEqual([])
    const again = await a.request('/api/admin/conflicts/bk-desk-2/resolve', {
      method: 'POST',
      admin: true,
      body: {},
    })
    expect(again.status).toBe(422)
  })

  it('ignores a client-written conflict field and server-only fields; later changes still work', async () => {
    const a = await start()
    const publicBooking = await publicBook(a)
    const current = await storedDoc(a, publicBooking.id)
    const push = await a.request(BOOKINGS_PUSH, {
      method: 'POST',
      admin: true,
      body: [
        {
          newDocumentState: {
            ...current,
            conflict: {},
            manageToken: 'stolen-token',
            idempotencyKey: 'forged',
            answers: { note: 'edited at the desk' },
          },
          assumedMasterState: current,
        },
      ],
    })
    expect(push.status).toBe(200)
    const after = await storedDoc(a, publicBooking.id)
    expect(after).not.toHaveProperty('conflict')
    expect(after['manageToken']).toBe(publicBooking.manageToken)
    expect(after['idempotencyKey']).toBe(current['idempotencyKey'])
    expect(after['answers']).toEqual({ note: 'edited at the desk' })
    // The customer's link still works and the booking can still be changed.
    const cancel = await a.request(`/api/public/bookings/${publicBooking.id}/cancel`, {
      method: 'POST',
      body: { token: publicBooking.manageToken },
    })
    expect(cancel.status).toBe(200)
    const forged = await a.request(`/api/public/bookings/${publicBooking.id}?token=stolen-token`)
    expect(forged.status).toBe(404)
  })

  it('refuses deleting a booking through replication (bookings are cancelled, never deleted)', async () => {
    const a = await start()
    const publicBooking = await publicBook(a)
    const current = await storedDoc(a, publicBooking.id)
    const res = await a.request(BOOKINGS_PUSH, {
      method: 'POST',
      admin: true,
      body: [{ newDocumentState: { ...current, _deleted: true }, assumedMasterState: current }],
    })
    expect(res.status).toBe(400)
    expect(await storedDoc(a, publicBooking.id)).toBeDefined()
  })
})

describe('conflicts survive a crash', () => {
  it('lists every overlap of a push acknowledged just before kill -9', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'teamslot-conflicts-'))
    const token = 'conflict-crash-token'
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    const env = { TEAMSLOT_ADMIN_TOKEN: token }
    const first = await startCli(['--port', '0', '--data-dir', dataDir, '--quiet'], env)
    const base = fixtureWorkspace()
    // 60 existing bookings of Ben, then 60 desktop bookings each overlapping one of them.
    const day = (i: number, minute: number) =>
      new Date(
        Date.parse('2027-03-15T00:00:00.000Z') + i * 86_400_000 + minute * 60_000,
      ).toISOString()
    const existing = Array.from({ length: 60 }, (_, i) =>
      desktopBooking(`bk-old-${i}`, 'm-ben', day(i, 600), day(i, 630)),
    )
    const put = await fetch(`${first.url}/api/admin/workspace`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ ...base, bookings: existing }),
    })
    expect(put.status).toBe(200)
    const pushed = Array.from({ length: 60 }, (_, i) =>
      row(desktopBooking(`bk-new-${i}`, 'm-ben', day(i, 615), day(i, 645))),
    )
    const push = await fetch(`${first.url}${BOOKINGS_PUSH}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(pushed),
    })
    expect(push.status).toBe(200)
    first.child.kill('SIGKILL')
    expect(await first.exited()).toBe('SIGKILL')

    const second = await startCli(['--port', '0', '--data-dir', dataDir, '--quiet'], env)
    const listed = await (await fetch(`${second.url}/api/admin/conflicts`, { headers })).json()
    expect(listed.conflicts).toHaveLength(60)
    second.child.kill('SIGTERM')
    expect(await second.exited()).toBe(0)
  })
})
