import { describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import { recordParse } from '../../../core/src/validation'
import {
  formProblems,
  problemMessageForPeople,
  problemsForPeople,
  workspaceNames,
} from './form-problems'

const ws = demoWorkspace('2027-03-10T12:00:00.000Z')
const names = workspaceNames(ws)

describe('problemMessageForPeople', () => {
  it('names records instead of showing their ids', () => {
    expect(problemMessageForPeople('event type "et-demo" is not on this page', names)).toBe(
      'event type “Product demo” is not on this page',
    )
    expect(problemMessageForPeople('"EMEAX" is not an option of question "region"', names)).toBe(
      '"EMEAX" is not an option of question “Region”',
    )
    expect(
      problemMessageForPeople(
        'pool "pool-apac" already fills seats.0; one pool cannot fill two seats',
        names,
      ),
    ).toBe('pool “Solutions APAC” already fills seat 1; one pool cannot fill two seats')
    expect(problemMessageForPeople('event type "et-intro" repeats eventTypeIds.0', names)).toBe(
      'event type “Intro call” is listed twice',
    )
  })
})

describe('formProblems', () => {
  it('places core’s problems of a master page at their fields', () => {
    const page = ws.masterPages[0]!
    const broken = {
      ...page,
      slug: 'Not A Slug',
      eventTypeIds: ['et-intro'],
      assignment: {
        type: 'dynamic',
        rules: [
          {
            eventTypeId: 'et-review',
            when: [{ questionId: 'region', op: 'equals', value: 'Mars' }],
            target: { poolId: 'pool-sales' },
          },
        ],
        fallback: { poolId: 'pool-sales' },
      },
    }
    const parsed = recordParse(ws, 'masterPages', broken)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    const problems = formProblems(problemsForPeople(parsed.problems, names))
    expect(problems.at('slug')).toHaveLength(1)
    // Shape problems come first; the rule's problems appear once the shape is right.
    const fixed = recordParse(ws, 'masterPages', { ...broken, slug: 'fine' })
    if (fixed.ok) throw new Error('expected problems')
    const rule = formProblems(problemsForPeople(fixed.problems, names))
    expect(rule.at('assignment.rules.0.eventTypeId')).toEqual([
      'event type “Design review” is not on this page',
    ])
    expect(rule.under('assignment.rules.0')).toHaveLength(2)
  })
})
