import type { Subscription } from 'rxjs'
import { filter } from 'rxjs'
import type { Booking, Panel, Pool, Workspace } from '../../core/src/model/workspace'
import type {
  BookingVersions,
  LedgerChangeGroup,
  PoolLedger,
} from '../../core/src/distribution/pool-ledger'
import { poolLedgerApplyMany, poolLedgersFromGroups } from '../../core/src/distribution/pool-ledger'
import { bookingInstants } from '../../core/src/availability/busy'
import { COLLECTION_NAMES } from '../../core/src/schema/collections'
import type { CollectionName } from '../../core/src/schema/collections'
import { SETTINGS_ID } from '../../core/src/schema/records'
import { documentToRecord, recordsToWorkspace } from '../../core/src/schema/workspace-documents'
import type { AnyDoc, ServerDatabase } from './database'
import { ascendingLowerBound } from '../../core/src/time/ascending'

/**
 * Changes the mirror's start order and per-host lists follow one by one while nobody reads them;
 * past that, they are dropped and rebuilt on the next read (cheaper for bulk writes).
 */
const UNREAD_CHANGES_FOLLOWED = 256

/** Days of past meetings kept in memory: a week of workload caps plus buffers, with margin. */
export const WINDOW_PAST_DAYS = 8
const DAY_MS = 86_400_000

/** Where the mirror reads what it does not keep: every booking's seat changes, for ledgers. */
export interface LedgerSource {
  /**
   * Every stored booking's seat changes (rows of `bookingLedgerRows`) that can count for the
   * given pools, grouped per member, kind, reason and seat (see `BookingIndex`).
   */
  groups(poolIds: readonly string[]): Iterable<LedgerChangeGroup>
}

/**
 * What decisions need, in memory, kept current from the collections' change streams (this
 * process is the only writer of its store; change events arrive synchronously with each commit,
 * carrying the previous document, so every change is seen exactly once):
 * - every setup record (members, event types, pages, pools, panels, settings);
 * - the bookings whose meeting ends at or after `now − WINDOW_PAST_DAYS` (every future booking and
 *   the past week): availability, decisions and workload caps never look further back;
 * - each pool's ledger (`PoolLedger`, all history), loaded once from the `LedgerSource` and then
 *   updated booking change by booking change, so pool rankings never replay history.
 * Memory therefore follows the future bookings and the team, not years of history.
 *
 * Documents keep the server's own fields (`manageToken`, `idempotencyKey`, `requestHash`) here;
 * `workspace()` strips them.
 */
export class WorkspaceMirror {
  /** Per collection: id → the stored document and its workspace record (stripped once). */
  private readonly docs = new Map<CollectionName, Map<string, { doc: AnyDoc; record: unknown }>>()
  /** Per collection: the records as an array, rebuilt only after that collection changed. */
  private readonly records = new Map<CollectionName, readonly unknown[]>()
  private readonly subscriptions: Subscription[] = []
  private cached: Workspace | null = null
  /** Bookings by public idempotency key (looked up on every public booking), for the window. */
  private readonly byIdempotencyKey = new Map<string, string>()
  private ledgers: Record<string, PoolLedger> = {}
  /**
   * The window's bookings ordered by start, then id: the workspace's `bookings`, an array handed
   * to readers and never changed once handed out. Changes are collected in
   * {@link sortedPending} and applied on the next read in one merge (a new array): a group
   * commit's batch of bookings costs one copy of the window, not one per booking. A long run of
   * changes nobody read in between (a bulk write, the start-up load: over
   * {@link UNREAD_CHANGES_FOLLOWED}) just drops it, and the next read sorts once.
   */
  private sortedCache: readonly Booking[] | null = []
  /** Changes to the start order since it was last read: per booking, +1 in or -1 out. */
  private readonly sortedPending = new Map<Booking, number>()
  /**
   * The window's bookings per host, each list ordered by start then id (a panel booking is in
   * every host's list). Built from the start order on first read, then kept up to date in place
   * one change at a time (readers get slices, never the lists); dropped like the start order.
   */
  private byHostCache: Map<string, HostBookings> | null = null
  private byHostUnread = 0
  private longest = 0
  private cutoffMs: number

  private constructor(
    private readonly db: ServerDatabase,
    private readonly source: LedgerSource,
    nowMs: number,
  ) {
    for (const name of COLLECTION_NAMES) this.docs.set(name, new Map())
    this.cutoffMs = nowMs - WINDOW_PAST_DAYS * DAY_MS
  }

  /** Loads the setup, the booking window and the ledgers, and follows the change streams. */
  static async open(
    db: ServerDatabase,
    source: LedgerSource,
    nowMs: number,
  ): Promise<WorkspaceMirror> {
    const mirror = new WorkspaceMirror(db, source, nowMs)
    for (const name of COLLECTION_NAMES) {
      // A bulk write's events together (what `db[name].$` emits one by one), so the ledgers copy
      // a member's history once per bulk, not once per booking of it.
      mirror.subscriptions.push(
        db.eventBulks$.pipe(filter((bulk) => bulk.collectionName === name)).subscribe((bulk) => {
          const bookingChanges: BookingVersions[] = []
          for (const event of bulk.events) {
            const previous = (event.previousDocumentData ?? null) as AnyDoc | null
            if (event.operation === 'DELETE') {
              mirror.removed(name, event.documentId, previous, bookingChanges)
            } else {
              const doc = event.documentData as unknown as AnyDoc
              mirror.changed(name, doc, previous, bookingChanges)
            }
          }
          if (bookingChanges.length > 0) mirror.ledgersFollow(bookingChanges)
        }),
      )
      const found =
        name === 'bookings'
          ? await db.bookings
              .find({ selector: { end: { $gte: new Date(mirror.cutoffMs).toISOString() } } })
              .exec()
          : await db[name].find().exec()
      for (const doc of found) mirror.put(name, doc.toJSON() as AnyDoc)
    }
    mirror.ledgersRebuild(mirror.workspace().pools.map((pool) => pool.id))
    return mirror
  }

  /** Keeps a changed document; a booking's change is added to `bookingChanges` for the ledgers. */
  private changed(
    name: CollectionName,
    doc: AnyDoc,
    previous: AnyDoc | null,
    bookingChanges: BookingVersions[],
  ): void {
    if ((doc as { _deleted?: boolean })._deleted) {
      return this.removed(name, doc.id, previous, bookingChanges)
    }
    const poolsBefore = name === 'pools' || name === 'panels' ? this.workspace() : null
    this.put(name, doc)
    if (name === 'bookings') bookingChanges.push(bookingChangeOf(previous, doc))
    if (poolsBefore) this.ledgersAfterSetupChange(poolsBefore)
  }

  /** Forgets a removed document; a booking's removal is added to `bookingChanges`. */
  private removed(
    name: CollectionName,
    id: string,
    previous: AnyDoc | null,
    bookingChanges: BookingVersions[],
  ): void {
    const poolsBefore = name === 'pools' || name === 'panels' ? this.workspace() : null
    if (name === 'bookings') {
      this.unindexBooking(id)
      this.unsortBooking(id)
    }
    this.docs.get(name)?.delete(id)
    this.invalidate(name)
    if (name === 'bookings') bookingChanges.push(bookingChangeOf(previous, null))
    if (poolsBefore) this.ledgersAfterSetupChange(poolsBefore)
  }

  /** Keeps a document (a booking only while it is in the window). */
  private put(name: CollectionName, doc: AnyDoc): void {
    if (name !== 'bookings') {
      this.docs.get(name)?.set(doc.id, { doc, record: documentToRecord(doc) })
      this.invalidate(name)
      return
    }
    this.unindexBooking(doc.id)
    const kept = this.docs.get('bookings')?.get(doc.id)?.record as Booking | undefined
    if (!this.isInWindow(doc)) {
      if (kept) {
        this.sortedChange(kept, false)
        this.byHostChange(kept, false)
        this.docs.get('bookings')?.delete(doc.id)
        this.invalidate('bookings')
      }
      return
    }
    const booking = documentToRecord(doc) as unknown as Booking
    this.docs.get('bookings')?.set(doc.id, { doc, record: booking })
    const key = doc['idempotencyKey']
    if (typeof key === 'string') this.byIdempotencyKey.set(key, doc.id)
    const { startMs, endMs } = bookingInstants(booking)
    this.longest = Math.max(this.longest, endMs - startMs)
    // The old version out of the start order and the new one in, merged on the next read.
    if (kept) this.sortedChange(kept, false)
    this.sortedChange(booking, true)
    if (kept) this.byHostChange(kept, false)
    this.byHostChange(booking, true)
    this.invalidate('bookings')
  }

  /** Adds a booking to (or takes it out of) its hosts' lists, or drops them when unread. */
  private byHostChange(booking: Booking, isAdded: boolean): void {
    this.byHostUnread++
    if (this.byHostUnread > UNREAD_CHANGES_FOLLOWED) this.byHostCache = null
    const byHost = this.byHostCache
    if (byHost === null) return
    for (const host of new Set(booking.hostMemberIds)) {
      let list = byHost.get(host)
      if (list === undefined) byHost.set(host, (list = { bookings: [], startsMs: [] }))
      const at = sortedIndex(list.bookings, booking)
      if (isAdded) {
        list.bookings.splice(at, 0, booking)
        list.startsMs.splice(at, 0, bookingInstants(booking).startMs)
      } else if (list.bookings[at]?.id === booking.id) {
        list.bookings.splice(at, 1)
        list.startsMs.splice(at, 1)
      }
    }
  }

  /**
   * At least as long as every booking in the window (ms): the longest one kept since the mirror
   * opened (a booking starting this long before an instant can still reach it).
   */
  get longestBookingMs(): number {
    return this.longest
  }

  /**
   * The window's bookings hosted by `memberId` whose meeting starts in `[fromMs, toMs)`, ordered
   * by start then id (binary search in the member's own list; a new array).
   */
  memberBookingsStartingBetween(
    memberId: string,
    fromMs: number,
    toMs: number,
  ): readonly Booking[] {
    if (this.byHostCache === null) {
      const byHost = new Map<string, HostBookings>()
      for (const booking of this.bookingsSorted) {
        const { startMs } = bookingInstants(booking)
        for (const host of new Set(booking.hostMemberIds)) {
          const list = byHost.get(host)
          if (list === undefined) byHost.set(host, { bookings: [booking], startsMs: [startMs] })
          else {
            list.bookings.push(booking)
            list.startsMs.push(startMs)
          }
        }
      }
      this.byHostCache = byHost
    }
    this.byHostUnread = 0
    const list = this.byHostCache.get(memberId)
    if (list === undefined) return []
    const { bookings, startsMs } = list
    return bookings.slice(
      ascendingLowerBound(startsMs, fromMs),
      ascendingLowerBound(startsMs, toMs),
    )
  }

  /**
   * Notes a booking into (or out of) the start order, for the next read to apply; drops the
   * order after a long run of unread changes.
   */
  private sortedChange(booking: Booking, isAdded: boolean): void {
    if (this.sortedCache === null) return
    const net = (this.sortedPending.get(booking) ?? 0) + (isAdded ? 1 : -1)
    if (net === 0) this.sortedPending.delete(booking)
    else this.sortedPending.set(booking, net)
    if (this.sortedPending.size > UNREAD_CHANGES_FOLLOWED) {
      this.sortedCache = null
      this.sortedPending.clear()
    }
  }

  /** The window's bookings ordered by start, then id. */
  private get bookingsSorted(): readonly Booking[] {
    if (this.sortedCache === null) {
      const records = [...(this.docs.get('bookings')?.values() ?? [])].map(
        (entry) => entry.record as Booking,
      )
      this.sortedCache = records.sort(bookingOrder)
    } else if (this.sortedPending.size > 0) {
      this.sortedCache = sortedMerge(this.sortedCache, this.sortedPending)
    }
    this.sortedPending.clear()
    return this.sortedCache
  }

  /** Takes a kept booking out of the start order (no-op when it is not kept). */
  private unsortBooking(id: string): void {
    const kept = this.docs.get('bookings')?.get(id)?.record as Booking | undefined
    if (!kept) return
    this.sortedChange(kept, false)
    this.byHostChange(kept, false)
  }

  /**
   * The window's bookings whose meeting starts in `[fromMs, toMs)`, ordered by start then id
   * (binary search; a new array).
   */
  bookingsStartingBetween(fromMs: number, toMs: number): readonly Booking[] {
    const list = this.bookingsSorted
    return list.slice(startIndex(list, fromMs), startIndex(list, toMs))
  }

  private isInWindow(doc: AnyDoc): boolean {
    return Date.parse(String(doc['end'])) >= this.cutoffMs
  }

  private unindexBooking(id: string): void {
    const key = this.get('bookings', id)?.['idempotencyKey']
    if (typeof key === 'string' && this.byIdempotencyKey.get(key) === id) {
      this.byIdempotencyKey.delete(key)
    }
  }

  /**
   * Applies bookings' changes (one bulk write's, in order) to the ledgers of every pool they can
   * count for: each pool's ledger once, with all of its changes (`poolLedgerApplyMany`).
   */
  private ledgersFollow(changes: readonly BookingVersions[]): void {
    // Pools and panels only, not `workspace()`: inside a bulk write that would sort the booking
    // window again after every booking of it.
    const pools = this.recordsOf('pools') as readonly Pool[]
    const panels = this.recordsOf('panels') as readonly Panel[]
    const byPool = new Map<string, BookingVersions[]>()
    for (const change of changes) {
      const poolIds = new Set<string>()
      for (const booking of [change.before, change.after]) {
        if (!booking) continue
        if (booking.poolId) poolIds.add(booking.poolId)
        const panel = booking.panelId ? panels.find((p) => p.id === booking.panelId) : undefined
        for (const seat of panel?.seats ?? []) if ('poolId' in seat) poolIds.add(seat.poolId)
      }
      for (const poolId of poolIds) {
        const list = byPool.get(poolId)
        if (list) list.push(change)
        else byPool.set(poolId, [change])
      }
    }
    for (const [poolId, poolChanges] of byPool) {
      const pool = pools.find((p) => p.id === poolId)
      const ledger = this.ledgers[poolId]
      if (!pool || !ledger) continue
      this.ledgers = {
        ...this.ledgers,
        [poolId]: poolLedgerApplyMany(ledger, pool, panels, poolChanges),
      }
    }
  }

  /**
   * After a pool or panel changed: ledgers of new pools, and of pools whose panel seats changed
   * (panel bookings count by the panel's current seats), are rebuilt from the source.
   */
  private ledgersAfterSetupChange(before: Workspace): void {
    const after = this.workspace()
    const stale = new Set<string>()
    for (const pool of after.pools) if (!this.ledgers[pool.id]) stale.add(pool.id)
    const seatsOf = (panels: readonly Panel[]) =>
      new Map(panels.map((panel) => [panel.id, JSON.stringify(panel.seats)]))
    const seatsBefore = seatsOf(before.panels)
    const seatsAfter = seatsOf(after.panels)
    for (const panel of [...before.panels, ...after.panels]) {
      if (seatsBefore.get(panel.id) === seatsAfter.get(panel.id)) continue
      for (const seat of panel.seats) if ('poolId' in seat) stale.add(seat.poolId)
    }
    const known = new Set(after.pools.map((pool) => pool.id))
    const kept: Record<string, PoolLedger> = {}
    for (const [id, ledger] of Object.entries(this.ledgers)) if (known.has(id)) kept[id] = ledger
    this.ledgers = kept
    if (stale.size > 0) this.ledgersRebuild([...stale].filter((id) => known.has(id)))
  }

  /** Rebuilds the ledgers of `poolIds` from every stored booking's seat changes. */
  private ledgersRebuild(poolIds: readonly string[]): void {
    if (poolIds.length === 0) return
    const rebuilt = poolLedgersFromGroups(
      poolIds,
      this.source.groups(poolIds),
      this.workspace().panels,
    )
    this.ledgers = { ...this.ledgers, ...rebuilt }
  }

  /** Each pool's ledger (all history), by pool id: a new object after every change. */
  poolLedgers(): Readonly<Record<string, PoolLedger>> {
    return this.ledgers
  }

  /**
   * Moves the window's start to `nowMs − WINDOW_PAST_DAYS` and lets go of the bookings that
   * ended before it (they stay in the store; nothing a decision reads is dropped).
   */
  windowAdvance(nowMs: number): number {
    this.cutoffMs = nowMs - WINDOW_PAST_DAYS * DAY_MS
    let dropped = 0
    for (const { doc, record } of [...(this.docs.get('bookings')?.values() ?? [])]) {
      if (this.isInWindow(doc)) continue
      this.unindexBooking(doc.id)
      this.docs.get('bookings')?.delete(doc.id)
      this.sortedChange(record as Booking, false)
      dropped++
    }
    if (dropped > 0) {
      this.byHostCache = null
      this.invalidate('bookings')
    }
    return dropped
  }

  /** The instant the booking window starts at (epoch ms). */
  get windowStartMs(): number {
    return this.cutoffMs
  }

  /** The booking in the window created by the public request with this (scoped) idempotency key. */
  bookingByIdempotencyKey(key: string): AnyDoc | undefined {
    const id = this.byIdempotencyKey.get(key)
    return id === undefined ? undefined : this.get('bookings', id)
  }

  private invalidate(name: CollectionName): void {
    this.records.delete(name)
    this.cached = null
  }

  /** One kept document with its server fields (bookings: only inside the window), or undefined. */
  get(name: CollectionName, id: string): AnyDoc | undefined {
    return this.docs.get(name)?.get(id)?.doc
  }

  /** Every kept document of a collection (bookings: the window). */
  all(name: CollectionName): readonly AnyDoc[] {
    return [...(this.docs.get(name)?.values() ?? [])].map((entry) => entry.doc)
  }

  /**
   * The current workspace: every setup record, the bookings of the window (records without
   * storage-only fields), cached until the next change.
   */
  workspace(): Workspace {
    if (this.cached) return this.cached
    const settings = this.docs.get('settings')?.get(SETTINGS_ID)?.record ?? null
    this.cached = recordsToWorkspace(settings as Record<string, unknown> | null, (name) =>
      name === 'bookings' ? this.bookingsSorted : this.recordsOf(name),
    )
    return this.cached
  }

  /** A setup collection's records as an array, rebuilt only after that collection changed. */
  private recordsOf(name: CollectionName): readonly unknown[] {
    let records = this.records.get(name)
    if (!records) {
      records = [...(this.docs.get(name)?.values() ?? [])].map((entry) => entry.record)
      this.records.set(name, records)
    }
    return records
  }

  close(): void {
    this.subscriptions.forEach((s) => s.unsubscribe())
  }

  /** The database this mirror follows. */
  get database(): ServerDatabase {
    return this.db
  }
}

/**
 * One host's bookings in the window, ordered by start then id, and their start instants (epoch
 * ms) in the same order: a range is two binary searches over plain numbers.
 */
interface HostBookings {
  readonly bookings: Booking[]
  readonly startsMs: number[]
}

/** Start instant, then id. */
function bookingOrder(a: Booking, b: Booking): number {
  const byStart = bookingInstants(a).startMs - bookingInstants(b).startMs
  return byStart !== 0 ? byStart : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Where `booking` is (or would go) in `list`, ordered by start instant then id. */
function sortedIndex(list: readonly Booking[], booking: Booking): number {
  const { startMs } = bookingInstants(booking)
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const other = list[mid]!
    const otherMs = bookingInstants(other).startMs
    if (otherMs < startMs || (otherMs === startMs && other.id < booking.id)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * `list` (ordered by start, then id) with the bookings of `changes` whose count is positive
 * merged in and those whose count is negative left out (by identity), as a new array: each
 * change found by binary search, the rest copied in slices.
 */
function sortedMerge(
  list: readonly Booking[],
  changes: ReadonlyMap<Booking, number>,
): readonly Booking[] {
  const added: Booking[] = []
  const removals: number[] = []
  for (const [booking, net] of changes) {
    if (net > 0) {
      added.push(booking)
      continue
    }
    const at = sortedIndex(list, booking)
    if (list[at] === booking) removals.push(at)
  }
  added.sort(bookingOrder)
  removals.sort((a, b) => a - b)
  // Where each added booking goes among the old ones (ascending, as `added` is sorted).
  const inserts = added.map((booking) => sortedIndex(list, booking))
  const parts: Booking[][] = []
  let from = 0
  let [nextAdded, nextRemoval] = [0, 0]
  while (nextAdded < added.length || nextRemoval < removals.length) {
    const insertAt = inserts[nextAdded] ?? Infinity
    const removeAt = removals[nextRemoval] ?? Infinity
    if (insertAt <= removeAt) {
      parts.push(list.slice(from, insertAt), [added[nextAdded++]!])
      from = insertAt
    } else {
      parts.push(list.slice(from, removeAt))
      from = removeAt + 1
      nextRemoval++
    }
  }
  parts.push(list.slice(from))
  return ([] as Booking[]).concat(...parts)
}

/** The first index of `list` (ordered by start) whose start is at or after `ms`. */
function startIndex(list: readonly Booking[], ms: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (bookingInstants(list[mid]!).startMs < ms) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** A booking document's change as the ledgers take it (a deleted previous version is none). */
function bookingChangeOf(previous: AnyDoc | null, next: AnyDoc | null): BookingVersions {
  return {
    before: previous && !previous['_deleted'] ? bookingOf(previous) : null,
    after: next ? bookingOf(next) : null,
  }
}

function bookingOf(doc: AnyDoc): Booking {
  return documentToRecord(doc) as unknown as Booking
}
