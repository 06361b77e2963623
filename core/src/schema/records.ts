/**
 * Every workspace record declared once, as a shape (see `./shape.ts`): the TypeScript types in
 * `../model/workspace.ts`, the RxDB collection schemas in `./collections.ts` and the parse that
 * the desktop editors, the workspace import and the replicated push all run
 * (`../validation/record-validate.ts`) come from these declarations.
 *
 * Value rules that need no other record live here (formats, lengths, ranges, known zones);
 * rules across fields or records (hours that overlap, references, panel seating) are the
 * `*-validate.ts` modules' semantics, run after a successful parse.
 */

import {
  instantMs,
  localDateIsReal,
  localTimeMinutes,
  zoneIsKnown,
} from '../validation/value-formats'
import type { JsonSchema, Shape } from './shape'
import {
  array,
  boolean,
  dictionary,
  freeText,
  integer,
  literal,
  nullable,
  object,
  oneKey,
  oneOf,
  optional,
  pair,
  tagged,
  text,
} from './shape'

/** Ids are restricted to characters that survive unencoded in a URL query and a SQLite key. */
export const ID_PATTERN = /^[A-Za-z0-9_.:|-]{1,100}$/
/** Longest id accepted anywhere; RxDB needs a maxLength on the primary key. */
export const ID_MAX_LENGTH = 100
/**
 * Names an id may not take: they are properties every JavaScript object has (`__proto__`,
 * `constructor`, `toString`…), so an id used as a map key could reach the prototype.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
])

/** True for a usable record id: {@link ID_PATTERN} and not a reserved JavaScript name. */
export function idIsValid(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id) && !RESERVED_IDS.has(id)
}

/** ISO instants are 24 characters (`2027-03-15T09:00:00.000Z`); room for precision. */
const INSTANT_MAX_LENGTH = 40
/** Longest names and labels people type. */
const NAME_MAX = 200
/** Workload caps above this are surely typos: more than one booking per minute of a week. */
export const MAX_WORKLOAD_CAP = 7 * 24 * 60
/** Meetings, intervals and buffers fit in one day: a day's working hours span at most 24 hours. */
export const MAX_EVENT_MINUTES = 24 * 60
/** Booking windows reach at most two years ahead. */
export const MAX_DAYS_AHEAD = 730
/** Priority levels run from 1 (highest) to this. */
export const MAX_POOL_PRIORITY = 10
const MINUTES_PER_DAY = 24 * 60
/** Several ranges a day are normal (split shifts); more than this is not a working day. */
const MAX_RANGES_PER_DAY = 24
/** Public page slugs: lowercase letters, digits and hyphens (they are URL path segments). */
export const SLUG_PATTERN = /^[a-z0-9-]{1,60}$/
/** A pragmatic e-mail address check: one `@`, a dotted domain, no spaces or brackets. */
const EMAIL_PATTERN =
  /^(?!\.)(?!.*\.\.)[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+(?<!\.)@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export const QUESTION_TYPES = ['text', 'select', 'phone', 'note'] as const
export const DISTRIBUTIONS = ['round-robin', 'pooled', 'pooled-priority'] as const
export const REPORTING_CYCLES = ['monthly', 'quarterly', 'continuous'] as const
export const CONDITION_OPS = ['equals', 'not-equals', 'in', 'contains'] as const
export const CUSTOMER_CHOICE_FLOWS = [
  'booking-pages-first',
  'event-types-first',
  'find-member-by-time',
] as const
export const BOOKING_STATUSES = [
  'scheduled',
  'rescheduled',
  'cancelled',
  'completed',
  'no-show',
] as const
export const CREATED_VIA = ['public', 'desktop'] as const
export const HISTORY_ACTIONS = [
  'created',
  'reassigned',
  'cancelled',
  'rescheduled',
  'completed',
  'no-show',
  'conflict-resolved',
  'change-superseded',
] as const

export function id(): Shape<string> {
  return text({
    max: ID_MAX_LENGTH,
    test: idIsValid,
    message: 'ids use only A-Z a-z 0-9 _ . : | - (1–100 characters) and no reserved name',
    what: 'an id',
    json: { maxLength: ID_MAX_LENGTH },
  })
}

export function instant(): Shape<string> {
  return text({
    max: INSTANT_MAX_LENGTH,
    test: (value) => instantMs(value) !== null,
    message: 'expected an ISO-8601 UTC instant',
    what: 'an instant',
    json: { maxLength: INSTANT_MAX_LENGTH },
  })
}

export function zone(): Shape<string> {
  return text({
    max: 100,
    test: zoneIsKnown,
    message: 'unknown IANA time zone',
    what: 'a time zone',
  })
}

export function email(): Shape<string> {
  return text({
    max: 254,
    pattern: EMAIL_PATTERN,
    message: 'expected an e-mail address like name@example.com',
    what: 'an e-mail address',
  })
}

export function slug(): Shape<string> {
  return text({
    max: 60,
    pattern: SLUG_PATTERN,
    message: 'use lowercase letters, digits and hyphens only (at most 60)',
    what: 'a link name',
  })
}

export function hexColor(): Shape<string> {
  return text({ max: 7, pattern: /^#[0-9a-fA-F]{6}$/, message: 'expected a #rrggbb color' })
}

/** `scheme://host[:port][/path][?query][#fragment]`, no credentials, no spaces. */
const WEB_ADDRESS = /^([a-z]+):\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?([/?#][^\s]*)?$/

function urlWith(protocols: readonly string[]) {
  return (value: string): boolean => {
    const match = WEB_ADDRESS.exec(value)
    return match !== null && protocols.includes(`${match[1]}:`)
  }
}

/** An `https:` address. */
export function httpsUrl(what: string): Shape<string> {
  return text({
    max: 2000,
    test: urlWith(['https:']),
    message: 'expected an https:// address',
    what,
  })
}

/** An `http:` or `https:` address (calendar feeds are often served over either). */
export function httpUrl(what: string): Shape<string> {
  return text({
    max: 2000,
    test: urlWith(['http:', 'https:']),
    message: 'expected an http:// or https:// address',
    what,
  })
}

/** Largest logo kept in a record (a data URL), about 100 kB of image. */
const MAX_LOGO_LENGTH = 140_000
const LOGO_DATA_URL = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/

/** A logo: a small PNG/JPEG/WebP as a data URL, or an https address. */
export function logoUrl(): Shape<string> {
  const isHttps = urlWith(['https:'])
  return text({
    max: MAX_LOGO_LENGTH,
    test: (value) => LOGO_DATA_URL.test(value) || isHttps(value),
    message: 'expected a PNG, JPEG or WebP image of at most about 100 kB, or an https address',
    what: 'a logo',
  })
}

function name(what = 'a name'): Shape<string> {
  return text({ max: NAME_MAX, what })
}

const localTime = text({
  max: 5,
  test: (value) => localTimeMinutes(value) !== null,
  message: 'expected HH:mm',
  what: 'a time',
})
const localRange = pair(localTime, localTime, 'expected a range of two HH:mm times')
const localRanges = array(localRange, { max: MAX_RANGES_PER_DAY })
const localDate = text({
  max: 10,
  test: localDateIsReal,
  message: 'not a calendar date (YYYY-MM-DD)',
  what: 'a date',
})

export const weeklyHoursShape = object({
  mon: localRanges,
  tue: localRanges,
  wed: localRanges,
  thu: localRanges,
  fri: localRanges,
  sat: localRanges,
  sun: localRanges,
})

export const dateOverrideShape = object({ date: localDate, hours: localRanges })

const workloadCap = optional(
  nullable(
    integer(1, MAX_WORKLOAD_CAP, `a workload cap is a whole number from 1 to ${MAX_WORKLOAD_CAP}`),
  ),
)

export const memberShape = object({
  id: id(),
  name: name(),
  email: email(),
  timeZone: zone(),
  weeklyHours: weeklyHoursShape,
  dateOverrides: array(dateOverrideShape, { max: 2000 }),
  maxBookingsPerDay: workloadCap,
  maxBookingsPerWeek: workloadCap,
  active: boolean(),
  /** The member's color in calendars, `#rrggbb` (derived from the id when absent). */
  color: optional(nullable(hexColor())),
  /**
   * The member's own calendars (iCalendar addresses, api.md v1.1): their events block the
   * member's time like bookings without buffers.
   */
  busyCalendars: optional(array(object({ url: httpUrl('a calendar address') }), { max: 10 })),
})

export const questionShape = object({
  id: id(),
  label: name('a label'),
  type: oneOf(QUESTION_TYPES),
  options: optional(array(text({ max: NAME_MAX, what: 'an option' }), { max: 200 })),
  required: boolean(),
})

const minutes = (min: number, max: number) => integer(min, max)

/** Where a meeting takes place (api.md v1.1): shown in emails, `.ics` and on the booking page. */
export const locationShape = tagged('type', {
  'in-person': object({ address: text({ max: 500, what: 'an address' }) }),
  phone: object({
    number: text({
      max: 40,
      pattern: /^\+?[0-9 ()./-]{3,40}$/,
      message: 'expected a phone number like +49 30 1234567',
      what: 'a phone number',
    }),
  }),
  video: object({ url: httpsUrl('a video link') }),
})

/** Reminders are sent at most this long before a meeting (four weeks). */
export const MAX_REMINDER_MINUTES = 28 * 24 * 60
/** At most this many reminders per booking. */
const MAX_REMINDERS = 5

export const eventTypeShape = object({
  id: id(),
  name: name(),
  durationMinutes: minutes(1, MAX_EVENT_MINUTES),
  slotIntervalMinutes: minutes(1, MAX_EVENT_MINUTES),
  bufferBeforeMinutes: minutes(0, MAX_EVENT_MINUTES),
  bufferAfterMinutes: minutes(0, MAX_EVENT_MINUTES),
  minNoticeMinutes: minutes(0, MAX_DAYS_AHEAD * MINUTES_PER_DAY),
  maxDaysAhead: minutes(1, MAX_DAYS_AHEAD),
  questions: array(questionShape, { max: 50 }),
  /** Where the meeting takes place; absent: nowhere in particular (the hosts get in touch). */
  location: optional(nullable(locationShape)),
  /** Minutes before the start at which the customer gets a reminder (`[1440, 60]`). */
  reminderMinutesBefore: optional(array(integer(1, MAX_REMINDER_MINUTES), { max: MAX_REMINDERS })),
  /** Customers may not cancel or reschedule later than this before the start (staff still may). */
  cancelNoticeMinutes: optional(nullable(minutes(0, MAX_DAYS_AHEAD * MINUTES_PER_DAY))),
})

export const bookingPageShape = object({
  id: id(),
  slug: slug(),
  memberId: id(),
  eventTypeIds: array(id(), { max: 200 }),
})

export const poolMemberShape = object({
  memberId: id(),
  priority: integer(
    1,
    MAX_POOL_PRIORITY,
    `a priority is a whole number from 1 (highest) to ${MAX_POOL_PRIORITY}`,
  ),
  /** When the member joined the pool; absent = since the pool existed. */
  addedAt: optional(nullable(instant())),
})

export const poolShape = object({
  id: id(),
  name: name(),
  distribution: oneOf(DISTRIBUTIONS),
  members: array(poolMemberShape, {
    min: 1,
    max: 2000,
    minMessage: 'a pool needs at least one member',
  }),
  reportingCycle: oneOf(REPORTING_CYCLES),
  automaticCorrection: boolean(),
})

export const panelSeatShape = oneKey(
  { memberId: id(), poolId: id() },
  'a seat names a member or a pool',
)

export const panelShape = object({
  id: id(),
  name: name(),
  /** The first seat is the primary (organizer). */
  seats: array(panelSeatShape, { min: 1, max: 20, minMessage: 'a panel needs at least one seat' }),
})

export const targetShape = oneKey(
  { poolId: id(), bookingPageId: id(), panelId: id() },
  'a target names a pool, booking page or panel',
)

/** A condition's value: one text, or a list for `in`. */
const conditionValue: Shape<string | readonly string[]> = {
  json: { type: ['string', 'array'] },
  isOptional: false,
  parse(value, path, problems) {
    if (Array.isArray(value))
      return array(freeText(NAME_MAX), { max: 200 }).parse(value, path, problems)
    return freeText(NAME_MAX).parse(value, path, problems)
  },
}

export const conditionShape = object({
  questionId: id(),
  op: oneOf(CONDITION_OPS),
  value: conditionValue,
})

export const dynamicRuleShape = object({
  eventTypeId: id(),
  when: array(conditionShape, { max: 20 }),
  target: targetShape,
})

export const assignmentShape = tagged('type', {
  'customer-choice': object({
    flow: oneOf(CUSTOMER_CHOICE_FLOWS),
    bookingPageIds: array(id(), { max: 500 }),
  }),
  static: object({ target: targetShape }),
  dynamic: object({
    rules: array(dynamicRuleShape, { max: 200 }),
    fallback: targetShape,
  }),
})

/** A page's look on the public booking page: logo, accent colour, a short description. */
export const brandingShape = object({
  /** A small image as a `data:` URL (PNG, JPEG or WebP), or an https address. */
  logo: optional(nullable(logoUrl())),
  accentColor: optional(nullable(hexColor())),
  description: optional(nullable(freeText(500))),
})

export const masterPageShape = object({
  id: id(),
  slug: slug(),
  title: name('a title'),
  eventTypeIds: array(id(), { max: 200 }),
  assignment: assignmentShape,
  branding: optional(nullable(brandingShape)),
})

export const customerShape = object({ name: name(), email: email(), timeZone: zone() })

/** What an offline change had decided when it lost to the server's version. */
export const supersededVersionShape = object({
  start: instant(),
  end: instant(),
  hostMemberIds: array(id(), { max: 20 }),
  status: oneOf(BOOKING_STATUSES),
})

export const historyEntryShape = object({
  at: instant(),
  action: oneOf(HISTORY_ACTIONS),
  /** `customer`, `system`, or the person who acted. */
  by: name('who acted'),
  reason: optional(nullable(freeText(1000))),
  fromMemberId: optional(nullable(id())),
  toMemberId: optional(nullable(id())),
  /** Reassignment onto a busy or unavailable member, explicitly overridden. */
  forced: optional(nullable(boolean())),
  /** For a reschedule: the previous start. */
  previousStart: optional(nullable(instant())),
  /**
   * For `conflict-resolved`: the overlapping bookings a person chose to keep alongside this one
   * ("keep both").
   */
  withBookingIds: optional(nullable(array(id(), { max: 100 }))),
  /** For `change-superseded`: what the change that lost had decided. */
  supersededVersion: optional(nullable(supersededVersionShape)),
})

export const bookingShape = object({
  id: id(),
  eventTypeId: id(),
  masterPageId: nullable(id()),
  start: instant(),
  end: instant(),
  /** One host, or one per panel seat in seat order (the first is the primary). */
  hostMemberIds: array(id(), { min: 1, max: 20, minMessage: 'a booking has at least one host' }),
  poolId: nullable(id()),
  panelId: nullable(id()),
  status: oneOf(BOOKING_STATUSES),
  customer: customerShape,
  answers: dictionary(id(), freeText(2000), 100),
  createdVia: oneOf(CREATED_VIA),
  history: array(historyEntryShape, { max: 1000 }),
})

/** The workspace's own settings: one record with the fixed id {@link SETTINGS_ID}. */
export const SETTINGS_ID = 'workspace'
export const settingsShape = object({
  id: literal(SETTINGS_ID),
  /** Zone in which reporting cycles are cut (UTC when there is no settings record). */
  timeZone: zone(),
})

/** The v1 workspace JSON (api.md): every record kind, plus the optional workspace zone. */
export const workspaceShape = object({
  version: literal(1),
  timeZone: optional(zone()),
  members: array(memberShape),
  eventTypes: array(eventTypeShape),
  bookingPages: array(bookingPageShape),
  pools: array(poolShape),
  panels: array(panelShape),
  masterPages: array(masterPageShape),
  bookings: array(bookingShape),
})

/** Largest epoch ms a busy interval may name (year 2200): keeps the numbers plain integers. */
const MAX_BUSY_MS = 7_258_118_400_000

/** One calendar's last reading, as the server keeps it (`calendars` of {@link memberBusyShape}). */
export const busyCalendarStatusShape = object({
  url: httpUrl('a calendar address'),
  /** When the server last tried to read it (null: not yet). */
  lastFetchedAt: nullable(instant()),
  /** When a reading last succeeded: its busy times are the ones kept (the last good copy). */
  lastSuccessAt: nullable(instant()),
  /** Why the last reading failed, in words for people (null: it succeeded). */
  lastError: nullable(freeText(500)),
  /** Failed readings in a row (the server waits longer after each, see README). */
  failures: integer(0, 1_000_000),
  /** Busy occurrences read within the horizon at the last success. */
  events: integer(0, 1_000_000),
  /**
   * The last good copy's busy time: flat, sorted, merged half-open `[start, end)` epoch-ms pairs
   * `[s0, e0, s1, e1, …]` within `[horizonFrom, horizonTo)`. Never titles.
   */
  intervals: array(integer(0, MAX_BUSY_MS), { max: 100_000 }),
  horizonFrom: nullable(instant()),
  horizonTo: nullable(instant()),
  /** The server's conditional-request validators of the last success. */
  etag: nullable(freeText(500)),
  lastModified: nullable(freeText(100)),
})

/**
 * A member's busy time from their own calendars (issue 11), written by the sync server only and
 * replicated read-only to desktops (id = the member's id): one entry per calendar address of the
 * member, each with its last good reading; the member's busy time is their union.
 */
export const memberBusyShape = object({
  id: id(),
  calendars: array(busyCalendarStatusShape, { max: 10 }),
})

/** The record shape of each workspace array. */
export const RECORD_SHAPES = {
  members: memberShape,
  eventTypes: eventTypeShape,
  bookingPages: bookingPageShape,
  pools: poolShape,
  panels: panelShape,
  masterPages: masterPageShape,
  bookings: bookingShape,
} as const satisfies Record<string, Shape<{ readonly id: string }>>

export type RecordKey = keyof typeof RECORD_SHAPES

/** The JSON-schema properties of an object shape (for composing collection schemas). */
export function shapeProperties(shape: Shape<unknown>): Readonly<Record<string, JsonSchema>> {
  return (shape.json['properties'] ?? {}) as Readonly<Record<string, JsonSchema>>
}

/** The required properties of an object shape. */
export function shapeRequired(shape: Shape<unknown>): readonly string[] {
  return (shape.json['required'] ?? []) as readonly string[]
}
