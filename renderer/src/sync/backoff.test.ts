import { describe, expect, it } from 'vitest'
import { backoffCreate, backoffDelayMs } from './backoff'

describe('backoffDelayMs', () => {
  it.each([
    [0, 2000],
    [1, 2000],
    [2, 4000],
    [3, 8000],
    [5, 32_000],
    [6, 60_000],
    [100, 60_000],
  ])('after %i failures waits %i ms', (failures, ms) => {
    expect(backoffDelayMs(failures)).toBe(ms)
  })
})

describe('backoffCreate', () => {
  it('doubles per failure and starts over after a success', () => {
    const backoff = backoffCreate(1000, 8000)
    expect([backoff.failed(), backoff.failed(), backoff.failed(), backoff.failed()]).toEqual([
      1000, 2000, 4000, 8000,
    ])
    expect(backoff.failed()).toBe(8000)
    backoff.succeeded()
    expect(backoff.failures()).toBe(0)
    expect(backoff.failed()).toBe(1000)
  })
})
