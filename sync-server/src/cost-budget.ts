/**
 * A per-client budget of work, counted in cost units (member-days for availability), not in
 * requests: each client has a balance of up to `perMinute` units that refills continuously at
 * `perMinute` units a minute. A request is admitted while the balance is above zero and is then
 * charged its whole cost — the balance may go below zero, so one expensive request is served and
 * the client waits until its balance has refilled above zero. Time comes from the injected clock.
 */
export class CostBudget {
  private readonly balances = new Map<string, { units: number; atMs: number }>()

  constructor(
    readonly perMinute: number,
    private readonly now: () => number,
  ) {
    if (!(perMinute > 0)) throw new RangeError(`Bad budget per minute: ${perMinute}`)
  }

  private balance(key: string, nowMs: number): number {
    const entry = this.balances.get(key)
    if (entry === undefined) return this.perMinute
    const refilled = entry.units + ((nowMs - entry.atMs) * this.perMinute) / MS_PER_MINUTE
    return Math.min(this.perMinute, refilled)
  }

  /**
   * Admits and charges `cost` units to `key` when its balance is above zero; otherwise refuses
   * with the whole seconds (at least 1) until it will be.
   */
  take(key: string, cost: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const nowMs = this.now()
    const units = this.balance(key, nowMs)
    if (units <= 0) {
      const waitMs = (-units * MS_PER_MINUTE) / this.perMinute
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((waitMs + 1) / 1000)) }
    }
    this.balances.set(key, { units: units - cost, atMs: nowMs })
    if (this.balances.size > MAX_TRACKED_CLIENTS) this.forgetFull(nowMs)
    return { ok: true }
  }

  /** Drops clients whose balance has refilled completely (they are as if never seen). */
  private forgetFull(nowMs: number): void {
    for (const key of [...this.balances.keys()]) {
      if (this.balance(key, nowMs) >= this.perMinute) this.balances.delete(key)
    }
  }
}

const MS_PER_MINUTE = 60_000
/** Past this many tracked clients, those with a full balance are forgotten (memory stays bounded). */
const MAX_TRACKED_CLIENTS = 10_000
