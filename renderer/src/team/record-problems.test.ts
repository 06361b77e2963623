import { describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import { recordProblems } from './record-problems'

const ws = demoWorkspace('2027-03-10T12:00:00.000Z')

describe('recordProblems', () => {
  it('reports only the edited record’s problems, relative to it', () => {
    const pool = { ...ws.pools[0]!, members: [{ memberId: 'm-nobody', priority: 1 }] }
    const problems = recordProblems(ws, 'pools', pool)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.every((p) => p.startsWith('members.0'))).toBe(true)
  })

  it('accepts a valid new record', () => {
    const eventType = { ...ws.eventTypes[0]!, id: 'et-new', name: 'New call' }
    expect(recordProblems(ws, 'eventTypes', eventType)).toEqual([])
  })
})
