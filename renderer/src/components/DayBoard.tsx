import { bookingIsOpen } from '../../../core/src/model/booking-statuses'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { DragEvent } from 'react'
import { reassignCandidates } from '../../../core/src/booking'
import { memberColorFor } from '../../../core/src/schema/migrations'
import type { Member } from '../../../core/src/model/workspace'
import {
  boardBlocks,
  boardDay,
  boardHourMarks,
  boardShiftDate,
  boardToday,
  boardWorkingHours,
} from '../calendar/board-layout'
import type { BoardBlock } from '../calendar/board-layout'
import { reassignReasonsText } from '../calendar/reassign-text'
import { useWorkspace } from '../db/use-workspace'
import { NewBookingDialog } from './NewBookingDialog'
import { useNow } from '../hooks/use-now'
import { useUiStore } from '../stores/ui-store'

/** Vertical scale of the board. */
const PX_PER_MINUTE = 0.8
/** The board opens scrolled to this local hour. */
const FIRST_VISIBLE_HOUR = 7
const DRAG_TYPE = 'application/x-teamslot-seat'

interface DragSeat {
  readonly bookingId: string
  readonly fromMemberId: string
}

/** The scheduler's own zone: the board shows their day. */
function schedulerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

function timeText(iso: string, zone: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    // 24-hour like the board's hour axis.
    hourCycle: 'h23',
  }).format(new Date(iso))
}

/**
 * The day board: one column per active member, their working hours shaded, their bookings as
 * blocks. Drag a block onto another member's column to reassign it (the columns say who is free
 * at that booking's time while dragging); click a block (or press Enter on it) for the same
 * dialog without dragging.
 */
export function DayBoard() {
  const live = useWorkspace()
  const now = useNow(30_000)
  const zone = useMemo(() => schedulerZone(), [])
  const storedDate = useUiStore((s) => s.boardDate)
  const setBoardDate = useUiStore((s) => s.setBoardDate)
  const openReassign = useUiStore((s) => s.openReassign)
  const [dragging, setDragging] = useState<DragSeat | null>(null)
  const [isBooking, setIsBooking] = useState(false)
  const scroller = useRef<HTMLDivElement>(null)
  const date = storedDate ?? boardToday(zone, now)
  const isLoaded = live !== undefined
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = FIRST_VISIBLE_HOUR * 60 * PX_PER_MINUTE
  }, [isLoaded])
  if (!live) return <p>Loading calendar…</p>

  const { workspace, conflicts } = live
  const day = boardDay(zone, date)
  const members = workspace.members
    .filter((m) => m.active)
    .toSorted((a, b) => a.name.localeCompare(b.name))
  const blocks = boardBlocks(workspace, day)
  const candidates = dragging
    ? new Map(
        reassignCandidates(workspace, dragging.bookingId, dragging.fromMemberId, now).map((c) => [
          c.memberId,
          c,
        ]),
      )
    : null
  const heightPx = ((day.toMs - day.fromMs) / 60_000) * PX_PER_MINUTE
  const dateLabel = new Intl.DateTimeFormat(undefined, {
    timeZone: zone,
    dateStyle: 'full',
  }).format(new Date(day.fromMs + 12 * 3600_000))

  const dropOn = (member: Member) => (event: DragEvent) => {
    event.preventDefault()
    const seat = JSON.parse(event.dataTransfer.getData(DRAG_TYPE) || 'null') as DragSeat | null
    setDragging(null)
    if (seat && seat.fromMemberId !== member.id) openReassign({ ...seat, toMemberId: member.id })
  }

  return (
    <section aria-labelledby="board-heading" className="board">
      <div className="board-toolbar">
        <h2 id="board-heading">Calendar</h2>
        <button
          type="button"
          onClick={() => setBoardDate(boardShiftDate(date, -1))}
          aria-label="Previous day"
        >
          ←
        </button>
        <button type="button" onClick={() => setBoardDate(null)}>
          Today
        </button>
        <button
          type="button"
          onClick={() => setBoardDate(boardShiftDate(date, 1))}
          aria-label="Next day"
        >
          →
        </button>
        <input
          type="date"
          aria-label="Day"
          value={date}
          onChange={(e) => e.target.value && setBoardDate(e.target.value)}
        />
        <span className="board-date">
          {dateLabel} · times in {zone}
        </span>
        <button type="button" className="primary" onClick={() => setIsBooking(true)}>
          New booking
        </button>
      </div>
      {isBooking ? <NewBookingDialog live={live} onClose={() => setIsBooking(false)} /> : null}
      <div className="board-scroll" ref={scroller}>
        <div
          className="board-grid"
          style={{ gridTemplateColumns: `4rem repeat(${members.length}, minmax(9rem, 1fr))` }}
        >
          <div className="board-corner" />
          {members.map((member) => {
            const candidate = candidates?.get(member.id)
            const state = !dragging
              ? null
              : candidate?.status === 'free'
                ? 'free'
                : candidate
                  ? 'unavailable'
                  : 'host'
            return (
              <div key={member.id} className={`board-head ${state ? `is-${state}` : ''}`}>
                <span
                  className="member-dot"
                  style={{ background: member.color ?? memberColorFor(member.id) }}
                />
                <span>{member.name}</span>
                <span className="board-zone">{member.timeZone}</span>
                {state === 'free' ? <span className="board-state">free</span> : null}
                {candidate && candidate.status === 'unavailable' ? (
                  <span className="board-state">{reassignReasonsText(candidate.reasons)}</span>
                ) : null}
              </div>
            )
          })}
          <div className="board-hours" style={{ height: heightPx }}>
            {boardHourMarks(zone, day).map((mark) => (
              <span key={mark.topMin} style={{ top: mark.topMin * PX_PER_MINUTE }}>
                {mark.label}
              </span>
            ))}
          </div>
          {members.map((member) => (
            <div
              key={member.id}
              className="board-column"
              role="region"
              aria-label={`${member.name}'s day`}
              style={{ height: heightPx }}
              onDragOver={(event) => {
                if (dragging && dragging.fromMemberId !== member.id) event.preventDefault()
              }}
              onDrop={dropOn(member)}
            >
              {boardWorkingHours(member, day).map(([top, bottom]) => (
                <div
                  key={top}
                  className="board-work"
                  style={{ top: top * PX_PER_MINUTE, height: (bottom - top) * PX_PER_MINUTE }}
                />
              ))}
              {(blocks.get(member.id) ?? []).map((block) => (
                <BookingBlock
                  key={block.booking.id}
                  block={block}
                  zone={zone}
                  color={member.color ?? memberColorFor(member.id)}
                  hasConflict={conflicts.has(block.booking.id)}
                  eventName={
                    workspace.eventTypes.find((e) => e.id === block.booking.eventTypeId)?.name ?? ''
                  }
                  onDragStart={(event) => {
                    const seat = { bookingId: block.booking.id, fromMemberId: member.id }
                    event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(seat))
                    event.dataTransfer.effectAllowed = 'move'
                    setDragging(seat)
                  }}
                  onDragEnd={() => setDragging(null)}
                  onOpen={() =>
                    openReassign({
                      bookingId: block.booking.id,
                      fromMemberId: member.id,
                      toMemberId: null,
                    })
                  }
                />
              ))}
            </div>
          ))}
        </div>
      </div>
    </section>
  )
}

interface BookingBlockProps {
  readonly block: BoardBlock
  readonly zone: string
  readonly color: string
  readonly eventName: string
  readonly hasConflict: boolean
  readonly onDragStart: (event: DragEvent) => void
  readonly onDragEnd: () => void
  readonly onOpen: () => void
}

function BookingBlock({
  block,
  zone,
  color,
  eventName,
  hasConflict,
  onDragStart,
  onDragEnd,
  onOpen,
}: BookingBlockProps) {
  const { booking } = block
  const isMovable = bookingIsOpen(booking)
  const label = `${timeText(booking.start, zone)}–${timeText(booking.end, zone)} ${eventName} with ${booking.customer.name}`
  return (
    <button
      type="button"
      className={`board-block ${hasConflict ? 'has-conflict' : ''} status-${booking.status}`}
      style={{
        top: block.topMin * PX_PER_MINUTE,
        height: Math.max(block.heightMin * PX_PER_MINUTE, 18),
        borderLeftColor: color,
      }}
      draggable={isMovable}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onClick={onOpen}
      aria-label={`${label}${hasConflict ? ' (conflict)' : ''}`}
      title={label}
    >
      <strong>{timeText(booking.start, zone)}</strong> {booking.customer.name}
      {hasConflict ? <span className="conflict-badge">Conflict</span> : null}
    </button>
  )
}
