import { useRef, useState } from 'react'
import type { DragEvent } from 'react'
import type { Booking } from '../../../core/src/model/workspace'
import { memberColorFor } from '../../../core/src/schema/migrations'
import { blockLanes } from '../calendar/block-lanes'
import { DRAG_TYPE, dragSeatEncode } from '../calendar/drag-seat'
import type { DragSeat } from '../calendar/drag-seat'
import type { LiveWorkspace } from '../db/workspace-store'
import { timeRangeText } from '../format/datetime-format'
import { AppDialog } from '../ui/AppDialog'
import { BookingBlock } from './BookingBlock'

/** A booking drawn in a column: minutes from the column's top. */
export interface ColumnBlock {
  readonly id: string
  readonly booking: Booking
  /** The host whose seat this block is (the day board's column member, or the first host). */
  readonly memberId: string
  readonly topMin: number
  readonly heightMin: number
}

export interface ColumnBlocksProps {
  readonly blocks: readonly ColumnBlock[]
  readonly live: LiveWorkspace
  readonly zone: string
  readonly pxPerMinute: number
  /** At most this many side-by-side lanes; more overlapping bookings become a count. */
  readonly maxLanes: number
  /** Show the hosts' names on each block (week view). */
  readonly showHosts: boolean
  readonly onDragStart: (seat: DragSeat) => void
  readonly onDragEnd: () => void
  readonly onOpen: (bookingId: string) => void
}

/** Minimum drawn height so a short meeting stays clickable. */
const MIN_BLOCK_PX = 18
/**
 * Below this height (px) a block holds one line of text, not two: it shows one line (the
 * customer and hosts, cut with an ellipsis) instead of a second line cut in half; the whole text
 * is its tooltip and accessible name.
 */
const TWO_LINES_PX = 34

/** The bookings of one calendar column, overlapping ones side by side, counts where none fit. */
export function ColumnBlocks(props: ColumnBlocksProps) {
  const { blocks, live, zone, pxPerMinute, maxLanes, showHosts } = props
  const [overflow, setOverflow] = useState<readonly ColumnBlock[] | null>(null)
  // Where the pointer went down on a block (px below its top): the drag keeps that point under
  // the pointer (dragstart fires only after the pointer has moved on).
  const grabPx = useRef(0)
  const { workspace, conflicts, pending, unsynced } = live
  const members = new Map(workspace.members.map((m) => [m.id, m]))
  const eventNames = new Map(workspace.eventTypes.map((e) => [e.id, e.name]))
  const layout = blockLanes(blocks, maxLanes)
  const heightOf = (heightMin: number) => Math.max(heightMin * pxPerMinute, MIN_BLOCK_PX)
  const position = (topMin: number, heightMin: number, lane: number, lanes: number) => ({
    top: topMin * pxPerMinute,
    height: heightOf(heightMin),
    left: `calc(${(lane / lanes) * 100}% + 2px)`,
    width: `calc(${100 / lanes}% - 4px)`,
  })
  return (
    <>
      {layout.placed.map(({ item, lane, lanes }) => {
        const { booking } = item
        const member = members.get(item.memberId)
        return (
          <BookingBlock
            key={item.id}
            booking={booking}
            zone={zone}
            color={member?.color ?? memberColorFor(item.memberId)}
            eventName={eventNames.get(booking.eventTypeId) ?? 'Booking'}
            {...(showHosts
              ? {
                  hostNames: booking.hostMemberIds
                    .map((id) => members.get(id)?.name ?? 'former member')
                    .join(', '),
                }
              : {})}
            hasConflict={conflicts.has(booking.id)}
            isPending={pending.has(booking.id)}
            isUnsynced={unsynced.has(`bookings:${booking.id}`)}
            style={position(item.topMin, item.heightMin, lane, lanes)}
            isOneLine={heightOf(item.heightMin) < TWO_LINES_PX}
            onPointerDown={(event) => {
              grabPx.current = event.clientY - event.currentTarget.getBoundingClientRect().top
            }}
            onDragStart={(event: DragEvent) => {
              const seat: DragSeat = {
                bookingId: booking.id,
                fromMemberId: item.memberId,
                grabOffsetMin: Math.max(0, grabPx.current / pxPerMinute),
              }
              event.dataTransfer.setData(DRAG_TYPE, dragSeatEncode(seat))
              event.dataTransfer.effectAllowed = 'move'
              props.onDragStart(seat)
            }}
            onDragEnd={props.onDragEnd}
            onOpen={() => props.onOpen(booking.id)}
          />
        )
      })}
      {layout.overflow.map((group) => (
        <button
          key={group.items.map((i) => i.id).join('|')}
          type="button"
          className="board-more"
          style={position(group.topMin, group.heightMin, group.lane, group.lanes)}
          aria-label={`${group.items.length} more bookings from ${timeRangeText(
            group.items[0]!.booking.start,
            group.items.at(-1)!.booking.end,
            zone,
          )}`}
          onClick={() => setOverflow(group.items)}
        >
          +{group.items.length}
        </button>
      ))}
      {overflow ? (
        <AppDialog
          title={`${overflow.length} bookings`}
          size="small"
          onClose={() => setOverflow(null)}
        >
          <ul className="timeline">
            {overflow.map((item) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="btn btn-quiet"
                  onClick={() => {
                    setOverflow(null)
                    props.onOpen(item.booking.id)
                  }}
                >
                  {timeRangeText(item.booking.start, item.booking.end, zone)} ·{' '}
                  {item.booking.customer.name} ·{' '}
                  {members.get(item.memberId)?.name ?? 'former member'}
                </button>
              </li>
            ))}
          </ul>
        </AppDialog>
      ) : null}
    </>
  )
}
