/**
 * The booking changes a webhook can be sent (`WEBHOOK_EVENT_TYPES`, api.md v1.1) in words for the
 * people who choose them, and the test event. `*` subscribes to every change.
 */
import { WEBHOOK_EVENT_TYPES } from './notify-plan'
import type { WebhookEventType } from './notify-plan'

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
