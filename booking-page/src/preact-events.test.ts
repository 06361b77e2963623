import { describe, expect, it } from 'vitest'
import { eventFieldsOwn } from './preact-events'

/** A stand-in for a DOM event: its fields are getters on the prototype, like the real ones. */
class FakeKeyEvent {
  readonly #key: string
  current: string
  constructor(key: string) {
    this.#key = key
    this.current = 'grid'
  }
  get key() {
    return this.#key
  }
  get currentTarget() {
    return this.current
  }
}

describe('eventFieldsOwn', () => {
  it('lets an object spread keep the event’s fields, read when spread', () => {
    const event = new FakeKeyEvent('ArrowRight')
    expect({ ...event }).not.toHaveProperty('key')
    eventFieldsOwn(event)
    expect({ ...event }).toMatchObject({ key: 'ArrowRight', currentTarget: 'grid' })
    event.current = 'cell'
    expect({ ...event }).toMatchObject({ currentTarget: 'cell' })
  })
})
