/**
 * Master page routing: which target (pool, booking page or panel) serves a customer, before any
 * availability is looked at.
 */

import type { MasterPage, Target } from '../model/workspace'
import { conditionMatches } from './condition-matches'

/** How the target was found; `index` is the 0-based position in the page's dynamic rules. */
export type RuleMatch =
  | { readonly kind: 'rule'; readonly index: number }
  | { readonly kind: 'static' }
  | { readonly kind: 'fallback' }
  | { readonly kind: 'customer-choice' }

/** Why no target could be chosen; callers map these to their own refusals. */
export type RuleRefusalReason =
  'unknown-event-type' | 'booking-page-required' | 'unknown-booking-page'

/** The answer of `ruleResolve`: a target and how it was matched, or a refusal. */
export type RuleResolution =
  | { readonly ok: true; readonly target: Target; readonly matched: RuleMatch }
  | { readonly ok: false; readonly reason: RuleRefusalReason; readonly message: string }

/**
 * The target serving `eventTypeId` on `masterPage` for a customer with `answers`:
 * - the event type must be on the page (`unknown-event-type` otherwise);
 * - `static`: its one target;
 * - `dynamic`: the first rule, in list order, for this event type whose conditions all match
 *   (`conditionMatches`; a rule without conditions always matches), else the fallback;
 * - `customer-choice`: the chosen `bookingPageId` (`booking-page-required` when absent,
 *   `unknown-booking-page` when it is not one of the page's booking pages). The chosen page's
 *   event types are not checked here (the page record does not hold them).
 *
 * Expected refusals are values; never throws. Inputs are not mutated.
 */
export function ruleResolve(
  masterPage: MasterPage,
  eventTypeId: string,
  answers: Readonly<Record<string, string>>,
  bookingPageId: string | null = null,
): RuleResolution {
  if (!masterPage.eventTypeIds.includes(eventTypeId)) {
    return refuse('unknown-event-type', `Event type ${eventTypeId} is not offered on this page`)
  }
  const assignment = masterPage.assignment
  switch (assignment.type) {
    case 'static':
      return { ok: true, target: assignment.target, matched: { kind: 'static' } }
    case 'dynamic': {
      const index = assignment.rules.findIndex(
        (rule) =>
          rule.eventTypeId === eventTypeId &&
          rule.when.every((condition) => conditionMatches(condition, answers)),
      )
      const rule = assignment.rules[index]
      if (rule !== undefined)
        return { ok: true, target: rule.target, matched: { kind: 'rule', index } }
      return { ok: true, target: assignment.fallback, matched: { kind: 'fallback' } }
    }
    case 'customer-choice':
      if (bookingPageId === null || bookingPageId === '') {
        return refuse('booking-page-required', 'Choose whom to book with')
      }
      if (!assignment.bookingPageIds.includes(bookingPageId)) {
        return refuse('unknown-booking-page', `Booking page ${bookingPageId} is not on this page`)
      }
      return { ok: true, target: { bookingPageId }, matched: { kind: 'customer-choice' } }
  }
}

function refuse(reason: RuleRefusalReason, message: string): RuleResolution {
  return { ok: false, reason, message }
}
