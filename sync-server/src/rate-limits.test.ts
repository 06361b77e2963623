import { afterEach, describe, expect, it } from 'vitest'
import { FIXTURE_NOW, fixtureWorkspace } from './test-support/fixtures'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function start(trustProxy: boolean) {
  app = await startTestApp({
    workspace: fixtureWorkspace(),
    clock: fixedClock(FIXTURE_NOW),
    deps: { trustProxy, publicRateLimits: { perMinute: 3, writesPerMinute: 3 } },
  })
  return app
}

/** Statuses of `GET /api/public/pages/solo` sent one after another with these X-Forwarded-For. */
async function statuses(a: TestApp, forwardedFor: readonly string[]): Promise<number[]> {
  const out: number[] = []
  for (const address of forwardedFor) {
    const res = await a.request('/api/public/pages/solo', {
      headers: { 'x-forwarded-for': address },
    })
    out.push(res.status)
  }
  return out
}

describe('the public rate limit per client address', () => {
  it('ignores X-Forwarded-For without trustProxy: spoofed addresses do not evade the limit', async () => {
    const a = await start(false)
    const spoofed = ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4', '203.0.113.5']
    expect(await statuses(a, spoofed)).toEqual([200, 200, 200, 429, 429])
    const limited = await a.request('/api/public/pages/solo')
    expect(limited.status).toBe(429)
    expect((await limited.json()).error.code).toBe('rate-limited')
  })

  it('limits two forwarded addresses separately with trustProxy', async () => {
    const a = await start(true)
    expect(await statuses(a, ['203.0.113.1', '203.0.113.1', '203.0.113.1'])).toEqual([
      200, 200, 200,
    ])
    expect(await statuses(a, ['203.0.113.1', '203.0.113.2', '203.0.113.2'])).toEqual([
      429, 200, 200,
    ])
  })

  it('takes the address the nearest proxy appended, not one the client put in front', async () => {
    const a = await start(true)
    const chain = (spoofed: string) => `${spoofed}, 203.0.113.7`
    expect(
      await statuses(a, [chain('198.51.100.1'), chain('198.51.100.2'), chain('198.51.100.3')]),
    ).toEqual([200, 200, 200])
    expect(await statuses(a, [chain('198.51.100.4'), '203.0.113.8'])).toEqual([429, 200])
  })
})
