/**
 * Resolves on the next turn of the event loop (`setImmediate`), after pending I/O was served:
 * long work (availability steps, imports, the outbox, the upkeep) awaits it between pieces so
 * other requests are answered meanwhile, and RxDB's document cache can let go of written
 * documents (its FinalizationRegistry callbacks run only between turns).
 */
export function eventLoopTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}
