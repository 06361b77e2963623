import { HttpError } from '../http/errors'
import { MAX_JSON_DEPTH } from '../http/json-body'

/**
 * Longest string (or object key) a streamed body may hold, in bytes. Far above every record
 * field's own limit (free text is at most 2,000 characters), so only a body that is invalid anyway
 * meets it; it stops a single endless string from growing inside the parser.
 */
export const MAX_JSON_STRING_BYTES = 1024 * 1024

/** Longest number or literal (`true`, …) a streamed body may hold, in bytes. */
export const MAX_JSON_BARE_BYTES = 4096

const OPEN_BRACE = 0x7b
const OPEN_BRACKET = 0x5b
const CLOSE_BRACE = 0x7d
const CLOSE_BRACKET = 0x5d
const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const SPACE = 0x20
const TAB = 0x09
const LF = 0x0a
const CR = 0x0d

/**
 * A streaming check of JSON bytes before they reach the parser, chunk by chunk, with the same
 * depth rule as the other routes' bodies ({@link MAX_JSON_DEPTH}, counted on the raw bytes; brackets
 * inside strings do not count) plus bounds on the length of one string and of one number or
 * literal, so the parser never holds an unbounded token. `check` throws an `invalid-request`
 * HttpError at the first violation. Syntax is the parser's business, not this guard's.
 */
export function jsonGuardCreate(): { check(chunk: Uint8Array): void } {
  let depth = 0
  let isInString = false
  let isEscaped = false
  let stringBytes = 0
  let bareBytes = 0
  const tooLong = (what: string, max: number) =>
    new HttpError('invalid-request', `request body holds a ${what} longer than ${max} bytes`)
  return {
    check(chunk) {
      for (let at = 0; at < chunk.length; at++) {
        const byte = chunk[at]
        if (isInString) {
          if (++stringBytes > MAX_JSON_STRING_BYTES) {
            throw tooLong('string', MAX_JSON_STRING_BYTES)
          }
          if (isEscaped) isEscaped = false
          else if (byte === BACKSLASH) isEscaped = true
          else if (byte === QUOTE) isInString = false
          continue
        }
        if (byte === QUOTE) {
          isInString = true
          stringBytes = 0
          bareBytes = 0
        } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
          bareBytes = 0
          if (++depth > MAX_JSON_DEPTH) {
            throw new HttpError(
              'invalid-request',
              `request body nests deeper than ${MAX_JSON_DEPTH} levels`,
            )
          }
        } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
          bareBytes = 0
          depth--
        } else if (
          byte === COMMA ||
          byte === COLON ||
          byte === SPACE ||
          byte === TAB ||
          byte === LF ||
          byte === CR
        ) {
          bareBytes = 0
        } else if (++bareBytes > MAX_JSON_BARE_BYTES) {
          throw tooLong('number or literal', MAX_JSON_BARE_BYTES)
        }
      }
    },
  }
}
