import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { bookingBody, FIXTURE_NOW, fixtureWorkspace } from './test-support/fixtures'
import { fixedClock, startTestApp } from './test-support/test-app'
import type { TestApp } from './test-support/test-app'

/** The page's source template (the build adds only script and stylesheet links to it). */
const BOOK_PAGE_TEMPLATE = resolve(import.meta.dirname, '..', '..', 'booking-page', 'index.html')
const BOOK_PAGE_SOURCES = resolve(import.meta.dirname, '..', '..', 'booking-page', 'src')

/** A stand-in for the built page (out/book): an index and one hashed asset. */
function builtPage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'teamslot-book-'))
  writeFileSync(join(dir, 'index.html'), readFileSync(BOOK_PAGE_TEMPLATE, 'utf8'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'assets', 'main-abc123.js'), 'export {}\n')
  return dir
}

let app: TestApp | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

async function start() {
  app = await startTestApp({
    workspace: fixtureWorkspace(),
    clock: fixedClock(FIXTURE_NOW),
    deps: {
      bookPageDir: builtPage(),
      publicRateLimits: { perMinute: 100_000, writesPerMinute: 100_000 },
    },
  })
  return app
}

/** The CSP's directives by name. */
function directives(csp: string | null): Map<string, string> {
  return new Map(
    (csp ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values.join(' ')]),
  )
}

describe('the public booking page', () => {
  it.each(['/book/solo', '/book/solo/manage/bk-anything', '/book-assets/assets/main-abc123.js'])(
    '%s has a CSP without inline code that forbids framing, nosniff and no referrer',
    async (path) => {
      const a = await start()
      const res = await a.request(path)
      expect(res.status).toBe(200)
      const csp = directives(res.headers.get('content-security-policy'))
      expect(csp.get('frame-ancestors')).toBe("'none'")
      expect(csp.get('default-src')).toBe("'none'")
      expect(csp.get('script-src')).toBe("'self'")
      expect(csp.get('style-src')).toBe("'self'")
      expect(csp.get('connect-src')).toBe("'self'")
      expect([...csp.values()].join(' ')).not.toContain('unsafe')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    },
  )

  it('serves the manage page with Cache-Control: no-store', async () => {
    const a = await start()
    const res = await a.request('/book/solo/manage/bk-anything')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('has no inline script, style or event handler the CSP would block', () => {
    const html = readFileSync(BOOK_PAGE_TEMPLATE, 'utf8')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="/)
      expect(body!.trim()).toBe('')
    }
    expect(html).not.toMatch(/<style\b/)
    expect(html).not.toMatch(/\sstyle=/)
    expect(html).not.toMatch(/\son[a-z]+=/)
  })

  it('writes no HTML, style attribute or code from strings anywhere in its sources', () => {
    const sources = readdirSync(BOOK_PAGE_SOURCES, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts'))
      .map((name) => readFileSync(resolve(BOOK_PAGE_SOURCES, name), 'utf8'))
    expect(sources.length).toBeGreaterThan(10)
    for (const source of sources) {
      expect(source).not.toMatch(
        /dangerouslySetInnerHTML|\.innerHTML\s*=|\beval\(|new Function\(|setAttribute\(\s*['"]style/,
      )
    }
  })

  it('caches hashed assets for a year', async () => {
    const a = await start()
    const res = await a.request('/book-assets/assets/main-abc123.js')
    expect(res.headers.get('cache-control')).toContain('immutable')
  })
})

describe('manage API responses', () => {
  it('are never stored by caches: booking, availability, cancel, reschedule and the new booking', async () => {
    const a = await start()
    const created = await a.request('/api/public/pages/solo/bookings', {
      method: 'POST',
      body: bookingBody(),
    })
    expect(created.status).toBe(201)
    expect(created.headers.get('cache-control')).toBe('no-store')
    const { id, manageToken } = (await created.json()).booking
    const week = 'from=2027-03-10T00:00:00.000Z&to=2027-03-17T00:00:00.000Z'
    const responses = [
      await a.request(`/api/public/bookings/${id}?token=${manageToken}`),
      await a.request(`/api/public/bookings/${id}/availability?token=${manageToken}&${week}`),
      await a.request(`/api/public/bookings/${id}/reschedule`, {
        method: 'POST',
        body: { token: manageToken, start: '2027-03-12T14:00:00.000Z' },
      }),
      await a.request(`/api/public/bookings/${id}/cancel`, {
        method: 'POST',
        body: { token: manageToken },
      }),
      await a.request(`/api/public/bookings/bk-unknown?token=${manageToken}`),
    ]
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 404])
    for (const res of responses) expect(res.headers.get('cache-control')).toBe('no-store')
  })
})
