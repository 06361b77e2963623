import { z } from 'zod'
import { ROLES } from '../../../core/src/people'
import { AUDIT_PAGE_MAX } from '../people/audit-log'
import { idIsValid } from '../../../core/src/model/workspace'
import { withInstantRange } from './public-schemas'
import { HISTORY_READ_MAX_DAYS } from '../../../core/src/booking/booking-window'
import { BOOKING_STATUSES } from '../../../core/src/schema/records'
import { WEBHOOK_EVENT_TYPES } from '../../../core/src/notify'

const id = z.string().refine(idIsValid, 'not a valid id')
const instant = z.iso.datetime({ offset: true, message: 'expected an ISO-8601 instant' })

/** Largest page of the admin bookings listing. */
export const MAX_BOOKINGS_PAGE = 2000

export const bookingsRangeSchema = withInstantRange(
  {
    limit: z.coerce.number().int().min(1).max(MAX_BOOKINGS_PAGE).optional(),
    cursor: z.string().min(1).max(400).optional(),
  },
  HISTORY_READ_MAX_DAYS,
)

/** Largest page of the bookings search. */
export const MAX_SEARCH_PAGE = 500

/**
 * The bookings list's search of stored history (any span from 1900 on: each request's cost is
 * bounded by the rows it may look at, not by the range).
 */
export const bookingsSearchQuerySchema = withInstantRange(
  {
    q: z.string().max(200).optional(),
    member: id.optional(),
    status: z.enum(BOOKING_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE).default(100),
    cursor: z.string().min(1).max(400).optional(),
    /** `asc`: earliest first (the default); `desc`: latest first (a customer at any date). */
    order: z.enum(['asc', 'desc']).default('asc'),
  },
  366 * 200,
)

/** Booking counts of a range (Reports: the part before a desktop's window). */
export const bookingCountsQuerySchema = withInstantRange({}, HISTORY_READ_MAX_DAYS)

/** The seat changes of bookings that ended before `before` (the desktops' ledger baseline). */
export const poolLedgersQuerySchema = z.object({ before: instant })

/** A member's busy time: any range within the calendars' horizon (a day back, 400 ahead). */
export const busyQuerySchema = withInstantRange({}, 401)

/** Who acts, for history entries; desktops send the scheduler's name. */
const actor = z.string().trim().min(1).max(200).optional()

export const reassignBodySchema = z.object({
  toMemberId: id,
  fromMemberId: id.optional(),
  reason: z.string().trim().max(1000).optional(),
  force: z.boolean().optional(),
  by: actor,
})

export const noShowBodySchema = z.object({ by: actor })

export const resolveConflictBodySchema = z.object({
  by: actor,
  note: z.string().trim().max(1000).optional(),
})

export const statsQuerySchema = z.object({ at: instant.optional() })

export const candidatesQuerySchema = z.object({ fromMemberId: id.optional() })

/** `GET /api/admin/outbox` filters. */
export const outboxQuerySchema = z.object({
  status: z.enum(['queued', 'sent', 'failed', 'not-sent', 'skipped']).optional(),
  bookingId: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
})

/** `GET /api/admin/reminders`: how many of the reminders to come. */
export const remindersQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
})

/** `POST /api/admin/webhooks`. */
export const webhookBodySchema = z.object({
  url: z
    .string()
    .max(2000)
    .refine((value) => {
      try {
        const url = new URL(value)
        return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username
      } catch {
        return false
      }
    }, 'expected an http:// or https:// address without credentials'),
  events: z
    .array(z.enum([...WEBHOOK_EVENT_TYPES, '*']))
    .min(1, 'name at least one event, or "*" for all')
    .max(WEBHOOK_EVENT_TYPES.length + 1),
  secret: z.string().min(16, 'a secret has at least 16 characters').max(200).optional(),
})

/** `PATCH /api/admin/webhooks/{id}`: which changes it is sent. */
export const webhookPatchSchema = z.strictObject({ events: webhookBodySchema.shape.events })

const personName = z.string().trim().min(1, 'a name is required').max(200)
const personEmail = z.email({ message: 'expected an e-mail address' }).max(320)
const role = z.enum(ROLES, { message: `expected one of ${ROLES.join(', ')}` })

/** `POST /api/admin/people`. */
export const personBodySchema = z.strictObject({ name: personName, email: personEmail, role })

/** `PATCH /api/admin/people/{id}`: at least one of name, email, role. */
export const personPatchSchema = z
  .strictObject({
    name: personName.optional(),
    email: personEmail.optional(),
    role: role.optional(),
  })
  .refine(
    (patch) => Object.values(patch).some((value) => value !== undefined),
    'name, email or role is required',
  )

/** `GET /api/admin/audit`. */
export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).optional(),
  before: instant.optional(),
})
