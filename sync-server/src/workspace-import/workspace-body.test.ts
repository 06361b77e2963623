import { describe, expect, it } from 'vitest'
import { HttpError } from '../http/errors'
import { jsonGuardCreate, MAX_JSON_BARE_BYTES, MAX_JSON_STRING_BYTES } from './json-guard'
import { MAX_BOOKING_CHARS, MAX_SETUP_CHARS, workspaceBodyRead } from './workspace-body'

/** `text` in chunks of `size` characters (every split point a parser must survive). */
async function* chunked(text: string, size: number) {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size)
}

async function read(text: string, size = 7) {
  const bookings: [number, unknown][] = []
  const body = await workspaceBodyRead(chunked(text, size), (value, index) =>
    bookings.push([index, value]),
  )
  return { ...body, bookings }
}

async function refusal(run: () => unknown): Promise<HttpError> {
  try {
    await run()
  } catch (error) {
    if (error instanceof HttpError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('workspaceBodyRead', () => {
  it('hands over each booking alone, in order, and assembles the rest, in any key order', async () => {
    const text =
      '{"bookings":[{"id":"b1","n":1.5e2},{"id":"b2","x":[true,false,null,"\\u00e9\\""]}],' +
      '"version":1,"members":[{"id":"m","hours":[["09:00","17:00"]]}],"timeZone":"UTC"}'
    for (const size of [1, 3, 64, text.length]) {
      const body = await read(text, size)
      expect(body.bookings).toEqual([
        [0, { id: 'b1', n: 150 }],
        [1, { id: 'b2', x: [true, false, null, 'é"'] }],
      ])
      expect(body.setup).toEqual({
        bookings: [],
        version: 1,
        members: [{ id: 'm', hours: [['09:00', '17:00']] }],
        timeZone: 'UTC',
      })
      expect(body.bookingCount).toBe(2)
      expect(body.problems).toEqual([])
    }
  })

  it('keeps a body that is no object, or whose bookings are no list, for the validation to refuse', async () => {
    expect((await read('[1,2]')).setup).toEqual([1, 2])
    expect((await read('{"bookings":{"a":1}}')).setup).toEqual({ bookings: { a: 1 } })
  })

  it('reports a repeated top-level key', async () => {
    const body = await read('{"version":1,"members":[],"version":2}')
    expect(body.problems).toEqual([
      { path: 'version', message: 'this key appears more than once in the workspace' },
    ])
  })

  it.each([
    ['cut off', '{"version":1,"bookings":[{"id":"b1"}'],
    ['trailing text', '{"version":1} {}'],
    ['no value', ''],
    ['a stray bracket', '{"version":1]'],
  ])('refuses text that is not JSON: %s', async (_label, text) => {
    const error = await refusal(() => read(text))
    expect([error.code, error.message]).toEqual([
      'invalid-request',
      'request body is not valid JSON',
    ])
  })

  it('refuses a __proto__ key, naming where it is', async () => {
    const error = await refusal(() =>
      read('{"version":1,"bookings":[{},{"customer":{"a":[{},{"__proto__":1}]}}]}'),
    )
    expect(error.message).toBe('(body).bookings.1.customer.a.1.__proto__: reserved key')
  })

  it('bounds the setup and each booking', async () => {
    const big = 'x'.repeat(1024 * 1024)
    const setup = `{"members":[${Array.from({ length: 17 }, () => `"${big}"`).join(',')}]}`
    const tooLargeSetup = await refusal(() => read(setup, 65536))
    expect(tooLargeSetup.code).toBe('payload-too-large')
    expect(tooLargeSetup.message).toContain(String(MAX_SETUP_CHARS))
    const booking = `{"bookings":[{"notes":[${Array.from({ length: 5 }, () => `"${big}"`).join(',')}]}]}`
    const tooLargeBooking = await refusal(() => read(booking, 65536))
    expect(tooLargeBooking.code).toBe('payload-too-large')
    expect(tooLargeBooking.message).toContain(String(MAX_BOOKING_CHARS))
  })
})

describe('jsonGuardCreate', () => {
  const check = (text: string, size = 1) => {
    const guard = jsonGuardCreate()
    const bytes = Buffer.from(text)
    for (let at = 0; at < bytes.length; at += size) guard.check(bytes.subarray(at, at + size))
  }

  it('refuses nesting deeper than 32 levels, counting no bracket inside a string', () => {
    expect(() => check('['.repeat(32) + ']'.repeat(32))).not.toThrow()
    expect(() => check('['.repeat(33))).toThrow('request body nests deeper than 32 levels')
    expect(() => check(`[${'"[\\"[",'.repeat(40)}1]`)).not.toThrow()
  })

  it('bounds one string and one number, across chunk boundaries', () => {
    expect(() => check(`"${'a'.repeat(MAX_JSON_STRING_BYTES - 1)}"`, 4096)).not.toThrow()
    expect(() => check(`"${'a'.repeat(MAX_JSON_STRING_BYTES + 1)}"`, 4096)).toThrow(
      `longer than ${MAX_JSON_STRING_BYTES} bytes`,
    )
    expect(() => check(`[${'1'.repeat(MAX_JSON_BARE_BYTES)}]`, 5)).not.toThrow()
    expect(() => check(`[${'1'.repeat(MAX_JSON_BARE_BYTES + 1)}]`, 5)).toThrow(
      `longer than ${MAX_JSON_BARE_BYTES} bytes`,
    )
    // An escaped quote does not end a string; whitespace between tokens is not a token.
    expect(() => check(`["\\"${' '.repeat(MAX_JSON_BARE_BYTES * 2)}"]`, 3)).not.toThrow()
    expect(() => check(`[1${' '.repeat(MAX_JSON_BARE_BYTES * 2)}]`, 3)).not.toThrow()
  })
})
