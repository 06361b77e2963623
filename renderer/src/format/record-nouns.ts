import type { ReplicatedName } from '../../../core/src/schema/collections'

/**
 * What each kind of record is called in sentences, by collection name: every replicated
 * collection, and the server's own records the activity log names.
 */
export const RECORD_NOUNS = {
  settings: 'workspace settings',
  members: 'member',
  eventtypes: 'event type',
  bookingpages: 'booking page',
  pools: 'pool',
  panels: 'panel',
  masterpages: 'master page',
  bookings: 'booking',
  memberbusy: 'busy times',
  people: 'person',
  webhooks: 'webhook',
} as const satisfies Readonly<Record<ReplicatedName, string>> & Readonly<Record<string, string>>
