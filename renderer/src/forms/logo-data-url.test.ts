import { describe, expect, it } from 'vitest'
import { logoFit } from './logo-data-url'

describe('logoFit', () => {
  it.each([
    [
      [1000, 200],
      [320, 64],
    ],
    [
      [200, 1000],
      [22, 112],
    ],
    [
      [100, 40],
      [100, 40],
    ],
    [
      [3000, 3000],
      [112, 112],
    ],
  ])('fits %j into the logo box as %j, never enlarging', ([w, h], [width, height]) => {
    expect(logoFit(w!, h!)).toEqual({ width, height })
  })
})
