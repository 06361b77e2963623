/**
 * `npm run bench:server [-- --json] [--seconds N] [--connections N] [--rush-only]`: HTTP load on loopback with
 * autocannon against a 100-member pooled page served by a real server process (SQLite store):
 * availability requests (10 connections), booking requests for random free starts (competing for
 * the same starts: many 409s), then the rush (issue 9: a class opens, a campaign link goes out):
 * `--connections` clients (20) booking DISTINCT free starts as fast as they can — consecutive
 * requests take consecutive starts of a shuffled list of every offered start. Prints requests/s,
 * bookings/s (201 answers per second), p50/p99 latency of all answers, status counts, and the
 * double bookings found afterwards in the stored workspace (must be 0), and the server process's
 * CPU time per request of each phase (from /proc: unlike throughput, it does not depend on what
 * else the machine runs). A booking phase outruns the outbox: after it, the server derives the
 * notifications still owed and the bench prints how long that took and the CPU per request with
 * that work included. With `BENCH_SERVER_PROFILE=<dir>` the server process writes a V8 CPU profile there (`--cpu-prof`).
 */
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { bookingOverlaps } from '../../core/src/conflicts/booking-overlaps'
import type { Booking } from '../../core/src/model/workspace'
import SERVER_NODE_FLAGS from '../../sync-server/node-flags.json'

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    members: { type: 'string', default: '100' },
    connections: { type: 'string', default: '20' },
    /** Only the rush (for profiling it alone). */
    'rush-only': { type: 'boolean', default: false },
  },
})
const seconds = Number(values.seconds)
const connections = Number(values.connections)
const ROOT = resolve(import.meta.dirname, '..', '..')
const TOKEN = 'bench-admin-token'
const DAY_MS = 24 * 3600_000
const NOW_MS = Date.parse('2027-03-01T06:00:00Z')

const child = spawn(
  process.execPath,
  [
    ...SERVER_NODE_FLAGS,
    ...(process.env['BENCH_SERVER_PROFILE']
      ? ['--cpu-prof', '--cpu-prof-dir', process.env['BENCH_SERVER_PROFILE']]
      : []),
    '--import',
    'tsx',
    'bench/server/serve.ts',
    values.members,
  ],
  {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
)
const url = await new Promise<string>((done) => {
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    const match = /listening on (\S+)/.exec(out)
    if (match?.[1]) done(match[1])
  })
})

// Seeded pseudo-random windows and starts, so runs are comparable.
let seed = 12345
const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32

function availabilityPath(): string {
  const from = NOW_MS + Math.floor(next() * 50) * DAY_MS
  return `/api/public/pages/bench/availability?eventTypeId=et-bench&from=${new Date(from).toISOString()}&to=${new Date(from + 7 * DAY_MS).toISOString()}`
}

const { slots } = (await (
  await fetch(
    `${url}/api/public/pages/bench/availability?eventTypeId=et-bench&from=${new Date(NOW_MS).toISOString()}&to=${new Date(NOW_MS + 60 * DAY_MS).toISOString()}`,
  )
).json()) as { slots: { start: string }[] }

/**
 * The server process's CPU time so far (user + system, ms) from /proc (Linux), or null: the
 * figure that does not depend on how busy the rest of the machine is.
 */
function serverCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    // Fields 14 and 15 (utime, stime) in clock ticks of 10 ms; fields[0] is field 3.
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return null
  }
}

let serverOut = ''
child.stdout.on('data', (chunk: Buffer) => (serverOut += chunk.toString()))
let serverExited = false
child.once('exit', () => (serverExited = true))
/** Waits for the server's next output; rejects if the server process has ended (never hangs). */
function serverOutput(): Promise<void> {
  if (serverExited) return Promise.reject(new Error('the server process ended'))
  return new Promise((resolve, reject) => {
    const onData = () => {
      child.off('exit', onExit)
      resolve()
    }
    const onExit = () => {
      child.stdout.off('data', onData)
      reject(new Error('the server process ended'))
    }
    child.stdout.once('data', onData)
    child.once('exit', onExit)
  })
}
/** Sends the server `signal` and waits for its answer: the first output after it matching `answer`. */
async function serverAsk(signal: NodeJS.Signals, answer: RegExp): Promise<RegExpExecArray> {
  const seen = serverOut.length
  child.kill(signal)
  for (;;) {
    const match = answer.exec(serverOut.slice(seen))
    if (match) return match
    await serverOutput()
  }
}

/** The server's group-commit counters so far (bench/server/serve.ts answers SIGUSR2). */
async function commitStats(): Promise<{ batches: number; bookings: number }> {
  const [, stats = ''] = await serverAsk('SIGUSR2', /commit stats (\{.*\})/)
  return JSON.parse(stats) as { batches: number; bookings: number }
}

/** Server CPU ms between two readings of {@link serverCpuMs}, or null if either failed. */
function cpuBetween(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before
}

/**
 * Derives every notification the server still owes (bench/server/serve.ts answers SIGUSR1): a
 * booking phase outruns the outbox, whose backlog is composed after it. Returns how long that
 * took and the server CPU it used (ms), so a phase is charged for all its work.
 */
async function notificationsCatchUp(): Promise<{ ms: number; cpuMs: number | null }> {
  const cpuBefore = serverCpuMs()
  const startedMs = performance.now()
  await serverAsk('SIGUSR1', /notifications caught up/)
  return {
    ms: Math.round(performance.now() - startedMs),
    cpuMs: cpuBetween(cpuBefore, serverCpuMs()),
  }
}

async function run(
  title: string,
  options: Omit<autocannon.Options, 'url'>,
  { isBooking = false }: { isBooking?: boolean } = {},
) {
  const commitsBefore = await commitStats()
  const cpuBefore = serverCpuMs()
  const result = await autocannon({ ...options, url, duration: seconds })
  const cpuAfter = serverCpuMs()
  const elapsedSec = (result.finish.getTime() - result.start.getTime()) / 1000
  const cpuMs = cpuBetween(cpuBefore, cpuAfter)
  const backlog = isBooking ? await notificationsCatchUp() : null
  const commitsAfter = await commitStats()
  const batches = commitsAfter.batches - commitsBefore.batches
  return {
    name: title,
    connections: options.connections ?? 10,
    requestsPerSec: Math.round(result.requests.average),
    /** Answers 2xx per second (for bookings: bookings made per second). */
    okPerSec: Math.round(result['2xx'] / elapsedSec),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    /** Bookings per group commit (one transaction and fsync) during the phase. */
    bookingsPerCommit:
      batches === 0
        ? null
        : Math.round(((commitsAfter.bookings - commitsBefore.bookings) / batches) * 10) / 10,
    /** Server CPU ms per answer (any status) during the phase. */
    serverCpuMsPerRequest:
      cpuMs === null || result.requests.total === 0
        ? null
        : Math.round((cpuMs / result.requests.total) * 100) / 100,
    /**
     * Booking phases: how long the outbox took after the phase to derive the notifications it
     * had not reached yet, and the server CPU per request including that work.
     */
    notificationsCatchUpMs: backlog?.ms ?? null,
    serverCpuMsPerRequestWithNotifications:
      backlog === null || backlog.cpuMs === null || cpuMs === null || result.requests.total === 0
        ? null
        : Math.round(((cpuMs + backlog.cpuMs) / result.requests.total) * 100) / 100,
    statuses: {
      '2xx': result['2xx'],
      '4xx': result['4xx'],
      '5xx': result['5xx'],
      errors: result.errors,
      timeouts: result.timeouts,
    },
  }
}

const rushOnly = values['rush-only']
const availability = rushOnly
  ? null
  : await run('availability (7-day window, 100-member pooled page)', {
      connections: 10,
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: availabilityPath() }) }],
    })

let bookingNo = 0
function bookingRequest(req: autocannon.Request, start: string | undefined): autocannon.Request {
  bookingNo++
  return {
    ...req,
    path: '/api/public/pages/bench/bookings',
    body: JSON.stringify({
      eventTypeId: 'et-bench',
      start,
      customer: {
        name: `Load ${bookingNo}`,
        email: `load${bookingNo}@example.org`,
        timeZone: 'UTC',
      },
      answers: {},
    }),
  }
}
const booking = rushOnly
  ? null
  : await run(
      'bookings (random free starts; 409 when taken)',
      {
        connections,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) =>
              bookingRequest(req, slots[Math.floor(next() * slots.length)]?.start),
          },
        ],
      },
      { isBooking: true },
    )

// The rush: every request takes the next start of a shuffled list of the offered starts, so the
// concurrent clients book distinct starts (a start comes round again only after all others).
const rushStarts = slots.map((slot) => slot.start)
for (let i = rushStarts.length - 1; i > 0; i--) {
  const j = Math.floor(next() * (i + 1))
  ;[rushStarts[i], rushStarts[j]] = [rushStarts[j] ?? '', rushStarts[i] ?? '']
}
let rushNo = 0
const rush = await run(
  `rush (${connections} clients booking distinct free starts)`,
  {
    connections,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => bookingRequest(req, rushStarts[rushNo++ % rushStarts.length]),
      },
    ],
  },
  { isBooking: true },
)

const ws = (await (
  await fetch(`${url}/api/admin/workspace`, { headers: { authorization: `Bearer ${TOKEN}` } })
).json()) as { bookings: Booking[] }
// The generated team's own bookings are public too: count the ones this run made ("Load N").
const created = ws.bookings.filter((b) => b.customer.name.startsWith('Load ')).length
const doubleBookings = bookingOverlaps(ws.bookings).length
child.kill('SIGTERM')

const summary = {
  members: Number(values.members),
  seconds,
  availableSlots: slots.length,
  created,
  doubleBookings,
}
if (values.json) {
  for (const line of [availability, booking, rush, summary]) {
    if (line) console.log(JSON.stringify(line))
  }
} else {
  console.log(
    `Server load on loopback, ${values.members} members, ${seconds} s per phase (autocannon)`,
  )
  for (const r of [availability, booking, rush]) {
    if (!r) continue
    console.log(
      `${r.name}: ${r.requestsPerSec} req/s (${r.okPerSec} 2xx/s), p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.requests} requests, statuses ${JSON.stringify(r.statuses)}, server CPU ${r.serverCpuMsPerRequest ?? '?'} ms per request` +
        (r.bookingsPerCommit === null ? '' : `, ${r.bookingsPerCommit} bookings per commit`) +
        (r.notificationsCatchUpMs === null
          ? ''
          : `; the outbox then needed ${r.notificationsCatchUpMs} ms for the notifications ` +
            `still owed (server CPU ${r.serverCpuMsPerRequestWithNotifications ?? '?'} ms per ` +
            `request with them)`),
    )
  }
  console.log(
    `rush: ${rush.okPerSec} bookings/s with p99 ${rush.p99Ms} ms at ${connections} clients ` +
      `(issue 9 target: ≥ 1,000 bookings/s, p99 < 50 ms at 20 clients)`,
  )
  console.log(
    `bookings created by this run: ${created}; double bookings found afterwards: ${doubleBookings}`,
  )
}
process.exit(doubleBookings === 0 ? 0 : 1)
