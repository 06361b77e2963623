import { request } from 'node:http'

/** An HTTP answer with its whole body. */
export interface HttpAnswer {
  readonly status: number
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly text: string
  json(): unknown
}

/**
 * A request over a real HTTP connection (node:http) whose body is written chunk by chunk as the
 * socket takes them (backpressure), so a test controls when each part of the body is sent: an
 * async `body` may wait between chunks. Resolves with the whole answer.
 */
export function httpExchange(
  url: string,
  options: {
    readonly method: string
    readonly token?: string
    readonly headers?: Readonly<Record<string, string>>
    readonly body?: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>
  },
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method,
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.body ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as unknown,
          })
        })
      },
    )
    req.on('error', reject)
    const body = options.body
    if (!body) {
      req.end()
      return
    }
    void (async () => {
      for await (const chunk of body) {
        if (!req.write(chunk)) await new Promise((drained) => req.once('drain', drained))
      }
      req.end()
    })().catch((error: unknown) => {
      req.destroy()
      reject(error instanceof Error ? error : new Error(String(error)))
    })
  })
}
