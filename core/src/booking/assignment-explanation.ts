/**
 * "Why did this booking go to Ana?": the matched rule, the target, and per seat the method, the
 * ranking at the chosen start and one readable sentence.
 */

import type { Condition, EventType, Member, Target, Workspace } from '../model/workspace'
import type { AssignmentExplanation, RankedCandidate } from './booking-types'
import type { PageRoute } from './page-route'
import type { PlannedSeat, SeatPlan } from './seat-plan'

type Matched = AssignmentExplanation['matched']
type ExplainedSeat = AssignmentExplanation['seats'][number]

const OP_TEXT: Readonly<Record<Condition['op'], string>> = {
  equals: 'is',
  'not-equals': 'is not',
  in: 'is one of',
  contains: 'contains',
}

/** A rule's condition in words: "Region is one of EMEA, APAC". */
function conditionText(condition: Condition, eventType: EventType): string {
  const label = eventType.questions.find((q) => q.id === condition.questionId)?.label
  const value = typeof condition.value === 'string' ? condition.value : condition.value.join(', ')
  return `${label ?? condition.questionId} ${OP_TEXT[condition.op]} ${value}`
}

/**
 * Who picked the member on a customer-choice page: the customer (online), the desk, or nobody —
 * "find a member by time" without a choice takes the first of the page's members free then.
 */
export type MemberChooser = 'customer' | 'desk' | 'first-free'

/** How the page chose the target, leading to it: "Rule 2 (Call, Region is EMEA) sends it to". */
function matchedText(
  route: Extract<PageRoute, { kind: 'target' }>,
  matched: Matched,
  chooser: MemberChooser,
): string {
  if (matched.kind === 'rule') {
    const conditions = (route.rule?.when ?? []).map((c) => conditionText(c, route.eventType))
    return `Rule ${matched.index + 1} (${[route.eventType.name, ...conditions].join(', ')}) sends it to`
  }
  if (matched.kind === 'static') return 'This page sends every booking to'
  if (matched.kind === 'fallback') return 'No rule matched, so it goes to'
  if (chooser === 'first-free') return 'No member was asked for, so it went to the first free then:'
  return chooser === 'desk' ? 'Chosen at the desk:' : 'The customer chose'
}

function targetText(state: Workspace, target: Target): string {
  if ('poolId' in target) {
    const pool = state.pools.find((p) => p.id === target.poolId)
    return `pool ${pool?.name ?? target.poolId}`
  }
  if ('bookingPageId' in target) {
    const page = state.bookingPages.find((p) => p.id === target.bookingPageId)
    const owner = state.members.find((m) => m.id === page?.memberId)?.name
    return owner ? `${owner}'s booking page` : `booking page ${page?.slug ?? target.bookingPageId}`
  }
  const panel = state.panels.find((p) => p.id === target.panelId)
  return `panel ${panel?.name ?? target.panelId}`
}

function seatText(seat: ExplainedSeat, name: (id: string) => string): string {
  const who = name(seat.memberId)
  const ranking = seat.ranking ?? []
  const free = ranking.filter((candidate) => candidate.isFree)
  const chosen = ranking.find((candidate) => candidate.memberId === seat.memberId)
  const ahead = ranking.findIndex((candidate) => candidate.memberId === seat.memberId)
  // The ranking's own terms in words (the ranking itself stays in the explanation's seats).
  const waited = chosen?.lastAssignedAt
    ? 'had gone longest without a booking from the pool'
    : 'had not had a booking from the pool yet'
  const ofFree = `of the ${free.length} free,`
  switch (seat.method) {
    case 'round-robin': {
      const net = chosen?.net ?? 0
      const count = `${net} ${Math.abs(net) === 1 ? 'booking' : 'bookings'} this cycle`
      return ahead <= 0
        ? `round robin — ${who} was next in line (${count})`
        : `round robin — ${who} was next in line among those free (${count}; ` +
            `${ahead} before them in line ${ahead === 1 ? 'was' : 'were'} not free)`
    }
    case 'pooled':
      return `pooled availability — ${ofFree} ${who} ${waited}`
    case 'pooled-priority':
      return (
        `pooled with priority — ${ofFree} ${who} had the highest priority ` +
        `(${chosen?.priority ?? '?'}) and ${waited}`
      )
    case 'booking-page':
      return `${who}'s booking page`
    case 'specific-member':
      return `${who} (fixed seat)`
  }
}

/**
 * The explanation of a decided booking: `plan` filled by `memberIds` (one per seat), `freeIds`
 * the plan's members free at the start (marks `isFree` in every pool seat's ranking).
 */
export function explanationBuild(
  state: Workspace,
  route: Extract<PageRoute, { kind: 'target' }>,
  plan: SeatPlan,
  memberIds: readonly string[],
  freeIds: ReadonlySet<string>,
  /** Who picked the member of a customer-choice page (see {@link MemberChooser}). */
  chooser: MemberChooser,
): AssignmentExplanation {
  const names = new Map(state.members.map((member: Member) => [member.id, member.name]))
  const name = (id: string): string => names.get(id) ?? id
  const seats = plan.seats.map((planned: PlannedSeat, i): ExplainedSeat => {
    const memberId = memberIds[i] ?? ''
    const isPool = planned.poolId !== null
    const ranking: RankedCandidate[] = planned.ranking.map((candidate) => ({
      ...candidate,
      isFree: freeIds.has(candidate.memberId),
    }))
    return isPool
      ? { seat: planned.seat, memberId, method: planned.method, ranking }
      : { seat: planned.seat, memberId, method: planned.method }
  })
  const seatTexts = seats.map((seat, i) =>
    seats.length > 1 ? `seat ${i + 1}: ${seatText(seat, name)}` : seatText(seat, name),
  )
  const head = `${matchedText(route, route.matched, chooser)} ${targetText(state, plan.target)}`
  // A member's booking page says whose it is in the head already.
  const isPageOnly = seats.length === 1 && seats[0]?.method === 'booking-page'
  const summary = isPageOnly ? `${head}.` : `${head}: ${seatTexts.join('; ')}.`
  return { matched: route.matched, target: plan.target, seats, summary }
}
