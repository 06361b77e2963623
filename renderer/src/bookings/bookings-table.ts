import { BOOKING_STATUS_MEANING } from '../../../core/src/model/booking-statuses'
import type { Booking, Workspace } from '../../../core/src/model/workspace'

/** One exported row, in the columns of {@link BOOKINGS_CSV_HEADER}. */
export const BOOKINGS_CSV_HEADER = [
  'Start (UTC)',
  'End (UTC)',
  'Event type',
  'Hosts',
  'Customer',
  'Customer e-mail',
  'Customer time zone',
  'Status',
  'Page',
  'Pool or panel',
  'Made',
  'Answers',
] as const

/** A CSV field: quoted when it holds a comma, quote or line break; formula starts neutralised. */
function csvField(value: string): string {
  // A leading = + - @ would run as a formula in spreadsheet apps (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * The bookings as CSV (RFC 4180: comma-separated, CRLF line ends, a header row), names instead
 * of ids, answers as `Question: answer` pairs.
 */
export function bookingsCsv(workspace: Workspace, bookings: readonly Booking[]): string {
  const members = new Map(workspace.members.map((m) => [m.id, m.name]))
  const eventTypes = new Map(workspace.eventTypes.map((e) => [e.id, e]))
  const pages = new Map(workspace.masterPages.map((p) => [p.id, p.title]))
  const pools = new Map(workspace.pools.map((p) => [p.id, p.name]))
  const panels = new Map(workspace.panels.map((p) => [p.id, p.name]))
  const rows = bookings.map((b) => {
    const eventType = eventTypes.get(b.eventTypeId)
    const answers = Object.entries(b.answers)
      .map(
        ([id, answer]) =>
          `${eventType?.questions.find((q) => q.id === id)?.label ?? id}: ${answer}`,
      )
      .join('; ')
    return [
      b.start,
      b.end,
      eventType?.name ?? 'deleted event type',
      b.hostMemberIds.map((id) => members.get(id) ?? 'former member').join(', '),
      b.customer.name,
      b.customer.email,
      b.customer.timeZone,
      BOOKING_STATUS_MEANING[b.status].label,
      b.masterPageId ? (pages.get(b.masterPageId) ?? 'deleted page') : '',
      b.poolId ? (pools.get(b.poolId) ?? '') : b.panelId ? (panels.get(b.panelId) ?? '') : '',
      b.createdVia === 'desktop' ? 'At the desk' : 'Online',
      answers,
    ]
  })
  return [BOOKINGS_CSV_HEADER as readonly string[], ...rows]
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n')
}

/**
 * The export's file name: the range exported, as the list's dates give it (`YYYY-MM-DD`; '' for
 * none): `teamslot-bookings-2024-11-15-to-2024-11-20.csv`, `…-from-2026-11-28.csv`,
 * `…-until-2025-01-31.csv`, or `…-any-date.csv` — not the day the file was made.
 */
export function bookingsCsvFileName(from: string, to: string): string {
  const range =
    from && to ? `${from}-to-${to}` : from ? `from-${from}` : to ? `until-${to}` : 'any-date'
  return `teamslot-bookings-${range}.csv`
}
