import { getManyValues, none, toMany } from 'stream-chain/defs.js'
import { jsonParser } from 'stream-json/core/parser.js'
import type { Token } from 'stream-json/core/parser.js'
import type { WorkspaceProblem } from '../../../core/src/validation/workspace-problem'
import { HttpError } from '../http/errors'

/**
 * Most a workspace's setup (everything but its bookings) may hold, counted as characters of keys,
 * strings and numbers plus one per token, which never exceeds the JSON's bytes: 16 MiB, the old
 * limit of the whole body, so every setup that imported before still does. Setups are small (a
 * 100-member team is well under 1 MiB); this stops a body from growing one without bound.
 */
export const MAX_SETUP_CHARS = 16 * 1024 * 1024

/**
 * Most one element of `bookings` may hold, counted like {@link MAX_SETUP_CHARS}: 4 MiB, above the
 * largest booking the record shape allows (1,000 history entries with 1,000-character reasons,
 * 100 answers of 2,000 characters), so only an invalid booking meets it.
 */
export const MAX_BOOKING_CHARS = 4 * 1024 * 1024

/** What {@link workspaceBodyRead} found. */
export interface WorkspaceBody {
  /**
   * The body with its `bookings` array left out (`bookings: []` when it was an array): the
   * setup, assembled whole. A body whose top level is no object is returned as it is (invalid).
   */
  readonly setup: unknown
  /** How many elements `bookings` had (each was handed to `onBooking`). */
  readonly bookingCount: number
  /** Problems of the body's layout itself (a repeated top-level key). */
  readonly problems: readonly WorkspaceProblem[]
}

type Container = Record<string, unknown> | unknown[]

/**
 * Builds one JSON value from parser tokens, refusing `__proto__` keys (as every other route's
 * body does) and values larger than `budget` characters.
 */
class ValueBuilder {
  private readonly stack: { container: Container; key: string | null }[] = []
  private pendingKey: string | null = null
  private used = 0
  value: unknown = undefined

  constructor(
    /** Where the value sits in the body (`(body).bookings.7`), for error messages. */
    private readonly path: string,
    private readonly budget: { readonly max: number; used: number; readonly what: string },
  ) {}

  /** Feeds one token; true once the value is complete. */
  token(token: Token): boolean {
    switch (token.name) {
      case 'startObject':
        return this.open({})
      case 'startArray':
        return this.open([])
      case 'endObject':
      case 'endArray':
        return this.close()
      case 'keyValue':
        this.charge(token.value.length)
        if (token.value === '__proto__') {
          throw new HttpError('invalid-request', `${this.pathHere()}.__proto__: reserved key`)
        }
        this.pendingKey = token.value
        return false
      case 'stringValue':
        this.charge(token.value.length)
        return this.put(token.value)
      case 'numberValue':
        this.charge(token.value.length)
        return this.put(Number(token.value))
      case 'nullValue':
      case 'trueValue':
      case 'falseValue':
        return this.put(token.value)
      default:
        // Streamed pieces and start/end markers of strings, keys and numbers are off in the parser.
        return false
    }
  }

  private charge(chars: number): void {
    this.used += chars + 1
    this.budget.used += chars + 1
    if (this.budget.used > this.budget.max) {
      throw new HttpError(
        'payload-too-large',
        `${this.budget.what} is larger than ${this.budget.max} characters (at ${this.path})`,
      )
    }
  }

  private open(container: Container): boolean {
    this.charge(0)
    this.stack.push({ container, key: this.pendingKey })
    this.pendingKey = null
    return false
  }

  private close(): boolean {
    this.charge(0)
    const done = this.stack.pop()
    if (!done) throw new HttpError('invalid-request', 'request body is not valid JSON')
    this.pendingKey = done.key
    return this.put(done.container)
  }

  private put(value: unknown): boolean {
    const parent = this.stack.at(-1)
    if (!parent) {
      this.value = value
      return true
    }
    if (Array.isArray(parent.container)) parent.container.push(value)
    else parent.container[this.pendingKey ?? ''] = value
    this.pendingKey = null
    return false
  }

  private pathHere(): string {
    const parts = [this.path]
    for (let i = 0; i < this.stack.length; i++) {
      const frame = this.stack[i]!
      const next = this.stack[i + 1]
      if (next) parts.push(next.key ?? String((frame.container as unknown[]).length))
    }
    return parts.join('.')
  }
}

type Phase = 'start' | 'key' | 'value' | 'bookings-start' | 'bookings' | 'booking' | 'root' | 'done'

/**
 * Reads a workspace JSON body from text chunks with a streaming parser (stream-json), never
 * holding more of it than one chunk, the setup and one booking: the top-level keys are taken in
 * whatever order they come; each key but `bookings` is assembled whole (the setup, at most
 * {@link MAX_SETUP_CHARS}); each element of a `bookings` array is assembled alone (at most
 * {@link MAX_BOOKING_CHARS}) and handed to `onBooking` with its index before the next one is
 * read. `afterChunk` runs after each chunk's tokens (the caller's chance to flush or report).
 *
 * Throws an HttpError (`invalid-request`) for text that is not JSON or uses a `__proto__` key,
 * and `payload-too-large` past the sizes above; what `onBooking`/`afterChunk` throw passes through.
 */
export async function workspaceBodyRead(
  text: AsyncIterable<string>,
  onBooking: (value: unknown, index: number) => void,
  afterChunk: () => Promise<void> | void = () => undefined,
): Promise<WorkspaceBody> {
  const parse = jsonParser({ streamValues: false })
  const setupBudget = { max: MAX_SETUP_CHARS, used: 0, what: 'the workspace without its bookings' }
  const setup: Record<string, unknown> = {}
  const problems: WorkspaceProblem[] = []
  const seenKeys = new Set<string>()
  let phase = 'start' as Phase
  let key = ''
  let builder: ValueBuilder | null = null
  let root: unknown = undefined
  let bookingCount = 0

  const keyDone = (value: unknown) => {
    if (seenKeys.has(key)) {
      problems.push({ path: key, message: 'this key appears more than once in the workspace' })
    }
    seenKeys.add(key)
    setup[key] = value
    phase = 'key'
  }

  const feed = (token: Token): void => {
    switch (phase) {
      case 'start':
        if (token.name === 'startObject') {
          phase = 'key'
          return
        }
        builder = new ValueBuilder('(body)', setupBudget)
        phase = 'root'
        if (builder.token(token)) {
          root = builder.value
          phase = 'done'
        }
        return
      case 'root':
        if (builder!.token(token)) {
          root = builder!.value
          phase = 'done'
        }
        return
      case 'key':
        if (token.name === 'endObject') {
          phase = 'done'
          return
        }
        if (token.name !== 'keyValue') return
        if (token.value === '__proto__') {
          throw new HttpError('invalid-request', '(body).__proto__: reserved key')
        }
        key = token.value
        phase = key === 'bookings' && !seenKeys.has(key) ? 'bookings-start' : 'value'
        builder = new ValueBuilder(`(body).${key}`, setupBudget)
        return
      case 'bookings-start':
        if (token.name === 'startArray') {
          seenKeys.add(key)
          setup[key] = []
          phase = 'bookings'
          return
        }
        phase = 'value'
        feed(token)
        return
      case 'value':
        if (builder!.token(token)) keyDone(builder!.value)
        return
      case 'bookings':
        if (token.name === 'endArray') {
          phase = 'key'
          return
        }
        builder = new ValueBuilder(`(body).bookings.${bookingCount}`, {
          max: MAX_BOOKING_CHARS,
          used: 0,
          what: `booking ${bookingCount}`,
        })
        phase = 'booking'
        feed(token)
        return
      case 'booking':
        if (builder!.token(token)) {
          onBooking(builder!.value, bookingCount)
          bookingCount++
          phase = 'bookings'
        }
        return
      case 'done':
        throw new HttpError('invalid-request', 'request body is not valid JSON')
    }
  }

  // A flushable stage (stream-chain's protocol): called with `none` at the end, it emits what it
  // still holds (a number at the very end) and checks the text is complete.
  const flush = parse as (input: string | typeof none) => ReturnType<typeof parse>
  const run = (input: string | typeof none) => {
    let out
    try {
      out = flush(input)
    } catch {
      throw new HttpError('invalid-request', 'request body is not valid JSON')
    }
    if (out === none) return
    for (const token of getManyValues(toMany(out))) feed(token as Token)
  }

  for await (const chunk of text) {
    run(chunk)
    await afterChunk()
  }
  run(none)
  if (phase !== 'done') throw new HttpError('invalid-request', 'request body is not valid JSON')
  return { setup: root === undefined ? setup : root, bookingCount, problems }
}
