import type { Workspace } from '../../../core/src/model/workspace'
import type { EditableKey } from '../db/writes'
import { localDateText } from '../format/datetime-format'

const DAY: Readonly<Record<string, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
}

const FIELD: Readonly<Record<string, string>> = {
  name: 'Name',
  email: 'E-mail',
  timeZone: 'Time zone',
  maxBookingsPerDay: 'Bookings per day',
  maxBookingsPerWeek: 'Bookings per week',
  color: 'Colour',
  durationMinutes: 'Duration',
  slotIntervalMinutes: 'Start every',
  bufferBeforeMinutes: 'Buffer before',
  bufferAfterMinutes: 'Buffer after',
  minNoticeMinutes: 'Minimum notice',
  maxDaysAhead: 'Bookable up to',
  slug: 'Link',
  title: 'Title',
  memberId: 'Member',
  eventTypeIds: 'Event types',
  distribution: 'Distribution',
  reportingCycle: 'Reporting cycle',
  location: 'Where it takes place',
  reminderMinutesBefore: 'Reminders',
  cancelNoticeMinutes: 'Customers may cancel or reschedule until',
  questions: 'Questions',
  '(record)': '',
}

const n = (text: string | undefined) => Number(text ?? 0) + 1

/**
 * Where a problem is, in the words of the form that shows it: `weeklyHours.tue.1` → "Tuesday,
 * hours 2", `assignment.rules.0.when.1.value` → "Rule 1, condition 2, value". `record` is the
 * record being edited (for dates and question labels); paths outside it (`masterPages.2…`, a
 * problem the edit causes elsewhere) name the other record.
 */
export function problemWhere(
  key: EditableKey,
  record: Readonly<Record<string, unknown>>,
  workspace: Workspace,
): (path: string) => string {
  return (path) => {
    const parts = path.split('.')
    const [head, a, b, c, d, e] = parts
    if (head === undefined) return ''
    if (head === 'weeklyHours')
      return `${DAY[a ?? ''] ?? a}${b !== undefined ? `, hours ${n(b)}` : ''}`
    if (head === 'dateOverrides') {
      const overrides = record['dateOverrides'] as readonly { date: string }[] | undefined
      const date = overrides?.[Number(a)]?.date
      const which = date ? localDateText(date) : `override ${n(a)}`
      return `Date override ${which}${c !== undefined ? `, hours ${n(c)}` : ''}`
    }
    if (head === 'questions') {
      const questions = record['questions'] as readonly { label: string }[] | undefined
      const label = questions?.[Number(a)]?.label || `question ${n(a)}`
      return `Question “${label}”${b ? `, ${b === 'options' ? 'options' : b}` : ''}`
    }
    if (head === 'members' && key === 'pools') return `Member ${n(a)}`
    if (head === 'seats') return a === undefined ? 'Seats' : `Seat ${n(a)}`
    if (head === 'eventTypeIds' && a !== undefined) return `Event type ${n(a)}`
    if (head === 'assignment') {
      if (a === 'rules') {
        const where = [`Rule ${n(b)}`]
        if (c === 'when')
          where.push(`condition ${n(d)}`, e === 'questionId' ? 'question' : (e ?? ''))
        else if (c === 'eventTypeId') where.push('event type')
        else if (c === 'target') where.push('goes to')
        return where.filter(Boolean).join(', ')
      }
      if (a === 'fallback') return 'Otherwise goes to'
      if (a === 'target') return 'Goes to'
      if (a === 'bookingPageIds') return 'Booking pages'
      if (a === 'flow') return 'Flow'
      return 'Assignment'
    }
    const collections: Readonly<
      Record<string, readonly { id: string; name?: string; title?: string }[]>
    > = {
      masterPages: workspace.masterPages,
      panels: workspace.panels,
      pools: workspace.pools,
      bookingPages: workspace.bookingPages,
    }
    if (head in collections && a !== undefined && /^\d+$/.test(a) && head !== key) {
      const other = collections[head]?.[Number(a)]
      return `Elsewhere: ${other?.title ?? other?.name ?? head}`
    }
    return FIELD[head] ?? head
  }
}
