/**
 * Shapes: each record's form declared once. A shape parses untrusted input (collecting every
 * problem with its path), gives the TypeScript type (`ShapeType<typeof memberShape>`), and
 * gives the JSON schema RxDB stores documents under. The record declarations are in
 * `./records.ts`; this module holds only the combinators.
 *
 * Parsing copies: the result holds only declared keys (unknown keys are dropped, so no
 * `__proto__` key or stray field survives a parse) and never aliases mutable input arrays.
 */

import type { WorkspaceProblem } from '../validation/workspace-problem'

/** A JSON-schema fragment (the subset RxDB reads: types, properties, required, lengths). */
export type JsonSchema = Readonly<Record<string, unknown>>

export interface Shape<T> {
  /**
   * `value` as a `T` (a fresh copy), or `undefined` after pushing at least one problem at or
   * under `path` onto `problems`.
   */
  parse(value: unknown, path: string, problems: WorkspaceProblem[]): T | undefined
  /** The JSON-schema fragment for RxDB collection schemas. */
  readonly json: JsonSchema
  /** True when an object may leave this field out. */
  readonly isOptional: boolean
  /** Type carrier only; never set. */
  readonly _type?: T
}

/** The TypeScript type a shape parses to. */
export type ShapeType<S> = S extends Shape<infer T> ? T : never

type Fields = Readonly<Record<string, Shape<unknown>>>
type OptionalKeys<F extends Fields> = {
  [K in keyof F]: F[K]['isOptional'] extends true ? K : never
}[keyof F]
type Simplify<T> = { [K in keyof T]: T[K] } & {}
/** An object shape's type: readonly fields, the optional ones marked `?`. */
export type ObjectType<F extends Fields> = Simplify<
  { readonly [K in Exclude<keyof F, OptionalKeys<F>>]: ShapeType<F[K]> } & {
    readonly [K in OptionalKeys<F>]?: ShapeType<F[K]>
  }
>

/** `a.b` paths; the root is `''`. */
export function pathJoin(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A leaf shape: `check` returns a message for a bad value, null for a good one. */
function leaf<T>(json: JsonSchema, check: (value: unknown) => string | null): Shape<T> {
  return {
    json,
    isOptional: false,
    parse(value, path, problems) {
      const message = check(value)
      if (message === null) return value as T
      problems.push({ path: path || '(root)', message })
      return undefined
    },
  }
}

export interface StringRules {
  /** Shortest length after trimming (default 1: blank strings are refused). */
  readonly min?: number
  readonly max: number
  /** The value must match; `message` says what was expected. */
  readonly pattern?: RegExp
  /** Any other rule on the value, returning true when it holds. */
  readonly test?: (value: string) => boolean
  /** The problem when `pattern` or `test` fails. */
  readonly message?: string
  /** What the value is, for length messages ("a name"). */
  readonly what?: string
  /** Extra JSON-schema keywords (e.g. `maxLength` for indexed fields). */
  readonly json?: JsonSchema
}

/** A string with a length range (trimmed for the minimum), an optional pattern and test. */
export function text(rules: StringRules): Shape<string> {
  const min = rules.min ?? 1
  const what = rules.what ?? 'the text'
  return leaf<string>({ type: 'string', ...rules.json }, (value) => {
    if (typeof value !== 'string') return 'expected text'
    if (value.trim().length < min) return min === 1 ? `${what} is required` : `${what} is too short`
    if (value.length > rules.max) return `${what} is longer than ${rules.max} characters`
    if (rules.pattern && !rules.pattern.test(value)) return rules.message ?? 'not in the right form'
    if (rules.test && !rules.test(value)) return rules.message ?? 'not in the right form'
    return null
  })
}

/** Any string up to `max` characters, blank allowed (answers, notes). */
export function freeText(max: number): Shape<string> {
  return leaf<string>({ type: 'string' }, (value) => {
    if (typeof value !== 'string') return 'expected text'
    return value.length > max ? `longer than ${max} characters` : null
  })
}

/** A whole number from `min` to `max`, with a message for anything else. */
export function integer(min: number, max: number, message?: string): Shape<number> {
  return leaf<number>({ type: 'number', minimum: min, maximum: max }, (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? null
      : (message ?? `a whole number from ${min} to ${max}`),
  )
}

export function boolean(): Shape<boolean> {
  return leaf<boolean>({ type: 'boolean' }, (value) =>
    typeof value === 'boolean' ? null : 'expected true or false',
  )
}

/** Exactly `literal`. */
export function literal<const L extends string | number>(literal: L): Shape<L> {
  return leaf<L>({ type: typeof literal === 'number' ? 'number' : 'string' }, (value) =>
    value === literal ? null : `expected ${JSON.stringify(literal)}`,
  )
}

/** One of `values` (an enum). */
export function oneOf<const V extends readonly string[]>(values: V): Shape<V[number]> {
  const allowed = new Set<unknown>(values)
  return leaf<V[number]>({ type: 'string', enum: [...values] }, (value) =>
    allowed.has(value) ? null : `expected one of ${values.map((v) => `"${v}"`).join(', ')}`,
  )
}

export interface ArrayRules {
  readonly min?: number
  readonly max?: number
  /** The problem when there are fewer than `min` items. */
  readonly minMessage?: string
}

export function array<T>(item: Shape<T>, rules: ArrayRules = {}): Shape<readonly T[]> {
  return {
    json: { type: 'array', items: item.json },
    isOptional: false,
    parse(value, path, problems) {
      if (!Array.isArray(value)) {
        problems.push({ path: path || '(root)', message: 'expected a list' })
        return undefined
      }
      const before = problems.length
      if (rules.max !== undefined && value.length > rules.max) {
        problems.push({ path: path || '(root)', message: `at most ${rules.max} items` })
        return undefined
      }
      const out = value.map((entry, i) => item.parse(entry, pathJoin(path, i), problems))
      if (rules.min !== undefined && value.length < rules.min) {
        problems.push({
          path: path || '(root)',
          message: rules.minMessage ?? `at least ${rules.min} items`,
        })
      }
      return problems.length === before ? (out as T[]) : undefined
    },
  }
}

/** A pair `[a, b]`. */
export function pair<A, B>(
  first: Shape<A>,
  second: Shape<B>,
  message: string,
): Shape<readonly [A, B]> {
  return {
    json: { type: 'array', items: first.json, minItems: 2, maxItems: 2 },
    isOptional: false,
    parse(value, path, problems) {
      if (!Array.isArray(value) || value.length !== 2) {
        problems.push({ path: path || '(root)', message })
        return undefined
      }
      const before = problems.length
      const a = first.parse(value[0], path, problems)
      const b = problems.length === before ? second.parse(value[1], path, problems) : undefined
      // Element problems are reported at the pair's own path, once.
      if (problems.length > before) {
        problems.splice(before, problems.length - before, { path: path || '(root)', message })
        return undefined
      }
      return [a as A, b as B] as const
    },
  }
}

/** The field may be absent (`undefined`). */
export function optional<T>(shape: Shape<T>): Shape<T> & { readonly isOptional: true } {
  return {
    json: shape.json,
    isOptional: true,
    parse: (value, path, problems) => shape.parse(value, path, problems),
  }
}

/** The value may be `null`. */
export function nullable<T>(shape: Shape<T>): Shape<T | null> {
  const type = shape.json['type']
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type]
  return {
    json: { ...shape.json, type: [...types, 'null'] },
    isOptional: shape.isOptional,
    parse: (value, path, problems) => (value === null ? null : shape.parse(value, path, problems)),
  }
}

/** An object with exactly these fields (unknown keys are dropped from the result). */
export function object<const F extends Fields>(fields: F): Shape<ObjectType<F>> {
  const keys = Object.keys(fields)
  const required = keys.filter((key) => !fields[key]?.isOptional)
  return {
    json: {
      type: 'object',
      properties: Object.fromEntries(keys.map((key) => [key, fields[key]?.json])),
      ...(required.length > 0 ? { required } : {}),
    },
    isOptional: false,
    parse(value, path, problems) {
      if (!isPlainObject(value)) {
        problems.push({ path: path || '(root)', message: 'expected an object' })
        return undefined
      }
      const before = problems.length
      const out: Record<string, unknown> = {}
      for (const key of keys) {
        const field = fields[key]
        if (field === undefined) continue
        const raw = Object.hasOwn(value, key) ? value[key] : undefined
        if (raw === undefined) {
          if (!field.isOptional) problems.push({ path: pathJoin(path, key), message: 'required' })
          continue
        }
        const parsed = field.parse(raw, pathJoin(path, key), problems)
        if (parsed !== undefined) out[key] = parsed
      }
      return problems.length === before ? (out as ObjectType<F>) : undefined
    },
  }
}

type OneKeyType<F extends Fields> = {
  [K in keyof F]: { readonly [P in K]: ShapeType<F[K]> }
}[keyof F]

/** An object naming exactly one of `fields` (a target: `{ poolId }` or `{ panelId }` …). */
export function oneKey<const F extends Fields>(
  fields: F,
  message: string,
): Shape<Simplify<OneKeyType<F>>> {
  const keys = Object.keys(fields)
  return {
    json: {
      type: 'object',
      properties: Object.fromEntries(keys.map((key) => [key, fields[key]?.json])),
    },
    isOptional: false,
    parse(value, path, problems) {
      const present = isPlainObject(value)
        ? Object.keys(value).filter((key) => value[key] !== undefined)
        : []
      const key = present[0]
      const field = key === undefined ? undefined : fields[key]
      if (!isPlainObject(value) || present.length !== 1 || key === undefined || !field) {
        problems.push({ path: path || '(root)', message })
        return undefined
      }
      const parsed = field.parse(value[key], pathJoin(path, key), problems)
      return parsed === undefined ? undefined : ({ [key]: parsed } as Simplify<OneKeyType<F>>)
    },
  }
}

type TaggedType<K extends string, V extends Readonly<Record<string, Shape<object>>>> = {
  [T in keyof V & string]: Simplify<{ readonly [P in K]: T } & ShapeType<V[T]>>
}[keyof V & string]

/**
 * A tagged union: the value of field `tag` picks the variant (`{ type: 'static', target }`).
 * The JSON schema lists the union of the variants' properties.
 */
export function tagged<
  const K extends string,
  const V extends Readonly<Record<string, Shape<object>>>,
>(tag: K, variants: V): Shape<TaggedType<K, V>> {
  const names = Object.keys(variants)
  const properties: Record<string, unknown> = { [tag]: { type: 'string', enum: names } }
  for (const variant of Object.values(variants)) {
    const own = (variant.json['properties'] ?? {}) as Record<string, unknown>
    for (const [key, json] of Object.entries(own)) properties[key] ??= json
  }
  return {
    json: { type: 'object', properties, required: [tag] },
    isOptional: false,
    parse(value, path, problems) {
      const name = isPlainObject(value) ? value[tag] : undefined
      const variant =
        typeof name === 'string' && Object.hasOwn(variants, name) ? variants[name] : undefined
      if (!isPlainObject(value) || variant === undefined) {
        const message = `expected ${tag} ${names.map((n) => `"${n}"`).join(', ')}`
        problems.push({ path: pathJoin(path, tag), message })
        return undefined
      }
      const parsed = variant.parse(value, path, problems)
      return parsed === undefined ? undefined : ({ [tag]: name, ...parsed } as TaggedType<K, V>)
    },
  }
}

/** A map from keys passing `key` to values of `item` (`answers`: question id → text). */
export function dictionary<T>(
  key: Shape<string>,
  item: Shape<T>,
  maxEntries: number,
): Shape<Readonly<Record<string, T>>> {
  return {
    json: { type: 'object' },
    isOptional: false,
    parse(value, path, problems) {
      if (!isPlainObject(value)) {
        problems.push({ path: path || '(root)', message: 'expected an object' })
        return undefined
      }
      const entries = Object.entries(value)
      if (entries.length > maxEntries) {
        problems.push({ path: path || '(root)', message: `at most ${maxEntries} entries` })
        return undefined
      }
      const before = problems.length
      const out: Record<string, T> = {}
      for (const [name, raw] of entries) {
        if (key.parse(name, pathJoin(path, name), problems) === undefined) continue
        const parsed = item.parse(raw, pathJoin(path, name), problems)
        if (parsed !== undefined) out[name] = parsed
      }
      return problems.length === before ? out : undefined
    },
  }
}

/** Parses `value` with `shape` at the root: the value, or every problem found. */
export function shapeParse<T>(
  shape: Shape<T>,
  value: unknown,
  path = '',
):
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: WorkspaceProblem[] } {
  const problems: WorkspaceProblem[] = []
  const parsed = shape.parse(value, path, problems)
  return problems.length === 0 && parsed !== undefined
    ? { ok: true, value: parsed }
    : { ok: false, problems }
}
