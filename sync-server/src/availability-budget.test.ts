import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Steps } from '../../core/src/availability/steps'
import type { Workspace } from '../../core/src/model/workspace'
import type { PublicRateLimits } from './routes/public'
import { bookingBody, FIXTURE_NOW, fixtureMember, fixtureWorkspace } from './test-support/fixtures'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

let app: TestApp | undefined
afterEach(async () => {
  vi.restoreAllMocks()
  await app?.close()
  app = undefined
})

const DAY_MS = 24 * 3600_000
const range = (days: number) =>
  `from=2027-03-11T00:00:00.000Z&to=${new Date(Date.parse('2027-03-11T00:00:00.000Z') + days * DAY_MS).toISOString()}`

async function start(limits: Partial<PublicRateLimits>, workspace: Workspace = fixtureWorkspace()) {
  const clock = fixedClock(FIXTURE_NOW)
  app = await startTestApp({
    workspace,
    clock,
    deps: {
      trustProxy: true,
      publicRateLimits: { perMinute: 100_000, writesPerMinute: 100_000, ...limits },
    },
  })
  return { a: app, clock }
}

const from = (address: string) => ({ headers: { 'x-forwarded-for': address } })

describe('the availability budget (member-days per client address and minute)', () => {
  it('admits while the balance is above zero, then answers 429 with Retry-After until it refilled; other addresses are unaffected', async () => {
    const { a, clock } = await start({ availabilityMemberDaysPerMinute: 100 })
    // The pooled page reads 3 members: 30 days cost 90 member-days.
    const ask = (address: string) =>
      a.request(
        `/api/public/pages/pooled/availability?eventTypeId=et-call&${range(30)}`,
        from(address),
      )
    expect((await ask('203.0.113.1')).status).toBe(200) // 100 → 10
    expect((await ask('203.0.113.1')).status).toBe(200) // 10 → -80
    const refused = await ask('203.0.113.1')
    expect(refused.status).toBe(429)
    expect((await refused.json()).error.code).toBe('rate-limited')
    // 80 member-days at 100 a minute: 48 s until the balance is back to zero, 49 s until above.
    expect(refused.headers.get('retry-after')).toBe('49')
    expect((await ask('203.0.113.2')).status).toBe(200)
    clock.set('2027-03-10T08:00:48.000Z')
    expect((await ask('203.0.113.1')).status).toBe(429)
    clock.set('2027-03-10T08:00:49.000Z')
    expect((await ask('203.0.113.1')).status).toBe(200)
  })

  it('charges by members and days: a cheap request is admitted many times, an expensive one once', async () => {
    const { a } = await start({ availabilityMemberDaysPerMinute: 100 })
    const solo = () =>
      a.request(
        `/api/public/pages/solo/availability?eventTypeId=et-call&${range(1)}`,
        from('198.51.100.1'),
      )
    for (let i = 0; i < 100; i++) expect((await solo()).status).toBe(200) // 1 member-day each
    expect((await solo()).status).toBe(429)
    const team = (address: string) =>
      a.request(
        `/api/public/pages/pooled/availability?eventTypeId=et-call&${range(62)}`,
        from(address),
      )
    expect((await team('198.51.100.2')).status).toBe(200) // 186 member-days: admitted with 100 left
    expect((await team('198.51.100.2')).status).toBe(429)
  })

  it('counts the manage page reschedule availability against the same budget', async () => {
    const { a } = await start({ availabilityMemberDaysPerMinute: 20 })
    const created = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(),
      ...from('192.0.2.9'),
    })
    const { id, manageToken } = (await created.json()).booking
    const reschedule = () =>
      a.request(
        `/api/public/bookings/${id}/availability?token=${manageToken}&${range(30)}`,
        from('192.0.2.1'),
      )
    expect((await reschedule()).status).toBe(200) // one host, 30 days: 20 → -10
    expect((await reschedule()).status).toBe(429)
  })
})

/** A pooled page over `size` members (UTC, 09:00–17:00 weekdays). */
function bigPoolWorkspace(size: number): Workspace {
  const ws = fixtureWorkspace()
  const members = Array.from({ length: size }, (_, i) => fixtureMember(`m-big-${i}`, `Big ${i}`))
  return {
    ...ws,
    members: [...ws.members, ...members],
    eventTypes: ws.eventTypes.map((e) => ({ ...e, maxDaysAhead: 90 })),
    pools: [
      ...ws.pools,
      {
        id: 'pool-big',
        name: 'Big',
        distribution: 'pooled',
        members: members.map((m) => ({ memberId: m.id, priority: 1 })),
        reportingCycle: 'monthly',
        automaticCorrection: true,
      },
    ],
    masterPages: [
      ...ws.masterPages,
      {
        id: 'mp-big',
        slug: 'big',
        title: 'Big',
        eventTypeIds: ['et-call'],
        assignment: { type: 'static', target: { poolId: 'pool-big' } },
      },
    ],
  }
}

/** Spies on the service's availability steps: resolves `started` at the first, counts them. */
function watchSteps(a: TestApp) {
  let onStart = () => {}
  const started = new Promise<void>((resolve) => (onStart = resolve))
  const seen = { steps: 0, isDone: false }
  const original = a.teamslot.service.availabilitySteps.bind(a.teamslot.service)
  vi.spyOn(a.teamslot.service, 'availabilitySteps').mockImplementation((query) => {
    const inner = original(query)
    function* watched(): Steps<ReturnType<typeof inner.next>['value'] & object> {
      for (;;) {
        const next = inner.next()
        seen.steps++
        onStart()
        if (next.done === true) {
          seen.isDone = true
          return next.value
        }
        yield
      }
    }
    return watched() as typeof inner
  })
  return { started, seen }
}

describe('a long availability computation', () => {
  const BIG = `/api/public/pages/big/availability?eventTypeId=et-call&${range(62)}`

  it('lets /health and another customer through while it runs, and still answers in full', async () => {
    const { a } = await start({}, bigPoolWorkspace(200))
    const { started, seen } = watchSteps(a)
    const finished: string[] = []
    const long = a.request(BIG, from('203.0.113.50')).then(async (res) => {
      finished.push('long availability')
      return { status: res.status, body: await res.json() }
    })
    await started
    const health = a.request('/health').then((res) => {
      finished.push('health')
      return res.status
    })
    const other = a.request('/api/public/pages/solo', from('203.0.113.51')).then((res) => {
      finished.push('other customer')
      return res.status
    })
    expect(await health).toBe(200)
    expect(await other).toBe(200)
    const result = await long
    expect(result.status).toBe(200)
    expect(result.body.slots.length).toBe(44 * 16) // 44 weekdays, 09:00–17:00 every 30 min
    expect(finished.at(-1)).toBe('long availability')
    expect(seen.steps).toBeGreaterThan(10)
    expect(seen.isDone).toBe(true)
  })

  it('stops computing when its client goes away', async () => {
    const { a } = await start({}, bigPoolWorkspace(200))
    const { started, seen } = watchSteps(a)
    const controller = new AbortController()
    const long = a.request(BIG, { signal: controller.signal }).catch(() => 'aborted')
    await started
    controller.abort()
    expect(await long).toBe('aborted')
    await a.teamslot.drain()
    const stepsAtClose = seen.steps
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve))
    expect(seen.steps).toBeLessThanOrEqual(stepsAtClose + 1)
    expect(seen.isDone).toBe(false)
  })
})
