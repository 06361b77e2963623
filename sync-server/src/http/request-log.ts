import type { NextFunction, Request, Response } from 'express'

/** Receives one structured log record. */
export type Logger = (record: Readonly<Record<string, unknown>>) => void

/** A logger writing one JSON line per record to stdout. */
export const jsonLineLogger: Logger = (record) => {
  process.stdout.write(JSON.stringify(record) + '\n')
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
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: now() - started,
      })
    })
    next()
  }
}
