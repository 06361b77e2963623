import { describe, expect, it } from 'vitest'
import { SerialQueue } from './serial-queue'

describe('SerialQueue', () => {
  it('never runs two tasks at once and keeps arrival order', async () => {
    const queue = new SerialQueue()
    let running = 0
    let maxRunning = 0
    const order: number[] = []
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        queue.run(async () => {
          running++
          maxRunning = Math.max(maxRunning, running)
          for (let k = 0; k < i % 3; k++) await Promise.resolve()
          order.push(i)
          running--
        }),
      ),
    )
    expect(maxRunning).toBe(1)
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i))
  })

  it('keeps going after a task fails and hands the error to its caller', async () => {
    const queue = new SerialQueue()
    const failed = queue.run(async () => {
      throw new Error('boom')
    })
    const next = queue.run(async () => 'after')
    await expect(failed).rejects.toThrow('boom')
    await expect(next).resolves.toBe('after')
  })
})
