import { afterEach, describe, expect, it } from 'vitest'
import { COLLECTION_SCHEMAS } from '../../../core/src/schema/collections'
import { desktopBooking, FIXTURE_NOW, fixtureWorkspace } from '../test-support/fixtures'
import { startMailServer } from '../test-support/mail-server'
import type { TestMailServer } from '../test-support/mail-server'
import { fixedClock, startTestApp } from '../test-support/test-app'
import type { TestApp } from '../test-support/test-app'

const PUSH = `/replication/bookings/${COLLECTION_SCHEMAS.bookings.version}/push`
const PULL = `/replication/bookings/${COLLECTION_SCHEMAS.bookings.version}/pull`
const DESK_TOKEN = 'Zq3-desk_token_0123456789abcdef'

let app: TestApp | undefined
let mail: TestMailServer | undefined
afterEach(async () => {
  await app?.close()
  await mail?.close()
  app = mail = undefined
})

async function start() {
  mail = await startMailServer()
  app = await startTestApp({
    workspace: fixtureWorkspace(),
    clock: fixedClock(FIXTURE_NOW),
    deps: {
      notify: { publicUrl: 'https://book.example.com', smtpUrl: mail.url, autoRun: false },
    },
  })
  return app
}

async function push(a: TestApp, doc: Record<string, unknown>, assumed?: Record<string, unknown>) {
  return a.request(PUSH, {
    method: 'POST',
    admin: true,
    body: [{ newDocumentState: doc, ...(assumed ? { assumedMasterState: assumed } : {}) }],
  })
}

async function stored(a: TestApp, id: string): Promise<Record<string, unknown>> {
  const pulled = await (await a.request(`${PULL}?lwt=0&id=&limit=1000`, { admin: true })).json()
  return pulled.documents.find((doc: { id: string }) => doc.id === id)
}

const desk = (
  id: string,
  start = '2027-03-11T12:00:00.000Z',
  end = '2027-03-11T12:30:00.000Z',
) => ({
  ...desktopBooking(id, 'm-ana', start, end),
  masterPageId: 'mp-solo',
})

describe('desk bookings get a manage token', () => {
  it('takes the token a desktop generated for a new booking; the customer’s link and confirmation use it', async () => {
    const a = await start()
    expect((await push(a, { ...desk('bk-desk-1'), manageToken: DESK_TOKEN })).status).toBe(200)
    expect((await stored(a, 'bk-desk-1'))['manageToken']).toBe(DESK_TOKEN)
    const own = await a.request(`/api/public/bookings/bk-desk-1?token=${DESK_TOKEN}`)
    expect(own.status).toBe(200)
    await a.teamslot.notifier.runOnce()
    const messages = await mail!.waitFor(2)
    const customer = messages.find((m) => m.subject?.startsWith('Confirmed'))
    expect(customer?.text).toContain(
      `https://book.example.com/book/solo/manage/bk-desk-1#token=${DESK_TOKEN}`,
    )
  })

  it('never lets a push replace a stored token, in the window or long past', async () => {
    const a = await start()
    await push(a, { ...desk('bk-desk-2'), manageToken: DESK_TOKEN })
    const current = await stored(a, 'bk-desk-2')
    const other = 'Other-token-abcdefghijklmnopqrstu'
    const edit = await push(a, { ...current, manageToken: other, answers: { note: 'x' } }, current)
    expect(edit.status).toBe(200)
    expect((await stored(a, 'bk-desk-2'))['manageToken']).toBe(DESK_TOKEN)
    expect((await stored(a, 'bk-desk-2'))['answers']).toEqual({ note: 'x' })

    // A booking that ended a month ago is outside the window the server keeps in memory.
    const old = { ...desk('bk-old', '2027-02-08T12:00:00.000Z', '2027-02-08T12:30:00.000Z') }
    expect((await push(a, { ...old, manageToken: DESK_TOKEN })).status).toBe(200)
    const oldStored = await stored(a, 'bk-old')
    await push(a, { ...oldStored, manageToken: other, answers: { note: 'y' } }, oldStored)
    expect((await stored(a, 'bk-old'))['manageToken']).toBe(DESK_TOKEN)
    expect((await stored(a, 'bk-old'))['answers']).toEqual({ note: 'y' })
  })

  it('ignores tokens that are too short or not url-safe, and never takes an idempotency key', async () => {
    const a = await start()
    for (const [id, token] of [
      ['bk-short', 'short-token'],
      ['bk-odd', 'has spaces and / slashes in it 0123'],
    ] as const) {
      const res = await push(a, { ...desk(id), manageToken: token, idempotencyKey: 'forged' })
      expect(res.status).toBe(200)
      expect((await stored(a, id))['manageToken']).toBeNull()
      expect((await stored(a, id))['idempotencyKey']).toBeNull()
    }
  })
})
