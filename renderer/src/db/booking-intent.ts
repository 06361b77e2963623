import {
  bookingDecide,
  cancelDecide,
  noShowDecide,
  reassignDecide,
  rescheduleDecide,
} from '../../../core/src/booking'
import type {
  BookingRequest,
  CancelRequest,
  DecisionState,
  NoShowRequest,
  ReassignRequest,
  RescheduleRequest,
} from '../../../core/src/booking'
import { conflictResolveDecide } from '../../../core/src/conflicts/conflict-resolve'
import type { ConflictResolveRequest } from '../../../core/src/conflicts/conflict-resolve'
import type { Booking } from '../../../core/src/model/workspace'

/**
 * What a person asked for, as plain data: the kind of booking change and core's request for it
 * (who acts included). Decided by core when proposed (the preview) and again when written, from
 * this same value, whether the write happens in this session or after a restart: it is what the
 * desktop keeps on disk while a change waits for its undo window (`pending-journal.ts`).
 */
export type BookingIntent =
  | { readonly kind: 'book'; readonly bookingId: string; readonly request: BookingRequest }
  | { readonly kind: 'reschedule'; readonly request: RescheduleRequest }
  | { readonly kind: 'reassign'; readonly request: ReassignRequest }
  | { readonly kind: 'cancel'; readonly request: CancelRequest }
  | { readonly kind: 'no-show'; readonly request: NoShowRequest }
  | { readonly kind: 'resolve-conflict'; readonly request: ConflictResolveRequest }

/** A core decision as the changes module needs it. */
export type ChangeDecision =
  | { readonly ok: true; readonly booking: Booking }
  | { readonly ok: false; readonly message: string }

type IntentOf<K extends BookingIntent['kind']> = Extract<BookingIntent, { readonly kind: K }>

/** Intent kind → core's decision for it (exhaustive: a new kind must say how it is decided). */
const INTENT_DECIDE: {
  readonly [K in BookingIntent['kind']]: (
    state: DecisionState,
    intent: IntentOf<K>,
    nowMs: number,
  ) => ChangeDecision
} = {
  book: (state, { bookingId, request }, nowMs) =>
    // Written once: a booking already in the replica is not booked again.
    state.bookings.some((b) => b.id === bookingId)
      ? { ok: false, message: 'This booking was already made.' }
      : bookingDecide(state, request, { nowMs, bookingId }),
  reschedule: (state, { request }, nowMs) => rescheduleDecide(state, request, nowMs),
  reassign: (state, { request }, nowMs) => reassignDecide(state, request, nowMs),
  cancel: (state, { request }, nowMs) => cancelDecide(state, request, nowMs),
  'no-show': (state, { request }, nowMs) => noShowDecide(state, request, nowMs),
  'resolve-conflict': (state, { request }, nowMs) => conflictResolveDecide(state, request, nowMs),
}

/**
 * Core's decision for `intent` against `state` at `nowMs` (epoch ms): the booking as the change
 * stores it, or why not in core's words. Throws what core throws for misuse (e.g. a bad id).
 */
export function intentDecide(
  intent: BookingIntent,
  state: DecisionState,
  nowMs: number,
): ChangeDecision {
  const decide = INTENT_DECIDE[intent.kind] as (
    state: DecisionState,
    intent: BookingIntent,
    nowMs: number,
  ) => ChangeDecision
  const decision = decide(state, intent, nowMs)
  return decision.ok
    ? { ok: true, booking: decision.booking }
    : { ok: false, message: decision.message }
}

/** The id of the booking `intent` creates or changes. */
export function intentBookingId(intent: BookingIntent): string {
  return intent.kind === 'book' ? intent.bookingId : intent.request.bookingId
}

/**
 * A structural check of an intent read back from storage (written by an older or broken run):
 * a known kind, a request object naming a booking. Core's decision checks the rest.
 */
export function intentIsValid(value: unknown): value is BookingIntent {
  const candidate = value as { kind?: unknown; request?: unknown; bookingId?: unknown } | null
  if (!candidate || typeof candidate.kind !== 'string') return false
  if (!Object.hasOwn(INTENT_DECIDE, candidate.kind)) return false
  const request = candidate.request as { bookingId?: unknown; startMs?: unknown } | null
  if (!request || typeof request !== 'object') return false
  if (candidate.kind === 'book') {
    return typeof candidate.bookingId === 'string' && typeof request.startMs === 'number'
  }
  return typeof request.bookingId === 'string'
}
