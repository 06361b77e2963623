import type { NextFunction, Request, Response } from 'express'

/** Receives one structured log record. */
export type Logger = (record: Readonly<Record<string, unknown>>) => void

/** A logger writing one JSON line per record to stdout. */
export const jsonLineLogger: Logger = (record) => {
  process.stdout.write(JSON.stringify(record) + '\n')
}

/** Logs a request that failed with a 5xx (see {@link serverErrorRecord}). */
export type ServerErrorLog = (req: Request, status: number, err: unknown) => void

/** Where server errors go when no logger is injected: one JSON line per record on stderr. */
export const stderrLogger: Logger = (record) => {
  process.stderr.write(JSON.stringify(record) + '\n')
}

/** The request path without its query string (which can carry manage tokens). */
function requestPath(req: Request): string {
  return (req.originalUrl ?? req.url).split('?')[0] ?? ''
}

/**
 * Logs one record per finished request: method, path (never the query string, which can carry
 * manage tokens), status and duration. No bodies, no customer data.
 */
export function requestLogger(log: Logger, now: () => number) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = now()
    res.on('finish', () => {
      log({
        at: new Date(now()).toISOString(),
        method: req.method,
        path: requestPath(req),
        status: res.statusCode,
        ms: now() - started,
      })
    })
    next()
  }
}

/** At most this much of an error's message is logged (RxDB appends whole documents to its). */
const MAX_MESSAGE_CHARS = 300
/** Stack frames kept per logged error. */
const MAX_STACK_FRAMES = 20
const EMAIL = /[^\s@"'<>()[\]{},;:]+@[^\s@"'<>()[\]{},;:]+\.[A-Za-z]{2,}/g
/** Runs of url-safe characters that look like secrets: 32+ long, or 20+ long with a digit. */
const TOKEN_LIKE = /[A-Za-z0-9_-]{20,}/g

/** Removes e-mail addresses and token-like strings from text that goes to the log. */
export function logScrub(text: string): string {
  return text
    .replace(EMAIL, '<email>')
    .replace(TOKEN_LIKE, (run) => (run.length >= 32 || /\d/.test(run) ? '<redacted>' : run))
}

/**
 * The log record of a request that failed with a 5xx: method, path, status and the error's name,
 * code, message and stack frames. Never the body, query string or headers; the message (the one
 * part a dependency may fill with data) is cut to its first line and scrubbed of e-mail addresses
 * and token-like strings.
 */
export function serverErrorRecord(
  req: Request,
  status: number,
  err: unknown,
  nowMs: number,
): Record<string, unknown> {
  const error = err instanceof Error ? err : new Error(`non-error thrown: ${typeof err}`)
  const firstLine = error.message.split('\n').find((line) => line.trim() !== '') ?? ''
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, MAX_STACK_FRAMES)
    .map((line) => line.trim())
  const code = (error as { code?: unknown }).code
  return {
    at: new Date(nowMs).toISOString(),
    level: 'error',
    method: req.method,
    path: logScrub(requestPath(req)),
    status,
    error: {
      name: error.name,
      ...(typeof code === 'string' ? { code } : {}),
      message: logScrub(firstLine.slice(0, MAX_MESSAGE_CHARS)),
      stack: frames,
    },
  }
}
