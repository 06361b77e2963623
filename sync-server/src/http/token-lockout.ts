/**
 * Locks out a client address that presents wrong tokens again and again: after
 * {@link LOCKOUT_FAILURES} wrong tokens within {@link LOCKOUT_WINDOW_MS}, every authenticated
 * request from that address is answered `429 rate-limited` with `Retry-After` for
 * {@link LOCKOUT_MS} — a right token too, so guessing cannot go on in the background. Counted
 * per address (IPv6 by /56, as the public limits). The clock is injected.
 */

/** Wrong tokens an address may present within the window before it is locked out. */
export const LOCKOUT_FAILURES = 10
/** The window wrong tokens are counted in: 10 minutes. */
export const LOCKOUT_WINDOW_MS = 10 * 60_000
/** How long a locked-out address stays locked out: 15 minutes. */
export const LOCKOUT_MS = 15 * 60_000
/** Addresses tracked at once; the oldest are forgotten beyond this (memory stays bounded). */
const MAX_TRACKED = 100_000

interface AddressState {
  failures: number[]
  lockedUntil: number
}

export class TokenLockout {
  private readonly addresses = new Map<string, AddressState>()

  constructor(private readonly now: () => number) {}

  /** Milliseconds the address stays locked out, or 0 when it may try. */
  lockedForMs(address: string): number {
    const state = this.addresses.get(address)
    if (!state) return 0
    return Math.max(0, state.lockedUntil - this.now())
  }

  /** Counts a wrong token from `address`; locks it out at the limit. */
  failed(address: string): void {
    const now = this.now()
    const state = this.addresses.get(address) ?? { failures: [], lockedUntil: 0 }
    state.failures = [...state.failures.filter((at) => at > now - LOCKOUT_WINDOW_MS), now]
    if (state.failures.length >= LOCKOUT_FAILURES) {
      state.lockedUntil = now + LOCKOUT_MS
      state.failures = []
    }
    this.addresses.delete(address)
    this.addresses.set(address, state)
    if (this.addresses.size > MAX_TRACKED) this.forgetStale(now)
  }

  private forgetStale(now: number): void {
    for (const [address, state] of this.addresses) {
      const isStale =
        state.lockedUntil <= now && state.failures.every((at) => at <= now - LOCKOUT_WINDOW_MS)
      if (isStale || this.addresses.size > MAX_TRACKED) this.addresses.delete(address)
      if (this.addresses.size <= MAX_TRACKED / 2) return
    }
  }
}
