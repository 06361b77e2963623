// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { PoolMemberStats } from '../../../core/src/distribution'
import { StatsRow } from './PoolStatsCard'

afterEach(cleanup)

function row(isCurrentMember: boolean): PoolMemberStats {
  return {
    memberId: 'm-ben',
    isCurrentMember,
    received: 1,
    removed: 0,
    removedByReason: {},
    net: 1,
    lastAssignedAt: '2026-11-29T05:54:00.000Z',
  } as PoolMemberStats
}

function show(isCurrentMember: boolean) {
  render(
    <ul>
      <StatsRow
        row={row(isCurrentMember)}
        name="Ben Okafor"
        color="#c33"
        scale={10}
        average={5}
        isCorrected
        zone="UTC"
      />
    </ul>,
  )
  return screen.getByRole('listitem')
}

describe('StatsRow', () => {
  it('says a member outside the pool is not in it (a reassignment gave them a pool booking), never "former"', () => {
    const item = show(false)
    expect(item.textContent).toContain('Ben Okafor (not in this pool)')
    expect(item.getAttribute('aria-label')).toBe(
      'Ben Okafor (not in this pool): 1 received, 0 removed, net 1',
    )
    expect(item.textContent).not.toMatch(/former/)
  })

  it('says nothing more of a member of the pool', () => {
    const item = show(true)
    expect(item.getAttribute('aria-label')).toBe('Ben Okafor: 1 received, 0 removed, net 1')
    expect(item.textContent).not.toContain('not in this pool')
  })
})
