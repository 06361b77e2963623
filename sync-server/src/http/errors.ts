import type { Response } from 'express'

/** Error codes of the v1 contract (`../shared/docs/api.md`), with their HTTP status. */
export const ERROR_STATUS = {
  'invalid-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'slot-unavailable': 409,
  'member-unavailable': 409,
  'payload-too-large': 413,
  'not-allowed': 422,
  'rate-limited': 429,
  internal: 500,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

/** An error a route throws to answer `{ error: { code, message, ...extra } }`. */
export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Readonly<Record<string, unknown>> = {},
  ) {
    super(message)
  }
}

/** The one body every 5xx answers with: what failed inside stays in the log, never in a response. */
export const INTERNAL_ERROR_BODY = {
  error: { code: 'internal', message: 'internal error' },
} as const

/**
 * Writes the contract's error body. A 5xx always gets {@link INTERNAL_ERROR_BODY}, whatever
 * `message` and `extra` say (log the cause with `serverErrorRecord` instead).
 */
export function sendError(
  res: Response,
  code: ErrorCode,
  message: string,
  extra: Readonly<Record<string, unknown>> = {},
): void {
  if (res.headersSent) {
    res.end()
    return
  }
  const status = ERROR_STATUS[code]
  if (status >= 500) {
    res.status(status).json(INTERNAL_ERROR_BODY)
    return
  }
  res.status(status).json({ error: { code, message, ...extra } })
}
