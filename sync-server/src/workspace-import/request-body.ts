import type { Request } from 'express'
import type { Readable } from 'node:stream'
import { createGunzip, createInflate } from 'node:zlib'
import { HttpError } from '../http/errors'
import { jsonGuardCreate } from './json-guard'

/**
 * Checks a JSON request body's headers before anything is read, with the same rules as
 * `express.json` on the other routes: `Content-Type` must be JSON and its charset UTF-8;
 * `Content-Encoding` identity, gzip or deflate (`br` and unknown encodings are `invalid-request`);
 * a `Content-Length` above `limitBytes` is `payload-too-large`. Throws an HttpError. Nothing of
 * the body has been read then, so Node drops it after the answer as for any unread body.
 */
export function requestBodyCheck(req: Request, limitBytes: number): void {
  const type = String(req.headers['content-type'] ?? '')
  if (!/^application\/([\w.-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new HttpError('invalid-request', 'the workspace must be sent as application/json')
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1]?.toLowerCase()
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new HttpError('invalid-request', 'unsupported body encoding')
  }
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase()
  if (encoding !== 'identity' && encoding !== 'gzip' && encoding !== 'deflate') {
    throw new HttpError('invalid-request', 'unsupported body encoding')
  }
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (Number.isFinite(declared) && declared > limitBytes) {
    throw new HttpError('payload-too-large', 'request body is too large')
  }
}

/**
 * The decoded text of a JSON request body (checked first with {@link requestBodyCheck}), chunk by
 * chunk as it arrives, for a route that must not hold the whole body (the workspace import).
 * Undecodable gzip/deflate data and an aborted upload are `invalid-request`, invalid UTF-8 too;
 * more than `limitBytes` decoded bytes is `payload-too-large`. The bytes also pass
 * {@link jsonGuardCreate} (nesting depth and token lengths) before they are decoded.
 *
 * If the caller stops iterating early (an error), it must await {@link requestBodyDiscard} before
 * answering, so the client's upload is read to its end and the answer reaches it.
 */
export async function* requestBodyText(
  req: Request,
  limitBytes: number,
): AsyncGenerator<string, void, undefined> {
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase()
  const inflate =
    encoding === 'gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : null
  if (inflate) req.pipe(inflate)
  const source: Readable = inflate ?? req
  const guard = jsonGuardCreate()
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let received = 0
  // An upload that breaks off: piped into an inflater, the inflater would simply wait forever.
  let fail = (): void => undefined
  const requestFailed = new Promise<never>((_resolve, reject) => {
    fail = () => reject(new HttpError('invalid-request', 'the request body could not be read'))
    req.once('aborted', fail)
    req.once('error', fail)
  })
  requestFailed.catch(() => undefined)
  // Not `for await (… of source)`: leaving that loop early would destroy the request, and with
  // it the connection the answer has to go out on.
  const chunks = source.iterator({ destroyOnReturn: false })
  try {
    for (;;) {
      let next: IteratorResult<unknown>
      try {
        next = await Promise.race([chunks.next(), requestFailed])
      } catch (error) {
        if (error instanceof HttpError) throw error
        throw new HttpError('invalid-request', 'the request body could not be read')
      }
      if (next.done) break
      const chunk = next.value as Buffer
      received += chunk.length
      if (received > limitBytes)
        throw new HttpError('payload-too-large', 'request body is too large')
      guard.check(chunk)
      let text: string
      try {
        text = decoder.decode(chunk, { stream: true })
      } catch {
        throw new HttpError('invalid-request', 'request body is not valid UTF-8')
      }
      if (text !== '') yield text
    }
    let rest: string
    try {
      rest = decoder.decode()
    } catch {
      throw new HttpError('invalid-request', 'request body is not valid UTF-8')
    }
    if (rest !== '') yield rest
  } finally {
    // Detaches the iterator's listeners, so the rest of the body can be resumed and dropped.
    await chunks.return?.()
    req.off('aborted', fail)
    req.off('error', fail)
    if (inflate) {
      req.unpipe(inflate)
      inflate.destroy()
    }
  }
}

/**
 * Reads and drops whatever is left of the request body and resolves once the request ended (or
 * its connection closed), so an error answer reaches a client still uploading, as body-parser
 * does for the other routes.
 */
export function requestBodyDiscard(req: Request): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    req.once('end', () => resolve())
    req.once('close', () => resolve())
    req.once('error', () => resolve())
    req.resume()
  })
}
