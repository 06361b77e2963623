import type { Request } from 'express'
import { ipKeyGenerator } from 'express-rate-limit'

/**
 * The client address limits and lockouts count by: the socket's (or, with `--trust-proxy`, the
 * one the nearest proxy appended), IPv6 by /56 prefix like express-rate-limit.
 */
export function clientAddressKey(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? '')
}
