/**
 * Booking decisions: what a master page offers, who gets a new booking and why, and every later
 * change (cancel, reschedule, reassign, no-show, completion). Pure: state, request and `now` in,
 * a value out; the decision contract is `booking-types.ts`. Instants in requests are epoch ms,
 * in records ISO UTC; intervals are half-open `[start, end)`.
 */

export * from './assignment-explanation'
export * from './availability-cost'
export * from './booking-alternatives'
export * from './booking-decide'
export * from './booking-history-write'
export * from './booking-status'
export * from './bookings-near'
export * from './booking-window'
export * from './customer-notice'
export type * from './booking-types'
export * from './page-availability'
export * from './page-route'
export * from './page-slots'
export * from './public-page'
export * from './reassign'
export * from './reschedule'
export * from './reschedule-reasons'
export * from './seat-fill'
export * from './seat-plan'
