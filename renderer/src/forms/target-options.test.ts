import { describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import {
  seatFromValue,
  seatGroups,
  seatValue,
  targetFromValue,
  targetGroups,
  targetValue,
} from './target-options'

const ws = demoWorkspace('2027-03-10T12:00:00.000Z')

describe('target options', () => {
  it('names every target by what people call it', () => {
    const labels = targetGroups(ws).flatMap((g) => g.options.map((o) => o.label))
    expect(labels).toContain('Pool: Sales')
    expect(labels).toContain('Ana Silva (/ana)')
    expect(labels).toContain('Panel: Design review panel')
    expect(labels.join(' ')).not.toMatch(/pool-|bp-|panel-/)
  })

  it('round-trips targets and seats through the select value', () => {
    for (const target of [
      { poolId: 'pool-sales' },
      { bookingPageId: 'bp-ana' },
      { panelId: 'panel-review' },
    ]) {
      expect(targetFromValue(targetValue(target))).toEqual(target)
    }
    expect(seatFromValue(seatValue({ poolId: 'pool-apac' }))).toEqual({ poolId: 'pool-apac' })
    expect(seatGroups(ws)[1]!.options[0]!.label).toBe('Anyone from Sales')
    expect(targetFromValue('')).toBeNull()
  })
})
