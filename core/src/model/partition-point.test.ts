import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { partitionPoint } from './partition-point'

describe('partitionPoint', () => {
  it('finds where a sorted list reaches a value, as a linear scan does (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 })),
        fc.integer({ min: -60, max: 60 }),
        (values, at) => {
          const sorted = values.toSorted((a, b) => a - b)
          const scan = sorted.findIndex((value) => value >= at)
          expect(partitionPoint(sorted.length, (i) => sorted[i]! < at)).toBe(
            scan === -1 ? sorted.length : scan,
          )
        },
      ),
    )
  })

  it('gives 0 for an empty list and the length when nothing turns', () => {
    expect(partitionPoint(0, () => true)).toBe(0)
    expect(partitionPoint(3, () => true)).toBe(3)
    expect(partitionPoint(3, () => false)).toBe(0)
  })
})
