/**
 * The booking flow as a pure function of the page and the customer's choices so far: which
 * steps there are, in which order, and which choices are made for the customer because there is
 * only one option (a page with one event type never asks "What would you like to book?", a
 * member's own link never asks "Who would you like to meet?").
 */
import type { ApiError, PageBookingPage, PageEventType, PublicPage, Slot } from '../api/types'
import type { MessageKey } from '../i18n/messages/en'

export type Step = 'member' | 'event' | 'questions' | 'time' | 'member-at-time' | 'details'

export interface Choices {
  readonly eventTypeId: string | null
  readonly bookingPageId: string | null
  readonly slot: Slot | null
}

export const NO_CHOICES: Choices = { eventTypeId: null, bookingPageId: null, slot: null }

/** True when the customer picks a member before picking a time. */
function picksMember(page: PublicPage): boolean {
  return (
    page.assignment.type === 'customer-choice' && page.assignment.flow !== 'find-member-by-time'
  )
}

function isFindMemberByTime(page: PublicPage): boolean {
  return (
    page.assignment.type === 'customer-choice' && page.assignment.flow === 'find-member-by-time'
  )
}

/** The event types offered: all the page's, or those of the chosen member. */
export function eventTypesOffered(
  page: PublicPage,
  bookingPageId: string | null,
): readonly PageEventType[] {
  const member = picksMember(page)
    ? page.bookingPages.find((candidate) => candidate.id === bookingPageId)
    : undefined
  return member
    ? page.eventTypes.filter((eventType) => member.eventTypeIds.includes(eventType.id))
    : page.eventTypes
}

/** The members offered for the chosen event type (all of them before one is chosen). */
export function membersOffered(
  page: PublicPage,
  eventTypeId: string | null,
): readonly PageBookingPage[] {
  return eventTypeId === null
    ? page.bookingPages
    : page.bookingPages.filter((member) => member.eventTypeIds.includes(eventTypeId))
}

/** The page's steps in order, with the single-option ones left out. */
export function flowSteps(page: PublicPage, choices: Choices): readonly Step[] {
  const choicesMade = flowAutoChoices(page, choices)
  const eventType = page.eventTypes.find((e) => e.id === choicesMade.eventTypeId)
  const asksEvent = eventTypesOffered(page, choicesMade.bookingPageId).length > 1
  const asksMember = membersOffered(page, choicesMade.eventTypeId).length > 1
  const asksQuestions = (eventType?.questions.length ?? 0) > 0
  const members = choicesMade.slot?.bookingPages ?? []
  const asksMemberAtTime = members.length !== 1
  const steps: (Step | false)[] =
    page.assignment.type === 'customer-choice' && page.assignment.flow === 'booking-pages-first'
      ? [asksMember && 'member', asksEvent && 'event', asksQuestions && 'questions', 'time']
      : picksMember(page)
        ? [asksEvent && 'event', asksMember && 'member', asksQuestions && 'questions', 'time']
        : [asksEvent && 'event', asksQuestions && 'questions', 'time']
  if (isFindMemberByTime(page) && asksMemberAtTime) steps.push('member-at-time')
  steps.push('details')
  return steps.filter((step): step is Step => step !== false)
}

/**
 * `choices` with every single-option choice made: the one event type offered, the one member
 * offered (customer choice), the one member free at the chosen time (find member by time).
 */
export function flowAutoChoices(page: PublicPage, choices: Choices): Choices {
  let { eventTypeId, bookingPageId } = choices
  const booksMemberFirst =
    page.assignment.type === 'customer-choice' && page.assignment.flow === 'booking-pages-first'
  const pickMember = () => {
    const members = membersOffered(page, booksMemberFirst ? null : eventTypeId)
    if (bookingPageId === null && members.length === 1) bookingPageId = members[0]!.id
  }
  const pickEvent = () => {
    const offered = eventTypesOffered(page, bookingPageId)
    if (eventTypeId === null && offered.length === 1) eventTypeId = offered[0]!.id
  }
  if (picksMember(page)) {
    if (booksMemberFirst) {
      pickMember()
      pickEvent()
    } else {
      pickEvent()
      pickMember()
    }
  } else {
    pickEvent()
  }
  const atTime = choices.slot?.bookingPages ?? []
  if (isFindMemberByTime(page) && bookingPageId === null && atTime.length === 1) {
    bookingPageId = atTime[0]!.id
  }
  return { eventTypeId, bookingPageId, slot: choices.slot }
}

/** The step after `step` (or the first step), or null after the last. */
export function stepAfter(steps: readonly Step[], step: Step | null): Step | null {
  if (step === null) return steps[0] ?? null
  const index = steps.indexOf(step)
  return steps[index + 1] ?? null
}

/** The step before `step`, or null on the first. */
export function stepBefore(steps: readonly Step[], step: Step): Step | null {
  const index = steps.indexOf(step)
  return index > 0 ? (steps[index - 1] ?? null) : null
}

/**
 * What the customer is told when the start they confirmed is refused (`409 slot-unavailable`), on
 * the time step of a new booking (`time`) or when moving one (`manage`): taken meanwhile, or — a
 * time shown to them can pass the event type's notice while they type their details — too soon
 * now, or past the booking window.
 */
export function refusedStartNotice(
  error: Pick<ApiError, 'reason'>,
  place: 'time' | 'manage',
): MessageKey {
  if (error.reason === 'too-soon') return `${place}.tooSoon`
  if (error.reason === 'too-far-ahead') return `${place}.tooFarAhead`
  return `${place}.justTaken`
}
