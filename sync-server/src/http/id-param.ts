import type { NextFunction, Request, Response } from 'express'
import { idIsValid } from '../../../core/src/model/workspace'
import { sendError } from './errors'

/**
 * A `router.param` handler: a route parameter that is not a valid id (`idIsValid`: the id charset,
 * never `__proto__`, `constructor` and the like) is refused with 400 before the route's handler.
 */
export function refuseInvalidId(
  _req: Request,
  res: Response,
  next: NextFunction,
  value: unknown,
  name: string,
): void {
  if (idIsValid(value)) return next()
  sendError(res, 'invalid-request', `${name}: not a valid id`)
}
