/**
 * The problem shape every validator returns, and helpers shared by them.
 */

/**
 * One semantic problem in a workspace. `path` is dot-separated from the workspace root with
 * 0-based array indexes, e.g. `members.2.weeklyHours.tue.1` or
 * `masterPages.0.assignment.rules.3.target.poolId`; `message` is a short English sentence
 * fragment for a person (`unknown member "m-zed"`).
 */
export interface WorkspaceProblem {
  readonly path: string
  readonly message: string
}

/**
 * A problem for every repeat of a value in `values` (compared after `key`), at
 * `${path}.${index}${suffix}` of the repeat, naming where it first appeared. In index order.
 */
export function problemsForRepeats(
  values: readonly string[],
  path: string,
  suffix: string,
  what: string,
  key: (value: string) => string = (value) => value,
): WorkspaceProblem[] {
  const first = new Map<string, number>()
  const problems: WorkspaceProblem[] = []
  values.forEach((value, i) => {
    const k = key(value)
    const seen = first.get(k)
    if (seen === undefined) first.set(k, i)
    else {
      const message = `${what} ${JSON.stringify(value)} repeats ${path}.${seen}${suffix}`
      problems.push({ path: `${path}.${i}${suffix}`, message })
    }
  })
  return problems
}

/** `unknown member "m-zed"` and the like. */
export function unknownMessage(what: string, id: string): string {
  return `unknown ${what} ${JSON.stringify(id)}`
}

/** True for an integer `n` with `min <= n <= max`. */
export function isIntegerIn(n: unknown, min: number, max: number): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max
}
