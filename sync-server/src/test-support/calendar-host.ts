/**
 * Test support: a loopback HTTP server that serves the `.ics` fixtures like a calendar provider
 * (ETag and Last-Modified, `304` to conditional requests), and can be told to fail, redirect or
 * stall. Records every request it gets. Test-only (imported by `*.test.ts` files).
 */

import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHash } from 'node:crypto'

export type HostBehaviour =
  | { readonly kind: 'serve' }
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'redirect'; readonly location: string }
  | { readonly kind: 'body'; readonly body: string }

export interface CalendarHost {
  readonly url: string
  /** Requests received: path and headers. */
  readonly requests: { readonly path: string; readonly headers: IncomingHttpHeaders }[]
  /** How `path` answers from now on (default: serve the fixture of that name). */
  behave(path: string, behaviour: HostBehaviour): void
  close(): Promise<void>
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../calendars/fixtures/${name}`, import.meta.url), 'utf8')
}

export async function startCalendarHost(host = '127.0.0.1'): Promise<CalendarHost> {
  const behaviours = new Map<string, HostBehaviour>()
  const requests: { path: string; headers: IncomingHttpHeaders }[] = []
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/'
    requests.push({ path, headers: req.headers })
    const behaviour = behaviours.get(path) ?? { kind: 'serve' }
    if (behaviour.kind === 'status') {
      res.writeHead(behaviour.status).end('nope')
      return
    }
    if (behaviour.kind === 'redirect') {
      res.writeHead(302, { location: behaviour.location }).end()
      return
    }
    let body: string
    try {
      body = behaviour.kind === 'body' ? behaviour.body : fixtureText(path.slice(1))
    } catch {
      res.writeHead(404).end('not found')
      return
    }
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end()
      return
    }
    res
      .writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        etag,
        'last-modified': 'Mon, 01 Mar 2027 10:00:00 GMT',
      })
      .end(body)
  })
  server.listen(0, host)
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}`,
    requests,
    behave: (path, behaviour) => behaviours.set(path, behaviour),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
