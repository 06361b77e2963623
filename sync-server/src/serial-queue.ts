/**
 * Runs async tasks one at a time in arrival order. Booking decisions and booking writes (public
 * bookings, replicated desktop pushes, reassignments) go through one queue, so two requests that
 * compete for a member's time can never both read the same "free" state.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve()

  /** Runs `task` after every task queued before it; its result or error is passed through. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined)
    return result
  }

  /** Resolves once every task queued so far has settled. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined)
  }
}
