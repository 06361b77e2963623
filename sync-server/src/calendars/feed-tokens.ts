/**
 * Members' calendar feed tokens (issue 11): the secret part of `/feeds/<token>.ics`. Server-only
 * (a collection that is never replicated), one document per member (`id` = member id); rotating
 * replaces the token, so the old address answers 404 at once. Lookups by token are served from
 * memory by the token's SHA-256 (a map keyed by a hash of the secret gives no timing hint about
 * the secret itself), kept current from the collection's changes.
 */

import { createHash, randomBytes } from 'node:crypto'
import type { Subscription } from 'rxjs'
import type { AnyDoc, ServerDatabase } from '../database'

/** The collection's schema (server-only, version 0). */
export const CALENDAR_FEEDS_SCHEMA = {
  title: 'calendar feed tokens',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 100 },
    token: { type: 'string', maxLength: 100 },
    updatedAt: { type: 'string', maxLength: 40 },
  },
  required: ['id', 'token'],
} as const

/** 32 random bytes, url-safe: the feed address is the only key to the member's bookings. */
function newToken(): string {
  return randomBytes(32).toString('base64url')
}

const digest = (token: string): string => createHash('sha256').update(token).digest('hex')

export class FeedTokens {
  private readonly byMember = new Map<string, string>()
  private readonly byDigest = new Map<string, string>()
  private readonly subscription: Subscription

  private constructor(
    private readonly db: ServerDatabase,
    private readonly now: () => number,
  ) {
    this.subscription = db.calendarfeeds.$.subscribe((event) => {
      const doc = event.documentData as unknown as AnyDoc
      if (event.operation === 'DELETE' || (doc as { _deleted?: boolean })._deleted) {
        this.forget(event.documentId)
      } else this.remember(doc.id, String(doc['token']))
    })
  }

  static async open(db: ServerDatabase, now: () => number): Promise<FeedTokens> {
    const tokens = new FeedTokens(db, now)
    for (const doc of await db.calendarfeeds.find().exec()) {
      const data = doc.toJSON() as AnyDoc
      tokens.remember(data.id, String(data['token']))
    }
    return tokens
  }

  /** The member's token, issued on first use. */
  async tokenOf(memberId: string): Promise<string> {
    const known = this.byMember.get(memberId)
    if (known !== undefined) return known
    return this.rotate(memberId)
  }

  /** A new token for the member; the old one stops working at once. */
  async rotate(memberId: string): Promise<string> {
    const token = newToken()
    await this.db.calendarfeeds.upsert({
      id: memberId,
      token,
      updatedAt: new Date(this.now()).toISOString(),
    })
    this.remember(memberId, token)
    return token
  }

  /** The member whose token this is, or undefined. */
  memberOf(token: string): string | undefined {
    return this.byDigest.get(digest(token))
  }

  private remember(memberId: string, token: string): void {
    this.forget(memberId)
    this.byMember.set(memberId, token)
    this.byDigest.set(digest(token), memberId)
  }

  private forget(memberId: string): void {
    const old = this.byMember.get(memberId)
    if (old !== undefined) this.byDigest.delete(digest(old))
    this.byMember.delete(memberId)
  }

  close(): void {
    this.subscription.unsubscribe()
  }
}
