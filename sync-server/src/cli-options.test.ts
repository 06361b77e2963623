import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cliOptionsParse, CliUsageError, envName } from './cli-options'

describe('cliOptionsParse', () => {
  it('has the documented defaults', () => {
    expect(cliOptionsParse([], {})).toEqual({
      port: 4400,
      host: '127.0.0.1',
      dataDir: resolve('./data'),
      demo: false,
      corsOrigins: [],
      requestLog: true,
      trustProxy: false,
      publicRateLimits: {
        perMinute: 600,
        writesPerMinute: 60,
        availabilityMemberDaysPerMinute: 50_000,
      },
      embedOrigins: [],
      calendars: { allowPrivate: false },
    })
  })

  it.each([
    [
      ['--embed-origin', 'https://www.example.com', '--embed-origin', 'http://localhost:8080'],
      {},
      ['https://www.example.com', 'http://localhost:8080'],
    ],
    [
      [],
      { TEAMSLOT_EMBED_ORIGINS: 'https://a.example, https://B.example' },
      ['https://a.example', 'https://b.example'],
    ],
    [
      ['--embed-origin', 'https://flag.example'],
      { TEAMSLOT_EMBED_ORIGINS: 'https://env.example' },
      ['https://flag.example'],
    ],
  ])('takes embedding origins from %j and %j', (argv, env, expected) => {
    expect(cliOptionsParse(argv, env).embedOrigins).toEqual(expected)
  })

  it.each([
    [['--embed-origin', 'https://example.com/shop'], {}, '--embed-origin must be an origin'],
    [['--embed-origin', '*'], {}, '--embed-origin must be an origin'],
    [[], { TEAMSLOT_EMBED_ORIGINS: "https://a.example 'self'" }, 'TEAMSLOT_EMBED_ORIGINS must'],
  ])('refuses an embedding origin that is not one: %j %j', (argv, env, message) => {
    expect(() => cliOptionsParse(argv, env)).toThrow(message)
  })

  it.each([
    [['--trust-proxy'], {}, { trustProxy: true }],
    [[], { TEAMSLOT_TRUST_PROXY: '1' }, { trustProxy: true }],
    [[], { TEAMSLOT_TRUST_PROXY: 'yes' }, { trustProxy: true }],
    [[], { TEAMSLOT_TRUST_PROXY: 'false' }, { trustProxy: false }],
    [[], { TEAMSLOT_TRUST_PROXY: '' }, { trustProxy: false }],
    [
      ['--public-rate-limit', '1200', '--public-write-rate-limit', '30'],
      {},
      { publicRateLimits: expect.objectContaining({ perMinute: 1200, writesPerMinute: 30 }) },
    ],
    [
      [],
      { TEAMSLOT_PUBLIC_RATE_LIMIT: '90', TEAMSLOT_PUBLIC_WRITE_RATE_LIMIT: '9' },
      { publicRateLimits: expect.objectContaining({ perMinute: 90, writesPerMinute: 9 }) },
    ],
    [
      ['--public-rate-limit', '50'],
      { TEAMSLOT_PUBLIC_RATE_LIMIT: '90' },
      { publicRateLimits: expect.objectContaining({ perMinute: 50, writesPerMinute: 60 }) },
    ],
    [
      ['--public-availability-budget', '9000'],
      {},
      { publicRateLimits: expect.objectContaining({ availabilityMemberDaysPerMinute: 9000 }) },
    ],
    [
      [],
      { TEAMSLOT_PUBLIC_AVAILABILITY_BUDGET: '700' },
      { publicRateLimits: expect.objectContaining({ availabilityMemberDaysPerMinute: 700 }) },
    ],
    [['--shutdown-grace', '1.5'], {}, { shutdownGraceMs: 1500 }],
    [['--allow-private-calendar-urls'], {}, { calendars: { allowPrivate: true } }],
    [[], { TEAMSLOT_ALLOW_PRIVATE_CALENDAR_URLS: '1' }, { calendars: { allowPrivate: true } }],
    [
      ['--calendar-refresh-minutes', '5'],
      {},
      { calendars: { allowPrivate: false, refreshMs: 300_000 } },
    ],
    [[], { TEAMSLOT_SHUTDOWN_GRACE: '0' }, { shutdownGraceMs: 0 }],
    [[], { TEAMSLOT_ADMIN_TOKEN: 'secret-token' }, { adminToken: 'secret-token' }],
    [['--public-url', 'https://book.example.com/'], {}, { publicUrl: 'https://book.example.com' }],
    [
      [],
      { TEAMSLOT_PUBLIC_URL: 'https://example.com/teamslot' },
      { publicUrl: 'https://example.com/teamslot' },
    ],
    [
      ['--smtp-url', 'smtps://apikey:p%40ss@smtp.example.com:465'],
      {},
      { smtpUrl: 'smtps://apikey:p%40ss@smtp.example.com:465' },
    ],
    [[], { TEAMSLOT_SMTP_URL: 'smtp://127.0.0.1:2525' }, { smtpUrl: 'smtp://127.0.0.1:2525' }],
    [
      ['--mail-from', 'Acme Bookings <bookings@acme.example>'],
      {},
      { mailFrom: 'Acme Bookings <bookings@acme.example>' },
    ],
    [
      ['--cors-origin', 'https://a.example', '--cors-origin', 'teamslot://app'],
      {},
      {
        corsOrigins: ['https://a.example', 'teamslot://app'],
      },
    ],
  ])('%j with %j gives %j', (argv, env, expected) => {
    expect(cliOptionsParse(argv, env)).toMatchObject(expected)
  })

  it.each([
    [['--port', '70000'], {}, '--port must be an integer'],
    [['--port', 'http'], {}, '--port must be an integer'],
    [['--public-rate-limit', '0'], {}, '--public-rate-limit must be a whole number'],
    [['--public-rate-limit', '2.5'], {}, '--public-rate-limit must be a whole number'],
    [[], { TEAMSLOT_PUBLIC_WRITE_RATE_LIMIT: 'ten' }, 'TEAMSLOT_PUBLIC_WRITE_RATE_LIMIT must be'],
    [[], { TEAMSLOT_TRUST_PROXY: 'sometimes' }, 'TEAMSLOT_TRUST_PROXY must be true or false'],
    [['--shutdown-grace=-1'], {}, '--shutdown-grace must be a number of seconds'],
    [
      [],
      { TEAMSLOT_ALLOW_PRIVATE_CALENDAR_URLS: 'maybe' },
      'TEAMSLOT_ALLOW_PRIVATE_CALENDAR_URLS must be true or false',
    ],
    [['--calendar-refresh-minutes', '0'], {}, '--calendar-refresh-minutes must be a whole number'],
    [['--trust-proxy=yes'], {}, "Option '--trust-proxy' does not take an argument"],
    [['--bogus'], {}, "Unknown option '--bogus'"],
    [['--public-url', 'ftp://example.com'], {}, '--public-url must be an http:// or https://'],
    [[], { TEAMSLOT_PUBLIC_URL: 'not a url' }, 'TEAMSLOT_PUBLIC_URL must be an http://'],
    [['--smtp-url', 'http://smtp.example.com'], {}, '--smtp-url must look like smtp://'],
    [['--mail-from', 'Acme Bookings'], {}, '--mail-from must look like "Name <address'],
  ])('refuses %j with %j: %s', (argv, env, message) => {
    expect(() => cliOptionsParse(argv, env)).toThrow(CliUsageError)
    expect(() => cliOptionsParse(argv, env)).toThrow(message)
  })

  it('names each variable TEAMSLOT_ + upper-case option with _', () => {
    expect(envName('trust-proxy')).toBe('TEAMSLOT_TRUST_PROXY')
    expect(envName('public-write-rate-limit')).toBe('TEAMSLOT_PUBLIC_WRITE_RATE_LIMIT')
    expect(envName('smtp-url')).toBe('TEAMSLOT_SMTP_URL')
  })

  it('never repeats an SMTP password in its refusal', () => {
    expect(() => cliOptionsParse(['--smtp-url', 'imap://user:hunter2@mail'], {})).toThrow(
      /^(?!.*hunter2)/,
    )
  })
})
