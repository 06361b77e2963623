/**
 * Booking-form answers and dynamic-rule conditions, as the booking decisions apply them.
 *
 * Interim: the routing module (`../routing/`, `answersValidate`, `conditionMatches`) is being
 * written alongside; until it lands these are the semantics, and the decisions call only the two
 * functions below so that swapping them is a one-file change.
 *
 * - Answers are a record question id → string. Name and email are customer fields, not answers.
 * - An answer to a question the event type does not ask is a problem; so is a select answer that
 *   is not one of the options, and an answer longer than {@link ANSWER_MAX_LENGTH}.
 * - When `isComplete` (booking), every required question needs a non-blank answer; availability
 *   passes the answers given so far and is not refused for missing ones.
 * - Conditions: `equals` / `not-equals` compare exactly (a missing answer is `""`); `in` is
 *   membership in the value list; `contains` is a case-insensitive substring test.
 */

import type { Condition, EventType } from '../model/workspace'
import type { FieldProblem } from './booking-types'

/** Longest answer kept: a note of a few paragraphs; anything longer is a problem, not a crash. */
export const ANSWER_MAX_LENGTH = 5000

/** The problems with `answers` for `eventType` (`[]` when fine), paths `answers.<questionId>`. */
export function pageAnswersProblems(
  eventType: EventType,
  answers: Readonly<Record<string, string>>,
  isComplete: boolean,
): readonly FieldProblem[] {
  const problems: FieldProblem[] = []
  const questions = new Map(eventType.questions.map((question) => [question.id, question]))
  for (const [id, value] of Object.entries(answers)) {
    const path = `answers.${id}`
    const question = questions.get(id)
    if (question === undefined) {
      problems.push({ path, message: `${eventType.name} asks no question "${id}"` })
    } else if (typeof value !== 'string') {
      problems.push({ path, message: `${question.label}: the answer must be text` })
    } else if (value.length > ANSWER_MAX_LENGTH) {
      problems.push({ path, message: `${question.label}: at most ${ANSWER_MAX_LENGTH} characters` })
    } else if (
      question.type === 'select' &&
      value !== '' &&
      !(question.options ?? []).includes(value)
    ) {
      problems.push({
        path,
        message: `${question.label}: choose one of ${(question.options ?? []).join(', ')}`,
      })
    }
  }
  if (isComplete) {
    for (const question of eventType.questions) {
      const value = answers[question.id]
      if (question.required && (typeof value !== 'string' || value.trim() === '')) {
        problems.push({ path: `answers.${question.id}`, message: `${question.label} is required` })
      }
    }
  }
  return problems
}

/** True when the answers satisfy the condition (see the module comment). */
export function pageConditionMatches(
  condition: Condition,
  answers: Readonly<Record<string, string>>,
): boolean {
  const answer = answers[condition.questionId] ?? ''
  const values = typeof condition.value === 'string' ? [condition.value] : condition.value
  switch (condition.op) {
    case 'equals':
      return answer === values[0]
    case 'not-equals':
      return answer !== values[0]
    case 'in':
      return values.includes(answer)
    case 'contains':
      return values.some((value) => answer.toLowerCase().includes(value.toLowerCase()))
  }
}
