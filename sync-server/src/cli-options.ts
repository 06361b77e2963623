import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_PUBLIC_RATE_LIMITS } from './routes/public'
import type { SyncServerOptions } from './server'
import { mailFromParse } from './notify/message-build'

/** A command line (or environment variable) the server cannot run with; `message` says why. */
export class CliUsageError extends Error {}

/** Options that may also come from the environment as `TEAMSLOT_` + upper-case name with `_`. */
type EnvOption =
  | 'trust-proxy'
  | 'public-rate-limit'
  | 'public-write-rate-limit'
  | 'public-availability-budget'
  | 'shutdown-grace'
  | 'embed-origins'
  | 'allow-private-calendar-urls'
  | 'calendar-refresh-minutes'
  | 'public-url'
  | 'smtp-url'
  | 'mail-from'

/** `trust-proxy` → `TEAMSLOT_TRUST_PROXY`. */
export function envName(option: EnvOption): string {
  return `TEAMSLOT_${option.toUpperCase().replaceAll('-', '_')}`
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on'])
const FALSE_WORDS = new Set(['', '0', 'false', 'no', 'off'])

function booleanFrom(text: string, source: string): boolean {
  const word = text.trim().toLowerCase()
  if (TRUE_WORDS.has(word)) return true
  if (FALSE_WORDS.has(word)) return false
  throw new CliUsageError(`${source} must be true or false (1/0, yes/no), got "${text}"`)
}

function positiveIntegerFrom(text: string, source: string): number {
  const value = Number(text)
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new CliUsageError(`${source} must be a whole number of at least 1, got "${text}"`)
  }
  return value
}

/**
 * An origin a site embeds the booking page from: `http(s)://host[:port]`, nothing after it (it
 * becomes a CSP `frame-ancestors` source, where a path, a wildcard or a quote would mean more).
 */
function originFrom(text: string, source: string): string {
  const value = text.trim()
  if (!/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(value)) {
    throw new CliUsageError(
      `${source} must be an origin like https://www.example.com (no path), got "${text}"`,
    )
  }
  return value.toLowerCase()
}

function secondsFrom(text: string, source: string): number {
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || Number(text) > 3600) {
    throw new CliUsageError(`${source} must be a number of seconds from 0 to 3600, got "${text}"`)
  }
  return Math.round(Number(text) * 1000)
}

function publicUrlFrom(text: string, source: string): string {
  try {
    const url = new URL(text.trim())
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.search) {
      return url.toString().replace(/\/+$/, '')
    }
  } catch {
    // refused below
  }
  throw new CliUsageError(`${source} must be an http:// or https:// address, got "${text}"`)
}

function smtpUrlFrom(text: string, source: string): string {
  try {
    const url = new URL(text.trim())
    if ((url.protocol === 'smtp:' || url.protocol === 'smtps:') && url.hostname) return text.trim()
  } catch {
    // refused below
  }
  // The value may hold a password: never repeat it.
  throw new CliUsageError(`${source} must look like smtp://user:pass@host:587 or smtps://host:465`)
}

function mailFromFrom(text: string, source: string): string {
  try {
    mailFromParse(text)
    return text.trim()
  } catch {
    throw new CliUsageError(`${source} must look like "Name <address@example.com>", got "${text}"`)
  }
}

/**
 * The server options from the command line `argv` (without node and script) and the environment
 * `env`. `TEAMSLOT_ADMIN_TOKEN` gives the admin token; each option in `EnvOption` may also be
 * given as its environment variable (the flag wins). Paths resolve against the working directory.
 * Throws {@link CliUsageError} naming the flag or variable for an unknown option or a bad value.
 */
export function cliOptionsParse(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Omit<SyncServerOptions, 'bookPageDir' | 'say'> {
  let values
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string', default: '4400' },
        host: { type: 'string', default: '127.0.0.1' },
        'data-dir': { type: 'string', default: './data' },
        seed: { type: 'string' },
        demo: { type: 'boolean', default: false },
        'app-dir': { type: 'string' },
        'cors-origin': { type: 'string', multiple: true, default: [] },
        'embed-origin': { type: 'string', multiple: true },
        quiet: { type: 'boolean', default: false },
        'trust-proxy': { type: 'boolean' },
        'public-rate-limit': { type: 'string' },
        'public-write-rate-limit': { type: 'string' },
        'public-availability-budget': { type: 'string' },
        'shutdown-grace': { type: 'string' },
        'allow-private-calendar-urls': { type: 'boolean' },
        'calendar-refresh-minutes': { type: 'string' },
        'public-url': { type: 'string' },
        'smtp-url': { type: 'string' },
        'mail-from': { type: 'string' },
      },
      strict: true,
    }))
  } catch (err) {
    throw new CliUsageError(err instanceof Error ? err.message : String(err))
  }
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new CliUsageError(`--port must be an integer 0–65535, got ${values.port}`)
  }
  /** The flag's text, else its environment variable's, with the name to blame for a bad value. */
  const given = (
    option: Exclude<EnvOption, 'trust-proxy' | 'embed-origins' | 'allow-private-calendar-urls'>,
  ) => {
    const flag = values[option]
    if (flag !== undefined) return { text: flag, source: `--${option}` }
    const fromEnv = env[envName(option)]
    return fromEnv === undefined ? null : { text: fromEnv, source: envName(option) }
  }
  const envTrustProxy = env[envName('trust-proxy')]
  const trustProxy =
    values['trust-proxy'] ??
    (envTrustProxy === undefined ? false : booleanFrom(envTrustProxy, envName('trust-proxy')))
  const envPrivate = env[envName('allow-private-calendar-urls')]
  const allowPrivateCalendarUrls =
    values['allow-private-calendar-urls'] ??
    (envPrivate === undefined
      ? false
      : booleanFrom(envPrivate, envName('allow-private-calendar-urls')))
  const refreshMinutes = given('calendar-refresh-minutes')
  const perMinute = given('public-rate-limit')
  const writesPerMinute = given('public-write-rate-limit')
  const budget = given('public-availability-budget')
  const grace = given('shutdown-grace')
  const publicUrl = given('public-url')
  const smtpUrl = given('smtp-url')
  const mailFrom = given('mail-from')
  const adminToken = env['TEAMSLOT_ADMIN_TOKEN']
  const envEmbed = env[envName('embed-origins')]
  const embedOrigins = values['embed-origin']
    ? values['embed-origin'].map((text) => originFrom(text, '--embed-origin'))
    : (envEmbed ?? '')
        .split(/[\s,]+/)
        .filter((text) => text !== '')
        .map((text) => originFrom(text, envName('embed-origins')))
  return {
    port,
    host: values.host,
    dataDir: resolve(values['data-dir']),
    ...(adminToken ? { adminToken } : {}),
    ...(values.seed ? { seedFile: resolve(values.seed) } : {}),
    demo: values.demo,
    ...(values['app-dir'] ? { appDir: resolve(values['app-dir']) } : {}),
    corsOrigins: values['cors-origin'],
    requestLog: !values.quiet,
    trustProxy,
    publicRateLimits: {
      perMinute: perMinute
        ? positiveIntegerFrom(perMinute.text, perMinute.source)
        : DEFAULT_PUBLIC_RATE_LIMITS.perMinute,
      writesPerMinute: writesPerMinute
        ? positiveIntegerFrom(writesPerMinute.text, writesPerMinute.source)
        : DEFAULT_PUBLIC_RATE_LIMITS.writesPerMinute,
      availabilityMemberDaysPerMinute: budget
        ? positiveIntegerFrom(budget.text, budget.source)
        : DEFAULT_PUBLIC_RATE_LIMITS.availabilityMemberDaysPerMinute,
    },
    ...(grace ? { shutdownGraceMs: secondsFrom(grace.text, grace.source) } : {}),
    embedOrigins,
    calendars: {
      allowPrivate: allowPrivateCalendarUrls,
      ...(refreshMinutes
        ? { refreshMs: positiveIntegerFrom(refreshMinutes.text, refreshMinutes.source) * 60_000 }
        : {}),
    },
    ...(publicUrl ? { publicUrl: publicUrlFrom(publicUrl.text, publicUrl.source) } : {}),
    ...(smtpUrl && smtpUrl.text.trim() !== ''
      ? { smtpUrl: smtpUrlFrom(smtpUrl.text, smtpUrl.source) }
      : {}),
    ...(mailFrom ? { mailFrom: mailFromFrom(mailFrom.text, mailFrom.source) } : {}),
  }
}
