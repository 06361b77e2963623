import { bookingLedgerRows } from '../../core/src/distribution/pool-ledger'
import type { BookingLedgerRow, LedgerChangeGroup } from '../../core/src/distribution/pool-ledger'
import { bookingHoldsTime } from '../../core/src/model/booking-statuses'
import type { Booking } from '../../core/src/model/workspace'
import type { BookingTallied } from '../../core/src/reports/booking-counts'
import { MAX_EVENT_MINUTES } from '../../core/src/schema/records'
import { documentToRecord } from '../../core/src/schema/workspace-documents'
import { bookingReferenceList } from '../../core/src/validation'
import type { WorkspaceRef } from '../../core/src/validation'
import { getRxStorageSqlite } from './storage'
import type {
  DerivedReader,
  DerivedRow,
  DerivedTable,
  RxStorageSqlite,
  SqliteDriverChoice,
  SqliteValue,
} from './storage'
import type { LedgerSource } from './workspace-mirror'

/**
 * The indexes the server keeps over ALL stored bookings, as derived tables of the `bookings`
 * collection (written by the storage in the same transaction as each booking, so they can never
 * disagree with the bookings, even after kill -9). What each row means comes from core:
 * - `booking_changes`: every seat change (`bookingLedgerRows`) with its booking's meeting end:
 *   pool ledgers and pool events, and the desktops' ledger baseline (changes of bookings that ended
 *   before their window);
 * - `booking_hosts`: each host's meeting span of a time-holding booking: bookings by member/time;
 * - `booking_refs`: every record a booking references (`bookingReferenceList`) and its public
 *   request's idempotency key: deletion checks and replayed requests without reading bookings.
 * - `booking_list`: what the bookings list's search and Reports' counts read of each booking — its
 *   start, status, event type, page, hosts, and its customer's name and e-mail as the search
 *   compares them (`bookingCustomerText`): a customer searched across years of history, or a year
 *   counted, reads these narrow rows instead of every booking's document.
 */

function recordOf(doc: Readonly<Record<string, unknown>>): Booking {
  return documentToRecord(doc as { id: string }) as unknown as Booking
}

const finite = (n: number) => (Number.isFinite(n) ? n : null)

export const BOOKING_DERIVED_TABLES: readonly DerivedTable[] = [
  {
    name: 'booking_changes',
    // 2: `end_ms`, the booking's meeting end (NULL when unreadable: then never "before" a cutoff).
    version: '2',
    columns: {
      seat: 'INTEGER',
      member_id: 'TEXT',
      kind: 'TEXT',
      reason: 'TEXT',
      at_ms: 'REAL',
      pool_id: 'TEXT?',
      panel_id: 'TEXT?',
      end_ms: 'REAL?',
    },
    // The last one covers the start-up load of every pool ledger (`groups`) and a desktop's
    // baseline (`groupsEndedBefore`, hence `end_ms`): read in group order, never sorted.
    indexes: [
      ['pool_id', 'at_ms'],
      ['panel_id'],
      ['member_id', 'kind', 'reason', 'seat', 'pool_id', 'panel_id', 'at_ms', 'end_ms'],
    ],
    rows: (doc) => {
      const booking = recordOf(doc)
      const endMs = finite(Date.parse(booking.end))
      return bookingLedgerRows(booking).flatMap((row): DerivedRow[] => {
        const atMs = finite(row.atMs)
        if (atMs === null) return []
        return [
          {
            seat: row.seat,
            member_id: row.memberId,
            kind: row.kind,
            reason: row.reason,
            at_ms: atMs,
            pool_id: row.poolId,
            panel_id: row.panelId,
            end_ms: endMs,
          },
        ]
      })
    },
  },
  {
    name: 'booking_hosts',
    version: '1',
    columns: { member_id: 'TEXT', start_ms: 'REAL', end_ms: 'REAL' },
    // By member and time only (`memberBookingIds`): nothing reads it by time alone, and an index
    // on `start_ms` cost every booking write a page at a random place (dropped on open).
    indexes: [['member_id', 'start_ms']],
    rows: (doc) => {
      const booking = recordOf(doc)
      if (!bookingHoldsTime(booking)) return []
      const start = finite(Date.parse(booking.start))
      const end = finite(Date.parse(booking.end))
      if (start === null || end === null) return []
      return [...new Set(booking.hostMemberIds)].map((member) => ({
        member_id: member,
        start_ms: start,
        end_ms: end,
      }))
    },
  },
  {
    name: 'booking_refs',
    version: '1',
    columns: { kind: 'TEXT', ref_id: 'TEXT' },
    indexes: [['kind', 'ref_id']],
    rows: (doc) => {
      const seen = new Set<string>()
      const rows: DerivedRow[] = []
      const add = (kind: string, id: string) => {
        const key = `${kind}\n${id}`
        if (seen.has(key)) return
        seen.add(key)
        rows.push({ kind, ref_id: id })
      }
      for (const reference of bookingReferenceList(recordOf(doc))) add(reference.kind, reference.id)
      const key = doc['idempotencyKey']
      if (typeof key === 'string') add(IDEMPOTENCY_KIND, key)
      return rows
    },
  },
  {
    name: 'booking_list',
    version: '1',
    columns: {
      start: 'TEXT',
      customer: 'TEXT',
      status: 'TEXT',
      event_type_id: 'TEXT',
      master_page_id: 'TEXT?',
      hosts: 'TEXT',
    },
    // No index: every read of it is one pass over its narrow rows (~0.1 s at 400,000 bookings),
    // and each booking write costs the row alone.
    indexes: [],
    rows: (doc) => {
      const { start, status, eventTypeId, masterPageId, hostMemberIds } = doc
      if (typeof start !== 'string' || typeof status !== 'string') return []
      if (typeof eventTypeId !== 'string' || !Array.isArray(hostMemberIds)) return []
      return [
        {
          start,
          customer: bookingCustomerText(doc),
          status,
          event_type_id: eventTypeId,
          master_page_id: typeof masterPageId === 'string' ? masterPageId : null,
          hosts: hostsText(hostMemberIds),
        },
      ]
    },
  },
]

/**
 * A booking's customer name and e-mail as core's `bookingMatcher` compares them (lowercased by the
 * same `toLowerCase`), one line each: a query found in it may match the booking (the matcher
 * decides); one not found in it cannot. Never throws (a derived row that throws refuses the write).
 */
export function bookingCustomerText(doc: Readonly<Record<string, unknown>>): string {
  const customer = doc['customer'] as { name?: unknown; email?: unknown } | null | undefined
  const name = typeof customer?.name === 'string' ? customer.name : ''
  const email = typeof customer?.email === 'string' ? customer.email : ''
  return `${name.toLowerCase()}\n${email.toLowerCase()}`
}

/**
 * A booking's host ids as `booking_list` keeps them: each between line breaks ("\nm-1\nm-2\n"),
 * so a host is found with `instr(hosts, '\n' || id || '\n')` (ids hold no line break).
 */
function hostsText(hostMemberIds: readonly unknown[]): string {
  const ids = [...new Set(hostMemberIds.filter((id): id is string => typeof id === 'string'))]
  return `\n${ids.map((id) => `${id}\n`).join('')}`
}

/** The host ids of a `booking_list` row's `hosts`. */
function hostsOf(text: string): string[] {
  return text.split('\n').filter((id) => id !== '')
}

/** The filters of the bookings list's search that the index can apply before the documents. */
export interface BookingListFilter {
  /** Customer name or e-mail contains this (already trimmed and lowercased). */
  readonly customer?: string | undefined
  readonly memberId?: string | undefined
  readonly status?: string | undefined
}

/**
 * True when `query` holds half of a surrogate pair alone: SQLite's text is UTF-8, where such a
 * half is not stored as JavaScript's `includes` sees it; such searches read the documents instead.
 * (A query decoded from a URL never does; a whole character outside the BMP is found as it is.)
 */
export function hasSurrogateHalf(query: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(query)
}

const LEDGER_COLUMNS = 'doc_id, seat, member_id, kind, reason, at_ms, pool_id, panel_id'

function ledgerRowOf(row: Readonly<Record<string, unknown>>): BookingLedgerRow {
  return {
    bookingId: String(row['doc_id']),
    seat: Number(row['seat']),
    memberId: String(row['member_id']),
    kind: row['kind'] === 'received' ? 'received' : 'removed',
    reason: String(row['reason']) as BookingLedgerRow['reason'],
    atMs: Number(row['at_ms']),
    poolId: row['pool_id'] === null ? null : String(row['pool_id']),
    panelId: row['panel_id'] === null ? null : String(row['panel_id']),
  }
}

/** The `booking_refs` kind of a public request's (page-scoped) idempotency key. */
const IDEMPOTENCY_KIND = 'idempotency-key'

/** Queries over the booking index tables. */
export class BookingIndex implements LedgerSource {
  constructor(private readonly reader: DerivedReader) {}

  /**
   * The seat changes of every stored booking whose meeting ended before `beforeMs` (pool or panel
   * bookings; the others count for no pool), grouped as {@link groups} groups them: the baseline a
   * desktop merges with its window. Read from the covering index in group order.
   */
  groupsEndedBefore(beforeMs: number): Iterable<LedgerChangeGroup> {
    return this.groupsWhere(
      'end_ms < ? AND (pool_id IS NOT NULL OR panel_id IS NOT NULL)',
      beforeMs,
    )
  }

  /**
   * Every stored seat change that can count for `poolIds`, grouped per (member, kind, reason,
   * seat, pool, panel) with the instants concatenated by SQLite: a few hundred rows for a whole
   * history instead of one per change, which is what makes the start-up load of pool ledgers cheap.
   */
  groups(poolIds: readonly string[]): Iterable<LedgerChangeGroup> {
    return this.groupsWhere(
      'pool_id IN (SELECT value FROM json_each(?)) OR panel_id IS NOT NULL',
      JSON.stringify(poolIds),
    )
  }

  private *groupsWhere(where: string, value: number | string): Iterable<LedgerChangeGroup> {
    const rows = this.reader.iterate(
      'SELECT member_id, kind, reason, seat, pool_id, panel_id, group_concat(at_ms) AS at_list ' +
        `FROM booking_changes WHERE ${where} ` +
        'GROUP BY member_id, kind, reason, seat, pool_id, panel_id',
      value,
    )
    for (const row of rows) {
      const list = row['at_list']
      yield {
        memberId: String(row['member_id']),
        kind: row['kind'] === 'received' ? 'received' : 'removed',
        reason: String(row['reason']) as LedgerChangeGroup['reason'],
        seat: Number(row['seat']),
        poolId: row['pool_id'] === null ? null : String(row['pool_id']),
        panelId: row['panel_id'] === null ? null : String(row['panel_id']),
        // SQLite writes a REAL with at least 15 significant digits: whole epoch ms (13) read back exactly.
        atMs: typeof list === 'string' && list !== '' ? list.split(',').map(Number) : [],
      }
    }
  }

  /**
   * The seat changes made in `[fromMs, toMs)` that can count for `poolIds` (pool bookings through
   * the `(pool_id, at_ms)` index, panel bookings through `panel_id`): a cycle's events cost that
   * cycle's rows, not the pool's history.
   */
  *rowsIn(poolIds: readonly string[], fromMs: number, toMs: number): Iterable<BookingLedgerRow> {
    const low = Number.isFinite(fromMs) ? fromMs : -Number.MAX_VALUE
    const high = Number.isFinite(toMs) ? toMs : Number.MAX_VALUE
    const rows = this.reader.iterate(
      `SELECT ${LEDGER_COLUMNS} FROM booking_changes ` +
        'WHERE pool_id IN (SELECT value FROM json_each(?)) AND at_ms >= ? AND at_ms < ? ' +
        `UNION ALL SELECT ${LEDGER_COLUMNS} FROM booking_changes ` +
        'WHERE panel_id IS NOT NULL AND at_ms >= ? AND at_ms < ?',
      JSON.stringify(poolIds),
      low,
      high,
      low,
      high,
    )
    for (const row of rows) yield ledgerRowOf(row)
  }

  /** How many stored bookings reference the record (for deletion checks). */
  referenceCount(ref: WorkspaceRef): number {
    const row = this.reader.get(
      'SELECT COUNT(DISTINCT doc_id) AS n FROM booking_refs WHERE kind = ? AND ref_id = ?',
      ref.kind,
      ref.id,
    )
    return Number(row?.['n'] ?? 0)
  }

  /** The booking created by the public request with this (scoped) idempotency key, if any. */
  bookingIdByIdempotencyKey(key: string): string | undefined {
    const row = this.reader.get(
      'SELECT doc_id FROM booking_refs WHERE kind = ? AND ref_id = ? LIMIT 1',
      IDEMPOTENCY_KIND,
      key,
    )
    return row === undefined ? undefined : String(row['doc_id'])
  }

  /**
   * The bookings starting in `[from, below)` (stored start text) that may match `filter`, in
   * (start, id) order after `after` (`order` `desc`: latest first, after `after` in that order),
   * at most `limit`: the list's search's candidates, which core's matcher then decides (a
   * customer as {@link bookingCustomerText} lowercases it; one holding half a surrogate pair is
   * not looked for here). One pass over the narrow rows, the ones let through sorted (SQLite keeps
   * only the first `limit`).
   */
  listCandidates(
    filter: BookingListFilter,
    range: { readonly from: string; readonly below: string },
    after: { readonly key: string; readonly id: string } | null,
    limit: number,
    order: 'asc' | 'desc' = 'asc',
  ): { readonly id: string; readonly start: string }[] {
    const where: string[] = []
    const params: SqliteValue[] = []
    const customer = filter.customer ?? ''
    if (customer !== '' && !hasSurrogateHalf(customer)) {
      where.push('instr(customer, ?) > 0')
      params.push(customer)
    }
    if (filter.status !== undefined) {
      where.push('status = ?')
      params.push(filter.status)
    }
    if (filter.memberId !== undefined) {
      where.push('instr(hosts, ?) > 0')
      params.push(`\n${filter.memberId}\n`)
    }
    const [beyond, direction] = order === 'desc' ? ['<', 'DESC'] : ['>', 'ASC']
    return this.reader
      .all(
        'SELECT doc_id, start FROM booking_list WHERE start >= ? AND start < ? ' +
          (after === null ? '' : `AND (start ${beyond} ? OR (start = ? AND doc_id ${beyond} ?)) `) +
          where.map((w) => `AND ${w} `).join('') +
          `ORDER BY start ${direction}, doc_id ${direction} LIMIT ?`,
        range.from,
        range.below,
        ...(after === null ? [] : [after.key, after.key, after.id]),
        ...params,
        limit,
      )
      .map((row) => ({ id: String(row['doc_id']), start: String(row['start']) }))
  }

  /**
   * What Reports count of the next `limit` bookings starting in `[from, below)` (stored start
   * text), in the table's own order from just after the row `afterRow` (0: from the first):
   * a range counted page by page in one pass over the narrow rows, never reading a booking's
   * document (a year of a large team, 84,498 bookings, in 0.27 s of SQL). `row` says where the
   * next page goes on.
   */
  tallyPage(
    range: { readonly from: string; readonly below: string },
    afterRow: number,
    limit: number,
  ): { readonly row: number; readonly booking: BookingTallied }[] {
    return this.reader
      .all(
        'SELECT rowid, start, status, event_type_id, master_page_id, hosts ' +
          'FROM booking_list WHERE rowid > ? AND start >= ? AND start < ? ' +
          'ORDER BY rowid LIMIT ?',
        afterRow,
        range.from,
        range.below,
        limit,
      )
      .map((row) => ({
        row: Number(row['rowid']),
        booking: {
          start: String(row['start']),
          status: String(row['status']) as Booking['status'],
          eventTypeId: String(row['event_type_id']),
          masterPageId: row['master_page_id'] === null ? null : String(row['master_page_id']),
          hostMemberIds: hostsOf(String(row['hosts'])),
        },
      }))
  }

  /** Ids of the bookings holding time of `memberId` that overlap `[fromMs, toMs)`. */
  memberBookingIds(memberId: string, fromMs: number, toMs: number): string[] {
    // A meeting is at most MAX_EVENT_MINUTES long: only starts that close before `fromMs` overlap.
    return this.reader
      .all(
        'SELECT DISTINCT doc_id FROM booking_hosts WHERE member_id = ? AND start_ms >= ? ' +
          'AND start_ms < ? AND end_ms > ? ORDER BY start_ms, doc_id',
        memberId,
        fromMs - MAX_EVENT_MINUTES * 60_000,
        toMs,
        fromMs,
      )
      .map((row) => String(row['doc_id']))
  }
}

/**
 * The server's storage: the project's SQLite RxStorage in `directory`, keeping the booking index
 * tables (above) in step with the bookings. `onNotice` hears of long one-time upgrades on open.
 */
export function serverStorage(
  directory: string,
  driver?: SqliteDriverChoice,
  onNotice?: (line: string) => void,
): RxStorageSqlite {
  return getRxStorageSqlite({
    directory,
    ...(driver ? { driver } : {}),
    derived: { bookings: BOOKING_DERIVED_TABLES },
    ...(onNotice ? { onNotice } : {}),
  })
}
