/**
 * The one clock of the renderer: every decision (book, move, cancel, reassign) and every "now" the
 * views show read it, so tests can replace it in one place.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number
}

const SYSTEM_CLOCK: Clock = { now: () => Date.now() }
let current: Clock = SYSTEM_CLOCK

/** The current time (epoch ms) from the one clock. */
export function clockNow(): number {
  return current.now()
}

/** The current time as an ISO UTC instant (`updatedAt` stamps, history). */
export function clockIso(): string {
  return new Date(current.now()).toISOString()
}

/** Replaces the clock (tests); returns a function that restores the previous one. */
export function clockReplace(clock: Clock): () => void {
  const previous = current
  current = clock
  return () => {
    current = previous
  }
}
