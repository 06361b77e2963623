/** The first retry after a failed sync request. */
export const BACKOFF_BASE_MS = 2000
/** Retries never wait longer than this, so a returning server is noticed within a minute. */
export const BACKOFF_MAX_MS = 60_000

/**
 * How long to wait before the next attempt after `failures` consecutive failed requests
 * (exponential: 2 s, 4 s, 8 s … capped at one minute); 0 failures → the base delay.
 */
export function backoffDelayMs(
  failures: number,
  baseMs = BACKOFF_BASE_MS,
  maxMs = BACKOFF_MAX_MS,
): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30))
  return Math.min(baseMs * 2 ** exponent, maxMs)
}

/** Counts consecutive failures and answers the delay for the next attempt. */
export interface Backoff {
  /** A request failed: the delay before the next attempt (ms). */
  failed(): number
  /** A request succeeded: the next failure starts from the base delay again. */
  succeeded(): void
  /** The current delay (ms) without counting a failure. */
  delayMs(): number
  failures(): number
}

export function backoffCreate(baseMs = BACKOFF_BASE_MS, maxMs = BACKOFF_MAX_MS): Backoff {
  let failures = 0
  return {
    failed() {
      failures += 1
      return backoffDelayMs(failures, baseMs, maxMs)
    },
    succeeded() {
      failures = 0
    },
    delayMs: () => backoffDelayMs(failures, baseMs, maxMs),
    failures: () => failures,
  }
}
