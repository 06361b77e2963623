import { randomBytes, randomFillSync } from 'node:crypto'
import type { Booking, MasterPage, Workspace } from '../../core/src/model/workspace'
import {
  bookingDecide,
  cancelDecide,
  completedDue,
  noShowDecide,
  pageAvailabilityCost,
  pageAvailabilitySteps,
  reassignDecide,
  rescheduleAvailabilityCost,
  rescheduleAvailabilitySteps,
  rescheduleDecide,
} from '../../core/src/booking'
import type {
  BookingChange,
  BookingDecision,
  BookingRequest,
  DecisionState,
  PageAvailabilityQuery,
  PageAvailabilityResult,
} from '../../core/src/booking/booking-types'
import type { Steps } from '../../core/src/availability/steps'
import { poolLedgerApplyMany } from '../../core/src/distribution/pool-ledger'
import {
  BOOKINGS_NEAR_REACH_MS,
  capCountStarts,
  windowBusyStarts,
} from '../../core/src/booking/bookings-near'
import { MAX_EVENT_MINUTES } from '../../core/src/schema/records'
import { documentToRecord } from '../../core/src/schema/workspace-documents'
import { bookingIdCompose } from '../../core/src/model/booking-id'
import { bookingConflicts } from '../../core/src/conflicts/booking-conflicts'
import type { BookingConflict } from '../../core/src/conflicts/booking-conflicts'
import { conflictResolveDecide } from '../../core/src/conflicts/conflict-resolve'
import type { Clock } from './app'
import type { AnyDoc, ServerDatabase } from './database'
import { tokenMatches } from './http/auth'
import { bookingRequestHash } from './booking-request-hash'
import { SerialQueue } from './serial-queue'
import type { WorkspaceMirror } from './workspace-mirror'
import type { BookingIndex } from './booking-index'
import { type BusyTimes, busyTimesWithin } from '../../core/src/availability/busy-times'
import { bookingInstants } from '../../core/src/availability/busy'
import { eventLoopTurn } from './event-loop-turn'

/** Ended bookings marked completed per write by the upkeep. */
const COMPLETE_CHUNK = 100

/** A stored booking: the record plus the server's own fields (`BOOKING_SERVER_FIELDS`). */
export type BookingDoc = Booking & {
  readonly manageToken: string | null
  readonly idempotencyKey: string | null
  /** `bookingRequestHash` of the public request that created it (with `idempotencyKey`). */
  readonly requestHash?: string | null
  readonly updatedAt: string
}

export type Outcome<T> =
  | { readonly ok: true; readonly value: T; readonly replayed?: boolean }
  | {
      readonly ok: false
      readonly reason: string
      readonly message: string
      readonly extra?: Readonly<Record<string, unknown>>
    }

/**
 * Bytes from the CSPRNG, fetched 4 KB at a time and each handed out once (as Node's `randomUUID`
 * does): one call into OpenSSL per ~130 bookings instead of two per booking (~13 µs each in a
 * rush profile).
 */
const RANDOM_POOL = Buffer.alloc(4096)
let randomPoolAt = RANDOM_POOL.length

/** Random url-safe secrets and ids (charset within ID_PATTERN). */
function randomId(prefix: string, bytes: number): string {
  if (bytes > RANDOM_POOL.length) return `${prefix}${randomBytes(bytes).toString('base64url')}`
  if (randomPoolAt + bytes > RANDOM_POOL.length) {
    randomFillSync(RANDOM_POOL)
    randomPoolAt = 0
  }
  const random = RANDOM_POOL.toString('base64url', randomPoolAt, randomPoolAt + bytes)
  randomPoolAt += bytes
  return `${prefix}${random}`
}

/**
 * A new booking's id: in creation order by this machine's real clock (not the injectable one
 * decisions use), so the store adds it at the end of its indexes (core's `bookingIdCompose`).
 */
function bookingIdNew(): string {
  return bookingIdCompose(Date.now(), randomId('', 6))
}

/** The longest meeting: a booking starting this long before a span can still reach into it. */
const MAX_EVENT_MS = MAX_EVENT_MINUTES * 60_000

/**
 * The instants within core's busy/workload reach of `near` (`BOOKINGS_NEAR_REACH_MS`, and a
 * longest meeting more before it): whatever starts outside cannot matter to starts in `near`.
 */
function reachOf(near: { readonly fromMs: number; readonly toMs: number }): [number, number] {
  return [near.fromMs - BOOKINGS_NEAR_REACH_MS - MAX_EVENT_MS, near.toMs + BOOKINGS_NEAR_REACH_MS]
}

/**
 * Core's `capCountStarts` for `near`, or — should the member's zone be one this server's time zone
 * data does not know (stored records are validated, but ICU data differs between machines) —
 * everything within core's busy/workload reach ({@link reachOf}), so one member's zone fails only
 * the decisions that member takes part in, as before the narrower slice.
 */
function capCountsOf(
  member: Workspace['members'][number],
  near: { readonly fromMs: number; readonly toMs: number },
): readonly [number, number] | null {
  try {
    return capCountStarts(member, near.fromMs, near.toMs)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return reachOf(near)
  }
}

/** Records of stored documents, converted once per document object. */
const RECORDS = new WeakMap<BookingDoc, Booking>()
function recordOf(doc: BookingDoc): Booking {
  let record = RECORDS.get(doc)
  if (record === undefined) {
    record = documentToRecord(doc) as unknown as Booking
    RECORDS.set(doc, record)
  }
  return record
}

/**
 * Every booking write of the server: public bookings, cancellations, reschedules, reassignments,
 * no-shows, automatic completion, and replicated desktop pushes of bookings — all through ONE
 * serial queue over the in-memory workspace mirror, so two requests competing for a member's time
 * never both see it free. Decisions are core's; this class loads state, calls them, writes.
 */
export class BookingService {
  private readonly queue = new SerialQueue()
  /**
   * New bookings decided but not yet committed, in decision order: the batch waiting to be
   * written and the batch being written. Decisions see them until the store has them.
   */
  private unsettled: BookingDoc[] = []
  /** The batch waiting to be written: its bookings and their answers' resolvers. */
  private batch: { doc: BookingDoc; resolve: () => void; reject: (error: unknown) => void }[] = []
  /** Every batch write not yet finished (the last one resolves after all earlier ones). */
  private flushing: Promise<void> | null = null
  private overlay: {
    readonly key: Workspace
    readonly ledgers: DecisionState['poolLedgers']
    readonly unsettled: readonly BookingDoc[]
    readonly records: readonly Booking[]
    readonly poolLedgers: DecisionState['poolLedgers']
  } | null = null
  /** Batches and bookings committed by group commit since start (for benchmarks and tests). */
  private committed = { batches: 0, bookings: 0 }

  constructor(
    private readonly db: ServerDatabase,
    private readonly mirror: WorkspaceMirror,
    private readonly clock: Clock,
    /** The booking index over all history (absent: only the window is searched). */
    private readonly index?: BookingIndex,
    /** Members' busy time from their own calendars (absent: none). */
    private readonly busyTimes?: () => BusyTimes,
  ) {}

  /**
   * Resolves once every booking write queued so far has settled, committed batches included
   * (before closing the store).
   */
  async settled(): Promise<void> {
    await this.queue.idle()
    await this.batchesWritten()
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString()
  }

  /**
   * What decisions read: the mirror's workspace (setup and the booking window) and pool ledgers,
   * plus the bookings of the current batch that are decided but not yet committed, so the next
   * decision in the queue already sees them. With `near` (the starts of `eventTypeId` a decision
   * or an availability answer is about: one start, or a window of them), only the bookings that
   * can matter to those starts are included ({@link bookingsNear}), found by binary search in the
   * window: a decision's cost follows the days it looks at, not the bookings the team has.
   * Members' calendar busy time is sliced by core's busy/workload reach (binary search per member).
   */
  private state(
    near?: { readonly fromMs: number; readonly toMs: number },
    eventTypeId?: string,
  ): DecisionState {
    const ws = this.mirror.workspace()
    const { records, poolLedgers } = this.unsettledOverlay(ws)
    const bookings = near ? this.bookingsNear(ws, near, eventTypeId) : ws.bookings
    const busy = this.busyTimes?.() ?? {}
    return {
      ...ws,
      bookings: records.length === 0 ? bookings : [...bookings, ...records],
      poolLedgers,
      busy: near ? busyTimesWithin(busy, ...reachOf(near)) : busy,
    }
  }

  /**
   * The window's bookings that can matter to starts of `eventType` in `[near.fromMs, near.toMs]`:
   * every member's bookings whose busy time can touch such a meeting (core's `windowBusyStarts`:
   * the hours around the starts), and capped members' own bookings on the days their caps count
   * (`capCountStarts`: the member's local days, or local weeks, of those starts; the mirror's
   * per-host lists). So a decision reads the bookings near its meeting, not two weeks of the
   * whole team. For an unknown event type (refused anyway), every booking within core's
   * busy/workload reach.
   */
  private bookingsNear(
    ws: Workspace,
    near: { readonly fromMs: number; readonly toMs: number },
    eventTypeId?: string,
  ): readonly Booking[] {
    const eventType = ws.eventTypes.find((type) => type.id === eventTypeId)
    if (!eventType) return this.mirror.bookingsStartingBetween(...reachOf(near))
    const [busyFrom, busyTo] = windowBusyStarts(
      near.fromMs,
      near.toMs,
      eventType,
      ws.eventTypes,
      this.mirror.longestBookingMs,
    )
    const busy = this.mirror.bookingsStartingBetween(busyFrom, busyTo)
    let bookings: Booking[] | null = null
    // A capped member's bookings starting outside the busy reach; a panel booking once.
    const panelKept = new Set<Booking>()
    for (const member of ws.members) {
      const counted = capCountsOf(member, near)
      if (counted === null) continue
      bookings ??= [...busy]
      const [capFrom, capTo] = counted
      // The member's bookings before and after the busy reach (those within it are in already).
      for (const [from, to] of [
        [capFrom, Math.min(capTo, busyFrom)],
        [Math.max(capFrom, busyTo), capTo],
      ] as const) {
        if (from >= to) continue
        for (const booking of this.mirror.memberBookingsStartingBetween(member.id, from, to)) {
          if (booking.hostMemberIds.length > 1) {
            if (panelKept.has(booking)) continue
            panelKept.add(booking)
          }
          bookings.push(booking)
        }
      }
    }
    return bookings ?? busy
  }

  /** The decision state of this moment, busy time included (admin reads such as candidates). */
  decisionState(): DecisionState {
    return this.state()
  }

  /** The not-yet-committed bookings (not in the mirror yet) and the ledgers with them counted. */
  private unsettledOverlay(ws: Workspace): {
    readonly records: readonly Booking[]
    readonly poolLedgers: DecisionState['poolLedgers']
  } {
    const ledgers = this.mirror.poolLedgers()
    if (this.unsettled.length === 0) return { records: [], poolLedgers: ledgers }
    const cached = this.overlay
    const isSameBase = cached !== null && cached.key === ws && cached.ledgers === ledgers
    if (isSameBase && cached.unsettled === this.unsettled) return cached
    // Decisions in a batch only append: count just the new ones on top of the previous overlay.
    const isAppended =
      isSameBase &&
      cached.unsettled.length <= this.unsettled.length &&
      cached.unsettled.every((doc, i) => this.unsettled[i] === doc)
    const fresh = isAppended ? this.unsettled.slice(cached.unsettled.length) : this.unsettled
    let poolLedgers = isAppended ? cached.poolLedgers : ledgers
    // Bookings the store already committed are in the mirror (and its ledgers) already.
    const added = fresh.filter((doc) => !this.mirror.get('bookings', doc.id)).map(recordOf)
    const records = isAppended ? [...cached.records, ...added] : added
    const changes = added.map((after) => ({ before: null, after }))
    for (const pool of ws.pools) {
      const ledger = poolLedgers?.[pool.id]
      if (!ledger) continue
      const next = poolLedgerApplyMany(ledger, pool, ws.panels, changes)
      if (next !== ledger) poolLedgers = { ...poolLedgers, [pool.id]: next }
    }
    this.overlay = { key: ws, ledgers, unsettled: this.unsettled, records, poolLedgers }
    return this.overlay
  }

  /** The master page with this slug, or undefined. */
  pageBySlug(slug: string): MasterPage | undefined {
    return this.state().masterPages.find((page) => page.slug === slug)
  }

  /**
   * A stored booking with its server fields, or undefined: from the window in memory, else read
   * from the store by primary key (a booking of long ago).
   */
  async bookingDoc(id: string): Promise<BookingDoc | undefined> {
    const kept = this.mirror.get('bookings', id)
    if (kept) return kept as BookingDoc
    const found = await this.db.bookings.findOne(id).exec()
    return (found?.toJSON() as unknown as BookingDoc | undefined) ?? undefined
  }

  /** The stored booking a (page-scoped) idempotency key created: the window, else the index. */
  private async bookingByIdempotencyKey(key: string): Promise<BookingDoc | undefined> {
    const kept = this.mirror.bookingByIdempotencyKey(key)
    if (kept) return kept as BookingDoc
    const id = this.index?.bookingIdByIdempotencyKey(key)
    return id === undefined ? undefined : this.bookingDoc(id)
  }

  /**
   * True when `token` is the booking's manage token (constant-time). A booking without one (made
   * on a desktop, or replicated without the field) matches no token.
   */
  tokenValid(booking: BookingDoc, token: string): boolean {
    const stored: unknown = booking.manageToken
    return typeof stored === 'string' && stored !== '' && tokenMatches(token, stored)
  }

  /** Page availability as core's steps, on the state and clock of this moment. */
  availabilitySteps(query: PageAvailabilityQuery): Steps<PageAvailabilityResult> {
    return pageAvailabilitySteps(this.state(query, query.eventTypeId), query, this.clock.now())
  }

  /** What {@link availabilitySteps} costs, in member-days (core's `pageAvailabilityCost`). */
  availabilityCost(query: PageAvailabilityQuery): number {
    return pageAvailabilityCost(this.state(), query)
  }

  /** The manage page's reschedule starts as core's steps, on the state and clock of this moment. */
  rescheduleSlotsSteps(bookingId: string, fromMs: number, toMs: number) {
    return rescheduleAvailabilitySteps(this.state(), bookingId, fromMs, toMs, this.clock.now())
  }

  /** What {@link rescheduleSlotsSteps} costs, in member-days. */
  rescheduleSlotsCost(bookingId: string, fromMs: number, toMs: number): number {
    return rescheduleAvailabilityCost(this.state(), bookingId, fromMs, toMs)
  }

  /**
   * Decides and stores a new booking. Decisions run one at a time in arrival order, each seeing
   * the ones before it; their writes are committed in groups (one transaction and fsync for all
   * bookings decided while the previous group was written), and each answer is given only after
   * its booking is durable. A repeated idempotency key (per master page) with the same request
   * (`bookingRequestHash`) returns the booking it created the first time and creates nothing;
   * with a different request (or one stored without a fingerprint) it is refused as
   * `not-allowed`, never answered with the other request's booking.
   */
  async book(request: BookingRequest, idempotencyKey: string | null): Promise<Outcome<BookingDoc>> {
    const decided = await this.queue.run(async () => {
      const scopedKey = idempotencyKey ? `${request.masterPageId}:${idempotencyKey}` : null
      const requestHash = scopedKey ? bookingRequestHash(request) : null
      if (scopedKey) {
        const earlier =
          this.unsettled.find((doc) => doc.idempotencyKey === scopedKey) ??
          (await this.bookingByIdempotencyKey(scopedKey))
        if (earlier && earlier.requestHash !== requestHash) {
          return {
            outcome: {
              ok: false,
              reason: 'not-allowed',
              message:
                'this idempotency key was already used for a different booking request; send a new key for a new booking',
            } as const,
          }
        }
        if (earlier) return { outcome: { ok: true, value: earlier, replayed: true } as const }
      }
      // The decision reads the bookings that can matter to its start (core's busy/workload
      // reach); a refusal's alternatives read the bookings near each window they look at.
      const near = (fromMs: number, toMs: number): DecisionState =>
        this.state({ fromMs, toMs }, request.eventTypeId)
      const decision: BookingDecision = bookingDecide(
        near(request.startMs, request.startMs),
        request,
        { nowMs: this.clock.now(), bookingId: bookingIdNew(), stateWithin: near },
      )
      if (!decision.ok) {
        return {
          outcome: {
            ok: false,
            reason: decision.reason,
            message: decision.message,
            extra: {
              ...(decision.alternatives ? { alternatives: decision.alternatives } : {}),
              ...(decision.problems ? { problems: decision.problems } : {}),
            },
          } as const,
        }
      }
      const doc: BookingDoc = {
        ...decision.booking,
        manageToken: randomId('', 24),
        idempotencyKey: scopedKey,
        requestHash,
        updatedAt: this.nowIso(),
      }
      return { outcome: { ok: true, value: doc } as const, durable: this.enqueue(doc) }
    })
    if (decided.durable) await decided.durable
    return decided.outcome
  }

  /** Adds a decided booking to the batch waiting to be written; resolves once it is committed. */
  private enqueue(doc: BookingDoc): Promise<void> {
    this.unsettled = [...this.unsettled, doc]
    const durable = new Promise<void>((resolve, reject) =>
      this.batch.push({ doc, resolve, reject }),
    )
    if (this.batch.length === 1) {
      // Written once the decisions queued now are made (the next macrotask), after any batch
      // still being written.
      const previous = this.flushing ?? Promise.resolve()
      const next = previous.then(eventLoopTurn).then(() => this.flush())
      this.flushing = next
      void next.then(() => {
        if (this.flushing === next) this.flushing = null
      })
    }
    return durable
  }

  /**
   * Writes the waiting batch in one bulk write (one transaction, one fsync) and answers its
   * waiters. If the write fails, every booking of the batch is refused with the error (none of
   * them was stored).
   */
  private async flush(): Promise<void> {
    const batch = this.batch
    this.batch = []
    if (batch.length === 0) return
    const written = new Set(batch.map((entry) => entry.doc))
    try {
      const result = await this.db.bookings.bulkInsert(batch.map((e) => e.doc as unknown as AnyDoc))
      if (result.error.length > 0) throw new Error(`${result.error.length} bookings not stored`)
      this.committed = {
        batches: this.committed.batches + 1,
        bookings: this.committed.bookings + batch.length,
      }
      this.unsettled = this.unsettled.filter((doc) => !written.has(doc))
      batch.forEach((entry) => entry.resolve())
    } catch (error) {
      this.unsettled = this.unsettled.filter((doc) => !written.has(doc))
      batch.forEach((entry) => entry.reject(error))
    }
  }

  /** How many batches and bookings group commit has written since start. */
  commitStats(): { readonly batches: number; readonly bookings: number } {
    return this.committed
  }

  /** Waits until every decided booking is committed (other writers call this first). */
  private async batchesWritten(): Promise<void> {
    while (this.flushing) await this.flushing
  }

  /**
   * Applies a decided change to a stored booking (same queue). `isAtItsTime`: the decision is
   * about the booking's own meeting time only (a reassignment), so it reads the bookings near
   * that time ({@link bookingsNear}) instead of the whole window.
   */
  private change(
    bookingId: string,
    decide: (state: DecisionState, nowMs: number) => BookingChange,
    isAtItsTime = false,
  ): Promise<Outcome<BookingDoc>> {
    return this.queue.run(async () => {
      await this.batchesWritten()
      const before = await this.bookingDoc(bookingId)
      if (!before) return { ok: false, reason: 'not-found', message: 'no such booking' }
      const decision = decide(this.stateWith(before, isAtItsTime), this.clock.now())
      if (!decision.ok) {
        return {
          ok: false,
          reason: decision.reason,
          message: decision.message,
          extra: decision.alternatives ? { alternatives: decision.alternatives } : {},
        }
      }
      const doc = await this.write({ ...before, ...decision.booking })
      return { ok: true, value: doc }
    })
  }

  /** `asCustomer`: the customer's notice applies (public manage page; staff leave it out). */
  cancel(bookingId: string, by: string, reason?: string, options: { asCustomer?: boolean } = {}) {
    const asCustomer = options.asCustomer === true
    return this.change(bookingId, (state, nowMs) =>
      cancelDecide(state, { bookingId, by, asCustomer, ...(reason ? { reason } : {}) }, nowMs),
    )
  }

  /** `asCustomer`: the customer's notice applies (public manage page; staff leave it out). */
  reschedule(
    bookingId: string,
    startMs: number,
    by: string,
    options: { asCustomer?: boolean } = {},
  ) {
    const asCustomer = options.asCustomer === true
    return this.change(bookingId, (state, nowMs) =>
      rescheduleDecide(state, { bookingId, startMs, by, asCustomer }, nowMs),
    )
  }

  reassign(input: {
    bookingId: string
    toMemberId: string
    fromMemberId?: string | undefined
    force: boolean
    by: string
    reason?: string | undefined
  }) {
    return this.change(input.bookingId, (state, nowMs) => reassignDecide(state, input, nowMs), true)
  }

  noShow(bookingId: string, by: string) {
    return this.change(bookingId, (state, nowMs) => noShowDecide(state, { bookingId, by }, nowMs))
  }

  /** Marks bookings that have ended as completed. Returns how many changed. */
  completeEnded(): Promise<number> {
    return this.queue.run(async () => {
      await this.batchesWritten()
      const due = completedDue(this.state(), this.clock.now())
      const docs = due.flatMap((booking) => {
        const before = this.mirror.get('bookings', booking.id) as BookingDoc | undefined
        return before ? [{ ...before, ...booking, updatedAt: this.nowIso() }] : []
      })
      // In chunks with a turn of the event loop between: after a long downtime the backlog can be
      // thousands of bookings, and requests outside the booking queue (health, availability)
      // are answered meanwhile.
      for (let at = 0; at < docs.length; at += COMPLETE_CHUNK) {
        if (at > 0) await eventLoopTurn()
        await this.db.bookings.bulkUpsert(
          docs.slice(at, at + COMPLETE_CHUNK) as unknown as AnyDoc[],
        )
      }
      this.mirror.windowAdvance(this.clock.now())
      return docs.length
    })
  }

  /**
   * Runs a replicated push of bookings inside the queue, so a desktop's offline booking or
   * reassignment is written between, never during, other decisions. Whatever it collides with is
   * a conflict derived from the bookings (`conflicts()`), nothing is marked.
   */
  replicatedPush(run: () => Promise<void>): Promise<void> {
    return this.queue.run(async () => {
      await this.batchesWritten()
      await run()
    })
  }

  /**
   * Runs `run` alone in the booking queue, after every decided booking is committed: no booking
   * decision or write runs while it does (the workspace import applies through this).
   */
  exclusive<T>(run: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      await this.batchesWritten()
      return run()
    })
  }

  /**
   * "Keep as is": a person looked at every open conflict of the booking and keeps it (core's
   * `conflictResolveDecide`; the acknowledgement is a history entry, so the pair is not shown
   * again unless a booking moves).
   */
  resolveConflict(bookingId: string, by: string, note?: string): Promise<Outcome<BookingDoc>> {
    return this.change(bookingId, (state, nowMs) =>
      conflictResolveDecide(state, { bookingId, by, note: note ?? null }, nowMs),
    )
  }

  /**
   * Every open conflict, derived from the stored bookings and members' busy times: the re-check
   * of desk decisions made offline (cached until either changes).
   */
  conflicts(): readonly BookingConflict[] {
    const { bookings, busy } = this.state()
    if (this.conflictMemo?.bookings !== bookings || this.conflictMemo.busy !== busy) {
      this.conflictMemo = { bookings, busy, conflicts: bookingConflicts(bookings, undefined, busy) }
    }
    return this.conflictMemo.conflicts
  }

  private conflictMemo: {
    readonly bookings: Workspace['bookings']
    readonly busy: DecisionState['busy']
    readonly conflicts: readonly BookingConflict[]
  } | null = null

  /**
   * The decision state with `booking` in it (a booking of long ago is not in the window): the
   * whole window, or with `isAtItsTime` the bookings near the booking's own meeting, from its
   * start through its end (its length is its own: an event type shortened since does not change
   * it, and the slice must reach as far as the meeting does).
   */
  private stateWith(booking: BookingDoc, isAtItsTime = false): DecisionState {
    const { startMs, endMs } = bookingInstants(recordOf(booking))
    const state = isAtItsTime
      ? this.state({ fromMs: startMs, toMs: endMs }, booking.eventTypeId)
      : this.state()
    // A booking of the window is in either (its own start lies within its busy reach).
    if (this.mirror.get('bookings', booking.id)) return state
    const record = documentToRecord(booking) as unknown as Booking
    return { ...state, bookings: [...state.bookings, record] }
  }

  private async write(doc: BookingDoc): Promise<BookingDoc> {
    const next = { ...doc, updatedAt: this.nowIso() }
    // The mirror follows the change event, which the store emits before this resolves.
    await this.db.bookings.upsert(next as unknown as AnyDoc)
    return next
  }
}
