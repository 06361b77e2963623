/**
 * Where a request on a master page goes: the page, the event type, and either one target (a pool,
 * booking page or panel, with the rule that matched) or — "find member by time" without a chosen
 * member — the booking pages whose members form the combined calendar.
 *
 * Checks, in this order (the first failing one is the refusal): the page exists (`unknown-page`);
 * the event type exists and is on the page (`unknown-event-type`); the answers are valid
 * (`invalid-answers`, all problems listed); for customer choice, the chosen booking page is given
 * (`booking-page-required`, except for find-member-by-time), is one of the page's
 * (`unknown-booking-page`) and offers the event type (`unknown-event-type`).
 */

import type {
  BookingPage,
  DynamicRule,
  EventType,
  MasterPage,
  Target,
  Workspace,
} from '../model/workspace'
import type { AssignmentExplanation, FieldProblem, PageRefusalReason } from './booking-types'
import { pageAnswersProblems, pageConditionMatches } from './page-rules'

/** A request's way through a master page. */
export type PageRoute =
  | {
      readonly kind: 'target'
      readonly masterPage: MasterPage
      readonly eventType: EventType
      readonly matched: AssignmentExplanation['matched']
      readonly target: Target
      /** The matched dynamic rule, for explanations. */
      readonly rule: DynamicRule | null
    }
  | {
      readonly kind: 'find-member-by-time'
      readonly masterPage: MasterPage
      readonly eventType: EventType
      /** The page's booking pages that offer the event type, in page order. */
      readonly bookingPages: readonly BookingPage[]
    }

export type PageRouteResult =
  | { readonly ok: true; readonly route: PageRoute }
  | {
      readonly ok: false
      readonly reason: PageRefusalReason
      readonly message: string
      readonly problems?: readonly FieldProblem[]
    }

/** What {@link pageRouteResolve} reads from a request. */
export interface PageRouteRequest {
  readonly masterPageId: string
  readonly eventTypeId: string
  readonly bookingPageId?: string | null
  readonly answers?: Readonly<Record<string, string>>
}

function refuse(reason: PageRefusalReason, message: string): PageRouteResult {
  return { ok: false, reason, message }
}

/** The target of a rule-based page for an event type and answers (first matching rule, else fallback). */
function ruleTarget(
  masterPage: MasterPage,
  eventType: EventType,
  answers: Readonly<Record<string, string>>,
): PageRoute {
  const base = { kind: 'target', masterPage, eventType } as const
  const assignment = masterPage.assignment
  if (assignment.type === 'static') {
    return { ...base, matched: { kind: 'static' }, target: assignment.target, rule: null }
  }
  if (assignment.type === 'dynamic') {
    const index = assignment.rules.findIndex(
      (rule) =>
        rule.eventTypeId === eventType.id &&
        rule.when.every((condition) => pageConditionMatches(condition, answers)),
    )
    const rule = assignment.rules[index]
    if (rule !== undefined) {
      return { ...base, matched: { kind: 'rule', index }, target: rule.target, rule }
    }
    return { ...base, matched: { kind: 'fallback' }, target: assignment.fallback, rule: null }
  }
  throw new RangeError('ruleTarget needs a static or dynamic page')
}

/**
 * Resolves a request on a master page (see the module comment for the checks). `isComplete`: the
 * answers are final (a booking), so required questions must be answered. Pure; never throws for
 * unknown ids (they are refusals).
 */
export function pageRouteResolve(
  state: Workspace,
  request: PageRouteRequest,
  isComplete: boolean,
): PageRouteResult {
  const masterPage = state.masterPages.find((page) => page.id === request.masterPageId)
  if (masterPage === undefined) return refuse('unknown-page', 'No such master page')
  const eventType = state.eventTypes.find((candidate) => candidate.id === request.eventTypeId)
  if (eventType === undefined || !masterPage.eventTypeIds.includes(eventType.id)) {
    return refuse('unknown-event-type', `Master page ${masterPage.slug} offers no such event type`)
  }
  const answers = request.answers ?? {}
  const problems = pageAnswersProblems(eventType, answers, isComplete)
  if (problems.length > 0) {
    return {
      ok: false,
      reason: 'invalid-answers',
      message: 'Some answers are missing or invalid',
      problems,
    }
  }
  const assignment = masterPage.assignment
  if (assignment.type !== 'customer-choice') {
    return { ok: true, route: ruleTarget(masterPage, eventType, answers) }
  }
  const offering = (page: BookingPage): boolean => page.eventTypeIds.includes(eventType.id)
  const bookingPageId = request.bookingPageId ?? null
  if (bookingPageId === null) {
    if (assignment.flow !== 'find-member-by-time') {
      return refuse('booking-page-required', 'Choose a booking page (a team member) first')
    }
    const bookingPages = assignment.bookingPageIds.flatMap((id) => {
      const page = state.bookingPages.find((candidate) => candidate.id === id)
      return page !== undefined && offering(page) ? [page] : []
    })
    return { ok: true, route: { kind: 'find-member-by-time', masterPage, eventType, bookingPages } }
  }
  const page = state.bookingPages.find((candidate) => candidate.id === bookingPageId)
  if (page === undefined || !assignment.bookingPageIds.includes(page.id)) {
    return refuse('unknown-booking-page', `Master page ${masterPage.slug} has no such booking page`)
  }
  if (!offering(page)) {
    return refuse(
      'unknown-event-type',
      `Booking page ${page.slug} does not offer ${eventType.name}`,
    )
  }
  return {
    ok: true,
    route: {
      kind: 'target',
      masterPage,
      eventType,
      matched: { kind: 'customer-choice' },
      target: { bookingPageId: page.id },
      rule: null,
    },
  }
}
