/**
 * The customer's booking-form answers against an event type's questions.
 */

import type { EventType, Question } from '../model/workspace'
import { answerNormalize } from './condition-matches'

/** A problem with one answer; `path` is `answers.<questionId>`. */
export interface AnswerProblem {
  readonly path: string
  readonly message: string
}

/** One-line answers (company, region): anything longer belongs in a note. */
export const MAX_TEXT_ANSWER_LENGTH = 500
/** Notes: the workspace schema's cap on a stored answer. */
export const MAX_NOTE_ANSWER_LENGTH = 2000
/** Phone numbers: 15 digits (E.164's maximum) plus a `+`, spaces, brackets and dashes. */
export const MAX_PHONE_ANSWER_LENGTH = 40
/** E.164 numbers have at most 15 digits. */
const MAX_PHONE_DIGITS = 15
/** Fewer digits than this reach nobody outside a short internal extension plan. */
const MIN_PHONE_DIGITS = 4

/** Tab, line feed and carriage return: the control characters a note may hold. */
const NOTE_WHITESPACE = new Set([9, 10, 13])
const PHONE_CHARACTERS = /^\+?[0-9 ()./-]+$/

/**
 * Problems with `answers` for `eventType`, in question order, then unknown ids in key order:
 * - every key must be a question id of the event type (name and email are customer fields);
 * - required questions need a non-blank answer (blank = empty after trimming);
 * - select answers must be one of the options, compared as `conditionMatches` does (trimmed, case
 *   insensitive), so routing and validation agree;
 * - lengths (UTF-16 code units, as the workspace schema counts) are capped per question type, see
 *   the `MAX_*_ANSWER_LENGTH` constants; phone answers use digits, spaces, `+ ( ) . / -` only, with
 *   4–15 digits; only notes may contain line breaks or tabs.
 * An empty list means the answers are acceptable. Never throws.
 */
export function answersValidate(
  eventType: EventType,
  answers: Readonly<Record<string, unknown>>,
): AnswerProblem[] {
  const problems: AnswerProblem[] = []
  for (const question of eventType.questions) {
    const given = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined
    const message = answerProblem(question, given)
    if (message !== null) problems.push({ path: `answers.${question.id}`, message })
  }
  const known = new Set(eventType.questions.map((q) => q.id))
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) problems.push({ path: `answers.${key}`, message: 'unknown question' })
  }
  return problems
}

function answerProblem(question: Question, given: unknown): string | null {
  if (given === undefined || given === null) return question.required ? 'required' : null
  if (typeof given !== 'string') return 'must be text'
  const answer = given.trim()
  if (answer === '') return question.required ? 'required' : null
  switch (question.type) {
    case 'select': {
      const options = (question.options ?? []).map(answerNormalize)
      return options.includes(answerNormalize(answer)) ? null : 'not one of the options'
    }
    case 'note':
      if (given.length > MAX_NOTE_ANSWER_LENGTH) return tooLong(MAX_NOTE_ANSWER_LENGTH)
      return hasControl(given, NOTE_WHITESPACE) ? 'contains control characters' : null
    case 'phone': {
      if (given.length > MAX_PHONE_ANSWER_LENGTH) return tooLong(MAX_PHONE_ANSWER_LENGTH)
      const digits = answer.replace(/[^0-9]/g, '').length
      const isPhone =
        PHONE_CHARACTERS.test(answer) && digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS
      return isPhone ? null : 'not a phone number'
    }
    case 'text':
    default:
      if (given.length > MAX_TEXT_ANSWER_LENGTH) return tooLong(MAX_TEXT_ANSWER_LENGTH)
      return hasControl(given, new Set()) ? 'must be a single line' : null
  }
}

/** True when `text` has a C0 control character or DEL that is not in `allowed` (char codes). */
function hasControl(text: string, allowed: ReadonlySet<number>): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code < 32 || code === 127) && !allowed.has(code)) return true
  }
  return false
}

function tooLong(max: number): string {
  return `longer than ${max} characters`
}

/**
 * The answers to store for a booking: trimmed, blank answers dropped, select answers spelled as
 * their option (`" emea"` → `"EMEA"`). Keys that are not questions of `eventType` are dropped.
 * Meant for answers that passed `answersValidate`; a select answer matching no option is kept
 * trimmed. Never mutates `answers`.
 */
export function answersCanonical(
  eventType: EventType,
  answers: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = {}
  for (const question of eventType.questions) {
    const given = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined
    if (typeof given !== 'string' || given.trim() === '') continue
    const option = (question.options ?? []).find(
      (o) => answerNormalize(o) === answerNormalize(given),
    )
    out[question.id] = question.type === 'select' && option !== undefined ? option : given.trim()
  }
  return out
}
