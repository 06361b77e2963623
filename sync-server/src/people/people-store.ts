/**
 * People (api.md v1.1 "People and roles"): who may sign in and with which role. Server-only (a
 * collection that is never replicated). A person's token is 32 random bytes, shown once when it
 * is issued; only its SHA-256 is stored (the token is high-entropy, so a plain hash suffices).
 * Lookups by token go through an in-memory map keyed by that hash (a map keyed by a hash of the
 * secret gives no timing hint about the secret), kept current from the collection's changes, so
 * a removed person or a replaced token stops working on the very next request.
 *
 * The admin token (`TEAMSLOT_ADMIN_TOKEN` / `<data-dir>/admin-token`) is the owner's bootstrap:
 * it authenticates as {@link BOOTSTRAP_OWNER}, which is not stored and cannot be removed.
 */

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { RxJsonSchema } from 'rxdb'
import type { Subscription } from 'rxjs'
import type { Role } from '../../../core/src/people'
import { BOOTSTRAP_OWNER_ID, roleIsValid } from '../../../core/src/people'
import type { AnyDoc, ServerDatabase } from '../database'

/** Who is signed in: a stored person, or the admin token's bootstrap owner. */
export interface Person {
  readonly id: string
  readonly name: string
  readonly email: string
  readonly role: Role
}

/** A stored person as the admin API lists it (never the token or its hash). */
export interface PersonView extends Person {
  readonly createdAt: string
  readonly updatedAt: string
}

/** The admin token's person: the workspace's first owner. */
export const BOOTSTRAP_OWNER: Person = {
  id: BOOTSTRAP_OWNER_ID,
  name: 'Owner',
  email: '',
  role: 'owner',
}

export const PEOPLE_SCHEMA: RxJsonSchema<AnyDoc> = {
  title: 'people',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 100 },
    name: { type: 'string', maxLength: 200 },
    email: { type: 'string', maxLength: 320 },
    role: { type: 'string', maxLength: 20 },
    /** Hex SHA-256 of the person's token. */
    tokenHash: { type: 'string', maxLength: 64 },
    createdAt: { type: 'string', maxLength: 40 },
    updatedAt: { type: 'string', maxLength: 40 },
  },
  required: ['id', 'name', 'email', 'role', 'tokenHash', 'createdAt', 'updatedAt'],
}

/** A new token: 32 random bytes, url-safe, prefixed so people can tell what it is. */
function newToken(): string {
  return `ts_${randomBytes(32).toString('base64url')}`
}

/** Hex SHA-256 of a token: what is stored and what lookups are keyed by. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

type PersonDoc = PersonView & { readonly tokenHash: string }

function personView(doc: PersonDoc): PersonView {
  const { tokenHash: _hash, ...view } = doc
  return view
}

export class People {
  private readonly byDigest = new Map<string, PersonDoc>()
  private readonly byId = new Map<string, PersonDoc>()
  private readonly subscription: Subscription
  private readonly adminDigest: Buffer

  private constructor(
    private readonly db: ServerDatabase,
    adminToken: string,
    private readonly now: () => number,
  ) {
    this.adminDigest = createHash('sha256').update(adminToken).digest()
    this.subscription = db.people.$.subscribe((event) => {
      const doc = event.documentData as unknown as PersonDoc & { _deleted?: boolean }
      if (event.operation === 'DELETE' || doc._deleted) this.forget(event.documentId)
      else this.remember(doc)
    })
  }

  static async open(db: ServerDatabase, adminToken: string, now: () => number): Promise<People> {
    const people = new People(db, adminToken, now)
    for (const doc of await db.people.find().exec())
      people.remember(doc.toJSON() as unknown as PersonDoc)
    return people
  }

  /** The person a bearer token belongs to (the admin token: the bootstrap owner), or null. */
  authenticate(token: string): Person | null {
    const digest = createHash('sha256').update(token).digest()
    if (timingSafeEqual(digest, this.adminDigest)) return BOOTSTRAP_OWNER
    const doc = this.byDigest.get(digest.toString('hex'))
    return doc ? { id: doc.id, name: doc.name, email: doc.email, role: doc.role } : null
  }

  /** Every stored person, by name. */
  list(): readonly PersonView[] {
    return [...this.byId.values()]
      .map(personView)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  }

  get(id: string): PersonView | undefined {
    const doc = this.byId.get(id)
    return doc ? personView(doc) : undefined
  }

  /** Adds a person; the token is returned here only. */
  async add(input: {
    readonly name: string
    readonly email: string
    readonly role: Role
  }): Promise<{ readonly person: PersonView; readonly token: string }> {
    const token = newToken()
    const at = new Date(this.now()).toISOString()
    const doc: PersonDoc = {
      id: `p-${randomBytes(9)
        .toString('base64url')
        .replace(/[^A-Za-z0-9]/g, 'x')}`,
      name: input.name,
      email: input.email,
      role: input.role,
      tokenHash: tokenDigest(token),
      createdAt: at,
      updatedAt: at,
    }
    await this.db.people.insert({ ...doc })
    this.remember(doc)
    return { person: personView(doc), token }
  }

  /** Changes a person's name, email or role; undefined when there is no such person. */
  async update(
    id: string,
    patch: { readonly name?: string; readonly email?: string; readonly role?: Role },
  ): Promise<{ readonly before: PersonView; readonly after: PersonView } | undefined> {
    const before = this.byId.get(id)
    if (!before) return undefined
    const doc: PersonDoc = {
      ...before,
      ...patch,
      updatedAt: new Date(this.now()).toISOString(),
    }
    await this.db.people.upsert({ ...doc })
    this.remember(doc)
    return { before: personView(before), after: personView(doc) }
  }

  /** A new token for the person; the old one stops working at once. Undefined: no such person. */
  async rotate(
    id: string,
  ): Promise<{ readonly person: PersonView; readonly token: string } | undefined> {
    const before = this.byId.get(id)
    if (!before) return undefined
    const token = newToken()
    const doc: PersonDoc = {
      ...before,
      tokenHash: tokenDigest(token),
      updatedAt: new Date(this.now()).toISOString(),
    }
    await this.db.people.upsert({ ...doc })
    this.remember(doc)
    return { person: personView(doc), token }
  }

  /** Removes a person (their token stops working at once); the removed person, or undefined. */
  async remove(id: string): Promise<PersonView | undefined> {
    const before = this.byId.get(id)
    if (!before) return undefined
    const doc = await this.db.people.findOne(id).exec()
    await doc?.remove()
    this.forget(id)
    return personView(before)
  }

  /** How many stored people hold `role`. */
  countWithRole(role: Role): number {
    return [...this.byId.values()].filter((doc) => doc.role === role).length
  }

  private remember(doc: PersonDoc): void {
    if (!roleIsValid(doc.role)) return
    this.forget(doc.id)
    this.byId.set(doc.id, doc)
    this.byDigest.set(doc.tokenHash, doc)
  }

  private forget(id: string): void {
    const old = this.byId.get(id)
    if (old) this.byDigest.delete(old.tokenHash)
    this.byId.delete(id)
  }

  close(): void {
    this.subscription.unsubscribe()
  }
}
