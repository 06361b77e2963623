import { describe, expect, it } from 'vitest'
import { blockLanes } from './block-lanes'

const block = (id: string, topMin: number, heightMin: number) => ({ id, topMin, heightMin })

describe('blockLanes', () => {
  it('puts overlapping blocks side by side and lone blocks full width', () => {
    const layout = blockLanes(
      [block('a', 540, 60), block('b', 570, 30), block('c', 700, 30), block('d', 600, 30)],
      4,
    )
    const lanes = Object.fromEntries(layout.placed.map((p) => [p.item.id, [p.lane, p.lanes]]))
    expect(lanes).toEqual({ a: [0, 2], b: [1, 2], d: [0, 1], c: [0, 1] })
    expect(layout.overflow).toEqual([])
  })

  it('treats touching blocks as not overlapping', () => {
    const layout = blockLanes([block('a', 540, 30), block('b', 570, 30)], 4)
    expect(layout.placed.map((p) => p.lanes)).toEqual([1, 1])
  })

  it('counts the blocks that do not fit in the last lane', () => {
    const items = Array.from({ length: 6 }, (_, i) => block(`b${i}`, 600 + i, 30))
    const layout = blockLanes(items, 3)
    expect(layout.placed.map((p) => [p.item.id, p.lane, p.lanes])).toEqual([
      ['b0', 0, 3],
      ['b1', 1, 3],
    ])
    expect(layout.overflow).toHaveLength(1)
    expect(layout.overflow[0]).toMatchObject({ lane: 2, lanes: 3, topMin: 602, heightMin: 33 })
    expect(layout.overflow[0]!.items.map((i) => i.id)).toEqual(['b2', 'b3', 'b4', 'b5'])
  })

  it('with one lane shows every overlap as a count', () => {
    const layout = blockLanes([block('a', 0, 60), block('b', 30, 60)], 1)
    expect(layout.placed).toEqual([])
    expect(layout.overflow[0]!.items).toHaveLength(2)
  })
})
