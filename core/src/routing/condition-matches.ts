/**
 * Conditions of dynamic master page rules on the customer's booking-form answers.
 */

import type { Condition } from '../model/workspace'

/**
 * The form in which answers and condition values are compared: trimmed, Unicode NFC, lower case
 * (locale-independent), so `" emea "` equals `"EMEA"`.
 */
export function answerNormalize(text: string): string {
  return text.trim().normalize('NFC').toLowerCase()
}

/**
 * The customer's answer to `questionId`, or null when it is missing or blank. Reads own properties
 * only, so a question id like `constructor` never sees `Object.prototype`.
 */
export function answerOf(
  answers: Readonly<Record<string, string>>,
  questionId: string,
): string | null {
  if (!Object.hasOwn(answers, questionId)) return null
  const answer = answers[questionId]
  return typeof answer === 'string' && answer.trim() !== '' ? answer : null
}

/**
 * Whether `answers` satisfy `condition`. Answer and values are compared after `answerNormalize`.
 * - `equals`: the answer equals the value;
 * - `not-equals`: the answer differs from the value;
 * - `in`: the answer equals one of the values;
 * - `contains`: the value is a substring of the answer.
 *
 * A missing or blank answer never matches `equals`, `in` or `contains`, and always matches
 * `not-equals` ("region is not EMEA" holds for a customer who gave no region), so a rule meant for
 * "everyone else" catches them too. A value list given to `equals`, `not-equals` or `contains`
 * matches when any listed value would (none equal, for `not-equals`), and a single string given
 * to `in` is a one-value list; `workspaceValidate` refuses both shapes, this only keeps stored
 * data from failing at booking time. Never throws.
 */
export function conditionMatches(
  condition: Condition,
  answers: Readonly<Record<string, string>>,
): boolean {
  const answer = answerOf(answers, condition.questionId)
  const values = (typeof condition.value === 'string' ? [condition.value] : condition.value)
    .filter((value) => typeof value === 'string')
    .map(answerNormalize)
  if (answer === null) return condition.op === 'not-equals'
  const given = answerNormalize(answer)
  switch (condition.op) {
    case 'equals':
    case 'in':
      return values.includes(given)
    case 'not-equals':
      return !values.includes(given)
    case 'contains':
      return values.some((value) => given.includes(value))
    default:
      return false
  }
}
