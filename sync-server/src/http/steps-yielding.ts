import type { Steps } from '../../../core/src/availability/steps'
import { eventLoopTurn } from '../event-loop-turn'

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
    await eventLoopTurn()
    if (isAbandoned()) return null
  }
}

/** Array items serialised per turn of the event loop by {@link jsonArrayYielding}. */
const JSON_ITEMS_PER_TURN = 500

/**
 * `JSON.stringify(items)` a slice at a time, handing the event loop back between slices (a 62-day
 * find-member-by-time answer is megabytes). Null when `isAbandoned()` turns true in between.
 */
export async function jsonArrayYielding(
  items: readonly unknown[],
  isAbandoned: () => boolean,
): Promise<string | null> {
  const parts: string[] = []
  for (let at = 0; at < items.length; at += JSON_ITEMS_PER_TURN) {
    if (at > 0) {
      await eventLoopTurn()
      if (isAbandoned()) return null
    }
    parts.push(JSON.stringify(items.slice(at, at + JSON_ITEMS_PER_TURN)).slice(1, -1))
  }
  return `[${parts.join(',')}]`
}
