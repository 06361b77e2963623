import type { NextFunction, Request, RequestHandler, Response } from 'express'
import type { Action } from '../../../core/src/people'
import { roleAllows, roleRefusalText } from '../../../core/src/people'
import type { People, Person } from '../people/people-store'
import { bearerToken } from './auth'
import { clientAddressKey } from './client-address'
import { sendError } from './errors'
import type { TokenLockout } from './token-lockout'

/** Who the request authenticated as (set by {@link requirePerson}). */
export function personOf(res: Response): Person {
  const person = (res.locals as { person?: Person }).person
  if (!person) throw new Error('route mounted without requirePerson')
  return person
}

/**
 * Express middleware: authenticates `Authorization: Bearer <token>` as a person (the admin token:
 * the bootstrap owner) and keeps them in `res.locals.person`. No token: 401. A wrong (unknown,
 * rotated or revoked) token: 401, counted against the client address; an address locked out by
 * `lockout` gets `429 rate-limited` with `Retry-After` whatever it sends.
 */
export function requirePerson(people: People, lockout: TokenLockout): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const address = clientAddressKey(req)
    const lockedMs = lockout.lockedForMs(address)
    if (lockedMs > 0) {
      const seconds = Math.ceil(lockedMs / 1000)
      res.setHeader('Retry-After', String(seconds))
      sendError(
        res,
        'rate-limited',
        `too many wrong tokens from this address; try again in ${Math.ceil(seconds / 60)} minutes`,
      )
      return
    }
    const token = bearerToken(req.headers['authorization'])
    const person = token === null ? null : people.authenticate(token)
    if (!person) {
      if (token !== null) lockout.failed(address)
      res.setHeader('WWW-Authenticate', 'Bearer')
      sendError(
        res,
        'unauthorized',
        token === null
          ? 'a token is required'
          : 'this token is not valid (unknown, replaced or removed)',
      )
      return
    }
    ;(res.locals as { person?: Person }).person = person
    next()
  }
}

/** Express middleware: `403 forbidden` (nothing done) unless the person's role may do `action`. */
export function may(action: Action): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    const person = personOf(res)
    if (!roleAllows(person.role, action)) {
      sendError(res, 'forbidden', roleRefusalText(person.role, action))
      return
    }
    next()
  }
}
