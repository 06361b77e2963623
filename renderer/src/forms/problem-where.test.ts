import { describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import { problemWhere } from './problem-where'

const ws = demoWorkspace('2027-03-10T12:00:00.000Z')

describe('problemWhere', () => {
  it('names a member’s hours and overrides', () => {
    const where = problemWhere(
      'members',
      { dateOverrides: [{ date: '2027-03-19', hours: [] }] },
      ws,
    )
    expect(where('weeklyHours.tue.1')).toBe('Tuesday, hours 2')
    expect(where('dateOverrides.0.hours.0')).toMatch(
      /^Date override Fri,? (19 Mar|Mar 19),? 2027, hours 1$/,
    )
    expect(where('email')).toBe('E-mail')
  })

  it('names an event type’s place in the words of its form', () => {
    const where = problemWhere('eventTypes', {}, ws)
    expect(where('location.url')).toBe('Where it takes place')
    expect(where('location')).toBe('Where it takes place')
  })

  it('names a master page’s rules and conditions, and problems caused elsewhere', () => {
    const where = problemWhere('masterPages', {}, ws)
    expect(where('assignment.rules.0.when.1.value')).toBe('Rule 1, condition 2, value')
    expect(where('assignment.rules.2.target.poolId')).toBe('Rule 3, goes to')
    expect(where('assignment.fallback.poolId')).toBe('Otherwise goes to')
    expect(
      problemWhere('eventTypes', {}, ws)('masterPages.0.assignment.rules.0.when.0.value'),
    ).toBe('Elsewhere: Talk to sales')
  })
})
