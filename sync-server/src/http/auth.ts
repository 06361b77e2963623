import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Compares a presented bearer token with the admin token in constant time (both are hashed first so
 * their lengths do not leak either).
 */
export function tokenMatches(presented: string, adminToken: string): boolean {
  const a = createHash('sha256').update(presented).digest()
  const b = createHash('sha256').update(adminToken).digest()
  return timingSafeEqual(a, b)
}

/** Extracts the token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header
  if (!value) return null
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value)
  return match?.[1] ?? null
}
