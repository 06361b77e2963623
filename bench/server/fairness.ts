/**
 * `npm run bench:server:fairness [-- --json] [--seconds N] [--members N] [--rate N]`: does one
 * client inside the request rate limit slow everyone else down? A real server process
 * (`serve.ts --production-limits`: default public limits, clients told apart by X-Forwarded-For)
 * with the generated team; one address asks for 62-day find-member-by-time availability (every
 * member's calendar, ~1 MB answers at 100 members) `--rate` times a second — under the 600 a
 * minute request limit — while `/health` and another customer's cheap page request are timed one
 * at a time. Prints p50/p99 of both, idle first, then under that load, and what the heavy client
 * got (200 vs 429). Figures, not a test.
 */
import autocannon from 'autocannon'
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import SERVER_NODE_FLAGS from '../../sync-server/node-flags.json'

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '20' },
    members: { type: 'string', default: '100' },
    rate: { type: 'string', default: '8' },
  },
})
const seconds = Number(values.seconds)
const ROOT = resolve(import.meta.dirname, '..', '..')
const DAY_MS = 24 * 3600_000
const NOW_MS = Date.parse('2027-03-01T06:00:00Z')
/** Pauses between probe requests: `/health` is not rate-limited; the other customer stays far
 * below the 600-a-minute limit even where its address is not told apart from the heavy one's. */
const HEALTH_EVERY_MS = 50
const CUSTOMER_EVERY_MS = 250

const child = spawn(
  process.execPath,
  [
    ...SERVER_NODE_FLAGS,
    '--import',
    'tsx',
    'bench/server/serve.ts',
    values.members,
    '--production-limits',
  ],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
)
const url = await new Promise<string>((done) => {
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    const match = /listening on (\S+)/.exec(out)
    if (match?.[1]) done(match[1])
  })
})

const heavyPath =
  '/api/public/pages/bench-find/availability?eventTypeId=et-bench' +
  `&from=${new Date(NOW_MS + DAY_MS).toISOString()}&to=${new Date(NOW_MS + 63 * DAY_MS).toISOString()}`

function percentile(sorted: readonly number[], p: number): number {
  const at = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return Math.round((sorted[Math.max(0, at)] ?? NaN) * 10) / 10
}

/** Times `path` one request at a time until `untilMs`; p50/p99 in ms and the statuses seen. */
async function probe(path: string, address: string, everyMs: number, untilMs: number) {
  const ms: number[] = []
  const statuses: Record<string, number> = {}
  while (performance.now() < untilMs) {
    const started = performance.now()
    const res = await fetch(url + path, { headers: { 'x-forwarded-for': address } })
    await res.arrayBuffer()
    ms.push(performance.now() - started)
    statuses[res.status] = (statuses[res.status] ?? 0) + 1
    await new Promise((done) => setTimeout(done, everyMs))
  }
  const sorted = ms.toSorted((a, b) => a - b)
  return { p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), n: ms.length, statuses }
}

async function phase(name: string, withLoad: boolean) {
  const untilMs = performance.now() + seconds * 1000
  const heavy = withLoad
    ? autocannon({
        url: url + heavyPath,
        connections: 2,
        overallRate: Number(values.rate),
        duration: seconds,
        headers: { 'x-forwarded-for': '203.0.113.1' },
      })
    : null
  const [health, other] = await Promise.all([
    probe('/health', '203.0.113.2', HEALTH_EVERY_MS, untilMs),
    probe('/api/public/pages/bench', '203.0.113.3', CUSTOMER_EVERY_MS, untilMs),
  ])
  const result = await heavy
  return {
    name,
    health,
    otherCustomer: other,
    ...(result
      ? {
          heavyClient: {
            requests: result.requests.total,
            '2xx': result['2xx'],
            non2xx: result.non2xx,
          },
        }
      : {}),
  }
}

// Warm-up: connections, JIT, the mirror's first workspace.
for (const path of ['/health', '/api/public/pages/bench', '/health', '/api/public/pages/bench']) {
  await (await fetch(url + path, { headers: { 'x-forwarded-for': '198.51.100.1' } })).arrayBuffer()
}
const idle = await phase('idle', false)
const loaded = await phase(`one address asking ${values.rate}/s for 62-day availability`, true)
child.kill('SIGTERM')

if (values.json) {
  for (const line of [idle, loaded]) console.log(JSON.stringify(line))
} else {
  console.log(
    `Fairness on loopback: ${values.members} members, find-member-by-time page, ${seconds} s per phase`,
  )
  for (const r of [idle, loaded]) {
    console.log(
      `${r.name}: /health p50 ${r.health.p50Ms} ms, p99 ${r.health.p99Ms} ms (${r.health.n}); ` +
        `other customer p50 ${r.otherCustomer.p50Ms} ms, p99 ${r.otherCustomer.p99Ms} ms ` +
        `${JSON.stringify(r.otherCustomer.statuses)}` +
        ('heavyClient' in r ? `; heavy client ${JSON.stringify(r.heavyClient)}` : ''),
    )
  }
}
process.exit(0)
