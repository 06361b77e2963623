import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  intervalsClip,
  intervalsCover,
  intervalsFind,
  intervalsIntersect,
  intervalsMerge,
  intervalsOverlap,
  intervalsSubtract,
  intervalsToPairs,
  intervalsUnion,
} from './intervals'

describe('intervalsMerge', () => {
  it.each([
    [[], []],
    [
      [5, 10],
      [5, 10],
    ],
    [
      [10, 20, 0, 5],
      [0, 5, 10, 20],
    ],
    [
      [0, 10, 10, 20],
      [0, 20],
    ],
    [
      [0, 10, 5, 8, 9, 15],
      [0, 15],
    ],
    [
      [3, 3, 7, 6, 1, 2],
      [1, 2],
    ],
  ])('merges %j into %j', (input, expected) => {
    expect(intervalsMerge(input)).toEqual(expected)
  })

  it('does not touch its input', () => {
    const input = Object.freeze([10, 20, 0, 5])
    intervalsMerge(input)
    expect(input).toEqual([10, 20, 0, 5])
  })

  it('refuses an odd length', () => {
    expect(() => intervalsMerge([1, 2, 3])).toThrow(RangeError)
  })
})

describe('intervalsSubtract', () => {
  it.each([
    [
      [0, 100],
      [10, 20, 30, 40],
      [0, 10, 20, 30, 40, 100],
    ],
    [[0, 100], [0, 100], []],
    [
      [0, 10, 20, 30],
      [5, 25],
      [0, 5, 25, 30],
    ],
    [
      [0, 10],
      [10, 20],
      [0, 10],
    ],
    [[0, 10], [], [0, 10]],
  ])('%j minus %j is %j', (a, b, expected) => {
    expect(intervalsSubtract(a, b)).toEqual(expected)
  })
})

describe('intervalsIntersect', () => {
  it.each([
    [
      [0, 10, 20, 30],
      [5, 25],
      [5, 10, 20, 25],
    ],
    [[0, 10], [10, 20], []],
    [
      [0, 100],
      [10, 20, 30, 40],
      [10, 20, 30, 40],
    ],
  ])('%j ∩ %j is %j', (a, b, expected) => {
    expect(intervalsIntersect(a, b)).toEqual(expected)
  })
})

describe('intervalsClip', () => {
  it('cuts to the window and drops what lies outside', () => {
    expect(intervalsClip([0, 10, 20, 30, 40, 50], 5, 25)).toEqual([5, 10, 20, 25])
  })
})

describe('intervalsFind', () => {
  const intervals = [0, 10, 20, 30]
  it.each([
    [0, 0],
    [9, 0],
    [10, -1],
    [20, 2],
    [29, 2],
    [30, -1],
    [-1, -1],
  ])('finds %i at offset %i', (point, offset) => {
    expect(intervalsFind(intervals, point)).toBe(offset)
  })
})

describe('intervalsCover', () => {
  it('is true only inside one interval, end included as the half-open bound', () => {
    expect(intervalsCover([0, 10, 10, 20], 5, 15)).toBe(false)
    expect(intervalsCover([0, 20], 5, 20)).toBe(true)
    expect(intervalsCover([0, 20], 5, 21)).toBe(false)
  })
})

describe('intervalsOverlap', () => {
  it.each([
    [10, 20, true],
    [0, 10, false],
    [30, 40, false],
    [29, 31, true],
    [15, 15, false],
  ])('[%i, %i) overlapping [10, 30) is %s', (start, end, expected) => {
    expect(intervalsOverlap([10, 30], start, end)).toBe(expected)
  })
})

describe('intervalsToPairs', () => {
  it('scales minutes to milliseconds', () => {
    expect(intervalsToPairs([1, 2], 60_000)).toEqual([[60_000, 120_000]])
  })
})

describe('intervalsUnion', () => {
  it.each([
    [[], [], []],
    [[1, 3], [], [1, 3]],
    [[], [2, 4], [2, 4]],
    [
      [1, 3, 10, 12],
      [2, 5, 12, 13, 20, 21],
      [1, 5, 10, 13, 20, 21],
    ],
    [
      [1, 2],
      [3, 4],
      [1, 2, 3, 4],
    ],
    [
      [5, 9],
      [1, 2, 3, 4, 6, 7],
      [1, 2, 3, 4, 5, 9],
    ],
  ])('%j or %j is %j', (a, b, expected) => {
    expect(intervalsUnion(a, b)).toEqual(expected)
  })

  it('equals intervalsMerge of both, for random merged lists', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 20 }),
        (rawA, rawB) => {
          const a = intervalsMerge(rawA.length % 2 === 0 ? rawA : rawA.slice(1))
          const b = intervalsMerge(rawB.length % 2 === 0 ? rawB : rawB.slice(1))
          expect(intervalsUnion(a, b)).toEqual(intervalsMerge([...a, ...b]))
        },
      ),
    )
  })
})
