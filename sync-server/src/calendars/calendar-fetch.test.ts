import { gzipSync } from 'node:zlib'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { addressIsPublic, guardedLookup } from './address-guard'
import { calendarFetch, MAX_REDIRECTS } from './calendar-fetch'
import { startCalendarHost } from '../test-support/calendar-host'
import type { CalendarHost } from '../test-support/calendar-host'

let host: CalendarHost | undefined
afterEach(async () => {
  await host?.close()
  host = undefined
})

const OPTIONS = { allowPrivate: true, timeoutMs: 5000, maxBytes: 1_000_000 }

describe('addressIsPublic', () => {
  it.each([
    ['93.184.216.34', true],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false],
    ['127.9.9.9', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['172.31.255.255', false],
    ['172.32.0.1', true],
    ['192.168.1.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['224.0.0.1', false],
    ['255.255.255.255', false],
    ['::1', false],
    ['::', false],
    ['fe80::1', false],
    ['fd00::1', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:7f00:1', false],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::10.0.0.1', false],
    ['2002:7f00:1::', false],
    ['[::1]', false],
    ['localhost', false],
  ])('%s → %s', (address, expected) => {
    expect(addressIsPublic(address)).toBe(expected)
  })
})

describe('guardedLookup', () => {
  const lookup = (addresses: string[], allowed = addressIsPublic) =>
    new Promise<{ error: unknown; address: unknown }>((resolve) =>
      guardedLookup(allowed, async () =>
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      )('calendar.test', {}, (error, address) => resolve({ error, address })),
    )

  it('hands the connection the address it checked', async () => {
    expect(await lookup(['93.184.216.34'])).toEqual({ error: null, address: '93.184.216.34' })
  })

  it('refuses a host when any of its addresses is private (rebinding across records)', async () => {
    const { error } = await lookup(['93.184.216.34', '127.0.0.1'])
    expect(error).toMatchObject({ code: 'ERR_PRIVATE_ADDRESS' })
  })
})

describe('calendarFetch', () => {
  it('reads a calendar and its validators', async () => {
    host = await startCalendarHost()
    const result = await calendarFetch(`${host.url}/google.ics`, OPTIONS)
    expect(result).toMatchObject({
      kind: 'ok',
      etag: expect.stringMatching(/^"/),
      lastModified: 'Mon, 01 Mar 2027 10:00:00 GMT',
    })
    expect(result.kind === 'ok' && result.body).toMatch(/^BEGIN:VCALENDAR/)
  })

  it('answers not-modified to a conditional request the server confirms', async () => {
    host = await startCalendarHost()
    const first = await calendarFetch(`${host.url}/apple.ics`, OPTIONS)
    const etag = first.kind === 'ok' ? first.etag : null
    expect(await calendarFetch(`${host.url}/apple.ics`, { ...OPTIONS, etag })).toEqual({
      kind: 'not-modified',
    })
  })

  it('checks every redirect hop: a hop to a refused address is never connected to', async () => {
    host = await startCalendarHost()
    const port = new URL(host.url).port
    host.behave('/hop.ics', { kind: 'redirect', location: `http://127.0.0.2:${port}/google.ics` })
    // Pretend 127.0.0.1 is public and 127.0.0.2 private: the first hop passes, the second not.
    const addressAllowed = (address: string) => address === '127.0.0.1'
    const result = await calendarFetch(`${host.url}/hop.ics`, { ...OPTIONS, addressAllowed })
    expect(result).toEqual({
      kind: 'failed',
      message:
        'the address points to a private or local network (127.0.0.2); the server refuses those',
    })
    expect(host.requests.map((r) => r.path)).toEqual(['/hop.ics'])
  })

  it('refuses loopback without the flag, by literal address and by name', async () => {
    host = await startCalendarHost()
    for (const url of [`${host.url}/google.ics`, host.url.replace('127.0.0.1', 'localhost')]) {
      const result = await calendarFetch(url, { ...OPTIONS, allowPrivate: false })
      expect(result.kind === 'failed' && result.message).toMatch(/private or local network/)
    }
    expect(host.requests).toEqual([])
  })

  it(`gives up after ${MAX_REDIRECTS} redirects`, async () => {
    host = await startCalendarHost()
    host.behave('/loop.ics', { kind: 'redirect', location: '/loop.ics' })
    expect(await calendarFetch(`${host.url}/loop.ics`, OPTIONS)).toEqual({
      kind: 'failed',
      message: 'the address redirects too many times',
    })
    expect(host.requests).toHaveLength(MAX_REDIRECTS + 1)
  })

  it('refuses other schemes, also as a redirect target', async () => {
    host = await startCalendarHost()
    host.behave('/file.ics', { kind: 'redirect', location: 'file:///etc/passwd' })
    expect(await calendarFetch(`${host.url}/file.ics`, OPTIONS)).toEqual({
      kind: 'failed',
      message: 'only http:// and https:// addresses can be read',
    })
  })

  it('stops reading past the byte cap, also when the body is compressed', async () => {
    const big = 'X'.repeat(2_000_000)
    const server = createServer((req, res) => {
      if (req.url === '/gzip') {
        res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(big))
      } else res.writeHead(200).end(big)
    })
    server.listen(0, '127.0.0.1')
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      for (const path of ['/plain', '/gzip']) {
        expect(await calendarFetch(base + path, OPTIONS)).toEqual({
          kind: 'failed',
          message: 'the calendar is larger than 1 MB',
        })
      }
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })

  it('gives up at the deadline when the server stalls', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200)
      res.write('BEGIN:VCALENDAR\r\n')
      // …and never ends.
    })
    server.listen(0, '127.0.0.1')
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      expect(await calendarFetch(`${base}/slow.ics`, { ...OPTIONS, timeoutMs: 300 })).toEqual({
        kind: 'failed',
        message: 'no complete answer within 0.3 seconds',
      })
    } finally {
      server.closeAllConnections()
      server.close()
    }
  })

  it('says what the server answered', async () => {
    host = await startCalendarHost()
    host.behave('/gone.ics', { kind: 'status', status: 404 })
    expect(await calendarFetch(`${host.url}/gone.ics`, OPTIONS)).toEqual({
      kind: 'failed',
      message: 'the server answered 404',
    })
  })
})
