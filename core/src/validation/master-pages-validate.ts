/**
 * Master page records: event types, and the assignment that routes customers to a target.
 */

import type { Condition, DynamicRule, EventType, MasterPage, Target } from '../model/workspace'
import { answerNormalize } from '../routing/condition-matches'
import type { WorkspaceLookup } from './workspace-lookup'
import { targetField } from './workspace-lookup'
import type { WorkspaceProblem } from './workspace-problem'
import { problemsForRepeats, unknownMessage } from './workspace-problem'

const TARGET_KIND = { poolId: 'pool', bookingPageId: 'booking page', panelId: 'panel' } as const

/**
 * Problems with each master page, at `masterPages.${index}…`:
 * - at least one event type; each exists and is listed once;
 * - customer choice: at least one booking page; each exists and is listed once;
 * - static: the target exists; dynamic: the fallback target exists (its presence, and every
 *   target naming exactly one record, is the master page shape's);
 * - each dynamic rule: its event type is on the page; its target exists, and a booking page target
 *   offers the rule's event type; each condition names a question of that event type, `in` has a
 *   non-empty list of non-blank values and the other operators one non-blank value, and values
 *   compared with a select question's answer (`equals`, `not-equals`, `in`) are among its options
 *   (compared as routing compares: trimmed, case insensitive).
 * Fallback and static booking page targets are not checked against event types: they serve every
 * event type the rules leave over, and the page decides. Slug uniqueness is `workspaceValidate`'s.
 */
export function masterPagesValidate(
  masterPages: readonly MasterPage[],
  lookup: WorkspaceLookup,
): WorkspaceProblem[] {
  return masterPages.flatMap((page, index) => {
    const path = `masterPages.${index}`
    const problems: WorkspaceProblem[] = []
    if (page.eventTypeIds.length === 0) {
      problems.push({
        path: `${path}.eventTypeIds`,
        message: 'a page offers at least one event type',
      })
    }
    page.eventTypeIds.forEach((id, i) => {
      if (!lookup.eventTypes.has(id)) {
        problems.push({
          path: `${path}.eventTypeIds.${i}`,
          message: unknownMessage('event type', id),
        })
      }
    })
    problems.push(
      ...problemsForRepeats(page.eventTypeIds, `${path}.eventTypeIds`, '', 'event type'),
    )
    const at = `${path}.assignment`
    const assignment = page.assignment
    if (assignment.type === 'customer-choice') {
      const ids = assignment.bookingPageIds
      if (ids.length === 0) {
        const message = 'customer choice needs at least one booking page'
        problems.push({ path: `${at}.bookingPageIds`, message })
      }
      ids.forEach((id, i) => {
        if (!lookup.bookingPages.has(id)) {
          const message = unknownMessage('booking page', id)
          problems.push({ path: `${at}.bookingPageIds.${i}`, message })
        }
      })
      problems.push(...problemsForRepeats(ids, `${at}.bookingPageIds`, '', 'booking page'))
    } else if (assignment.type === 'static') {
      problems.push(...targetValidate(assignment.target, `${at}.target`, lookup))
    } else {
      assignment.rules.forEach((rule, r) => {
        problems.push(...ruleValidate(rule, page, `${at}.rules.${r}`, lookup))
      })
      problems.push(...targetValidate(assignment.fallback, `${at}.fallback`, lookup))
    }
    return problems
  })
}

/** Problems with a target at `path`: it names one record that exists. */
function targetValidate(target: Target, path: string, lookup: WorkspaceLookup): WorkspaceProblem[] {
  const field = targetField(target)
  if (field === null) return []
  const [name, id] = field
  const collection =
    name === 'poolId' ? lookup.pools : name === 'panelId' ? lookup.panels : lookup.bookingPages
  if (collection.has(id)) return []
  return [{ path: `${path}.${name}`, message: unknownMessage(TARGET_KIND[name], id) }]
}

function ruleValidate(
  rule: DynamicRule,
  page: MasterPage,
  path: string,
  lookup: WorkspaceLookup,
): WorkspaceProblem[] {
  const problems: WorkspaceProblem[] = []
  const eventType = lookup.eventTypes.get(rule.eventTypeId)
  if (!page.eventTypeIds.includes(rule.eventTypeId)) {
    const message = `event type ${JSON.stringify(rule.eventTypeId)} is not on this page`
    problems.push({ path: `${path}.eventTypeId`, message })
  }
  rule.when.forEach((condition, c) => {
    problems.push(...conditionValidate(condition, eventType?.questions, `${path}.when.${c}`))
  })
  const targetProblems = targetValidate(rule.target, `${path}.target`, lookup)
  problems.push(...targetProblems)
  const field = targetField(rule.target)
  if (targetProblems.length === 0 && field?.[0] === 'bookingPageId' && eventType !== undefined) {
    const bookingPage = lookup.bookingPages.get(field[1])
    if (bookingPage !== undefined && !bookingPage.eventTypeIds.includes(eventType.id)) {
      const message = `booking page ${JSON.stringify(field[1])} does not offer event type ${JSON.stringify(eventType.id)}`
      problems.push({ path: `${path}.target.bookingPageId`, message })
    }
  }
  return problems
}

function conditionValidate(
  condition: Condition,
  questions: EventType['questions'] | undefined,
  path: string,
): WorkspaceProblem[] {
  const problems: WorkspaceProblem[] = []
  const question = questions?.find((q) => q.id === condition.questionId)
  if (questions !== undefined && question === undefined) {
    const message = `${JSON.stringify(condition.questionId)} is not a question of the rule's event type`
    problems.push({ path: `${path}.questionId`, message })
  }
  const value = condition.value
  const isList = typeof value !== 'string'
  if (condition.op === 'in' && !isList) {
    problems.push({ path: `${path}.value`, message: '"in" needs a list of values' })
    return problems
  }
  if (condition.op !== 'in' && isList) {
    problems.push({ path: `${path}.value`, message: `"${condition.op}" needs a single value` })
    return problems
  }
  const values = isList ? value : [value]
  if (isList && values.length === 0) {
    problems.push({ path: `${path}.value`, message: '"in" needs at least one value' })
  }
  const options = question?.type === 'select' ? (question.options ?? []).map(answerNormalize) : null
  values.forEach((text, v) => {
    const at = isList ? `${path}.value.${v}` : `${path}.value`
    if (text.trim() === '') problems.push({ path: at, message: 'blank value' })
    else if (
      options !== null &&
      condition.op !== 'contains' &&
      !options.includes(answerNormalize(text))
    ) {
      const message = `${JSON.stringify(text)} is not an option of question ${JSON.stringify(condition.questionId)}`
      problems.push({ path: at, message })
    }
  })
  return problems
}
