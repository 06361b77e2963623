import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import type { ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** An SMTP reply to give instead of accepting a message (e.g. 451 to test retries). */
export interface SmtpRefusal {
  readonly code: number
  readonly message: string
}

export interface TestMailServer {
  /** `smtp://127.0.0.1:<port>` for `--smtp-url`. */
  readonly url: string
  /** Every accepted message, parsed (mailparser), in arrival order. */
  readonly messages: ParsedMail[]
  /** The raw bytes of every accepted message. */
  readonly raw: string[]
  /** How many messages reached DATA (accepted, refused or held). */
  readonly received: () => number
  /**
   * When true, each message is read and parsed into `held` but never answered (the client waits
   * for the server's reply to DATA), as a mail server that is slow to confirm.
   */
  hold: boolean
  /** Messages read while holding, parsed, never answered. */
  readonly held: ParsedMail[]
  /** Resolves once `count` messages are held; rejects after `boundMs`. */
  waitForHeld(count: number, boundMs?: number): Promise<ParsedMail[]>
  /** Decides each message's answer from its envelope recipients: null accepts it. */
  answer: (recipients: readonly string[]) => SmtpRefusal | null
  /** Resolves once `count` messages were accepted; rejects after `boundMs`. */
  waitFor(count: number, boundMs?: number): Promise<ParsedMail[]>
  close(): Promise<void>
}

/**
 * A real SMTP server on loopback for tests (the `smtp-server` package): no TLS, no auth; each
 * message is read whole, parsed with mailparser and kept. `answer` can refuse messages.
 */
export async function startMailServer(port = 0): Promise<TestMailServer> {
  const messages: ParsedMail[] = []
  const held: ParsedMail[] = []
  const raw: string[] = []
  let received = 0
  const waiters = new Set<() => void>()
  const state: TestMailServer = {
    url: '',
    messages,
    raw,
    received: () => received,
    answer: () => null,
    hold: false,
    held,
    waitForHeld(count, boundMs = 15_000) {
      return waitUntil(() => (held.length >= count ? held.slice() : null), boundMs)
    },
    waitFor(count, boundMs = 15_000) {
      return waitUntil(() => (messages.length >= count ? messages.slice() : null), boundMs)
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
  /** Resolves with `ready()`'s first non-null value, checked after each message. */
  function waitUntil<T>(ready: () => T | null, boundMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = ready()
        if (value === null) return
        clearTimeout(timer)
        waiters.delete(check)
        resolve(value)
      }
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(new Error(`got ${messages.length} messages and ${held.length} held`))
      }, boundMs)
      waiters.add(check)
      check()
    })
  }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received++
        const text = Buffer.concat(chunks).toString('utf8')
        const refusal = state.answer(session.envelope.rcptTo.map((r) => r.address))
        if (refusal) {
          const err = Object.assign(new Error(refusal.message), { responseCode: refusal.code })
          return callback(err)
        }
        simpleParser(text).then(
          (parsed) => {
            if (state.hold) {
              held.push(parsed)
              waiters.forEach((check) => check())
              return
            }
            raw.push(text)
            messages.push(parsed)
            callback()
            waiters.forEach((check) => check())
          },
          (err: Error) => callback(err),
        )
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
  const address = server.server.address() as AddressInfo
  return Object.assign(state, { url: `smtp://127.0.0.1:${address.port}` })
}
