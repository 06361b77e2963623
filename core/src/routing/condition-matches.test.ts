import { describe, expect, it } from 'vitest'
import type { Condition, ConditionOp } from '../model/workspace'
import { answerOf, conditionMatches } from './condition-matches'

describe('conditionMatches', () => {
  const cases: readonly [ConditionOp, string | string[], string | undefined, boolean][] = [
    ['equals', 'EMEA', 'EMEA', true],
    ['equals', 'EMEA', ' emea ', true],
    ['equals', ' Emea', 'EMEA', true],
    ['equals', 'EMEA', 'AMER', false],
    ['equals', 'EMEA', 'EMEA-North', false],
    ['equals', 'EMEA', undefined, false],
    ['equals', 'EMEA', '   ', false],
    ['equals', 'Zürich', 'zu\u0308rich', true],
    ['not-equals', 'EMEA', 'AMER', true],
    ['not-equals', 'EMEA', 'emea', false],
    ['not-equals', 'EMEA', undefined, true],
    ['not-equals', 'EMEA', '', true],
    ['in', ['EMEA', 'APAC'], 'apac', true],
    ['in', ['EMEA', 'APAC'], 'AMER', false],
    ['in', ['EMEA', 'APAC'], undefined, false],
    ['in', [], 'EMEA', false],
    ['in', 'EMEA', 'emea', true],
    ['contains', 'gmbh', 'Acme GmbH', true],
    ['contains', 'GmbH', 'acme', false],
    ['contains', 'gmbh', undefined, false],
    ['equals', ['EMEA', 'APAC'], 'apac', true],
    ['not-equals', ['EMEA', 'APAC'], 'apac', false],
    ['not-equals', ['EMEA', 'APAC'], 'AMER', true],
  ]

  it.each(cases)('%s %j with answer %j → %s', (op, value, answer, expected) => {
    const condition: Condition = { questionId: 'region', op, value }
    const answers: Record<string, string> = answer === undefined ? {} : { region: answer }
    expect(conditionMatches(condition, answers)).toBe(expected)
  })

  it('never reads inherited properties as answers', () => {
    const condition: Condition = { questionId: 'constructor', op: 'contains', value: 'function' }
    expect(conditionMatches(condition, {})).toBe(false)
    expect(answerOf({}, 'toString')).toBeNull()
  })
})
