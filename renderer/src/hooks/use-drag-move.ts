import { useState } from 'react'
import type { DragEvent } from 'react'
import { rescheduleDecide } from '../../../core/src/booking'
import { instantParse } from '../../../core/src/time'
import { DRAG_TYPE, dragSeatDecode, dropStartMs } from '../calendar/drag-seat'
import type { DragSeat } from '../calendar/drag-seat'
import type { LiveWorkspace } from '../db/workspace-store'
import { decisionMessageForPeople, workspaceNames } from '../forms/form-problems'
import { moveRefusalText } from '../calendar/move-refusal'
import { timeText } from '../format/datetime-format'
import { clockNow } from '../clock'
import { useActorName } from '../session/use-can'
import { toastShow } from '../ui/toasts'
import { useBookingActions } from './use-booking-actions'

/** Where a dragged booking would land in a column, and whether core lets it move there. */
export interface DropHint {
  readonly columnKey: string
  readonly startMs: number
  readonly topMin: number
  readonly heightMin: number
  readonly isAllowed: boolean
  readonly text: string
}

/**
 * Dragging a booking to another time in a calendar column: while dragging, a hint at the drop
 * position says the new time and whether core's `rescheduleDecide` allows it (and why not); on
 * drop the move is proposed with an undo window, or refused with the reason.
 */
export function useDragMove(live: LiveWorkspace, zone: string, pxPerMinute: number) {
  const [dragging, setDragging] = useState<DragSeat | null>(null)
  const [hint, setHint] = useState<DropHint | null>(null)
  const actions = useBookingActions()
  const by = useActorName()

  const target = (event: DragEvent, columnFromMs: number, seat: DragSeat) => {
    const booking = live.workspace.bookings.find((b) => b.id === seat.bookingId)
    if (!booking) return null
    const step =
      live.workspace.eventTypes.find((e) => e.id === booking.eventTypeId)?.slotIntervalMinutes ?? 15
    const rect = (event.currentTarget as HTMLElement).getBoundingClientRect()
    const startMs = dropStartMs(
      event.clientY - rect.top,
      pxPerMinute,
      seat.grabOffsetMin,
      columnFromMs,
      Math.min(step, 15),
    )
    const durationMin = (instantParse(booking.end) - instantParse(booking.start)) / 60_000
    return { booking, startMs, durationMin }
  }

  return {
    dragging,
    hint,
    start: (seat: DragSeat) => setDragging(seat),
    end: () => {
      setDragging(null)
      setHint(null)
    },
    /** Over a column that does not move the booking in time (another member's): no time hint. */
    away: () => setHint(null),
    /** Over a column that moves the booking in time (its own member's, or a day). */
    over(event: DragEvent, columnKey: string, columnFromMs: number) {
      if (!dragging) return
      event.preventDefault()
      const found = target(event, columnFromMs, dragging)
      if (!found) return
      if (hint && hint.columnKey === columnKey && hint.startMs === found.startMs) return
      const nowMs = clockNow()
      const decision = rescheduleDecide(
        live.workspace,
        { bookingId: found.booking.id, startMs: found.startMs, by },
        nowMs,
      )
      const names = workspaceNames(live.workspace)
      const why = decision.ok
        ? ''
        : moveRefusalText(
            live.workspace,
            found.booking.id,
            found.startMs,
            nowMs,
            decisionMessageForPeople(decision.message, names),
          )
      const time = timeText(found.startMs, zone)
      const same = found.startMs === instantParse(found.booking.start)
      setHint({
        columnKey,
        startMs: found.startMs,
        topMin: (found.startMs - columnFromMs) / 60_000,
        heightMin: found.durationMin,
        isAllowed: decision.ok || same,
        text: same
          ? `${time} · where it is`
          : decision.ok
            ? `${time} · can move here`
            : `${time} · not possible: ${why}`,
      })
    },
    /** Dropped on a time column: propose the move (undo in the toast) or say why not. */
    async drop(event: DragEvent, columnFromMs: number) {
      event.preventDefault()
      const seat = dragSeatDecode(event.dataTransfer.getData(DRAG_TYPE)) ?? dragging
      setDragging(null)
      setHint(null)
      if (!seat) return
      const found = target(event, columnFromMs, seat)
      if (!found || found.startMs === instantParse(found.booking.start)) return
      const result = await actions.reschedule(
        found.booking.id,
        found.startMs,
        `Moved ${found.booking.customer.name} to ${timeText(found.startMs, zone)}`,
      )
      if (!result.ok) {
        const why = moveRefusalText(
          live.workspace,
          found.booking.id,
          found.startMs,
          clockNow(),
          result.message,
        )
        toastShow({ title: 'Not moved', description: why, tone: 'error' }, 8000)
      }
    },
  }
}
