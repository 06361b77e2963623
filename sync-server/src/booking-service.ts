import { randomBytes } from 'node:crypto'
import type { Booking, MasterPage, Workspace } from '../../core/src/model/workspace'
import {
  bookingDecide,
  cancelDecide,
  completedDue,
  noShowDecide,
  pageAvailability,
  reassignDecide,
  rescheduleAvailability,
  rescheduleDecide,
} from '../../core/src/booking'
import type {
  BookingChange,
  BookingDecision,
  BookingRequest,
  PageAvailabilityResult,
} from '../../core/src/booking/booking-types'
import { bookingConflicts } from '../../core/src/conflicts/booking-conflicts'
import type { BookingConflict } from '../../core/src/conflicts/booking-conflicts'
import { conflictResolveDecide } from '../../core/src/conflicts/conflict-resolve'
import type { Clock } from './app'
import type { AnyDoc, ServerDatabase } from './database'
import { tokenMatches } from './http/auth'
import { SerialQueue } from './serial-queue'
import type { WorkspaceMirror } from './workspace-mirror'

/** A stored booking: the record plus the server's own fields (`BOOKING_SERVER_FIELDS`). */
export type BookingDoc = Booking & {
  readonly manageToken: string | null
  readonly idempotencyKey: string | null
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

/** Random url-safe secrets and ids (charset within ID_PATTERN). */
function randomId(prefix: string, bytes: number): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`
}

/**
 * Every booking write of the server: public bookings, cancellations, reschedules, reassignments,
 * no-shows, automatic completion, and replicated desktop pushes of bookings — all through ONE
 * serial queue over the in-memory workspace mirror, so two requests competing for a member's time
 * never both see it free. Decisions are core's; this class loads state, calls them, writes.
 */
export class BookingService {
  private readonly queue = new SerialQueue()

  constructor(
    private readonly db: ServerDatabase,
    private readonly mirror: WorkspaceMirror,
    private readonly clock: Clock,
  ) {}

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString()
  }

  private state(): Workspace {
    return this.mirror.workspace()
  }

  /** The master page with this slug, or undefined. */
  pageBySlug(slug: string): MasterPage | undefined {
    return this.state().masterPages.find((page) => page.slug === slug)
  }

  /** A stored booking with its server fields, or undefined. */
  bookingDoc(id: string): BookingDoc | undefined {
    return this.mirror.get('bookings', id) as BookingDoc | undefined
  }

  /** True when `token` is the booking's manage token (constant-time). */
  tokenValid(booking: BookingDoc, token: string): boolean {
    return booking.manageToken !== null && tokenMatches(token, booking.manageToken)
  }

  availability(query: Parameters<typeof pageAvailability>[1]): PageAvailabilityResult {
    return pageAvailability(this.state(), query, this.clock.now())
  }

  rescheduleSlots(bookingId: string, fromMs: number, toMs: number) {
    return rescheduleAvailability(this.state(), bookingId, fromMs, toMs, this.clock.now())
  }

  /**
   * Decides and stores a new booking. A repeated idempotency key (per master page) returns the
   * booking it created the first time and creates nothing.
   */
  book(request: BookingRequest, idempotencyKey: string | null): Promise<Outcome<BookingDoc>> {
    return this.queue.run(async () => {
      const scopedKey = idempotencyKey ? `${request.masterPageId}:${idempotencyKey}` : null
      if (scopedKey) {
        const earlier = this.mirror.bookingByIdempotencyKey(scopedKey) as BookingDoc | undefined
        if (earlier) return { ok: true, value: earlier, replayed: true }
      }
      const decision: BookingDecision = bookingDecide(this.state(), request, {
        nowMs: this.clock.now(),
        bookingId: randomId('bk-', 12),
      })
      if (!decision.ok) {
        return {
          ok: false,
          reason: decision.reason,
          message: decision.message,
          extra: {
            ...(decision.alternatives ? { alternatives: decision.alternatives } : {}),
            ...(decision.problems ? { problems: decision.problems } : {}),
          },
        }
      }
      const doc: BookingDoc = {
        ...decision.booking,
        manageToken: randomId('', 24),
        idempotencyKey: scopedKey,
        updatedAt: this.nowIso(),
      }
      await this.db.bookings.insert(doc as unknown as AnyDoc)
      this.mirror.apply('bookings', doc as unknown as AnyDoc)
      return { ok: true, value: doc }
    })
  }

  /** Applies a decided change to a stored booking (same queue). */
  private change(
    bookingId: string,
    decide: (state: Workspace, nowMs: number) => BookingChange,
  ): Promise<Outcome<BookingDoc>> {
    return this.queue.run(async () => {
      const before = this.bookingDoc(bookingId)
      if (!before) return { ok: false, reason: 'not-found', message: 'no such booking' }
      const decision = decide(this.state(), this.clock.now())
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

  cancel(bookingId: string, by: string, reason?: string) {
    return this.change(bookingId, (state, nowMs) =>
      cancelDecide(state, { bookingId, by, ...(reason ? { reason } : {}) }, nowMs),
    )
  }

  reschedule(bookingId: string, startMs: number, by: string) {
    return this.change(bookingId, (state, nowMs) =>
      rescheduleDecide(state, { bookingId, startMs, by }, nowMs),
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
    return this.change(input.bookingId, (state, nowMs) => reassignDecide(state, input, nowMs))
  }

  noShow(bookingId: string, by: string) {
    return this.change(bookingId, (state, nowMs) => noShowDecide(state, { bookingId, by }, nowMs))
  }

  /** Marks bookings that have ended as completed. Returns how many changed. */
  completeEnded(): Promise<number> {
    return this.queue.run(async () => {
      const due = completedDue(this.state(), this.clock.now())
      for (const booking of due) {
        const before = this.bookingDoc(booking.id)
        if (before) await this.write({ ...before, ...booking })
      }
      return due.length
    })
  }

  /**
   * Runs a replicated push of bookings inside the queue, so a desktop's offline booking or
   * reassignment is written between, never during, other decisions. Whatever it collides with is
   * a conflict derived from the bookings (`conflicts()`), nothing is marked.
   */
  replicatedPush(bookingIds: readonly string[], run: () => Promise<void>): Promise<void> {
    return this.queue.run(async () => {
      await run()
      const found = await this.db.bookings.findByIds([...bookingIds]).exec()
      for (const doc of found.values()) this.mirror.apply('bookings', doc.toJSON() as AnyDoc)
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

  /** Every open conflict, derived from the stored bookings (cached until bookings change). */
  conflicts(): readonly BookingConflict[] {
    const bookings = this.state().bookings
    if (this.conflictMemo?.bookings !== bookings) {
      this.conflictMemo = { bookings, conflicts: bookingConflicts(bookings) }
    }
    return this.conflictMemo.conflicts
  }

  private conflictMemo: {
    readonly bookings: Workspace['bookings']
    readonly conflicts: readonly BookingConflict[]
  } | null = null

  private async write(doc: BookingDoc): Promise<BookingDoc> {
    const next = { ...doc, updatedAt: this.nowIso() }
    await this.db.bookings.upsert(next as unknown as AnyDoc)
    this.mirror.apply('bookings', next as unknown as AnyDoc)
    return next
  }
}
