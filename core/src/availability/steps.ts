/**
 * Long computations as generators of bounded steps. Each `yield` marks a point where a caller may
 * hand control back (a server serving other requests in between); the generator's return value is
 * the result. Running the steps to the end without pausing is the plain computation, so a
 * function and its stepwise form cannot disagree.
 */

/** A computation in steps that returns `T`. */
export type Steps<T> = Generator<void, T, void>

/** Runs `steps` to the end at once and returns their result. */
export function stepsRun<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next()
    if (next.done === true) return next.value
  }
}
