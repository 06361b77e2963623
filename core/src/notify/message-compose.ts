/**
 * The words of every email (api.md v1.1 table): a subject, a plain-text body and an HTML body,
 * composed from plain values in the RECIPIENT's time zone and a locale. Pure; no template engine
 * (a few sentences per kind do not earn one). Everything a person typed is escaped in the HTML.
 *
 * Customers see hosts by first name only (product rule 6); hosts see the customer's details and
 * answers. Only customer messages carry the manage link.
 */

import { DateTime } from 'luxon'
import type { EventType } from '../model/workspace'
import type { MessageKind } from './notify-plan'

/** Where the meeting takes place (the event type's `location`). */
export type MeetingLocation = NonNullable<EventType['location']>

/** What a message is composed from. Instants are ISO UTC. */
export interface MessageInput {
  readonly kind: MessageKind
  readonly recipient: { readonly name: string; readonly timeZone: string }
  /** BCP 47 locale of dates and times (`en-GB`, `de-DE`, …). */
  readonly locale: string
  readonly eventTypeName: string
  readonly start: string
  readonly end: string
  /** For reschedules: the start before. */
  readonly previousStart?: string | null
  /** Host names, seat order (full names; customer messages shorten them to first names). */
  readonly hostNames: readonly string[]
  readonly customer: { readonly name: string; readonly email: string; readonly timeZone: string }
  /** The customer's answers by question label, in question order. */
  readonly answers?: readonly { readonly label: string; readonly value: string }[]
  readonly location?: MeetingLocation | null
  /** The customer's manage page (customer messages only). */
  readonly manageUrl?: string | null
  /** A cancellation's reason, when one was given. */
  readonly reason?: string | null
  /** For reminders: how long before the start it is sent. */
  readonly minutesBefore?: number
}

export interface ComposedMessage {
  readonly subject: string
  readonly text: string
  readonly html: string
}

/**
 * Formatters made once per locale, zone and options (luxon builds a `DateTime`, a `Locale` and a
 * formatter per call, and a new one for every zone name: the dearest part of composing a
 * message). Bounded.
 */
const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>()
const DATE_FORMATS_MAX = 2000
function dateFormat(
  name: string,
  locale: string,
  zone: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${name}\u0000${locale}\u0000${zone}`
  let format = DATE_FORMATS.get(key)
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone })
    if (DATE_FORMATS.size >= DATE_FORMATS_MAX) DATE_FORMATS.clear()
    DATE_FORMATS.set(key, format)
  }
  return format
}

const DAY_TEXT: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
}
const TIME_TEXT: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' }
/** luxon's `DateTime.DATE_MED`. */
const DATE_MED_TEXT: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
}
const LOCAL_DATE: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  calendar: 'gregory',
}
/** The options luxon names a zone with (`toFormat('ZZZZ')`, its `parseZoneInfo`). */
const ZONE_NAME: Intl.DateTimeFormatOptions = {
  timeZoneName: 'short',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
}

/**
 * The zone's short name at `ms` in `locale` (`CET`, `GMT+1`): what luxon's `toFormat('ZZZZ')`
 * gives, from a formatter kept per locale and zone. Throws a `RangeError` for a zone `Intl` does
 * not know.
 */
export function zoneShortName(ms: number, zone: string, locale: string): string {
  const format = dateFormat('zone-name', locale, zone, ZONE_NAME)
  const part = format.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')
  return part?.value ?? DateTime.fromMillis(ms, { zone }).setLocale(locale).toFormat('ZZZZ')
}

/** The pieces the texts below are made of, for instants (epoch ms) in one zone and locale. */
interface TimeTexts {
  day(ms: number): string
  time(ms: number): string
  dateMed(ms: number): string
  isSameDay(a: number, b: number): boolean
  zoneName(ms: number): string
}

/**
 * The pieces from `Intl` formatters kept per locale and zone — what luxon's `toLocaleString`
 * formats with (the same options and time zone) — for plain locale tags and zones `Intl` knows;
 * null for anything else (a `-u-` extension, a fixed-offset spelling such as "UTC+3").
 */
function intlTexts(locale: string, zone: string): TimeTexts | null {
  if (locale.includes('-u-')) return null
  const lower = zone.toLowerCase()
  // luxon reads "UTC" and "GMT" as a fixed offset and formats those by parts (V8 keeps the
  // narrow no-break space before "AM" there, and makes it a plain space in `format`); other
  // fixed-offset spellings ("UTC+3") go through luxon.
  const isFixedUtc = lower === 'utc' || lower === 'gmt'
  if (!isFixedUtc && (lower.startsWith('utc') || lower.startsWith('gmt'))) return null
  try {
    const text = (name: string, options: Intl.DateTimeFormatOptions) => {
      const format = dateFormat(name, locale, zone, options)
      return (ms: number) =>
        isFixedUtc
          ? format
              .formatToParts(new Date(ms))
              .map((part) => part.value)
              .join('')
          : format.format(new Date(ms))
    }
    const localDate = dateFormat('local-date', 'en-US', zone, LOCAL_DATE)
    return {
      day: text('day', DAY_TEXT),
      time: text('time', TIME_TEXT),
      dateMed: text('date-med', DATE_MED_TEXT),
      isSameDay: (a, b) => localDate.format(new Date(a)) === localDate.format(new Date(b)),
      zoneName: (ms) => zoneShortName(ms, zone, locale),
    }
  } catch {
    return null
  }
}

/** The pieces through luxon. Throws a `RangeError` for a zone luxon does not know. */
function luxonTexts(locale: string, zone: string): TimeTexts {
  if (!DateTime.fromMillis(0, { zone }).isValid) throw new RangeError(`Bad time zone ${zone}`)
  const at = (ms: number) => DateTime.fromMillis(ms, { zone }).setLocale(locale)
  return {
    day: (ms) => at(ms).toLocaleString(DAY_TEXT),
    time: (ms) => at(ms).toLocaleString(TIME_TEXT),
    dateMed: (ms) => at(ms).toLocaleString(DateTime.DATE_MED),
    isSameDay: (a, b) => at(a).hasSame(at(b), 'day'),
    zoneName: (ms) => at(ms).toFormat('ZZZZ'),
  }
}

/** A canonical UTC instant's epoch ms, else null (then luxon reads it). */
function utcInstantMs(iso: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(iso)) return null
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? ms : null
}

/** The instants of `isos` (luxon reads what is not canonical UTC, in `zone`), or null if any is bad. */
function instantsMs(isos: readonly string[], zone: string): number[] | null {
  const parsed = isos.map((iso) => utcInstantMs(iso) ?? DateTime.fromISO(iso, { zone }).toMillis())
  return parsed.every(Number.isFinite) ? parsed : null
}

function meetingText(texts: TimeTexts, startMs: number, endMs: number, zone: string): string {
  const endText = texts.isSameDay(startMs, endMs)
    ? texts.time(endMs)
    : `${texts.dateMed(endMs)} ${texts.time(endMs)}`
  return `${texts.day(startMs)}, ${texts.time(startMs)}–${endText} ${texts.zoneName(startMs)} (${zone})`
}

/** `Monday, 15 March 2027, 10:00–10:30 CET` in `zone` and `locale`. */
export function meetingTimeText(start: string, end: string, zone: string, locale: string): string {
  const instants = instantsMs([start, end], zone)
  if (instants === null) throw new RangeError(`Bad meeting time ${start}–${end}`)
  const [startMs, endMs] = instants as [number, number]
  const texts = intlTexts(locale, zone) ?? luxonTexts(locale, zone)
  return meetingText(texts, startMs, endMs, zone)
}

/** {@link meetingTimeText} with luxon's pieces only (the texts `Intl` must equal). */
export function meetingTimeTextLuxon(
  start: string,
  end: string,
  zone: string,
  locale: string,
): string {
  const instants = instantsMs([start, end], zone)
  if (instants === null) throw new RangeError(`Bad meeting time ${start}–${end}`)
  const [startMs, endMs] = instants as [number, number]
  return meetingText(luxonTexts(locale, zone), startMs, endMs, zone)
}

function instantTextOf(texts: TimeTexts, ms: number): string {
  return `${texts.day(ms)}, ${texts.time(ms)} ${texts.zoneName(ms)}`
}

/** `Monday, 15 March 2027, 10:00 CET` in `zone` and `locale`. */
export function instantText(instant: string, zone: string, locale: string): string {
  const [ms] = instantsMs([instant], zone) ?? []
  if (ms === undefined) throw new RangeError(`Bad instant ${instant}`)
  return instantTextOf(intlTexts(locale, zone) ?? luxonTexts(locale, zone), ms)
}

/** {@link instantText} with luxon's pieces only. */
export function instantTextLuxon(instant: string, zone: string, locale: string): string {
  const [ms] = instantsMs([instant], zone) ?? []
  if (ms === undefined) throw new RangeError(`Bad instant ${instant}`)
  return instantTextOf(luxonTexts(locale, zone), ms)
}

/** The location in one line. */
export function locationText(location: MeetingLocation): string {
  switch (location.type) {
    case 'in-person':
      return `In person: ${location.address}`
    case 'phone':
      return `By phone: ${location.number}`
    case 'video':
      return `Video call: ${location.url}`
  }
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name
}

function listText(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/** "1 day", "2 hours", "90 minutes". */
export function durationText(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? '1 day' : `${minutes / 1440} days`
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`
  return minutes === 1 ? '1 minute' : `${minutes} minutes`
}

const CUSTOMER_KINDS: ReadonlySet<MessageKind> = new Set([
  'confirmation',
  'rescheduled',
  'cancelled',
  'reminder',
])

/** True for the kinds sent to the customer (the rest go to hosts). */
export function messageIsForCustomer(kind: MessageKind): boolean {
  return CUSTOMER_KINDS.has(kind)
}

interface Words {
  readonly subject: string
  readonly lead: string
}

/** The subject and the first sentence of each kind. */
function wordsOf(input: MessageInput, when: string, withWhom: string): Words {
  const event = input.eventTypeName
  const customer = input.customer.name
  const previous =
    input.previousStart && input.kind.endsWith('rescheduled')
      ? ` (was ${instantText(input.previousStart, input.recipient.timeZone, input.locale)})`
      : ''
  const table: Readonly<Record<MessageKind, Words>> = {
    confirmation: {
      subject: `Confirmed: ${event} on ${when}`,
      lead: `Your ${event}${withWhom} is booked for ${when}.`,
    },
    'new-booking': {
      subject: `New booking: ${event} with ${customer} on ${when}`,
      lead: `${customer} booked ${event} with you for ${when}.`,
    },
    rescheduled: {
      subject: `Rescheduled: ${event} now on ${when}`,
      lead: `Your ${event}${withWhom} has moved to ${when}${previous}.`,
    },
    'host-rescheduled': {
      subject: `Rescheduled: ${event} with ${customer} now on ${when}`,
      lead: `${event} with ${customer} has moved to ${when}${previous}.`,
    },
    cancelled: {
      subject: `Cancelled: ${event} on ${when}`,
      lead: `Your ${event}${withWhom} on ${when} is cancelled.`,
    },
    'host-cancelled': {
      subject: `Cancelled: ${event} with ${customer} on ${when}`,
      lead: `${event} with ${customer} on ${when} is cancelled.`,
    },
    'reassigned-away': {
      subject: `Reassigned: ${event} with ${customer} on ${when} is no longer yours`,
      lead: `${event} with ${customer} on ${when} was given to a colleague; it is off your calendar.`,
    },
    'assigned-to-you': {
      subject: `Assigned to you: ${event} with ${customer} on ${when}`,
      lead: `${event} with ${customer} on ${when} is now yours.`,
    },
    reminder: {
      subject: `Reminder: ${event} on ${when}`,
      lead: `A reminder: your ${event}${withWhom} is in ${durationText(input.minutesBefore ?? 0)}, on ${when}.`,
    },
  }
  return table[input.kind]
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

/**
 * The subject, text and HTML of one message. Throws a `RangeError` for instants or a zone that
 * luxon cannot read (records are validated long before).
 */
export function messageCompose(input: MessageInput): ComposedMessage {
  const zone = input.recipient.timeZone
  const forCustomer = messageIsForCustomer(input.kind)
  const when = meetingTimeText(input.start, input.end, zone, input.locale)
  const hosts = forCustomer ? input.hostNames.map(firstName) : input.hostNames
  const withWhom = forCustomer && hosts.length > 0 ? ` with ${listText(hosts)}` : ''
  const words = wordsOf(input, when, withWhom)
  const rows: [label: string, value: string, isLink?: boolean][] = []
  const isCancellation =
    input.kind === 'cancelled' ||
    input.kind === 'host-cancelled' ||
    input.kind === 'reassigned-away'
  if (input.location && !isCancellation) {
    rows.push(['Where', locationText(input.location), input.location.type === 'video'])
  }
  if (!forCustomer) {
    if (hosts.length > 1) rows.push(['Hosts', listText(hosts)])
    rows.push(['Customer', `${input.customer.name} <${input.customer.email}>`])
    rows.push([
      'Their time',
      meetingTimeText(input.start, input.end, input.customer.timeZone, input.locale),
    ])
    for (const answer of input.answers ?? []) rows.push([answer.label, answer.value])
  }
  if (input.reason && (input.kind === 'cancelled' || input.kind === 'host-cancelled')) {
    rows.push(['Reason', input.reason])
  }
  const manage =
    forCustomer && input.manageUrl && input.kind !== 'cancelled' ? input.manageUrl : null
  const greeting = `Hello ${firstName(input.recipient.name)},`
  const calendarNote = isCancellation
    ? 'The attached calendar update removes it from your calendar.'
    : 'The attached invitation adds it to your calendar.'

  const text = [
    greeting,
    '',
    words.lead,
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    ...(rows.length > 0 ? [''] : []),
    ...(manage ? [`To reschedule or cancel: ${manage}`, ''] : []),
    calendarNote,
    '',
    '— Teamslot',
  ].join('\n')

  const rowHtml = rows
    .map(([label, value, isLink]) => {
      const shown = isLink
        ? `<a href="${escapeHtml(value.replace(/^Video call: /, ''))}">${escapeHtml(value)}</a>`
        : escapeHtml(value)
      return `<tr><th align="left" style="padding:2px 12px 2px 0;vertical-align:top">${escapeHtml(label)}</th><td style="padding:2px 0">${shown}</td></tr>`
    })
    .join('')
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p><strong>${escapeHtml(words.lead)}</strong></p>`,
    rowHtml ? `<table role="presentation">${rowHtml}</table>` : '',
    manage ? `<p><a href="${escapeHtml(manage)}">Reschedule or cancel</a></p>` : '',
    `<p style="color:#555">${escapeHtml(calendarNote)}</p>`,
    '<p style="color:#555">— Teamslot</p>',
    '</body></html>',
  ].join('')
  return { subject: words.subject, text, html }
}
