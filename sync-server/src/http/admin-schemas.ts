import { z } from 'zod'
import { ID_PATTERN } from '../../../core/src/model/workspace'

const id = z.string().regex(ID_PATTERN, 'not a valid id')
const instant = z.iso.datetime({ offset: true, message: 'expected an ISO-8601 instant' })
/** Longest range the admin bookings listing accepts (a year and a bit). */
const MAX_ADMIN_RANGE_DAYS = 400
const DAY_MS = 24 * 60 * 60 * 1000

export const bookingsRangeSchema = z
  .object({ from: instant, to: instant })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), {
    message: 'from must be before to',
    path: ['to'],
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_ADMIN_RANGE_DAYS * DAY_MS, {
    message: `the range may span at most ${MAX_ADMIN_RANGE_DAYS} days`,
    path: ['to'],
  })

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
