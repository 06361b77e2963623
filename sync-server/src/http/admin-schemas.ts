import { z } from 'zod'
import { idIsValid } from '../../../core/src/model/workspace'
import { withInstantRange } from './public-schemas'

const id = z.string().refine(idIsValid, 'not a valid id')
const instant = z.iso.datetime({ offset: true, message: 'expected an ISO-8601 instant' })
/** Longest range the admin bookings listing accepts (a year and a bit). */
const MAX_ADMIN_RANGE_DAYS = 400

/** Largest page of the admin bookings listing. */
export const MAX_BOOKINGS_PAGE = 2000

export const bookingsRangeSchema = withInstantRange(
  {
    limit: z.coerce.number().int().min(1).max(MAX_BOOKINGS_PAGE).optional(),
    cursor: z.string().min(1).max(400).optional(),
  },
  MAX_ADMIN_RANGE_DAYS,
)

/** The seat changes of bookings that ended before `before` (the desktops' ledger baseline). */
export const poolLedgersQuerySchema = z.object({ before: instant })

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
