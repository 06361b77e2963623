/**
 * The contract of the booking decisions: what the sync server's routes and the desktop app pass in
 * and get back. Decisions are pure: state, request and `nowMs` in, a value out. Expected refusals
 * are values (`ok: false` with a reason); misuse (ids that are not strings, non-finite times)
 * throws.
 *
 * Instants in requests are epoch ms; instants in records and answers are ISO UTC strings.
 */
import type { PoolLedger } from '../distribution/pool-ledger'
import type { MemberCannotTakeReason } from '../availability/member-can-take'
import type { BusyTimes } from '../availability/busy-times'
import type {
  Booking,
  Customer,
  Distribution,
  PanelSeat,
  Target,
  Workspace,
} from '../model/workspace'

/** A free start as the public API shows it: `[start, end)` ISO UTC. */
export interface PageSlot {
  readonly start: string
  readonly end: string
  /** "Find member by time": the booking pages (members) free at this start. */
  readonly bookingPageIds?: readonly string[]
  /** Moving a booking: its hosts at this start, one per seat (a seat re-filled names its new host). */
  readonly hostMemberIds?: readonly string[]
}

/** A problem with one input field, e.g. a booking-form answer. */
export interface FieldProblem {
  readonly path: string
  readonly message: string
}

/** Availability of one event type on one master page. */
export interface PageAvailabilityQuery {
  readonly masterPageId: string
  readonly eventTypeId: string
  /** Slot starts in `[fromMs, toMs)`. */
  readonly fromMs: number
  readonly toMs: number
  /** Customer choice: the chosen booking page (member); not used by rules. */
  readonly bookingPageId?: string | null
  /** Booking-form answers so far (dynamic rules route on them). */
  readonly answers?: Readonly<Record<string, string>>
  /**
   * The zone of the calendar the times are shown on (the customer's, the desk's): with round
   * robin each of its local days offers the first member in line who has a time that day.
   * Absent: the first in line with a time anywhere in the range (one member for the range).
   */
  readonly dayZone?: string | null
}

export type PageRefusalReason =
  | 'unknown-page'
  | 'unknown-event-type'
  | 'booking-page-required'
  | 'unknown-booking-page'
  | 'invalid-answers'

export type PageAvailabilityResult =
  | { readonly ok: true; readonly slots: readonly PageSlot[] }
  | {
      readonly ok: false
      readonly reason: PageRefusalReason
      readonly message: string
      readonly problems?: readonly FieldProblem[]
    }

/** A new booking, from the public page or made at the desk on a customer's behalf. */
export interface BookingRequest {
  readonly masterPageId: string
  readonly eventTypeId: string
  readonly startMs: number
  readonly bookingPageId?: string | null
  readonly customer: Customer
  readonly answers: Readonly<Record<string, string>>
  readonly createdVia: 'public' | 'desktop'
  /** Who acts: `customer` or the scheduler's name. */
  readonly by: string
}

/** Chosen by the caller so decisions stay deterministic. */
export interface DecisionContext {
  readonly nowMs: number
  /** Id for a new booking (ID_PATTERN). */
  readonly bookingId: string
  /**
   * The state to compute free starts over `[fromMs, toMs]` from: the alternatives listed with a
   * refusal. Default: the decision's own state. The sync server decides on the bookings near the
   * requested start only, and passes the bookings near each window the alternatives look at.
   */
  readonly stateWithin?: (fromMs: number, toMs: number) => DecisionState
}

/** One ranked candidate of a distribution method, with the values that ranked it. */
export interface RankedCandidate {
  readonly memberId: string
  readonly isFree: boolean
  /** Round robin: net bookings this cycle (after the newcomer rule); pooled: undefined. */
  readonly net?: number
  readonly priority?: number
  /** ISO instant of the last assignment through this pool, null = never. */
  readonly lastAssignedAt?: string | null
}

/** "Why did this booking go to Ana?" */
export interface AssignmentExplanation {
  readonly matched:
    | { readonly kind: 'rule'; readonly index: number }
    | { readonly kind: 'static' }
    | { readonly kind: 'fallback' }
    | { readonly kind: 'customer-choice' }
  readonly target: Target
  /** One entry per host (one per panel seat, in seat order). */
  readonly seats: readonly {
    readonly seat: PanelSeat | { readonly bookingPageId: string }
    readonly memberId: string
    readonly method: Distribution | 'specific-member' | 'booking-page'
    /** For pool seats: every pool member in ranking order. */
    readonly ranking?: readonly RankedCandidate[]
  }[]
  /**
   * One readable sentence, e.g. "Rule 2 (Intro call, Region is EMEA) sends it to pool Sales EMEA:
   * round robin — Ana was next in line (3 bookings this cycle)."
   */
  readonly summary: string
}

export type BookingRefusalReason =
  PageRefusalReason | 'slot-unavailable' | 'too-soon' | 'too-far-ahead'

export type BookingDecision =
  | {
      readonly ok: true
      readonly booking: Booking
      readonly explanation: AssignmentExplanation
    }
  | {
      readonly ok: false
      readonly reason: BookingRefusalReason
      readonly message: string
      /** For `slot-unavailable`, `too-soon` and `too-far-ahead`: the nearest free starts. */
      readonly alternatives?: readonly PageSlot[]
      readonly problems?: readonly FieldProblem[]
    }

export type ChangeRefusalReason =
  | 'not-found'
  | 'not-allowed'
  | 'slot-unavailable'
  | 'too-soon'
  | 'too-far-ahead'
  | 'member-unavailable'
  | 'unknown-member'

/** Outcome of cancel, reschedule, reassign, no-show. */
export type BookingChange =
  | { readonly ok: true; readonly booking: Booking }
  | {
      readonly ok: false
      readonly reason: ChangeRefusalReason
      readonly message: string
      readonly alternatives?: readonly PageSlot[]
      /** For `member-unavailable`: why the target cannot take the booking, in check order. */
      readonly memberReasons?: readonly MemberCannotTakeReason[]
    }

/** A customer or scheduler cancels a booking. */
export interface CancelRequest {
  readonly bookingId: string
  /** `customer` or the scheduler's name. */
  readonly by: string
  readonly reason?: string | null
  /**
   * The customer acts (the public manage page): the event type's `cancelNoticeMinutes` applies
   * (`customer-notice.ts`). Staff paths leave it out and may still act.
   */
  readonly asCustomer?: boolean
}

/** A customer or scheduler moves a booking to another start (epoch ms). */
export interface RescheduleRequest {
  readonly bookingId: string
  readonly startMs: number
  readonly by: string
  /** The customer acts: the event type's `cancelNoticeMinutes` applies (see `CancelRequest`). */
  readonly asCustomer?: boolean
}

/** An admin marks a booking whose meeting has begun as a no-show. */
export interface NoShowRequest {
  readonly bookingId: string
  readonly by: string
  readonly reason?: string | null
}

/** A scheduler or manager moves a booking (or one panel seat) to another member. */
export interface ReassignRequest {
  readonly bookingId: string
  readonly toMemberId: string
  /** The seat to move: required when the booking has several hosts; must be a current host. */
  readonly fromMemberId?: string | null
  /** Reassign even when the target is busy or unavailable; recorded as `forced`. */
  readonly force: boolean
  readonly by: string
  readonly reason?: string | null
}

/** The slots the manage page offers for moving one booking. */
export type RescheduleAvailabilityResult =
  | { readonly ok: true; readonly slots: readonly PageSlot[] }
  | {
      readonly ok: false
      readonly reason: 'not-found' | 'not-allowed'
      readonly message: string
    }

/** One member in the reassign dialog: free at the booking's time, or why not. */
export type ReassignCandidate =
  | {
      readonly memberId: string
      /** Member of the pool the booking (or the chosen panel seat) came through. */
      readonly isPoolMember: boolean
      readonly status: 'free'
    }
  | {
      readonly memberId: string
      readonly isPoolMember: boolean
      readonly status: 'unavailable'
      /** Every failing check, in check order (never `off-grid`, `too-soon`, `too-far-ahead`). */
      readonly reasons: readonly MemberCannotTakeReason[]
    }

/**
 * The state every decision reads: a workspace, optionally with each pool's ledger kept by the
 * caller (`poolLedgers`, by pool id, covering ALL history). With ledgers, pool rankings are counted
 * from them and `bookings` need only hold the bookings near the decided times (the sync server
 * keeps a window); without, rankings replay the bookings' history (the desktop's replica).
 * `busy`: members' busy time from their own calendars (`availability/busy-times.ts`), at least
 * around the decided times; every decision passes it on to availability (decisions spread the
 * state), where it blocks like a booking without buffers. Never shown to customers.
 */
export type DecisionState = Workspace & {
  readonly poolLedgers?: Readonly<Record<string, PoolLedger>>
  readonly busy?: BusyTimes
}
