import { describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import { boardMembers } from './board-members'

const ws = demoWorkspace('2027-03-10T12:00:00.000Z')
const names = (groups: ReturnType<typeof boardMembers>) =>
  groups.map((g) => [g.label, g.members.map((m) => m.name)])

describe('boardMembers', () => {
  it('shows every active member by name without a filter', () => {
    expect(names(boardMembers(ws, {}))).toEqual([
      [null, ['Ana Silva', 'Ben Okafor', 'Chen Wei', 'Dev Patel', 'Emma Jones']],
    ])
  })

  it('filters by pool, zone and name', () => {
    expect(names(boardMembers(ws, { poolId: 'pool-apac', query: 'e' }))).toEqual([
      [null, ['Chen Wei', 'Dev Patel', 'Emma Jones']],
    ])
    expect(names(boardMembers(ws, { zone: 'Asia/Kolkata' }))).toEqual([[null, ['Dev Patel']]])
  })

  it('groups by first pool (no duplicates) and by zone', () => {
    expect(names(boardMembers(ws, { groupBy: 'pool' }))).toEqual([
      ['Sales', ['Ana Silva', 'Ben Okafor', 'Dev Patel']],
      ['Solutions APAC', ['Chen Wei', 'Emma Jones']],
    ])
    expect(boardMembers(ws, { groupBy: 'zone' }).map((g) => g.label)).toEqual([
      'America/New_York',
      'Asia/Kolkata',
      'Asia/Singapore',
      'Australia/Sydney',
      'Europe/Berlin',
    ])
  })

  it('orders numbered names by their number, as people read them', () => {
    const numbered = {
      ...ws,
      members: [10, 2, 100, 1, 11].map((n, i) => ({
        ...ws.members[0]!,
        id: `m-${i}`,
        name: `Member ${n}`,
      })),
      pools: [],
    }
    expect(names(boardMembers(numbered, {}))).toEqual([
      [null, ['Member 1', 'Member 2', 'Member 10', 'Member 11', 'Member 100']],
    ])
  })
})
