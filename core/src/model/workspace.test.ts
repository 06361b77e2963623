import { describe, expect, it } from 'vitest'
import { idIsValid } from './workspace'

describe('idIsValid', () => {
  it.each([
    ['m-ana', true],
    ['bk-Zq9x_R2.m:K7|v', true],
    ['a'.repeat(100), true],
    ['_proto_', true],
    ['Constructor', true],
    ['', false],
    ['a'.repeat(101), false],
    ['a b', false],
    ['x&lwt=9', false],
    ['bk/1', false],
    ['__proto__', false],
    ['constructor', false],
    ['prototype', false],
    ['toString', false],
    ['valueOf', false],
    ['hasOwnProperty', false],
    ['__defineGetter__', false],
    [42, false],
    [null, false],
    [undefined, false],
    [['m-ana'], false],
  ])('%j → %s', (id, expected) => {
    expect(idIsValid(id)).toBe(expected)
  })
})
