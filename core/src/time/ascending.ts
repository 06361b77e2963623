/** The first index of ascending `values` (e.g. instants) whose value is `>= value`. */
export function ascendingLowerBound(values: readonly number[], value: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((values[mid] ?? Infinity) < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
