/**
 * Reads one calendar address for the server (issue 11): `http:`/`https:` only, redirects followed
 * by hand (at most {@link MAX_REDIRECTS}) so EVERY hop passes the address guard, a deadline for
 * the whole reading, a byte cap on the (decompressed) body while it streams, and conditional
 * requests (`If-None-Match` / `If-Modified-Since`). Failures are values with a sentence for
 * admins ("the server answered 404"), never thrown.
 */

import http from 'node:http'
import https from 'node:https'
import { isIP } from 'node:net'
import type { Readable } from 'node:stream'
import { createGunzip, createInflate } from 'node:zlib'
import { addressPolicy, guardedLookup, PrivateAddressError, type ResolveAll } from './address-guard'

/** Redirect hops followed before giving up (feeds redirect once or twice, e.g. http → https). */
export const MAX_REDIRECTS = 5

export interface CalendarFetchOptions {
  /** `--allow-private-calendar-urls`: loopback and private addresses allowed. */
  readonly allowPrivate: boolean
  /** Deadline for the whole reading, redirects included. */
  readonly timeoutMs: number
  /** Largest body kept, after decompression. */
  readonly maxBytes: number
  /** Validators of the last good reading, sent as a conditional request. */
  readonly etag?: string | null
  readonly lastModified?: string | null
  /** Address resolution (tests inject one); default: the system's. */
  readonly resolveAll?: ResolveAll
  /** Which addresses may be connected to (tests); default: {@link addressPolicy}. */
  readonly addressAllowed?: (address: string) => boolean
  /** Abandons the reading (the server is closing). */
  readonly signal?: AbortSignal
}

export type CalendarFetchResult =
  | {
      readonly kind: 'ok'
      readonly body: string
      readonly etag: string | null
      readonly lastModified: string | null
    }
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'failed'; readonly message: string }

const REDIRECTS = new Set([301, 302, 303, 307, 308])

class FetchFailure extends Error {}

/** The words for a failure, for admins (no stack, no internals). */
function failureMessage(error: unknown, timeoutMs: number, maxBytes: number): string {
  if (error instanceof FetchFailure) return error.message
  if (error instanceof PrivateAddressError) {
    return `the address points to a private or local network (${error.host}); the server refuses those`
  }
  const code = (error as { code?: unknown; name?: unknown }).code
  const name = (error as { name?: unknown }).name
  if (name === 'AbortError' || name === 'TimeoutError' || code === 'ABORT_ERR') {
    return `no complete answer within ${Math.round(timeoutMs / 1000)} seconds`
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name could not be found'
  if (code === 'ECONNREFUSED') return 'the server refused the connection'
  if (code === 'ECONNRESET') return 'the connection was closed before the calendar arrived'
  if (code === 'ERR_BODY_TOO_LARGE') {
    return `the calendar is larger than ${Math.round(maxBytes / 1_000_000)} MB`
  }
  if (typeof code === 'string' && (code.startsWith('ERR_TLS') || code.includes('CERT'))) {
    return 'the secure connection failed (certificate)'
  }
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR')
    return 'the answer could not be decompressed'
  return 'the calendar could not be read'
}

interface Answer {
  readonly status: number
  readonly headers: http.IncomingHttpHeaders
  readonly stream: Readable
}

function requestOnce(
  url: URL,
  options: CalendarFetchOptions,
  signal: AbortSignal,
): Promise<Answer> {
  const allowed = options.addressAllowed ?? addressPolicy(options.allowPrivate)
  const literal = url.hostname.replace(/^\[|\]$/g, '')
  if (isIP(literal) !== 0 && !allowed(literal)) {
    return Promise.reject(new PrivateAddressError(url.hostname))
  }
  const transport = url.protocol === 'https:' ? https : http
  const headers: Record<string, string> = {
    accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1',
    'accept-encoding': 'gzip, deflate',
    'user-agent': 'Teamslot calendar reader',
  }
  if (options.etag) headers['if-none-match'] = options.etag
  if (options.lastModified) headers['if-modified-since'] = options.lastModified
  return new Promise((resolve, reject) => {
    const request = transport.request(url, {
      method: 'GET',
      headers,
      signal,
      // Literal addresses were checked above; host names are checked where they are resolved.
      lookup: guardedLookup(allowed, options.resolveAll),
      agent: false,
    })
    request.on('response', (response) => {
      resolve({ status: response.statusCode ?? 0, headers: response.headers, stream: response })
    })
    request.on('error', reject)
    request.end()
  })
}

async function bodyOf(answer: Answer, maxBytes: number): Promise<string> {
  const declared = Number(answer.headers['content-length'])
  if (Number.isFinite(declared) && declared > maxBytes && !answer.headers['content-encoding']) {
    answer.stream.destroy()
    throw Object.assign(new Error('too large'), { code: 'ERR_BODY_TOO_LARGE' })
  }
  const encoding = String(answer.headers['content-encoding'] ?? '').toLowerCase()
  let stream: Readable = answer.stream
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = answer.stream.pipe(createGunzip())
  else if (encoding === 'deflate') stream = answer.stream.pipe(createInflate())
  else if (encoding !== '' && encoding !== 'identity') {
    answer.stream.destroy()
    throw new FetchFailure(`the server sent an encoding the reader does not know (${encoding})`)
  }
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer
      size += buffer.length
      if (size > maxBytes) {
        throw Object.assign(new Error('too large'), { code: 'ERR_BODY_TOO_LARGE' })
      }
      chunks.push(buffer)
    }
  } finally {
    answer.stream.destroy()
    if (stream !== answer.stream) stream.destroy()
  }
  return Buffer.concat(chunks).toString('utf8')
}

function header(headers: http.IncomingHttpHeaders, name: string): string | null {
  const value = headers[name]
  return typeof value === 'string' && value.length <= 500 ? value : null
}

/** Reads `address` (see the module comment). Never throws. */
export async function calendarFetch(
  address: string,
  options: CalendarFetchOptions,
): Promise<CalendarFetchResult> {
  const deadline = AbortSignal.timeout(options.timeoutMs)
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline
  try {
    let url = new URL(address)
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new FetchFailure('only http:// and https:// addresses can be read')
      }
      if (url.username !== '' || url.password !== '') {
        throw new FetchFailure('addresses with a user name or password are not read')
      }
      const answer = await requestOnce(url, options, signal)
      if (REDIRECTS.has(answer.status)) {
        answer.stream.destroy()
        const location = answer.headers.location
        if (!location)
          throw new FetchFailure(`the server answered ${answer.status} without an address`)
        if (hop + 1 > MAX_REDIRECTS) throw new FetchFailure('the address redirects too many times')
        url = new URL(location, url)
        continue
      }
      if (answer.status === 304) {
        answer.stream.destroy()
        return { kind: 'not-modified' }
      }
      if (answer.status < 200 || answer.status >= 300) {
        answer.stream.destroy()
        throw new FetchFailure(`the server answered ${answer.status}`)
      }
      const body = await bodyOf(answer, options.maxBytes)
      return {
        kind: 'ok',
        body,
        etag: header(answer.headers, 'etag'),
        lastModified: header(answer.headers, 'last-modified'),
      }
    }
  } catch (error) {
    return {
      kind: 'failed',
      message: deadline.aborted
        ? `no complete answer within ${options.timeoutMs / 1000} seconds`
        : failureMessage(error, options.timeoutMs, options.maxBytes),
    }
  }
}
