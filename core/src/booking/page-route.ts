/**
 * Where a request on a master page goes: the page, the event type, and either one target (a pool,
 * booking page or panel, with the rule that matched) or — "find member by time" without a chosen
 * member — the booking pages whose members form the combined calendar.
 *
 * Checks, in this order (the first failing one is the refusal): the page exists (`unknown-page`;
 * a booking page's link page counts, see `public-page.ts`);
 * the event type exists and is on the page (`unknown-event-type`); the answers are valid
 * (`invalid-answers`, all problems listed, see `answersValidate`); the target per the routing
 * module's `ruleResolve` (static target, first matching dynamic rule or fallback, or the chosen
 * booking page: `booking-page-required`, `unknown-booking-page`); for customer choice the chosen
 * booking page must exist and offer the event type (`unknown-booking-page`,
 * `unknown-event-type`). Find member by time needs no chosen page: it routes to all of them.
 */

import type {
  BookingPage,
  DynamicRule,
  EventType,
  MasterPage,
  Target,
  Workspace,
} from '../model/workspace'
import { answersValidate } from '../routing/answers-validate'
import { masterPageFind } from './public-page'
import { ruleResolve } from '../routing/rule-resolve'
import type { AssignmentExplanation, FieldProblem, PageRefusalReason } from './booking-types'

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

/**
 * The answer problems (`answersValidate`): all of them for a booking; for availability
 * (`isComplete` false, the answers given so far) missing required answers are not problems.
 */
export function pageAnswersProblems(
  eventType: EventType,
  answers: Readonly<Record<string, string>>,
  isComplete: boolean,
): readonly FieldProblem[] {
  if (isComplete) return answersValidate(eventType, answers)
  const optional = eventType.questions.map((question) => ({ ...question, required: false }))
  return answersValidate({ ...eventType, questions: optional }, answers)
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
  const masterPage = masterPageFind(state, request.masterPageId)
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
  const bookingPageId = request.bookingPageId ?? null
  const offering = (page: BookingPage): boolean => page.eventTypeIds.includes(eventType.id)
  if (
    assignment.type === 'customer-choice' &&
    assignment.flow === 'find-member-by-time' &&
    (bookingPageId === null || bookingPageId === '')
  ) {
    const bookingPages = assignment.bookingPageIds.flatMap((id) => {
      const page = state.bookingPages.find((candidate) => candidate.id === id)
      return page !== undefined && offering(page) ? [page] : []
    })
    return { ok: true, route: { kind: 'find-member-by-time', masterPage, eventType, bookingPages } }
  }
  const resolved = ruleResolve(
    masterPage,
    eventType.id,
    answers,
    assignment.type === 'customer-choice' ? bookingPageId : null,
  )
  if (!resolved.ok) return resolved
  const { target, matched } = resolved
  if (assignment.type === 'customer-choice' && 'bookingPageId' in target) {
    const page = state.bookingPages.find((candidate) => candidate.id === target.bookingPageId)
    if (page === undefined) return refuse('unknown-booking-page', 'No such booking page')
    if (!offering(page)) {
      return refuse(
        'unknown-event-type',
        `Booking page ${page.slug} does not offer ${eventType.name}`,
      )
    }
  }
  const rule =
    matched.kind === 'rule' && assignment.type === 'dynamic'
      ? (assignment.rules[matched.index] ?? null)
      : null
  return { ok: true, route: { kind: 'target', masterPage, eventType, matched, target, rule } }
}
