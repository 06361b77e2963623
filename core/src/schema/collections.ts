/**
 * RxDB collection schemas for the replicated workspace, derived from the record shapes in
 * `./records.ts` (core/ does not import rxdb; renderer/src/db and sync-server wrap them). One
 * collection per workspace record kind, plus `settings` (the workspace's own settings record);
 * every document is the record plus `updatedAt`, and bookings carry the server's own fields.
 *
 * Primary keys are limited to `idIsValid`'s charset because rxdb-server 15.22 does not
 * URL-encode the checkpoint id in pull requests.
 *
 * A schema's JSON changes whenever its record shape does, so bump its `version` together with a
 * migration in `./migrations.ts` (see README, "Schema versions").
 */

import { ID_MAX_LENGTH } from './records'
import {
  bookingPageShape,
  bookingShape,
  eventTypeShape,
  masterPageShape,
  memberBusyShape,
  memberShape,
  panelShape,
  poolShape,
  settingsShape,
  shapeProperties,
  shapeRequired,
} from './records'
import type { JsonSchema, Shape } from './shape'

export { ID_MAX_LENGTH } from './records'

const INSTANT_MAX_LENGTH = 40
const updatedAt = { type: 'string', maxLength: INSTANT_MAX_LENGTH } as const
const optionalText = { type: ['string', 'null'] } as const

/**
 * Fields of a stored booking that only the server writes (never part of the workspace format,
 * never taken from a client's push): the customer's manage-link secret, the public request's
 * idempotency key and a fingerprint of that request.
 */
export const BOOKING_SERVER_FIELDS = ['manageToken', 'idempotencyKey', 'requestHash'] as const

/** An RxDB collection schema (plain JSON; the runtimes cast it to their RxJsonSchema). */
export interface CollectionSchema {
  readonly title: string
  readonly version: number
  readonly primaryKey: 'id'
  readonly type: 'object'
  readonly properties: Readonly<Record<string, JsonSchema>>
  readonly required: readonly string[]
  readonly indexes?: readonly string[]
}

function collectionSchema(
  title: string,
  version: number,
  shape: Shape<{ readonly id: string }>,
  extra: Readonly<Record<string, JsonSchema>> = {},
  indexes?: readonly string[],
): CollectionSchema {
  const properties: Record<string, JsonSchema> = { ...shapeProperties(shape), updatedAt, ...extra }
  // RxDB needs a maxLength on the primary key.
  properties['id'] = { type: 'string', maxLength: ID_MAX_LENGTH }
  return {
    title,
    version,
    primaryKey: 'id',
    type: 'object',
    properties,
    required: shapeRequired(shape),
    ...(indexes ? { indexes } : {}),
  }
}

// Versions: every collection moved one up when its schema became derived from the record shapes
// (identity migrations; bookings also dropped the stored conflict mark, see ./migrations.ts).
export const memberSchema = collectionSchema('member', 2, memberShape)
export const eventTypeSchema = collectionSchema('event type', 1, eventTypeShape)
export const bookingPageSchema = collectionSchema('booking page', 1, bookingPageShape)
export const poolSchema = collectionSchema('resource pool', 1, poolShape)
export const panelSchema = collectionSchema('panel', 1, panelShape)
export const masterPageSchema = collectionSchema('master page', 1, masterPageShape)
export const bookingSchema = collectionSchema(
  'booking',
  1,
  bookingShape,
  Object.fromEntries(BOOKING_SERVER_FIELDS.map((field) => [field, optionalText])),
  ['start', 'end'],
)
export const settingsSchema = collectionSchema('workspace settings', 0, settingsShape)

/** Every replicated collection, by RxDB collection name. */
export const COLLECTION_SCHEMAS = {
  settings: settingsSchema,
  members: memberSchema,
  eventtypes: eventTypeSchema,
  bookingpages: bookingPageSchema,
  pools: poolSchema,
  panels: panelSchema,
  masterpages: masterPageSchema,
  bookings: bookingSchema,
} as const satisfies Record<string, CollectionSchema>

export type CollectionName = keyof typeof COLLECTION_SCHEMAS

/** Collection names in dependency order (referenced records before the records referencing them). */
export const COLLECTION_NAMES: readonly CollectionName[] = [
  'settings',
  'members',
  'eventtypes',
  'bookingpages',
  'pools',
  'panels',
  'masterpages',
  'bookings',
]

/**
 * Members' busy time from their own calendars (issue 11), one document per member: written by the
 * sync server alone (a client's push is refused), replicated read-only to desktops so their
 * decisions use the busy times last synced. Not part of the workspace format (never imported or
 * exported). New at version 0.
 */
export const memberBusySchema = collectionSchema('member busy times', 0, memberBusyShape)

/** Collections only the server writes (clients pull them; a push is refused). */
export const SERVER_WRITTEN_SCHEMAS = { memberbusy: memberBusySchema } as const

export type ServerWrittenName = keyof typeof SERVER_WRITTEN_SCHEMAS

/** Every replicated collection: the workspace's and the server-written ones. */
export type ReplicatedName = CollectionName | ServerWrittenName

/** Replicated collections in replication order (the server-written ones last). */
export const REPLICATED_NAMES: readonly ReplicatedName[] = [...COLLECTION_NAMES, 'memberbusy']

/** The schema of any replicated collection. */
export const REPLICATED_SCHEMAS: Readonly<Record<ReplicatedName, CollectionSchema>> = {
  ...COLLECTION_SCHEMAS,
  ...SERVER_WRITTEN_SCHEMAS,
}
