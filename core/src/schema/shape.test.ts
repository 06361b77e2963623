import { describe, expect, it } from 'vitest'
import {
  array,
  boolean,
  dictionary,
  freeText,
  integer,
  nullable,
  object,
  oneKey,
  oneOf,
  optional,
  pair,
  shapeParse,
  tagged,
  text,
} from './shape'

const thing = object({
  name: text({ max: 10, what: 'a name' }),
  count: integer(1, 5),
  flag: optional(boolean()),
  note: optional(nullable(freeText(20))),
  kind: oneOf(['a', 'b'] as const),
})

describe('object shapes', () => {
  it('parses a good value into a copy holding only declared keys', () => {
    const input = { name: 'Ana', count: 2, kind: 'a', extra: 'dropped' }
    const parsed = shapeParse(thing, input)
    expect(parsed).toEqual({ ok: true, value: { name: 'Ana', count: 2, kind: 'a' } })
    if (parsed.ok) expect(parsed.value).not.toBe(input)
  })

  it('reports every problem at once, with paths', () => {
    const parsed = shapeParse(thing, { name: '  ', count: 9, flag: 'yes', kind: 'c' })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.problems).toEqual([
      { path: 'name', message: 'a name is required' },
      { path: 'count', message: 'a whole number from 1 to 5' },
      { path: 'flag', message: 'expected true or false' },
      { path: 'kind', message: 'expected one of "a", "b"' },
    ])
  })

  it('says which required field is missing, and accepts null only where allowed', () => {
    expect(shapeParse(thing, { count: 1, kind: 'a', note: null })).toEqual({
      ok: false,
      problems: [{ path: 'name', message: 'required' }],
    })
    expect(shapeParse(thing, { name: 'x', count: null, kind: 'a' }).ok).toBe(false)
  })

  it('refuses non-objects, arrays and null at the root', () => {
    for (const value of [null, [], 'x', 3]) {
      expect(shapeParse(thing, value)).toEqual({
        ok: false,
        problems: [{ path: '(root)', message: 'expected an object' }],
      })
    }
  })

  it('never copies a __proto__ key onto the result', () => {
    const input = JSON.parse('{"name":"x","count":1,"kind":"a","__proto__":{"polluted":true}}')
    const parsed = shapeParse(thing, input)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(Object.getPrototypeOf(parsed.value)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('lists fields, required ones and ranges in its JSON schema', () => {
    expect(thing.json).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string' },
        count: { type: 'number', minimum: 1, maximum: 5 },
        flag: { type: 'boolean' },
        note: { type: ['string', 'null'] },
        kind: { type: 'string', enum: ['a', 'b'] },
      },
      required: ['name', 'count', 'kind'],
    })
  })
})

describe('arrays, pairs, one-key objects, tagged unions, dictionaries', () => {
  it('checks each item and the length', () => {
    const list = array(integer(0, 9), { min: 1, max: 3, minMessage: 'needs one' })
    expect(shapeParse(list, [1, 2]).ok).toBe(true)
    expect(shapeParse(list, [])).toEqual({
      ok: false,
      problems: [{ path: '(root)', message: 'needs one' }],
    })
    expect(shapeParse(list, [1, 2, 3, 4]).ok).toBe(false)
    expect(shapeParse(list, [1, 'x'])).toMatchObject({ ok: false, problems: [{ path: '1' }] })
  })

  it('reports a bad pair once at the pair', () => {
    const range = pair(integer(0, 9), integer(0, 9), 'expected two digits')
    expect(shapeParse(range, [1, 2])).toEqual({ ok: true, value: [1, 2] })
    for (const bad of [[1], [1, 2, 3], [1, 'x'], 'x']) {
      expect(shapeParse(range, bad)).toEqual({
        ok: false,
        problems: [{ path: '(root)', message: 'expected two digits' }],
      })
    }
  })

  it('accepts exactly one key of a one-key object', () => {
    const target = oneKey({ poolId: text({ max: 9 }), panelId: text({ max: 9 }) }, 'one target')
    expect(shapeParse(target, { poolId: 'p' })).toEqual({ ok: true, value: { poolId: 'p' } })
    for (const bad of [{}, { poolId: 'p', panelId: 'q' }, { other: 'x' }, null]) {
      expect(shapeParse(target, bad)).toEqual({
        ok: false,
        problems: [{ path: '(root)', message: 'one target' }],
      })
    }
  })

  it('picks a tagged variant by its tag', () => {
    const shape = tagged('type', {
      one: object({ a: integer(0, 1) }),
      two: object({ b: boolean() }),
    })
    expect(shapeParse(shape, { type: 'two', b: true, a: 5 })).toEqual({
      ok: true,
      value: { type: 'two', b: true },
    })
    expect(shapeParse(shape, { type: 'three' })).toEqual({
      ok: false,
      problems: [{ path: 'type', message: 'expected type "one", "two"' }],
    })
    expect(shapeParse(shape, { type: 'toString' }).ok).toBe(false)
    expect(shape.json['properties']).toHaveProperty('a')
    expect(shape.json['properties']).toHaveProperty('b')
  })

  it('checks dictionary keys and values', () => {
    const answers = dictionary(text({ max: 5, pattern: /^[a-z]+$/ }), freeText(3), 2)
    expect(shapeParse(answers, { a: 'x', b: '' })).toEqual({
      ok: true,
      value: { a: 'x', b: '' },
    })
    expect(shapeParse(answers, { a: 'long!' }).ok).toBe(false)
    expect(shapeParse(answers, { A: 'x' }).ok).toBe(false)
    expect(shapeParse(answers, { a: '1', b: '2', c: '3' }).ok).toBe(false)
  })
})
