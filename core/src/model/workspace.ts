/**
 * The workspace records, exactly as the v1 workspace JSON (`../shared/docs/api.md`) spells them.
 *
 * Conventions used by every record:
 * - instants are ISO-8601 UTC strings (`2027-03-15T09:00:00.000Z`);
 * - wall-clock times are `"HH:mm"` in the owning member's IANA zone; `"24:00"` may end a range;
 * - dates are `"YYYY-MM-DD"` local to the member;
 * - ids match {@link ID_PATTERN} (replication checkpoints are not URL-encoded by rxdb-server).
 */

/** Ids are restricted to characters that survive unencoded in a URL query and a SQLite key. */
export const ID_PATTERN = /^[A-Za-z0-9_.:|-]{1,100}$/

/**
 * Names of `Object.prototype` members (and `prototype`): as a key of a plain object they reach or
 * replace its prototype (`obj['__proto__'] = x`), so no id may be one of them.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  'toString',
  'valueOf',
])

/**
 * True when `id` is a valid record id: a string matching {@link ID_PATTERN} that is not a
 * reserved name (`__proto__`, `constructor`, `prototype` or another `Object.prototype` member,
 * compared exactly). Every place that accepts an id from outside checks it with this.
 */
export function idIsValid(id: unknown): boolean {
  return typeof id === 'string' && ID_PATTERN.test(id) && !RESERVED_IDS.has(id)
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

/** A local wall-clock range `[start, end)`, e.g. `["09:00", "17:00"]`. */
export type LocalRange = readonly [start: string, end: string]

export type WeeklyHours = Readonly<Record<Weekday, readonly LocalRange[]>>

export interface DateOverride {
  readonly date: string
  /** Replaces that local date's hours; `[]` makes it a day off. */
  readonly hours: readonly LocalRange[]
}

export interface Member {
  readonly id: string
  readonly name: string
  readonly email: string
  readonly timeZone: string
  readonly weeklyHours: WeeklyHours
  readonly dateOverrides: readonly DateOverride[]
  readonly maxBookingsPerDay?: number | null
  readonly maxBookingsPerWeek?: number | null
  readonly active: boolean
  /** The member's color in calendars, `#rrggbb` (schema v1; derived from the id when absent). */
  readonly color?: string | null
}

export type QuestionType = 'text' | 'select' | 'phone' | 'note'

export interface Question {
  readonly id: string
  readonly label: string
  readonly type: QuestionType
  readonly options?: readonly string[]
  readonly required: boolean
}

export interface EventType {
  readonly id: string
  readonly name: string
  readonly durationMinutes: number
  readonly slotIntervalMinutes: number
  readonly bufferBeforeMinutes: number
  readonly bufferAfterMinutes: number
  readonly minNoticeMinutes: number
  readonly maxDaysAhead: number
  readonly questions: readonly Question[]
}

export interface BookingPage {
  readonly id: string
  readonly slug: string
  readonly memberId: string
  readonly eventTypeIds: readonly string[]
}

export type Distribution = 'round-robin' | 'pooled' | 'pooled-priority'
export type ReportingCycle = 'monthly' | 'quarterly' | 'continuous'

export interface PoolMember {
  readonly memberId: string
  /** 1 = highest. */
  readonly priority: number
  /** When the member joined the pool (ISO instant); absent = since the pool existed. */
  readonly addedAt?: string | null
}

export interface Pool {
  readonly id: string
  readonly name: string
  readonly distribution: Distribution
  readonly members: readonly PoolMember[]
  readonly reportingCycle: ReportingCycle
  readonly automaticCorrection: boolean
}

/** A panel seat: a specific member, or a pool that supplies one member. */
export type PanelSeat = { readonly memberId: string } | { readonly poolId: string }

export interface Panel {
  readonly id: string
  readonly name: string
  /** The first seat is the primary (organizer). */
  readonly seats: readonly PanelSeat[]
}

export type Target =
  { readonly poolId: string } | { readonly bookingPageId: string } | { readonly panelId: string }

export type ConditionOp = 'equals' | 'not-equals' | 'in' | 'contains'

export interface Condition {
  readonly questionId: string
  readonly op: ConditionOp
  readonly value: string | readonly string[]
}

export interface DynamicRule {
  readonly eventTypeId: string
  readonly when: readonly Condition[]
  readonly target: Target
}

export type CustomerChoiceFlow = 'booking-pages-first' | 'event-types-first' | 'find-member-by-time'

export type Assignment =
  | {
      readonly type: 'customer-choice'
      readonly flow: CustomerChoiceFlow
      readonly bookingPageIds: readonly string[]
    }
  | { readonly type: 'static'; readonly target: Target }
  | {
      readonly type: 'dynamic'
      readonly rules: readonly DynamicRule[]
      readonly fallback: Target
    }

export interface MasterPage {
  readonly id: string
  readonly slug: string
  readonly title: string
  readonly eventTypeIds: readonly string[]
  readonly assignment: Assignment
}

export type BookingStatus = 'scheduled' | 'rescheduled' | 'cancelled' | 'completed' | 'no-show'
export type CreatedVia = 'public' | 'desktop'

export interface Customer {
  readonly name: string
  readonly email: string
  readonly timeZone: string
}

export type HistoryAction =
  | 'created'
  | 'reassigned'
  | 'cancelled'
  | 'rescheduled'
  | 'completed'
  | 'no-show'
  | 'conflict-resolved'

export interface HistoryEntry {
  readonly at: string
  readonly action: HistoryAction
  /** `customer`, `system`, or the name/id of the scheduler who acted. */
  readonly by: string
  readonly reason?: string | null
  readonly fromMemberId?: string | null
  readonly toMemberId?: string | null
  /** Reassignment onto a busy or unavailable member, explicitly overridden. */
  readonly forced?: boolean | null
  /** For a reschedule: the previous start. */
  readonly previousStart?: string | null
  /**
   * For `conflict-resolved`: the overlapping bookings a person chose to keep alongside this one
   * ("keep both"); those pairs are not marked as conflicts again.
   */
  readonly withBookingIds?: readonly string[] | null
}

export interface Booking {
  readonly id: string
  readonly eventTypeId: string
  readonly masterPageId: string | null
  readonly start: string
  readonly end: string
  /** One host, or one per panel seat in seat order (the first is the primary). */
  readonly hostMemberIds: readonly string[]
  readonly poolId: string | null
  readonly panelId: string | null
  readonly status: BookingStatus
  readonly customer: Customer
  readonly answers: Readonly<Record<string, string>>
  readonly createdVia: CreatedVia
  readonly history: readonly HistoryEntry[]
}

export interface Workspace {
  readonly version: 1
  /** Zone in which reporting cycles are cut; UTC unless set. */
  readonly timeZone?: string
  readonly members: readonly Member[]
  readonly eventTypes: readonly EventType[]
  readonly bookingPages: readonly BookingPage[]
  readonly pools: readonly Pool[]
  readonly panels: readonly Panel[]
  readonly masterPages: readonly MasterPage[]
  readonly bookings: readonly Booking[]
}

/** An empty v1 workspace. */
export function workspaceEmpty(): Workspace {
  return {
    version: 1,
    members: [],
    eventTypes: [],
    bookingPages: [],
    pools: [],
    panels: [],
    masterPages: [],
    bookings: [],
  }
}
