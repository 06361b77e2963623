import type { NextFunction, Request, RequestHandler, Response } from 'express'

/**
 * An Express 4 handler from an async function: a rejection goes to the error middleware (which
 * answers in the contract's error format) instead of becoming an unhandled rejection.
 */
export function asyncRoute(
  handler: (req: Request, res: Response) => Promise<void> | void,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch(next)
  }
}
