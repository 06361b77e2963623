/**
 * Event type records and their booking-form questions.
 */

import type { EventType, Question } from '../model/workspace'
import { answerNormalize } from '../routing/condition-matches'
import type { WorkspaceProblem } from './workspace-problem'
import { problemsForRepeats } from './workspace-problem'

export { MAX_DAYS_AHEAD, MAX_EVENT_MINUTES } from '../schema/records'
const MINUTES_PER_DAY = 24 * 60

/**
 * Problems with each event type, at `eventTypes.${index}…` (the numeric ranges are the event
 * type shape's, `../schema/records.ts`):
 * - the minimum notice is shorter than the booking window (else no slot could ever be offered);
 * - question ids are unique within the event type; a select question has at least one option,
 *   and no two options that routing would treat as equal (trimmed, case insensitive).
 */
export function eventTypesValidate(eventTypes: readonly EventType[]): WorkspaceProblem[] {
  return eventTypes.flatMap((eventType, index) => {
    const path = `eventTypes.${index}`
    const problems: WorkspaceProblem[] = []
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
  if (question.type !== 'select') return problems
  const options = question.options ?? []
  if (options.length === 0) {
    problems.push({
      path: `${path}.options`,
      message: 'a select question needs at least one option',
    })
  }
  problems.push(...problemsForRepeats(options, `${path}.options`, '', 'option', answerNormalize))
  return problems
}
