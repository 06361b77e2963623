/**
 * Measures what a streamed import holds, for `workspace-import-memory.test.ts`; run as
 * `node --expose-gc --import tsx import-memory-probe.ts BOOKINGS`. Starts a test app, sends a
 * generated body of BOOKINGS bookings (each with a 1,000-character note, about 1.6 KB) whose last
 * booking names an unknown event type, and, while the body is received and validated, forces a
 * garbage collection at regular points and records the heap still in use above the baseline
 * (what the import really holds, not garbage not yet collected). Prints one JSON line.
 */
import { startTestApp, TEST_TOKEN } from './test-app'
import { historyWorkspaceText } from './history-workspace'
import { httpExchange } from './workspace-http'

const count = Number(process.argv[2])
const gc = (globalThis as { gc?: () => void }).gc
if (!gc || !Number.isInteger(count)) throw new Error('usage: node --expose-gc … BOOKINGS')

const NOTE = 'n'.repeat(1000)
/** Receiving events (one per chunk read) between two measurements. */
const EVERY = 100

const heapUsed = () => {
  gc()
  return process.memoryUsage().heapUsed
}

let events = 0
let samples = 0
let baseline = 0
let maxRetained = 0
const app = await startTestApp({
  deps: {
    requestLog: false,
    workspaceImportObserver: (event) => {
      const isSample =
        (event.phase === 'receiving' && ++events % EVERY === 0) || event.phase === 'validating'
      if (!isSample) return
      samples++
      maxRetained = Math.max(maxRetained, heapUsed() - baseline)
    },
  },
})
baseline = heapUsed()
let bodyBytes = 0
const body = (function* () {
  for (const chunk of historyWorkspaceText(count, {
    chunkBookings: 200,
    transform: (booking, i) => ({
      ...booking,
      eventTypeId: i === count - 1 ? 'et-none' : booking.eventTypeId,
      history: [{ ...booking.history[0]!, reason: NOTE }, ...booking.history.slice(1)],
    }),
  })) {
    bodyBytes += Buffer.byteLength(chunk)
    yield chunk
  }
})()
const res = await httpExchange(`${app.url}/api/admin/workspace`, {
  method: 'PUT',
  token: TEST_TOKEN,
  body,
})
const { error } = res.json() as { error: { problems: { path: string }[] } }
console.log(
  JSON.stringify({
    status: res.status,
    problems: error.problems.map((p) => p.path),
    bodyBytes,
    samples,
    maxRetainedBytes: maxRetained,
  }),
)
await app.close()
