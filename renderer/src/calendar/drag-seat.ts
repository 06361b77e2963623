/** What a dragged booking block carries (HTML drag and drop). */
export interface DragSeat {
  readonly bookingId: string
  /** The host whose block was grabbed (the seat to move). */
  readonly fromMemberId: string
  /** Where the block was grabbed, in minutes below its top (the block's top follows the pointer). */
  readonly grabOffsetMin: number
}

export const DRAG_TYPE = 'application/x-teamslot-seat'

export function dragSeatEncode(seat: DragSeat): string {
  return JSON.stringify(seat)
}

/** The seat in a drop's data, or null when the drop came from elsewhere. */
export function dragSeatDecode(text: string): DragSeat | null {
  try {
    const value = JSON.parse(text) as Partial<DragSeat>
    return typeof value.bookingId === 'string' &&
      typeof value.fromMemberId === 'string' &&
      typeof value.grabOffsetMin === 'number'
      ? {
          bookingId: value.bookingId,
          fromMemberId: value.fromMemberId,
          grabOffsetMin: value.grabOffsetMin,
        }
      : null
  } catch {
    return null
  }
}

/**
 * The new start (epoch ms) for a block dropped at `offsetPx` below the top of a column that
 * starts at `columnFromMs`: the block's top, snapped to `stepMin` minutes from the column's top.
 */
export function dropStartMs(
  offsetPx: number,
  pxPerMinute: number,
  grabOffsetMin: number,
  columnFromMs: number,
  stepMin: number,
): number {
  const step = Math.max(1, stepMin)
  const minutes = Math.round((offsetPx / pxPerMinute - grabOffsetMin) / step) * step
  return columnFromMs + Math.max(0, minutes) * 60_000
}
