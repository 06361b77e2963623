/**
 * The setup activity log: who changed which setup record, people or webhooks, when, and which
 * fields. Server-only (never replicated). Written for replicated setup writes, the workspace
 * import, people and webhook changes; read by managers and owners (`GET /api/admin/audit`).
 * Booking changes are not here: each booking's history names who acted.
 */

import { randomBytes } from 'node:crypto'
import type { RxJsonSchema } from 'rxdb'
import type { RecordWriteKind } from '../../../core/src/people'
import type { AnyDoc, ServerDatabase } from '../database'
import type { Person } from './people-store'

/** One change in the log. */
export interface AuditEntry {
  readonly id: string
  /** ISO UTC instant of the change. */
  readonly at: string
  readonly personId: string
  readonly personName: string
  /** A workspace collection (`members`, `pools`, …), `people`, `webhooks` or `workspace`. */
  readonly collection: string
  readonly recordId: string
  /** The record's name or title when it has one (so the log reads without ids). */
  readonly recordName: string | null
  readonly action: RecordWriteKind
  /** Top-level fields the change touched, sorted (empty for a deletion). */
  readonly fields: readonly string[]
}

export const AUDIT_SCHEMA: RxJsonSchema<AnyDoc> = {
  title: 'audit log',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 60 },
    at: { type: 'string', maxLength: 40 },
    personId: { type: 'string', maxLength: 100 },
    personName: { type: 'string', maxLength: 200 },
    /** The entry's `collection` (an RxDB document cannot have a field of that name). */
    area: { type: 'string', maxLength: 40 },
    recordId: { type: 'string', maxLength: 200 },
    recordName: { type: ['string', 'null'] },
    action: { type: 'string', maxLength: 10 },
    fields: { type: 'array', items: { type: 'string' } },
  },
  required: ['id', 'at', 'personId', 'personName', 'area', 'recordId', 'action', 'fields'],
  indexes: [['at', 'id']],
}

/** Most entries one page of the log may have. */
export const AUDIT_PAGE_MAX = 500

/** The name a record goes by in the log: its name, title or slug, if any. */
export function auditRecordName(
  record: Readonly<Record<string, unknown>> | undefined,
): string | null {
  for (const key of ['name', 'title', 'slug', 'url']) {
    const value = record?.[key]
    if (typeof value === 'string' && value.length > 0) return value.slice(0, 200)
  }
  return null
}

export class AuditLog {
  /** Orders entries written at the same instant (ids sort by instant, then this). */
  private sequence = 0

  constructor(
    private readonly db: ServerDatabase,
    private readonly now: () => number,
  ) {}

  /** Appends changes made by `person` (one entry each), all at the same instant. */
  async record(
    person: Person,
    changes: readonly Omit<AuditEntry, 'id' | 'at' | 'personId' | 'personName'>[],
  ): Promise<void> {
    if (changes.length === 0) return
    const at = new Date(this.now()).toISOString()
    const salt = randomBytes(6).toString('hex')
    const docs = changes.map(({ collection, ...change }, i) => ({
      id: `${at}|${String(this.sequence++).padStart(10, '0')}|${salt}|${i}`,
      at,
      personId: person.id,
      personName: person.name,
      area: collection,
      ...change,
      fields: [...change.fields],
    }))
    const result = await this.db.auditlog.bulkInsert(docs)
    if (result.error.length > 0) throw new Error('audit log write failed')
  }

  /** Newest first: at most `limit` entries from before `before` (an ISO instant), if given. */
  async list(options: { readonly limit: number; readonly before?: string }): Promise<AuditEntry[]> {
    const found = await this.db.auditlog
      .find({
        selector: options.before ? { at: { $lt: options.before } } : {},
        sort: [{ at: 'desc' }, { id: 'desc' }],
        limit: options.limit,
      })
      .exec()
    return found.map((doc) => {
      const data = doc.toJSON() as AnyDoc
      return {
        id: data.id,
        at: String(data['at']),
        personId: String(data['personId']),
        personName: String(data['personName']),
        collection: String(data['area']),
        recordId: String(data['recordId']),
        recordName: typeof data['recordName'] === 'string' ? data['recordName'] : null,
        action: data['action'] as RecordWriteKind,
        fields: (data['fields'] as string[]) ?? [],
      }
    })
  }
}
