import type { Response } from 'express'

/** Error codes of the v1 contract (`../shared/docs/api.md`), with their HTTP status. */
export const ERROR_STATUS = {
  'invalid-request': 400,
  unauthorized: 401,
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

/** Writes the contract's error body. */
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
  res.status(ERROR_STATUS[code]).json({ error: { code, message, ...extra } })
}
