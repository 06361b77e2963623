/**
 * The first position in `[0, length)` where `isBefore` turns false, by binary search, given that
 * it is true for a prefix of the positions and false for the rest (`length` when it never turns):
 * where to start reading, or to insert, in a sorted list.
 */
export function partitionPoint(length: number, isBefore: (position: number) => boolean): number {
  let low = 0
  let high = length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (isBefore(middle)) low = middle + 1
    else high = middle
  }
  return low
}
