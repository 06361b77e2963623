import { useCan } from '../session/use-can'
import type { CSSProperties, DragEvent, PointerEvent } from 'react'
import { bookingIsOpen } from '../../../core/src/model/booking-statuses'
import type { Booking } from '../../../core/src/model/workspace'
import { timeRangeText, timeText } from '../format/datetime-format'

export interface BookingBlockProps {
  readonly booking: Booking
  readonly zone: string
  readonly color: string
  readonly eventName: string
  /** Hosts' names, for the week view (the day board's column says who). */
  readonly hostNames?: string
  readonly hasConflict: boolean
  /** Shown but waiting for its undo window to close. */
  readonly isPending: boolean
  /** Written here, not yet acknowledged by the sync server. */
  readonly isUnsynced: boolean
  readonly style: CSSProperties
  /**
   * Too short for two lines: one line, cut with an ellipsis (everything is in the tooltip and the
   * accessible name): the start time and the customer on the day board; in the week view, where
   * the hosts are named too, the customer and hosts without the time (its place on the grid).
   */
  readonly isOneLine?: boolean
  readonly onPointerDown: (event: PointerEvent) => void
  readonly onDragStart: (event: DragEvent) => void
  readonly onDragEnd: () => void
  readonly onOpen: () => void
}

/**
 * One booking on a calendar: a button (click or Enter opens its details), draggable while it
 * can still move. Its name says the time, the event, the customer and any mark (conflict,
 * saving, not synced).
 */
export function BookingBlock(props: BookingBlockProps) {
  const canMove = useCan('reschedule')
  const { booking, zone, color, eventName, hostNames, hasConflict, isPending, isUnsynced } = props
  const marks = [
    hasConflict ? 'conflict' : null,
    isPending ? 'saving' : isUnsynced ? 'not synced yet' : null,
    booking.status === 'scheduled' || booking.status === 'rescheduled' ? null : booking.status,
  ].filter(Boolean)
  const label =
    `${timeRangeText(booking.start, booking.end, zone)} ${eventName} with ${booking.customer.name}` +
    (hostNames ? ` · ${hostNames}` : '') +
    (marks.length > 0 ? ` (${marks.join(', ')})` : '')
  return (
    <button
      type="button"
      className={[
        'board-block',
        `status-${booking.status}`,
        hasConflict ? 'has-conflict' : '',
        isPending ? 'is-pending' : '',
        isUnsynced ? 'is-unsynced' : '',
        props.isOneLine ? 'is-one-line' : '',
      ].join(' ')}
      style={{ ...props.style, borderLeftColor: color }}
      draggable={bookingIsOpen(booking) && canMove}
      onPointerDown={props.onPointerDown}
      onDragStart={props.onDragStart}
      onDragEnd={props.onDragEnd}
      onClick={props.onOpen}
      aria-label={label}
      title={label}
    >
      {/* One line with hosts (the week): the customer first, the grid says the time. */}
      {props.isOneLine && hostNames ? null : (
        <span className="block-time">{timeText(booking.start, zone)} </span>
      )}
      {booking.customer.name}
      {hostNames ? <span className="muted"> · {hostNames}</span> : null}
      {hasConflict ? <span className="conflict-badge">!</span> : null}
      <span className="sync-mark" aria-hidden="true">
        {' '}
        ⟳
      </span>
    </button>
  )
}
