import type { Steps } from '../../../core/src/availability/steps'

/** Resolves on the next turn of the event loop, after pending I/O (other requests) was served. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/**
 * Runs core's `steps`, handing the event loop back between steps so other requests (other
 * customers, `/health`) are served while a long computation runs. Returns null without finishing
 * when `isAbandoned()` turns true between steps (the client went away).
 */
export async function stepsRunYielding<T>(
  steps: Steps<T>,
  isAbandoned: () => boolean,
): Promise<T | null> {
  for (;;) {
    const next = steps.next()
    if (next.done === true) return next.value
    await nextTurn()
    if (isAbandoned()) return null
  }
}
