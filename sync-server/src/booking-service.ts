import { randomBytes } from 'node:crypto'
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
  PageAvailabilityQuery,
  PageAvailabilityResult,
} from '../../core/src/booking/booking-types'
import type { Steps } from '../../core/src/availability/steps'
import { bookingOverlapsOpen } from '../../core/src/conflicts/booking-overlaps'
import type { Clock } from './app'
import type { AnyDoc, ServerDatabase } from './database'
import { tokenMatches } from './http/auth'
import { bookingRequestHash } from './booking-request-hash'
import { SerialQueue } from './serial-queue'
import type { WorkspaceMirror } from './workspace-mirror'

/** A stored booking: the record plus the server's own fields. */
export type BookingDoc = Booking & {
  readonly manageToken: string | null
  readonly idempotencyKey: string | null
  /** `bookingRequestHash` of the public request that created it (with `idempotencyKey`). */
  readonly requestHash?: string | null
  readonly conflict: BookingConflict | null
  readonly updatedAt: string
}

/**
 * The mark on a booking a person has to look at. Two causes, kept side by side:
 * - `withBookingIds`/`memberIds`: it overlaps other bookings of the same member (set and cleared
 *   by the server as overlaps come and go);
 * - `localVersion`: a desktop changed this booking offline while the server changed it too; the
 *   server's version won and the desktop's version is kept here (set by the desktop's conflict
 *   handler, `renderer/src/db/conflict-handler.ts`).
 */
export interface BookingConflict {
  readonly withBookingIds: readonly string[]
  readonly memberIds: readonly string[]
  readonly localVersion?: Readonly<Record<string, unknown>> | null
  readonly detectedAt: string
  readonly message: string
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

  /** Resolves once every booking write queued so far has settled (before closing the store). */
  settled(): Promise<void> {
    return this.queue.idle()
  }

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
    return pageAvailabilitySteps(this.state(), query, this.clock.now())
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
   * Decides and stores a new booking. A repeated idempotency key (per master page) with the same
   * request (`bookingRequestHash`) returns the booking it created the first time and creates
   * nothing; with a different request (or one stored without a fingerprint) it is refused as
   * `not-allowed`, never answered with the other request's booking.
   */
  book(request: BookingRequest, idempotencyKey: string | null): Promise<Outcome<BookingDoc>> {
    return this.queue.run(async () => {
      const scopedKey = idempotencyKey ? `${request.masterPageId}:${idempotencyKey}` : null
      const requestHash = scopedKey ? bookingRequestHash(request) : null
      if (scopedKey) {
        const earlier = this.mirror.bookingByIdempotencyKey(scopedKey) as BookingDoc | undefined
        if (earlier && earlier.requestHash !== requestHash) {
          return {
            ok: false,
            reason: 'not-allowed',
            message:
              'this idempotency key was already used for a different booking request; send a new key for a new booking',
          }
        }
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
        requestHash,
        conflict: null,
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
      await this.refreshConflicts([bookingId])
      return { ok: true, value: this.bookingDoc(bookingId) ?? doc }
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
   * Runs a replicated push of bookings inside the queue, then marks (or clears) conflicts of the
   * pushed bookings: an offline desktop's booking or reassignment that overlaps another booking of
   * the same member is kept, and both are marked for a person to resolve.
   */
  replicatedPush(bookingIds: readonly string[], run: () => Promise<void>): Promise<void> {
    return this.queue.run(async () => {
      await run()
      const found = await this.db.bookings.findByIds([...bookingIds]).exec()
      for (const doc of found.values()) this.mirror.apply('bookings', doc.toJSON() as AnyDoc)
      await this.refreshConflicts(bookingIds)
    })
  }

  /**
   * "Keep both": a person looked at the conflict and keeps the booking as it is. The mark is
   * cleared and the overlapping bookings are recorded as acknowledged (history `conflict-resolved`
   * with `withBookingIds`), so neither side is marked again for this pair.
   */
  resolveConflict(bookingId: string, by: string, note?: string): Promise<Outcome<BookingDoc>> {
    return this.queue.run(async () => {
      const before = this.bookingDoc(bookingId)
      if (!before) return { ok: false, reason: 'not-found', message: 'no such booking' }
      if (!before.conflict) {
        return { ok: false, reason: 'not-allowed', message: 'this booking has no conflict' }
      }
      await this.write({
        ...before,
        conflict: null,
        history: [
          ...before.history,
          {
            at: this.nowIso(),
            action: 'conflict-resolved',
            by,
            reason: note ?? null,
            withBookingIds: [...before.conflict.withBookingIds],
          },
        ],
      })
      await this.refreshConflicts([bookingId])
      return { ok: true, value: this.bookingDoc(bookingId) ?? before }
    })
  }

  /** Bookings currently marked as in conflict. */
  conflicts(): readonly BookingDoc[] {
    return (this.mirror.conflictedBookings() as unknown as BookingDoc[]).toSorted(
      (a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id),
    )
  }

  /**
   * Re-derives the conflict marks of `bookingIds`, of the bookings they overlap and of the bookings
   * they were marked with: a mark is set (or updated) while an overlap exists and cleared when none
   * is left.
   */
  private async refreshConflicts(bookingIds: readonly string[]): Promise<void> {
    // The given bookings and the partners they were marked with (whose overlap may be gone now).
    const involved = new Set(bookingIds)
    for (const id of bookingIds) {
      for (const partner of this.bookingDoc(id)?.conflict?.withBookingIds ?? [])
        involved.add(partner)
    }
    // And bookings still marked with one of them (their partner may have been resolved elsewhere).
    for (const doc of this.conflicts()) {
      if (doc.conflict?.withBookingIds.some((id) => bookingIds.includes(id))) involved.add(doc.id)
    }
    const overlaps = bookingOverlapsOpen(this.state().bookings, involved)
    const partners = new Map<string, { withIds: Set<string>; memberIds: Set<string> }>()
    for (const overlap of overlaps) {
      for (const [self, other] of [overlap.bookingIds, [...overlap.bookingIds].reverse()]) {
        const entry = partners.get(self!) ?? { withIds: new Set(), memberIds: new Set() }
        entry.withIds.add(other!)
        entry.memberIds.add(overlap.memberId)
        partners.set(self!, entry)
      }
    }
    for (const id of new Set([...involved, ...partners.keys()])) {
      const doc = this.bookingDoc(id)
      if (!doc) continue
      const entry = partners.get(id)
      const withBookingIds = entry ? [...entry.withIds].sort() : []
      const memberIds = entry ? [...entry.memberIds].sort() : []
      const previous = doc.conflict
      const unchanged =
        (previous?.withBookingIds ?? []).join() === withBookingIds.join() &&
        (previous?.memberIds ?? []).join() === memberIds.join()
      if (unchanged) continue
      const localVersion = previous?.localVersion ?? null
      const next: BookingConflict | null =
        withBookingIds.length > 0 || localVersion
          ? {
              withBookingIds,
              memberIds,
              localVersion,
              detectedAt: this.nowIso(),
              message:
                withBookingIds.length > 0
                  ? `overlaps ${withBookingIds.join(', ')} for ${memberIds.join(', ')}`
                  : (previous?.message ?? 'changed offline while it changed on the server'),
            }
          : null
      await this.write({ ...doc, conflict: next })
    }
  }

  private async write(doc: BookingDoc): Promise<BookingDoc> {
    const next = { ...doc, updatedAt: this.nowIso() }
    await this.db.bookings.upsert(next as unknown as AnyDoc)
    this.mirror.apply('bookings', next as unknown as AnyDoc)
    return next
  }
}
