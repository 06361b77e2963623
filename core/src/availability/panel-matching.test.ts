import { describe, expect, it } from 'vitest'
import { panelMatch } from './panel-matching'

describe('panelMatch', () => {
  it('gives each seat its first candidate when nobody competes', () => {
    expect(panelMatch([[0], [1], [2]], 3)).toEqual([0, 1, 2])
  })

  it('moves an earlier seat to free a member for a later one (augmenting path)', () => {
    // Seat 0 could take 0 or 1, seat 1 only 0.
    expect(panelMatch([[0, 1], [0]], 2)).toEqual([1, 0])
  })

  it('finds no assignment when two seats need the same single member', () => {
    expect(panelMatch([[0], [0]], 1)).toBeNull()
  })

  it('finds no assignment when three seats share two members (Hall)', () => {
    expect(
      panelMatch(
        [
          [0, 1],
          [0, 1],
          [0, 1],
        ],
        2,
      ),
    ).toBeNull()
  })

  it('assigns a seat with no candidates nothing, so the panel fails', () => {
    expect(panelMatch([[0], []], 1)).toBeNull()
  })

  it('refuses a candidate outside the member range', () => {
    expect(() => panelMatch([[3]], 2)).toThrow(RangeError)
  })
})
