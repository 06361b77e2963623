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
  const raw: string[] = []
  let received = 0
  const waiters = new Set<() => void>()
  const state: TestMailServer = {
    url: '',
    messages,
    raw,
    received: () => received,
    answer: () => null,
    waitFor(count, boundMs = 15_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(messages.slice())
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`expected ${count} messages, got ${messages.length}`))
        }, boundMs)
        waiters.add(check)
        check()
      })
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
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
