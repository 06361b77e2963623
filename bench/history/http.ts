/**
 * A tiny HTTP client for sequential, timed requests against the server under test: keep-alive
 * connections, and a timer from sending the request to the last byte of the answer (parsing the
 * JSON is not timed).
 *
 * The public API is rate-limited per client address (600 requests and 60 bookings a minute, not
 * configurable on the command line), so public requests come from rotating loopback addresses
 * (127.0.0.2 … 127.0.0.251; all of 127/8 is loopback on Linux): each "customer" address makes at
 * most {@link REQUESTS_PER_CUSTOMER} requests. Admin and replication requests come from 127.0.0.1.
 */
import http from 'node:http'

export interface Timed {
  readonly status: number
  readonly ms: number
  readonly text: string
}

/** Public requests per customer address: well below 60 writes a minute. */
const REQUESTS_PER_CUSTOMER = 40
const CUSTOMER_ADDRESSES = 250

export class BenchClient {
  private readonly agents = new Map<string, http.Agent>()
  private publicRequests = 0

  constructor(
    readonly baseUrl: string,
    private readonly adminToken: string,
  ) {}

  private agent(localAddress: string): http.Agent {
    let agent = this.agents.get(localAddress)
    if (!agent) {
      agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
      this.agents.set(localAddress, agent)
    }
    return agent
  }

  /** A request of the public API, from the current customer address. */
  public(method: string, path: string, body?: unknown): Promise<Timed> {
    const customer = Math.floor(this.publicRequests++ / REQUESTS_PER_CUSTOMER) % CUSTOMER_ADDRESSES
    return this.send(method, path, body, {}, `127.0.0.${2 + customer}`)
  }

  /** A request with the admin token (admin API, replication). */
  admin(method: string, path: string, body?: unknown): Promise<Timed> {
    return this.send(method, path, body, { authorization: `Bearer ${this.adminToken}` })
  }

  /** A request without credentials from 127.0.0.1 (health checks). */
  plain(method: string, path: string): Promise<Timed> {
    return this.send(method, path, undefined, {})
  }

  private send(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
    localAddress = '127.0.0.1',
  ): Promise<Timed> {
    const url = new URL(path, this.baseUrl)
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    return new Promise<Timed>((resolve, reject) => {
      const started = performance.now()
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method,
          localAddress,
          agent: this.agent(localAddress),
          headers: {
            ...headers,
            ...(payload
              ? { 'content-type': 'application/json', 'content-length': payload.length }
              : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (chunk: Buffer) => chunks.push(chunk))
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              ms: performance.now() - started,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          )
          res.on('error', reject)
        },
      )
      req.on('error', reject)
      req.end(payload)
    })
  }

  close(): void {
    for (const agent of this.agents.values()) agent.destroy()
    this.agents.clear()
  }
}

/** The JSON body of an answer, or throws with the status and the start of the body. */
export function jsonOf<T>(result: Timed, what: string): T {
  try {
    return JSON.parse(result.text) as T
  } catch {
    throw new Error(`${what}: HTTP ${result.status}, not JSON: ${result.text.slice(0, 200)}`)
  }
}
