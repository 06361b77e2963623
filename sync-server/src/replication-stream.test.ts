import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { FIXTURE_NOW, fixtureWorkspace } from './test-support/fixtures'
import { fixedClock, startTestApp, TEST_TOKEN } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const CAP_BYTES = 64 * 1024
const MEMBERS = 40
/** Upper bound of what the test pushes; far beyond the cap plus loopback kernel buffers. */
const MAX_PUSHED_BYTES = 96 * 1024 * 1024

/** A member document of ~14 kB (a year of date overrides), renamed by `round`. */
function bulkyMember(index: number, round: number) {
  const day = (n: number) => new Date(Date.UTC(2027, 0, 1 + n)).toISOString().slice(0, 10)
  return {
    id: `m-bulk-${index}`,
    name: `Bulk ${index} round ${round}`,
    email: `bulk${index}@example.com`,
    timeZone: 'UTC',
    weeklyHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
    dateOverrides: Array.from({ length: 300 }, (_, n) => ({
      date: day(n),
      hours: [['09:00', '17:00']],
    })),
    active: true,
    _deleted: false,
  }
}

interface StreamEvent {
  collection: string
  documents: { id: string; name: string }[]
  checkpoint: { id: string; lwt: number }
}

/** Complete `data:` events in a received SSE text (a cut-off last one is left out). */
function eventsIn(text: string): StreamEvent[] {
  return text
    .split('\n\n')
    .slice(0, -1)
    .filter((block) => block.startsWith('data: '))
    .map((block) => JSON.parse(block.slice('data: '.length)) as StreamEvent)
}

describe('GET /replication/stream backpressure', () => {
  it('drops a client that stops reading once the cap is exceeded; it resumes from its checkpoint', async () => {
    const records: Record<string, unknown>[] = []
    let onDrop = () => {}
    const dropped = new Promise<void>((resolve) => (onDrop = resolve))
    app = await startTestApp({
      workspace: fixtureWorkspace(),
      clock: fixedClock(FIXTURE_NOW),
      deps: {
        streamBufferCapBytes: CAP_BYTES,
        logger: (record) => {
          records.push(record)
          if (record['event'] === 'replication-stream-dropped') onDrop()
        },
        requestLog: false,
      },
    })
    const a = app
    let isDropped = false
    void dropped.then(() => (isDropped = true))

    // A raw HTTP client that reads the response head, then stops reading.
    const { port } = new URL(a.url)
    const stalled = connect(Number(port), '127.0.0.1')
    stalled.write(
      'GET /replication/stream?collections=members HTTP/1.1\r\nHost: x\r\n' +
        `Authorization: Bearer ${TEST_TOKEN}\r\n\r\n`,
    )
    let received = ''
    await new Promise<void>((resolve) => {
      stalled.once('data', (chunk: Buffer) => {
        received += chunk.toString()
        stalled.pause()
        resolve()
      })
    })
    expect(received).toMatch(/^HTTP\/1.1 200/)
    const stalledClosed = new Promise((resolve) => stalled.once('close', resolve))

    // A reading client on the same stream is never dropped.
    const reader = await a.request('/replication/stream?collections=members', { admin: true })
    const readerBody = reader.body!.getReader()
    let readerText = ''
    const readerDone = (async () => {
      for (;;) {
        const { value, done } = await readerBody.read()
        if (done) return
        readerText += new TextDecoder().decode(value)
      }
    })()

    const push = async (round: number) => {
      const body = Array.from({ length: MEMBERS }, (_, i) => ({
        newDocumentState: bulkyMember(i, round),
        assumedMasterState: round === 0 ? null : bulkyMember(i, round - 1),
      }))
      const res = await a.request('/replication/members/1/push', {
        method: 'POST',
        admin: true,
        body,
      })
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual([]) // written, no conflicts
      return JSON.stringify(body).length
    }
    let pushedBytes = 0
    let largestPush = 0
    let round = 0
    while (!isDropped && pushedBytes < MAX_PUSHED_BYTES) {
      const bytes = await push(round++)
      pushedBytes += bytes
      largestPush = Math.max(largestPush, bytes)
    }
    expect(isDropped).toBe(true)
    const drop = records.find((r) => r['event'] === 'replication-stream-dropped')!
    // Never more than the cap plus one event was held for the stalled client.
    expect(drop['bufferedBytes']).toBeGreaterThan(CAP_BYTES)
    // One event is a push's documents plus a small envelope.
    expect(drop['bufferedBytes']).toBeLessThanOrEqual(CAP_BYTES + largestPush + 1024)
    expect(records.filter((r) => r['event'] === 'replication-stream-dropped')).toHaveLength(1)

    // Changes go on after the drop.
    const finalRound = round
    await push(finalRound)

    // The stalled client reads again: it gets what was already on its way, then the end.
    stalled.on('data', (chunk: Buffer) => (received += chunk.toString()))
    stalled.resume()
    await stalledClosed
    const seen = eventsIn(
      received.slice(received.indexOf('\r\n\r\n') + 4).replace(/^[0-9a-f]+\r\n/gm, ''),
    )
    expect(seen.length).toBeGreaterThan(0)
    const checkpoint = seen.at(-1)!.checkpoint

    // Reconnecting with its last checkpoint, it pulls everything it missed.
    const names = new Map<string, string>()
    for (const event of seen) for (const doc of event.documents) names.set(doc.id, doc.name)
    let from = checkpoint
    for (;;) {
      const page = await (
        await a.request(`/replication/members/1/pull?lwt=${from.lwt}&id=${from.id}&limit=100`, {
          admin: true,
        })
      ).json()
      for (const doc of page.documents) names.set(doc.id, doc.name)
      if (page.documents.length === 0) break
      from = page.checkpoint
    }
    for (let i = 0; i < MEMBERS; i++) {
      expect(names.get(`m-bulk-${i}`)).toBe(`Bulk ${i} round ${finalRound}`)
    }

    // The reading client saw every round, the last one included, and is still connected.
    await expect
      .poll(() => readerText.includes(`Bulk ${MEMBERS - 1} round ${finalRound}`))
      .toBe(true)
    await readerBody.cancel()
    await readerDone
  }, 120_000)
})
