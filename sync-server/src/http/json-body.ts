import express from 'express'
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { HttpError } from './errors'

/**
 * Deepest nesting of arrays and objects a request body may have. The deepest legitimate body, a
 * replicated booking whose conflict keeps a desktop's local version, nests 8 levels; anything far
 * deeper is an attack on whatever recurses over it later (a stack overflow is a 500).
 */
export const MAX_JSON_DEPTH = 32

/** Object keys refused anywhere in a body: assigning one to a plain object changes its prototype. */
const RESERVED_KEYS = new Set(['__proto__'])

const OPEN_BRACE = 0x7b
const OPEN_BRACKET = 0x5b
const CLOSE_BRACE = 0x7d
const CLOSE_BRACKET = 0x5d
const QUOTE = 0x22
const BACKSLASH = 0x5c

/**
 * True when the JSON text in `raw` nests arrays/objects deeper than `maxDepth` (brackets inside
 * strings do not count). Runs over the bytes before parsing, so a deep body costs one linear scan
 * and no parse.
 */
export function jsonNestsDeeper(raw: Uint8Array, maxDepth: number): boolean {
  let depth = 0
  let isInString = false
  for (let at = 0; at < raw.length; at++) {
    const byte = raw[at]
    if (isInString) {
      if (byte === BACKSLASH) at++
      else if (byte === QUOTE) isInString = false
    } else if (byte === QUOTE) {
      isInString = true
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > maxDepth) return true
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--
    }
  }
  return false
}

/**
 * The path of the first reserved key (`__proto__`) in a parsed JSON value, or null. `JSON.parse`
 * keeps such a key as an own property, but copying it into another object (`obj[key] = value`,
 * `Object.assign`, many parsers) replaces that object's prototype. Recursion depth is bounded by
 * {@link MAX_JSON_DEPTH} (checked first).
 */
export function jsonReservedKeyPath(value: unknown, path = '(body)'): string | null {
  if (typeof value !== 'object' || value === null) return null
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = jsonReservedKeyPath(value[index], `${path}.${index}`)
      if (found !== null) return found
    }
    return null
  }
  for (const key of Object.keys(value)) {
    if (RESERVED_KEYS.has(key)) return `${path}.${key}`
    const found = jsonReservedKeyPath((value as Record<string, unknown>)[key], `${path}.${key}`)
    if (found !== null) return found
  }
  return null
}

/**
 * `express.json` with the body limit `limit`, refusing with 400 `invalid-request` a body nested
 * deeper than {@link MAX_JSON_DEPTH} (before parsing) and one using a reserved key (`__proto__`)
 * anywhere (before any handler sees it). Bad encodings and malformed JSON become 400 in the app's
 * error handler.
 */
export function jsonBody(limit: string): RequestHandler[] {
  const parse = express.json({
    limit,
    verify(_req, _res, raw) {
      if (jsonNestsDeeper(raw, MAX_JSON_DEPTH)) {
        throw new HttpError(
          'invalid-request',
          `request body nests deeper than ${MAX_JSON_DEPTH} levels`,
        )
      }
    },
  })
  const refuseReservedKeys = (req: Request, _res: Response, next: NextFunction) => {
    const path = jsonReservedKeyPath(req.body)
    if (path === null) return next()
    next(new HttpError('invalid-request', `${path}: reserved key`))
  }
  return [parse, refuseReservedKeys]
}
