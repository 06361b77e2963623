/**
 * The booking changes a webhook can be sent (`WEBHOOK_EVENT_TYPES`, api.md v1.1) in words for the
 * people who choose them, and the test event. `*` subscribes to every change.
 */
import { WEBHOOK_EVENT_TYPES } from './notify-plan'
import type { WebhookEventType } from './notify-plan'
import type { Booking, Workspace } from '../model/workspace'
import { instantFormat, MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '../time/instant'

/** The event a test sends (`POST /api/admin/webhooks/{id}/test`): never sent on its own. */
export const WEBHOOK_TEST_EVENT = 'webhook.test'

/** What each event means, as a scheduler would say it. */
export const WEBHOOK_EVENT_TEXT: Readonly<Record<WebhookEventType, string>> = {
  'booking.created': 'a booking is made',
  'booking.rescheduled': 'a booking is moved to another time',
  'booking.cancelled': 'a booking is cancelled',
  'booking.reassigned': 'a booking goes to another member',
  'booking.no-show': 'a customer is marked as not having come',
  'booking.completed': 'a meeting is marked as done',
}

/** True for a name of {@link WEBHOOK_EVENT_TYPES}. */
export function webhookEventIsKnown(name: string): name is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(name)
}

/**
 * What a webhook's `events` subscribe to, in words: "every booking change" for `*` (or every event
 * named), else the known events' words in list order ("a booking is made, a booking is
 * cancelled"); an event name this version does not know is shown as written.
 */
export function webhookEventsText(events: readonly string[]): string {
  const known = WEBHOOK_EVENT_TYPES.filter((name) => events.includes(name))
  if (events.includes('*') || known.length === WEBHOOK_EVENT_TYPES.length) {
    return 'every booking change'
  }
  const unknown = events.filter((name) => !webhookEventIsKnown(name))
  return [...known.map((name) => WEBHOOK_EVENT_TEXT[name]), ...unknown].join(', ')
}

/**
 * The names behind a booking's ids, sent beside it in every webhook body (`details`), so a
 * receiver shows "Intro call with Dev Patel", not "et-intro" and "m-dev": the event type, the
 * hosts in seat order, the pool or panel, the master page it came through, and each answer with
 * its question's label. A record the workspace no longer has is left out (null, or not listed).
 */
export interface WebhookDetails {
  readonly eventType: {
    readonly id: string
    readonly name: string
    readonly durationMinutes: number
  } | null
  readonly hosts: readonly {
    readonly id: string
    readonly name: string
    readonly email: string
    readonly timeZone: string
  }[]
  readonly pool: { readonly id: string; readonly name: string } | null
  readonly panel: { readonly id: string; readonly name: string } | null
  readonly page: { readonly id: string; readonly title: string; readonly slug: string } | null
  readonly answers: readonly {
    readonly questionId: string
    readonly label: string
    readonly answer: string
  }[]
}

/** The {@link WebhookDetails} of `booking` (as the event left it) in `workspace`. */
export function webhookDetails(workspace: Workspace, booking: Booking): WebhookDetails {
  const eventType = workspace.eventTypes.find((type) => type.id === booking.eventTypeId)
  const pool = booking.poolId ? workspace.pools.find((p) => p.id === booking.poolId) : undefined
  const panel = booking.panelId ? workspace.panels.find((p) => p.id === booking.panelId) : undefined
  const page = booking.masterPageId
    ? workspace.masterPages.find((p) => p.id === booking.masterPageId)
    : undefined
  const hosts = booking.hostMemberIds.flatMap((id) => {
    const member = workspace.members.find((m) => m.id === id)
    return member ? [{ id, name: member.name, email: member.email, timeZone: member.timeZone }] : []
  })
  const answers = (eventType?.questions ?? []).flatMap((question) => {
    const answer = booking.answers[question.id]
    return answer === undefined ? [] : [{ questionId: question.id, label: question.label, answer }]
  })
  return {
    eventType: eventType
      ? { id: eventType.id, name: eventType.name, durationMinutes: eventType.durationMinutes }
      : null,
    hosts,
    pool: pool ? { id: pool.id, name: pool.name } : null,
    panel: panel ? { id: panel.id, name: panel.name } : null,
    page: page ? { id: page.id, title: page.title, slug: page.slug } : null,
    answers,
  }
}

/**
 * The made-up booking a test event carries, built from the team's own setup so a receiver can
 * map every field: the first event type and the master page offering it, the first active member
 * as host, tomorrow at the next whole hour, a customer "Sample Customer" at an example.com
 * address (never a real one). Its id starts with `bk-sample-`.
 */
export function webhookSampleBooking(workspace: Workspace, nowMs: number): Booking {
  const eventType = workspace.eventTypes[0]
  const host = workspace.members.find((m) => m.active) ?? workspace.members[0]
  const page = eventType
    ? workspace.masterPages.find((p) => p.eventTypeIds.includes(eventType.id))
    : undefined
  const startMs = Math.ceil(nowMs / MS_PER_HOUR) * MS_PER_HOUR + MS_PER_DAY
  const durationMs = (eventType?.durationMinutes ?? 30) * MS_PER_MINUTE
  const answers: Record<string, string> = {}
  for (const question of eventType?.questions ?? []) {
    if (question.required) answers[question.id] = question.options?.[0] ?? 'Sample answer'
  }
  return {
    id: `bk-sample-${Math.floor(nowMs / 1000)}`,
    eventTypeId: eventType?.id ?? 'et-sample',
    masterPageId: page?.id ?? null,
    start: instantFormat(startMs),
    end: instantFormat(startMs + durationMs),
    hostMemberIds: [host?.id ?? 'm-sample'],
    poolId: null,
    panelId: null,
    status: 'scheduled',
    customer: {
      name: 'Sample Customer',
      email: 'sample.customer@example.com',
      timeZone: host?.timeZone ?? 'UTC',
    },
    answers,
    createdVia: 'public',
    history: [{ at: instantFormat(nowMs), action: 'created', by: 'customer' }],
  }
}
