import { useCan, useRole } from '../session/use-can'
import { useMemo, useRef, useState } from 'react'
import type { DragEvent, MouseEvent } from 'react'
import { reassignCandidates } from '../../../core/src/booking'
import { roleRefusalText } from '../../../core/src/people'
import { memberColorFor } from '../../../core/src/schema/migrations'
import { busyTimesOf } from '../../../core/src/availability/busy-times'
import {
  boardBlocks,
  boardBusyBlocks,
  boardDay,
  boardHourMarks,
  boardShiftDate,
  boardToday,
  boardWorkingHours,
} from '../calendar/board-layout'
import { boardMembers } from '../calendar/board-members'
import { DRAG_TYPE, dragSeatDecode } from '../calendar/drag-seat'
import { reassignReasonsText } from '../calendar/reassign-text'
import { useBookings, useWorkspace } from '../db/data-layer'
import {
  dayText,
  localZone,
  timeRangeText,
  timeText,
  utcOffsetText,
  zoneText,
} from '../format/datetime-format'
import { useDragMove } from '../hooks/use-drag-move'
import { useNow } from '../hooks/use-now'
import { routeFormat } from '../routing/app-route'
import { useRoute } from '../routing/use-route'
import { useUiStore } from '../stores/ui-store'
import { DateNav } from '../ui/DateNav'
import { toastShow } from '../ui/toasts'
import { BoardFilters } from './BoardFilters'
import { BookAtMark, columnMinuteAt, isEmptyBoardSpot } from './BookAtMark'
import { ColumnBlocks } from './ColumnBlocks'
import { DayHandoverDialog } from './DayHandoverDialog'
import { DropHintView } from './DropHintView'
import { HistoryNotice } from './HistoryNotice'
import { CALENDAR_PX_PER_MINUTE, scrollToMorning } from '../calendar/scroll-to-morning'

const PX_PER_MINUTE = CALENDAR_PX_PER_MINUTE
/** How far (px) a press may move and still book where it was released. */
const CLICK_SLOP_PX = 4
/** Overlapping bookings side by side in a member's column; more become a count. */
const MAX_LANES = 3

/**
 * The day board: one column per active member (filtered and grouped for large teams), the
 * scheduler's day in their own zone, each member's working hours shaded in their zone, the
 * member headers and the time axis sticky while scrolling. Drag a booking onto another member's
 * column to reassign it (every column says whether that member is free then); drag it up or down
 * its own column to move it in time (a hint says whether core allows it and why not; the move can
 * be undone for a few seconds). Click a booking (or press Enter) for its details; click an empty place
 * of a member's column to book that member there (New booking, the time picked). Busy time from
 * members' own calendars (as last synced) is drawn as "Busy", never with titles.
 */
export function CalendarView() {
  const live = useWorkspace()!
  const [route, navigate] = useRoute()
  const now = useNow(30_000)
  const zone = useMemo(() => localZone(), [])
  const openReassign = useUiStore((s) => s.openReassign)
  const openNewBooking = useUiStore((s) => s.openNewBooking)
  // Before the first sync has brought the team, an empty team is not one to set up.
  const isFirstSync = useUiStore(
    (s) => s.syncStatus.lastSyncedAt === null && s.syncStatus.state !== 'offline',
  )
  const canBook = useCan('book')
  const canReassign = useCan('reassign')
  const role = useRole()
  const [dropMember, setDropMember] = useState<string | null>(null)
  // A member's day handed over to colleagues (ill, away): the dialog for the day shown.
  const [isHandingOver, setIsHandingOver] = useState(false)
  const today = boardToday(zone, now)
  const date = route.params['date'] ?? today
  const day = boardDay(zone, date)
  const inRange = useBookings({ fromMs: day.fromMs, toMs: day.toMs })
  const bookings = inRange?.bookings ?? []
  const move = useDragMove(live, zone, PX_PER_MINUTE)
  const { workspace } = live

  const groupBy = route.params['group']
  const groups = boardMembers(workspace, {
    poolId: route.params['pool'],
    zone: route.params['zone'],
    query: route.params['q'],
    groupBy: groupBy === 'pool' || groupBy === 'zone' ? groupBy : undefined,
  })
  const columns = groups.flatMap((g) =>
    g.members.map((member, i) => ({ member, group: i === 0 ? g.label : null })),
  )
  const total = workspace.members.filter((m) => m.active).length
  const blocks = boardBlocks(bookings, day)
  const dragging = move.dragging
  // Who could take the dragged booking, for a role that may reassign (else nothing is suggested).
  const candidates =
    dragging && canReassign
      ? new Map(
          reassignCandidates(workspace, dragging.bookingId, dragging.fromMemberId, now).map((c) => [
            c.memberId,
            c,
          ]),
        )
      : null
  const dayMinutes = (day.toMs - day.fromMs) / 60_000
  const heightPx = dayMinutes * PX_PER_MINUTE
  const nowTop =
    now >= day.fromMs && now < day.toMs ? ((now - day.fromMs) / 60_000) * PX_PER_MINUTE : null
  const setDate = (next: string) => navigate({ params: { date: next === today ? null : next } })
  const openDetails = (bookingId: string) => navigate({ params: { booking: bookingId } })

  // A click on an empty place of a member's column: New booking for them at that quarter hour —
  // pressed and released there, in one place (a press on a booking released beside it, or a
  // press dragged down the column, is not a click on the column).
  const pressedAt = useRef<number | null>(null)
  const bookAt = (memberId: string) => (event: MouseEvent<HTMLDivElement>) => {
    const pressedY = pressedAt.current
    pressedAt.current = null
    if (pressedY === null || Math.abs(event.clientY - pressedY) > CLICK_SLOP_PX) return
    if (!isEmptyBoardSpot(event.currentTarget, event.target)) return
    const minute = columnMinuteAt(event.currentTarget, event.clientY, PX_PER_MINUTE, dayMinutes)
    openNewBooking(date, { memberId, atMs: day.fromMs + minute * 60_000 })
  }

  const dropOn = (memberId: string) => (event: DragEvent) => {
    setDropMember(null)
    const seat = dragSeatDecode(event.dataTransfer.getData(DRAG_TYPE)) ?? dragging
    if (seat && seat.fromMemberId !== memberId) {
      event.preventDefault()
      move.end()
      if (canReassign) {
        openReassign({
          bookingId: seat.bookingId,
          fromMemberId: seat.fromMemberId,
          toMemberId: memberId,
        })
      } else {
        // Dropped on someone else by a role that may not reassign: say so, rather than nothing.
        toastShow(
          {
            title: 'Not reassigned',
            description: `${roleRefusalText(role, 'reassign').replace(/^a/, 'A')}: a manager or owner gives a booking to another member. To change its time, drag it up or down in its own column.`,
            tone: 'error',
          },
          8000,
        )
      }
      return
    }
    move.drop(event, day.fromMs)
  }

  return (
    <section aria-labelledby="board-heading" className="view">
      <div className="toolbar">
        <h2 id="board-heading">Calendar</h2>
        <DateNav date={date} today={today} step="day" onChange={setDate} shift={boardShiftDate} />
        <span className="muted small">
          {dayText(day.fromMs + 12 * 3600_000, zone)} · {zoneText(zone)} time (
          {utcOffsetText(zone, day.fromMs + 12 * 3600_000)})
        </span>
        <span className="spacer" />
        {canReassign ? (
          <button type="button" className="btn" onClick={() => setIsHandingOver(true)}>
            Hand over a day…
          </button>
        ) : null}
        {canBook ? (
          <button type="button" className="btn btn-primary" onClick={() => openNewBooking(date)}>
            New booking
          </button>
        ) : null}
      </div>
      <BoardFilters workspace={workspace} shown={columns.length} total={total} />
      {columns.length > 0 ? (
        <p className="board-legend small muted">
          <span>
            <span className="swatch swatch-work" aria-hidden="true" />
            working hours
          </span>
          <span>
            <span className="swatch swatch-off" aria-hidden="true" />
            outside working hours
          </span>
          <span>
            <span className="swatch swatch-busy" aria-hidden="true" />
            busy in their own calendar
          </span>
          <span>
            <span className="swatch swatch-now" aria-hidden="true" />
            now
          </span>
          {canBook ? (
            <span>
              Click an empty place in a column to book that member then (or use New booking).
            </span>
          ) : null}
        </p>
      ) : null}
      <HistoryNotice result={inRange} zone={zone} />
      {columns.length === 0 ? (
        <p className="empty">
          {total > 0 ? (
            'No member matches these filters.'
          ) : isFirstSync ? (
            'The team arrives with this computer’s first sync from the sync server…'
          ) : (
            <>
              No active team members yet.{' '}
              <a href={routeFormat({ view: 'team', params: {} })}>Add them under Team</a>.
            </>
          )}
        </p>
      ) : (
        <div
          className="board-scroll"
          ref={scrollToMorning}
          tabIndex={0}
          role="region"
          aria-label="Day board (scroll for more hours and members)"
        >
          <div
            className="board-grid"
            style={{ gridTemplateColumns: `4.5rem repeat(${columns.length}, minmax(8.5rem, 1fr))` }}
          >
            <div className="board-corner" />
            {columns.map(({ member, group }) => {
              const candidate = candidates?.get(member.id)
              const state =
                !dragging || !canReassign
                  ? null
                  : member.id === dragging.fromMemberId
                    ? null
                    : candidate?.status === 'free'
                      ? 'free'
                      : candidate
                        ? 'unavailable'
                        : 'host'
              return (
                <div
                  key={member.id}
                  className={`board-head ${state ? `is-${state}` : ''}`}
                  style={
                    group !== null && groupBy
                      ? { borderLeft: '3px solid var(--border-strong)' }
                      : undefined
                  }
                >
                  {groupBy ? <span className="board-zone">{group ?? '\u00a0'}</span> : null}
                  <span
                    className="member-dot"
                    style={{ background: member.color ?? memberColorFor(member.id) }}
                  />
                  <span>{member.name}</span>
                  <span className="board-zone" title={member.timeZone}>
                    {zoneText(member.timeZone)}
                  </span>
                  {state === 'free' ? <span className="board-state">free</span> : null}
                  {candidate && candidate.status === 'unavailable' ? (
                    <span className="board-state">{reassignReasonsText(candidate.reasons)}</span>
                  ) : null}
                </div>
              )
            })}
            <div className="board-hours" style={{ height: heightPx }} aria-hidden="true">
              {boardHourMarks(zone, day).map((mark) => (
                <span key={mark.topMin} style={{ top: mark.topMin * PX_PER_MINUTE }}>
                  {timeText(mark.atMs, zone)}
                </span>
              ))}
            </div>
            {columns.map(({ member }) => {
              const working = boardWorkingHours(member, day)
              return (
                <div
                  key={member.id}
                  className={`board-column${canBook ? ' can-book' : ''}${dropMember === member.id ? ' is-drop-target' : ''}`}
                  role="region"
                  aria-label={`${member.name}'s day`}
                  style={{ height: heightPx, ['--hour-px' as string]: `${60 * PX_PER_MINUTE}px` }}
                  onDragOver={(event) => {
                    if (!dragging) return
                    if (dragging.fromMemberId === member.id) {
                      move.over(event, member.id, day.fromMs)
                    } else {
                      // Droppable for every role: a role that may not reassign is told why.
                      event.preventDefault()
                      move.away()
                      if (canReassign && dropMember !== member.id) setDropMember(member.id)
                    }
                  }}
                  onDragLeave={() => setDropMember(null)}
                  onDrop={dropOn(member.id)}
                  onMouseDown={(event) => {
                    pressedAt.current = isEmptyBoardSpot(event.currentTarget, event.target)
                      ? event.clientY
                      : null
                  }}
                  onClick={canBook ? bookAt(member.id) : undefined}
                >
                  {working.map(([top, bottom]) => (
                    <div
                      key={top}
                      className="board-work"
                      style={{ top: top * PX_PER_MINUTE, height: (bottom - top) * PX_PER_MINUTE }}
                    />
                  ))}
                  {boardBusyBlocks(busyTimesOf(workspace.busy, member.id), day).map(
                    ([top, bottom]) => (
                      <div
                        key={`busy-${top}`}
                        className="board-busy"
                        style={{ top: top * PX_PER_MINUTE, height: (bottom - top) * PX_PER_MINUTE }}
                      >
                        Busy
                        <span className="visually-hidden">
                          {' '}
                          in their own calendar,{' '}
                          {timeRangeText(
                            new Date(day.fromMs + top * 60_000).toISOString(),
                            new Date(day.fromMs + bottom * 60_000).toISOString(),
                            zone,
                          )}
                        </span>
                      </div>
                    ),
                  )}
                  {nowTop !== null ? <div className="board-now" style={{ top: nowTop }} /> : null}
                  {canBook ? (
                    <BookAtMark
                      dayFromMs={day.fromMs}
                      dayMinutes={dayMinutes}
                      pxPerMinute={PX_PER_MINUTE}
                      zone={zone}
                      working={working}
                      nowMs={now}
                      isHidden={dragging !== null}
                    />
                  ) : null}
                  <ColumnBlocks
                    blocks={(blocks.get(member.id) ?? []).map((block) => ({
                      id: `${block.booking.id}|${member.id}`,
                      booking: block.booking,
                      memberId: member.id,
                      topMin: block.topMin,
                      heightMin: block.heightMin,
                    }))}
                    live={live}
                    zone={zone}
                    pxPerMinute={PX_PER_MINUTE}
                    maxLanes={MAX_LANES}
                    showHosts={false}
                    onDragStart={move.start}
                    onDragEnd={() => {
                      move.end()
                      setDropMember(null)
                    }}
                    onOpen={openDetails}
                  />
                  {move.hint && move.hint.columnKey === member.id ? (
                    <DropHintView hint={move.hint} pxPerMinute={PX_PER_MINUTE} />
                  ) : null}
                </div>
              )
            })}
          </div>
        </div>
      )}
      {isHandingOver ? (
        <DayHandoverDialog date={date} zone={zone} onClose={() => setIsHandingOver(false)} />
      ) : null}
    </section>
  )
}
