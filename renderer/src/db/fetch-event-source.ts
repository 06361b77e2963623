/**
 * An EventSource stand-in for rxdb-server's replication client that (1) can send the
 * `Authorization: Bearer` header, which the browser's EventSource cannot, and (2) multiplexes
 * every collection's live stream over ONE connection to the server's `/replication/stream`
 * (a browser allows six HTTP/1.1 connections per host; seven per-collection streams would starve
 * the pull and push requests). The build aliases rxdb-server's `eventsource` import to this module.
 *
 * Per instance it behaves like EventSource where rxdb-server relies on it: `onopen`,
 * `onmessage({ data })` with the per-collection stream's JSON (or `"RESYNC"`), `onerror({ status })`,
 * and reconnection (doubling from 1 s to one minute, or at once after {@link eventStreamReconnectNow})
 * until `close()`. The page-wide connection state is
 * published through {@link eventStreamState} for the sync status.
 */

type Listener<T> = ((event: T) => void) | null

interface StreamInit {
  readonly headers?: Readonly<Record<string, string>>
}

const RECONNECT_MIN_MS = 1000
/** An offline desktop probes the server at most once a minute (plus when the network returns). */
const RECONNECT_MAX_MS = 60_000
const STREAM_URL =
  /^(.*)\/replication\/([a-z0-9]+)\/(\d+)\/pullStream(?:\?windowStart=(\d{4}-\d{2}-\d{2}))?$/

/** Whether the shared stream is open, and how many collections listen; the sync status subscribes. */
export const eventStreamState = (() => {
  const listeners = new Set<() => void>()
  let state = { open: 0, total: 0 }
  return {
    snapshot: () => state,
    subscribe(fn: () => void): () => void {
      listeners.add(fn)
      return () => listeners.delete(fn)
    },
    set(open: number, total: number) {
      state = { open, total }
      listeners.forEach((fn) => fn())
    },
  }
})()

/**
 * Calls `fn` each time the shared stream opens again after it was closed (the server is back);
 * the answer stops it.
 */
export function onEventStreamReopen(fn: () => void): () => void {
  let wasOpen = eventStreamState.snapshot().open > 0
  return eventStreamState.subscribe(() => {
    const isOpen = eventStreamState.snapshot().open > 0
    if (isOpen && !wasOpen) fn()
    wasOpen = isOpen
  })
}

/**
 * Calls `fn` when the sync server may be reachable again: the shared stream reopened, or the
 * browser's own network came back (the stream may have stayed open meanwhile). The answer stops it.
 */
export function onServerBack(fn: () => void): () => void {
  const stopStream = onEventStreamReopen(fn)
  const onOnline = () => fn()
  globalThis.addEventListener?.('online', onOnline)
  return () => {
    stopStream()
    globalThis.removeEventListener?.('online', onOnline)
  }
}

/** One multiplexed connection per (server, token). */
class StreamHub {
  private readonly members = new Map<string, FetchEventSource>()
  private controller: AbortController | null = null
  private isOpen = false
  private delay = RECONNECT_MIN_MS
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly serverUrl: string,
    private readonly headers: Readonly<Record<string, string>>,
  ) {}

  add(collection: string, source: FetchEventSource): void {
    this.members.set(collection, source)
    this.scheduleConnect(0)
  }

  remove(collection: string, source: FetchEventSource): void {
    if (this.members.get(collection) !== source) return
    this.members.delete(collection)
    this.scheduleConnect(0)
  }

  /** Connects now if the stream is down (the network came back). */
  reconnectNow(): void {
    if (this.isOpen || this.members.size === 0) return
    this.delay = RECONNECT_MIN_MS
    this.scheduleConnect(0)
  }

  private publish(): void {
    eventStreamState.set(this.isOpen ? this.members.size : 0, this.members.size)
  }

  private scheduleConnect(delay: number): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer)
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null
      void this.connect()
    }, delay)
  }

  private async connect(): Promise<void> {
    this.controller?.abort()
    this.isOpen = false
    this.publish()
    if (this.members.size === 0) return
    const controller = new AbortController()
    this.controller = controller
    const collections = [...this.members.keys()].sort().join(',')
    try {
      const response = await fetch(
        `${this.serverUrl}/replication/stream?collections=${collections}`,
        {
          headers: { ...this.headers, Accept: 'text/event-stream' },
          signal: controller.signal,
          cache: 'no-store',
        },
      )
      if (!response.ok || !response.body) {
        return this.fail(controller, { status: response.status })
      }
      this.isOpen = true
      this.delay = RECONNECT_MIN_MS
      this.publish()
      for (const source of this.members.values()) source.onopen?.(new Event('open'))
      await this.read(response.body)
      this.fail(controller, { message: 'stream ended' })
    } catch (err) {
      this.fail(controller, { message: err instanceof Error ? err.message : 'network error' })
    }
  }

  private fail(controller: AbortController, error: { status?: number; message?: string }): void {
    if (controller !== this.controller || controller.signal.aborted) return
    this.isOpen = false
    this.publish()
    for (const source of [...this.members.values()]) source.onerror?.(error)
    this.scheduleConnect(this.delay)
    this.delay = Math.min(this.delay * 2, RECONNECT_MAX_MS)
  }

  private dispatch(data: string): void {
    const event = JSON.parse(data) as {
      collection: string
      resync?: boolean
      documents?: unknown[]
      checkpoint?: unknown
    }
    const source = [...this.members.entries()].find(
      ([key]) => key.split(/[:@]/)[0] === event.collection,
    )?.[1]
    if (!source) return
    source.onmessage?.({
      data: event.resync
        ? JSON.stringify('RESYNC')
        : JSON.stringify({ documents: event.documents, checkpoint: event.checkpoint }),
    })
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader()
    const decoder = new TextDecoder()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffer += decoder.decode(value, { stream: true })
      let boundary = buffer.indexOf('\n\n')
      while (boundary >= 0) {
        const data = buffer
          .slice(0, boundary)
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
          .join('\n')
        buffer = buffer.slice(boundary + 2)
        if (data !== '') this.dispatch(data)
        boundary = buffer.indexOf('\n\n')
      }
    }
  }
}

const hubs = new Map<string, StreamHub>()

function hubFor(serverUrl: string, headers: Readonly<Record<string, string>>): StreamHub {
  const key = `${serverUrl}\n${headers['Authorization'] ?? ''}`
  let hub = hubs.get(key)
  if (!hub) {
    hub = new StreamHub(serverUrl, headers)
    hubs.set(key, hub)
  }
  return hub
}

/** Every stream that is down reconnects now instead of waiting for its backoff. */
export function eventStreamReconnectNow(): void {
  hubs.forEach((hub) => hub.reconnectNow())
}

export default class FetchEventSource {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSED = 2

  readyState: number = FetchEventSource.CONNECTING
  onopen: Listener<Event> = null
  onmessage: Listener<{ data: string }> = null
  onerror: Listener<{ status?: number; message?: string }> = null

  private readonly hub: StreamHub
  private readonly collection: string

  constructor(
    readonly url: string,
    init: StreamInit = {},
  ) {
    const match = STREAM_URL.exec(url)
    if (!match?.[1] || !match[2] || !match[3])
      throw new Error(`not a replication stream URL: ${url}`)
    // `name:version`: the server sends documents in this desktop's schema version; a windowed
    // bookings stream adds `@<window start>` (only what that window needs is sent).
    this.collection = `${match[2]}:${match[3]}${match[4] ? `@${match[4]}` : ''}`
    this.hub = hubFor(match[1], init.headers ?? {})
    this.hub.add(this.collection, this)
  }

  close(): void {
    this.readyState = FetchEventSource.CLOSED
    this.hub.remove(this.collection, this)
  }
}
