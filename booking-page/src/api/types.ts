/** The public API as the booking page reads it (api.md "Public API" with v1.1 additions). */

export type Location =
  | { readonly type: 'in-person'; readonly address: string }
  | { readonly type: 'phone'; readonly number?: string }
  | { readonly type: 'video'; readonly url?: string }

export interface Question {
  readonly id: string
  readonly label: string
  readonly type: 'text' | 'select' | 'phone' | 'note'
  readonly options?: readonly string[]
  readonly required: boolean
}

export interface PageEventType {
  readonly id: string
  readonly name: string
  readonly durationMinutes: number
  readonly questions: readonly Question[]
  readonly location: Location | null
  readonly cancelNoticeMinutes: number | null
  readonly minNoticeMinutes: number
  readonly maxDaysAhead: number
}

export interface PageBookingPage {
  readonly id: string
  /** The member's first name. */
  readonly name: string
  readonly eventTypeIds: readonly string[]
}

export interface Branding {
  readonly logo: string | null
  readonly accentColor: string | null
  readonly description: string | null
}

export type Assignment =
  | {
      readonly type: 'customer-choice'
      readonly flow: 'booking-pages-first' | 'event-types-first' | 'find-member-by-time'
    }
  | { readonly type: 'static' | 'dynamic' }

export interface PublicPage {
  readonly slug: string
  readonly title: string
  readonly kind: 'master-page' | 'booking-page'
  readonly assignment: Assignment
  readonly branding: Branding | null
  readonly eventTypes: readonly PageEventType[]
  readonly bookingPages: readonly PageBookingPage[]
}

export interface Slot {
  readonly start: string
  readonly end: string
  /** Find member by time: the members (booking pages) free at this start. */
  readonly bookingPages?: readonly { readonly id: string; readonly name: string }[]
  /** Moving a booking: whom the customer would meet at this start (first names). */
  readonly hosts?: readonly { readonly name: string }[]
}

export type BookingStatus = 'scheduled' | 'rescheduled' | 'cancelled' | 'completed' | 'no-show'

export interface PublicBooking {
  readonly id: string
  readonly eventTypeId: string
  readonly start: string
  readonly end: string
  readonly status: BookingStatus
  readonly hosts: readonly { readonly name: string }[]
  readonly manageToken: string | null
  readonly eventType: {
    readonly name: string
    readonly durationMinutes: number
    readonly location: Location | null
    readonly cancelNoticeMinutes: number | null
  } | null
  /** The zone the customer booked in. */
  readonly timeZone: string
  /** Until when the customer may reschedule or cancel (ISO). */
  readonly changeDeadline: string
  readonly canChange: boolean
}

export interface ApiError {
  readonly code: string
  readonly message: string
  /**
   * Why, when the code alone does not say: a `slot-unavailable` start that was not taken but
   * passed the event type's notice (`too-soon`) or lies past its booking window (`too-far-ahead`).
   */
  readonly reason?: string
  readonly alternatives?: readonly Slot[]
  /** Refused input: each field that was wrong (`customer.email`, `answers.region`). */
  readonly problems?: readonly { readonly path: string; readonly message: string }[]
}

export type ApiResult<T> =
  | { readonly ok: true; readonly status: number; readonly data: T }
  | { readonly ok: false; readonly status: number; readonly error: ApiError }
