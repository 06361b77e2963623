import { z } from 'zod'
import { ID_PATTERN, idIsValid } from '../../../core/src/model/workspace'
import type { Workspace } from '../../../core/src/model/workspace'

/**
 * The v1 workspace JSON's shape (api.md) as a zod schema: types, enums, id charset, instant and
 * `HH:mm` formats. Cross-record rules (dangling references, overlapping hours, unknown zones…)
 * are core's `workspaceValidate`, applied after this parse.
 */
const id = z
  .string()
  .regex(ID_PATTERN, {
    message: 'ids use only A-Z a-z 0-9 _ . : | - (1–100 characters)',
    abort: true,
  })
  .refine(idIsValid, 'this id is a reserved name')
const instant = z.iso.datetime({ offset: false, message: 'expected an ISO-8601 UTC instant' })
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:mm')
const localDate = z.iso.date()
const range = z.tuple([localTime, localTime])
const ranges = z.array(range)
const text = (max: number) => z.string().min(1).max(max)
const minutes = z.number().int().nonnegative()

const member = z.object({
  id,
  name: text(200),
  email: z.email(),
  timeZone: text(100),
  weeklyHours: z.object({
    mon: ranges,
    tue: ranges,
    wed: ranges,
    thu: ranges,
    fri: ranges,
    sat: ranges,
    sun: ranges,
  }),
  dateOverrides: z.array(z.object({ date: localDate, hours: ranges })),
  maxBookingsPerDay: z.number().int().positive().nullable().optional(),
  maxBookingsPerWeek: z.number().int().positive().nullable().optional(),
  active: z.boolean(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'expected a #rrggbb color')
    .nullable()
    .optional(),
})

const question = z.object({
  id,
  label: text(200),
  type: z.enum(['text', 'select', 'phone', 'note']),
  options: z.array(text(200)).optional(),
  required: z.boolean(),
})

const eventType = z.object({
  id,
  name: text(200),
  durationMinutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
  slotIntervalMinutes: z
    .number()
    .int()
    .positive()
    .max(24 * 60),
  bufferBeforeMinutes: minutes.max(24 * 60),
  bufferAfterMinutes: minutes.max(24 * 60),
  minNoticeMinutes: minutes,
  maxDaysAhead: z.number().int().positive().max(730),
  questions: z.array(question),
})

const target = z.union([
  z.object({ poolId: id }).strict(),
  z.object({ bookingPageId: id }).strict(),
  z.object({ panelId: id }).strict(),
])

const assignment = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('customer-choice'),
    flow: z.enum(['booking-pages-first', 'event-types-first', 'find-member-by-time']),
    bookingPageIds: z.array(id),
  }),
  z.object({ type: z.literal('static'), target }),
  z.object({
    type: z.literal('dynamic'),
    rules: z.array(
      z.object({
        eventTypeId: id,
        when: z.array(
          z.object({
            questionId: id,
            op: z.enum(['equals', 'not-equals', 'in', 'contains']),
            value: z.union([z.string(), z.array(z.string())]),
          }),
        ),
        target,
      }),
    ),
    fallback: target,
  }),
])

const historyEntry = z.object({
  at: instant,
  action: z.enum([
    'created',
    'reassigned',
    'cancelled',
    'rescheduled',
    'completed',
    'no-show',
    'conflict-resolved',
  ]),
  by: text(200),
  reason: z.string().max(1000).nullable().optional(),
  fromMemberId: id.nullable().optional(),
  toMemberId: id.nullable().optional(),
  forced: z.boolean().nullable().optional(),
  previousStart: instant.nullable().optional(),
  withBookingIds: z.array(id).nullable().optional(),
})

const booking = z.object({
  id,
  eventTypeId: id,
  masterPageId: id.nullable(),
  start: instant,
  end: instant,
  hostMemberIds: z.array(id).min(1),
  poolId: id.nullable(),
  panelId: id.nullable(),
  status: z.enum(['scheduled', 'rescheduled', 'cancelled', 'completed', 'no-show']),
  customer: z.object({ name: text(200), email: z.email(), timeZone: text(100) }),
  answers: z.record(z.string(), z.string().max(2000)),
  createdVia: z.enum(['public', 'desktop']),
  history: z.array(historyEntry),
})

const bookingPage = z.object({
  id,
  slug: z.string().regex(/^[a-z0-9-]{1,60}$/),
  memberId: id,
  eventTypeIds: z.array(id),
})

const pool = z.object({
  id,
  name: text(200),
  distribution: z.enum(['round-robin', 'pooled', 'pooled-priority']),
  members: z.array(
    z.object({
      memberId: id,
      priority: z.number().int().min(1).max(10),
      addedAt: instant.nullable().optional(),
    }),
  ),
  reportingCycle: z.enum(['monthly', 'quarterly', 'continuous']),
  automaticCorrection: z.boolean(),
})

const panel = z.object({
  id,
  name: text(200),
  seats: z
    .array(z.union([z.object({ memberId: id }).strict(), z.object({ poolId: id }).strict()]))
    .min(1),
})

const masterPage = z.object({
  id,
  slug: z.string().regex(/^[a-z0-9-]{1,60}$/),
  title: text(200),
  eventTypeIds: z.array(id),
  assignment,
})

/** The shape of one record per collection (replicated pushes are checked with these). */
export const RECORD_SCHEMAS = {
  members: member,
  eventtypes: eventType,
  bookingpages: bookingPage,
  pools: pool,
  panels: panel,
  masterpages: masterPage,
  bookings: booking,
} as const

export const workspaceSchema = z.object({
  version: z.literal(1),
  timeZone: text(100).optional(),
  members: z.array(member),
  eventTypes: z.array(eventType),
  bookingPages: z.array(bookingPage),
  pools: z.array(pool),
  panels: z.array(panel),
  masterPages: z.array(masterPage),
  bookings: z.array(booking),
})

export interface WorkspaceProblem {
  readonly path: string
  readonly message: string
}

export type WorkspaceParse =
  | { readonly ok: true; readonly workspace: Workspace }
  | { readonly ok: false; readonly problems: readonly WorkspaceProblem[] }

/** Parses an untrusted body as a v1 workspace; every problem comes back with its JSON path. */
export function parseWorkspace(body: unknown): WorkspaceParse {
  const result = workspaceSchema.safeParse(body)
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(root)',
        message: issue.message,
      })),
    }
  }
  return { ok: true, workspace: result.data as Workspace }
}
