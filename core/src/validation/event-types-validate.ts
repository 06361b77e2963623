/**
 * Event type records and their booking-form questions.
 */

import type { EventType, Question } from '../model/workspace'
import { answerNormalize } from '../routing/condition-matches'
import type { WorkspaceProblem } from './workspace-problem'
import { isIntegerIn, problemsForRepeats } from './workspace-problem'

/** Meetings, intervals and buffers fit in one day: a day's working hours span at most 24 hours. */
export const MAX_EVENT_MINUTES = 24 * 60
/** Booking windows reach at most two years ahead (the workspace schema's cap). */
export const MAX_DAYS_AHEAD = 730
const MINUTES_PER_DAY = 24 * 60

/** [field, min, max] of each numeric event type setting, in minutes or days. */
const BOUNDS = [
  ['durationMinutes', 1, MAX_EVENT_MINUTES],
  ['slotIntervalMinutes', 1, MAX_EVENT_MINUTES],
  ['bufferBeforeMinutes', 0, MAX_EVENT_MINUTES],
  ['bufferAfterMinutes', 0, MAX_EVENT_MINUTES],
  ['minNoticeMinutes', 0, MAX_DAYS_AHEAD * MINUTES_PER_DAY],
  ['maxDaysAhead', 1, MAX_DAYS_AHEAD],
] as const

/**
 * Problems with each event type, at `eventTypes.${index}…`:
 * - duration and slot interval are whole minutes from 1 to {@link MAX_EVENT_MINUTES}, buffers
 *   from 0 to the same, minimum notice from 0 up to the longest window, the booking window from 1
 *   to {@link MAX_DAYS_AHEAD} days;
 * - the minimum notice is shorter than the booking window (else no slot could ever be offered);
 * - question ids are unique within the event type; `required` is a boolean; a select question
 *   has at least one option, and no two options that routing would treat as equal (trimmed, case
 *   insensitive) or blank.
 */
export function eventTypesValidate(eventTypes: readonly EventType[]): WorkspaceProblem[] {
  return eventTypes.flatMap((eventType, index) => {
    const path = `eventTypes.${index}`
    const problems: WorkspaceProblem[] = []
    for (const [field, min, max] of BOUNDS) {
      if (!isIntegerIn(eventType[field], min, max)) {
        problems.push({ path: `${path}.${field}`, message: `a whole number from ${min} to ${max}` })
      }
    }
    if (eventType.minNoticeMinutes >= eventType.maxDaysAhead * MINUTES_PER_DAY) {
      const message = 'the minimum notice reaches past the booking window: no slot could be offered'
      problems.push({ path: `${path}.minNoticeMinutes`, message })
    }
    const ids = eventType.questions.map((q) => q.id)
    problems.push(...problemsForRepeats(ids, `${path}.questions`, '.id', 'question id'))
    eventType.questions.forEach((question, q) => {
      problems.push(...questionValidate(question, `${path}.questions.${q}`))
    })
    return problems.toSorted((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }))
  })
}

function questionValidate(question: Question, path: string): WorkspaceProblem[] {
  const problems: WorkspaceProblem[] = []
  if (typeof question.required !== 'boolean') {
    problems.push({ path: `${path}.required`, message: 'expected true or false' })
  }
  if (question.type !== 'select') return problems
  const options = question.options ?? []
  if (options.length === 0) {
    problems.push({
      path: `${path}.options`,
      message: 'a select question needs at least one option',
    })
  }
  options.forEach((option, o) => {
    if (option.trim() === '')
      problems.push({ path: `${path}.options.${o}`, message: 'blank option' })
  })
  problems.push(...problemsForRepeats(options, `${path}.options`, '', 'option', answerNormalize))
  return problems
}
