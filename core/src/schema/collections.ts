/**
 * RxDB collection schemas for the replicated workspace, as plain JSON-schema objects (core/ does not
 * import rxdb; renderer/src/db and sync-server wrap them). One collection per workspace record kind;
 * every document is the v1 workspace record (see `../model/workspace.ts`) plus `updatedAt`.
 *
 * Primary keys are limited to {@link ID_PATTERN}'s charset because rxdb-server 15.22 does not
 * URL-encode the checkpoint id in pull requests.
 *
 * Bump a schema's `version` only together with a migration strategy in both the desktop and the
 * server (see README, "Schema versions").
 */

/** Longest id accepted anywhere; RxDB needs a maxLength on the primary key. */
export const ID_MAX_LENGTH = 100
/** ISO instants are 24 characters (`2027-03-15T09:00:00.000Z`); room for offsets/precision. */
const INSTANT_MAX_LENGTH = 40

const idProperty = { type: 'string', maxLength: ID_MAX_LENGTH } as const
const stringArray = { type: 'array', items: { type: 'string' } } as const
const localRanges = {
  type: 'array',
  items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
} as const
const targetProperty = {
  type: 'object',
  properties: { poolId: idProperty, bookingPageId: idProperty, panelId: idProperty },
} as const
const updatedAt = { type: 'string', maxLength: INSTANT_MAX_LENGTH } as const

export const memberSchema = {
  title: 'member',
  // v1 added `color` (see ./migrations.ts).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    name: { type: 'string' },
    email: { type: 'string' },
    timeZone: { type: 'string' },
    weeklyHours: {
      type: 'object',
      properties: {
        mon: localRanges,
        tue: localRanges,
        wed: localRanges,
        thu: localRanges,
        fri: localRanges,
        sat: localRanges,
        sun: localRanges,
      },
    },
    dateOverrides: {
      type: 'array',
      items: {
        type: 'object',
        properties: { date: { type: 'string' }, hours: localRanges },
      },
    },
    maxBookingsPerDay: { type: ['number', 'null'] },
    maxBookingsPerWeek: { type: ['number', 'null'] },
    active: { type: 'boolean' },
    color: { type: ['string', 'null'] },
    updatedAt,
  },
  required: ['id', 'name', 'email', 'timeZone', 'weeklyHours', 'dateOverrides', 'active'],
} as const

export const eventTypeSchema = {
  title: 'event type',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    name: { type: 'string' },
    durationMinutes: { type: 'number' },
    slotIntervalMinutes: { type: 'number' },
    bufferBeforeMinutes: { type: 'number' },
    bufferAfterMinutes: { type: 'number' },
    minNoticeMinutes: { type: 'number' },
    maxDaysAhead: { type: 'number' },
    questions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          label: { type: 'string' },
          type: { type: 'string' },
          options: stringArray,
          required: { type: 'boolean' },
        },
      },
    },
    updatedAt,
  },
  required: [
    'id',
    'name',
    'durationMinutes',
    'slotIntervalMinutes',
    'bufferBeforeMinutes',
    'bufferAfterMinutes',
    'minNoticeMinutes',
    'maxDaysAhead',
    'questions',
  ],
} as const

export const bookingPageSchema = {
  title: 'booking page',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    slug: { type: 'string' },
    memberId: idProperty,
    eventTypeIds: stringArray,
    updatedAt,
  },
  required: ['id', 'slug', 'memberId', 'eventTypeIds'],
} as const

export const poolSchema = {
  title: 'resource pool',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    name: { type: 'string' },
    distribution: { type: 'string' },
    members: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          memberId: idProperty,
          priority: { type: 'number' },
          addedAt: { type: ['string', 'null'] },
        },
      },
    },
    reportingCycle: { type: 'string' },
    automaticCorrection: { type: 'boolean' },
    updatedAt,
  },
  required: ['id', 'name', 'distribution', 'members', 'reportingCycle', 'automaticCorrection'],
} as const

export const panelSchema = {
  title: 'panel',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    name: { type: 'string' },
    seats: {
      type: 'array',
      items: { type: 'object', properties: { memberId: idProperty, poolId: idProperty } },
    },
    updatedAt,
  },
  required: ['id', 'name', 'seats'],
} as const

export const masterPageSchema = {
  title: 'master page',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    slug: { type: 'string' },
    title: { type: 'string' },
    eventTypeIds: stringArray,
    assignment: {
      type: 'object',
      properties: {
        type: { type: 'string' },
        flow: { type: 'string' },
        bookingPageIds: stringArray,
        target: targetProperty,
        fallback: targetProperty,
        rules: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              eventTypeId: idProperty,
              when: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    questionId: { type: 'string' },
                    op: { type: 'string' },
                    value: { type: ['string', 'array'] },
                  },
                },
              },
              target: targetProperty,
            },
          },
        },
      },
    },
    updatedAt,
  },
  required: ['id', 'slug', 'title', 'eventTypeIds', 'assignment'],
} as const

export const bookingSchema = {
  title: 'booking',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idProperty,
    eventTypeId: idProperty,
    masterPageId: { type: ['string', 'null'] },
    start: { type: 'string', maxLength: INSTANT_MAX_LENGTH },
    end: { type: 'string', maxLength: INSTANT_MAX_LENGTH },
    hostMemberIds: stringArray,
    poolId: { type: ['string', 'null'] },
    panelId: { type: ['string', 'null'] },
    status: { type: 'string' },
    customer: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        email: { type: 'string' },
        timeZone: { type: 'string' },
      },
    },
    answers: { type: 'object' },
    createdVia: { type: 'string' },
    history: { type: 'array', items: { type: 'object' } },
    /** Secret for the customer's manage link; admin-only data. */
    manageToken: { type: ['string', 'null'] },
    /** Set by the server when this booking collides with another of the same member. */
    conflict: { type: ['object', 'null'] },
    /** The customer's idempotency key of the public request that created it (admin-only data). */
    idempotencyKey: { type: ['string', 'null'] },
    requestHash: { type: ['string', 'null'] },
    updatedAt,
  },
  required: [
    'id',
    'eventTypeId',
    'start',
    'end',
    'hostMemberIds',
    'status',
    'customer',
    'answers',
    'createdVia',
    'history',
  ],
  indexes: ['start'],
} as const

/** Every replicated collection, by RxDB collection name. */
export const COLLECTION_SCHEMAS = {
  members: memberSchema,
  eventtypes: eventTypeSchema,
  bookingpages: bookingPageSchema,
  pools: poolSchema,
  panels: panelSchema,
  masterpages: masterPageSchema,
  bookings: bookingSchema,
} as const

export type CollectionName = keyof typeof COLLECTION_SCHEMAS

/** Collection names in dependency order (referenced records before the records referencing them). */
export const COLLECTION_NAMES: readonly CollectionName[] = [
  'members',
  'eventtypes',
  'bookingpages',
  'pools',
  'panels',
  'masterpages',
  'bookings',
]
