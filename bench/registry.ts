/**
 * The benchmark registry: groups of cases, each a named computation at a size. A group module
 * registers itself with {@link benchRegisterGroup}; `run.ts` imports the groups and runs them.
 */

/** One measurable computation. */
export interface BenchCase {
  /** Stable name, e.g. `pooled-union`; with `size` it identifies the case. */
  readonly name: string
  readonly size: number
  /**
   * Builds the inputs (untimed) and returns the timed computation: records in, slots out.
   * The computation returns the number of slots it produced.
   */
  readonly prepare: () => () => number
}

/** A family of cases, listed lazily (inputs are generated only when a case runs). */
export interface BenchGroup {
  readonly name: string
  readonly cases: () => readonly BenchCase[]
}

const groups: BenchGroup[] = []

/** Adds a group (once per name). */
export function benchRegisterGroup(group: BenchGroup): void {
  if (!groups.some((known) => known.name === group.name)) groups.push(group)
}

/** Every registered case, as `{ key, group, benchCase }`, keys `group/name@size`. */
export function benchListCases(): readonly {
  readonly key: string
  readonly benchCase: BenchCase
}[] {
  return groups.flatMap((group) =>
    group.cases().map((benchCase) => ({
      key: `${group.name}/${benchCase.name}@${benchCase.size}`,
      benchCase,
    })),
  )
}
