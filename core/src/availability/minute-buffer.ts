/**
 * A growable list of epoch minutes backed by an `Int32Array` (epoch minutes fit in 32 bits until
 * the year 6053). The slot kernels append to one shared buffer instead of growing JS arrays, which
 * keeps the pooled union over a thousand members free of garbage-collector churn. It is an
 * accumulator: the functions that take one mutate it, and nothing else.
 */

export interface MinuteBuffer {
  data: Int32Array
  length: number
}

/** An empty buffer with room for `capacity` minutes (it grows as needed). */
export function minuteBufferCreate(capacity = 256): MinuteBuffer {
  return { data: new Int32Array(Math.max(16, capacity)), length: 0 }
}

/** Makes room for at least `extra` more minutes (doubling), returning the possibly new array. */
export function minuteBufferReserve(buffer: MinuteBuffer, extra: number): Int32Array {
  const needed = buffer.length + extra
  if (needed <= buffer.data.length) return buffer.data
  let capacity = buffer.data.length * 2
  while (capacity < needed) capacity *= 2
  const data = new Int32Array(capacity)
  data.set(buffer.data.subarray(0, buffer.length))
  buffer.data = data
  return data
}

/** The buffered minutes as a new plain array. */
export function minuteBufferToArray(buffer: MinuteBuffer): number[] {
  return Array.from(buffer.data.subarray(0, buffer.length))
}
