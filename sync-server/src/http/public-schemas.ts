import { z } from 'zod'
import { idIsValid } from '../../../core/src/model/workspace'
import { zoneIsValid } from '../../../core/src/time'
import { HttpError } from './errors'

/** Longest availability range a request may ask for (api.md: "range over 62 days" is refused). */
export const MAX_RANGE_DAYS = 62
const DAY_MS = 24 * 60 * 60 * 1000

const id = z.string().refine(idIsValid, 'not a valid id')
const instant = z.iso.datetime({ offset: true, message: 'expected an ISO-8601 instant' })
const zone = z.string().max(100).refine(zoneIsValid, 'unknown time zone')
/** Names and answers are shown back to schedulers: printable text only, bounded. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'control characters are not allowed')
    .refine((value) => !/[<>]/.test(value), 'angle brackets are not allowed')

/**
 * `fields` plus a `[from, to)` instant range: from before to, at most `maxDays` long (both
 * refused with the path `to`).
 */
export function withInstantRange<T extends z.ZodRawShape>(fields: T, maxDays: number) {
  // zod cannot see `from`/`to` through the generic spread; the shape guarantees both strings.
  const span = (q: unknown) => {
    const { from, to } = q as { from: string; to: string }
    return Date.parse(to) - Date.parse(from)
  }
  return z
    .object({ ...fields, from: instant, to: instant })
    .refine((q) => span(q) > 0, { message: 'from must be before to', path: ['to'] })
    .refine((q) => span(q) <= maxDays * DAY_MS, {
      message: `the range may span at most ${maxDays} days`,
      path: ['to'],
    })
}

export const availabilityQuerySchema = withInstantRange(
  // `timeZone`: the zone the customer's calendar shows days in (round robin per day, core's `dayZone`).
  { eventTypeId: id, bookingPageId: id.optional(), timeZone: zone.optional() },
  MAX_RANGE_DAYS,
)

export const rescheduleAvailabilityQuerySchema = withInstantRange(
  { token: z.string().min(1).max(200) },
  MAX_RANGE_DAYS,
)

/** Answers by question id: the keys are ids (never `__proto__` and the like). */
const answers = z
  .record(z.string().refine(idIsValid, 'not a question id'), z.string().max(2000))
  .refine((a) => Object.keys(a).length <= 50, 'too many answers')

export const bookingBodySchema = z.object({
  eventTypeId: id,
  start: instant,
  bookingPageId: id.optional(),
  customer: z.object({ name: text(200), email: z.email().max(254), timeZone: zone }),
  answers: answers.default({}),
  idempotencyKey: z.string().min(8).max(200).optional(),
})

export const cancelBodySchema = z.object({
  token: z.string().min(1).max(200),
  reason: z.string().trim().max(1000).optional(),
})

export const rescheduleBodySchema = z.object({ token: z.string().min(1).max(200), start: instant })

export const tokenQuerySchema = z.object({ token: z.string().min(1).max(200) })

/** Parses `input` or throws a 400 `invalid-request` naming every problem. */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }))
  throw new HttpError(
    'invalid-request',
    problems.map((p) => `${p.path}: ${p.message}`).join('; '),
    {
      problems,
    },
  )
}

/** `answers.<questionId>=value` query parameters as an answers object. */
export function answersFromQuery(query: Readonly<Record<string, unknown>>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(query)) {
    if (!key.startsWith('answers.')) continue
    const questionId = key.slice('answers.'.length)
    if (!idIsValid(questionId)) throw new HttpError('invalid-request', `${key}: not a question id`)
    if (typeof value !== 'string')
      throw new HttpError('invalid-request', `${key} must be a single value`)
    out[questionId] = value
  }
  const parsed = answers.safeParse(out)
  if (!parsed.success) throw new HttpError('invalid-request', 'answers are too long or too many')
  return parsed.data
}
