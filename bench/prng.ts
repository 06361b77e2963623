/**
 * A small seeded PRNG (mulberry32) for deterministic benchmark data — never Math.random.
 */

/** A generator of floats in [0, 1) plus helpers, fully determined by `seed`. */
export interface Prng {
  next(): number
  /** A whole number in `[lo, hi]`. */
  int(lo: number, hi: number): number
  /** One of `items`, each with its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T
  /** True with probability `p`. */
  chance(p: number): boolean
}

export function prngCreate(seed: number): Prng {
  let state = seed | 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    weighted: (items) => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0)
      let r = next() * total
      for (const [item, weight] of items) {
        r -= weight
        if (r < 0) return item
      }
      const last = items.at(-1)
      if (last === undefined) throw new RangeError('weighted() needs items')
      return last[0]
    },
    chance: (p) => next() < p,
  }
}
