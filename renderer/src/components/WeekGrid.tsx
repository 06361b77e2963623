import type { Booking } from '../../../core/src/model/workspace'
import { bookingHoldsTime } from '../../../core/src/model/booking-statuses'
import { instantParse } from '../../../core/src/time'
import { boardDay, boardHourMarks, boardWeekDates } from '../calendar/board-layout'
import type { LiveWorkspace } from '../db/workspace-store'
import { bookingsText, shortDayText, timeText } from '../format/datetime-format'
import { useDragMove } from '../hooks/use-drag-move'
import { ColumnBlocks } from './ColumnBlocks'
import type { ColumnBlock } from './ColumnBlocks'
import { DropHintView } from './DropHintView'
import { CALENDAR_PX_PER_MINUTE, scrollToMorning } from '../calendar/scroll-to-morning'

const PX_PER_MINUTE = CALENDAR_PX_PER_MINUTE
/** Side-by-side lanes per day; with many bookings at once the rest is a count. */
const MAX_LANES = 4

export interface WeekGridProps {
  readonly live: LiveWorkspace
  readonly zone: string
  readonly date: string
  readonly today: string
  readonly nowMs: number
  /** The week's bookings to draw (already filtered). */
  readonly bookings: readonly Booking[]
  readonly onOpen: (bookingId: string) => void
}

/**
 * The week (Monday first) in the scheduler's zone: one column per day, bookings side by side
 * where they overlap and counted where they would not fit, the day headers and the time axis
 * sticky. Drag a booking to another time or day to reschedule it (a hint says whether core
 * allows it and why not; undo for a few seconds).
 */
export function WeekGrid({ live, zone, date, today, nowMs, bookings, onOpen }: WeekGridProps) {
  const move = useDragMove(live, zone, PX_PER_MINUTE)
  const days = boardWeekDates(date).map((d) => boardDay(zone, d))
  // The axis follows the first day; a DST change inside the week shifts that day's blocks by an hour.
  const axis = days[0]!
  const heightPx = 24 * 60 * PX_PER_MINUTE
  const blocksOf = (fromMs: number, toMs: number): ColumnBlock[] =>
    bookings
      .filter((b) => bookingHoldsTime(b))
      .filter((b) => instantParse(b.start) < toMs && instantParse(b.end) > fromMs)
      .map((b) => {
        const top = Math.max(instantParse(b.start), fromMs)
        const bottom = Math.min(instantParse(b.end), toMs)
        return {
          id: b.id,
          booking: b,
          memberId: b.hostMemberIds[0] ?? '',
          topMin: (top - fromMs) / 60_000,
          heightMin: (bottom - top) / 60_000,
        }
      })
  return (
    <div
      className="board-scroll"
      ref={scrollToMorning}
      tabIndex={0}
      role="region"
      aria-label="Week (scroll for more hours)"
    >
      <div
        className="board-grid"
        style={{ gridTemplateColumns: '4.5rem repeat(7, minmax(8rem, 1fr))' }}
      >
        <div className="board-corner" />
        {days.map((day) => {
          const count = blocksOf(day.fromMs, day.toMs).length
          // Cancelled bookings are not drawn: the day says how many there are, so its count
          // and the list's (which has them) tell the same story.
          const cancelled = bookings.filter(
            (b) =>
              b.status === 'cancelled' &&
              instantParse(b.start) < day.toMs &&
              instantParse(b.end) > day.fromMs,
          ).length
          return (
            <div key={day.date} className={`board-head ${day.date === today ? 'is-today' : ''}`}>
              <span>{shortDayText(day.fromMs + 12 * 3600_000, zone)}</span>
              <span className="board-zone">
                {bookingsText(count)}
                {cancelled > 0 ? ` (+${cancelled} cancelled, not shown)` : ''}
              </span>
            </div>
          )
        })}
        <div className="board-hours" style={{ height: heightPx }} aria-hidden="true">
          {boardHourMarks(zone, axis).map((mark) => (
            <span key={mark.topMin} style={{ top: mark.topMin * PX_PER_MINUTE }}>
              {timeText(mark.atMs, zone)}
            </span>
          ))}
        </div>
        {days.map((day) => (
          <div
            key={day.date}
            className="board-column"
            role="region"
            aria-label={shortDayText(day.fromMs + 12 * 3600_000, zone)}
            style={{
              height: heightPx,
              ['--hour-px' as string]: `${60 * PX_PER_MINUTE}px`,
            }}
            onDragOver={(event) => move.over(event, day.date, day.fromMs)}
            onDrop={(event) => move.drop(event, day.fromMs)}
          >
            {nowMs >= day.fromMs && nowMs < day.toMs ? (
              <div
                className="board-now"
                style={{ top: ((nowMs - day.fromMs) / 60_000) * PX_PER_MINUTE }}
              />
            ) : null}
            <ColumnBlocks
              blocks={blocksOf(day.fromMs, day.toMs)}
              live={live}
              zone={zone}
              pxPerMinute={PX_PER_MINUTE}
              maxLanes={MAX_LANES}
              showHosts
              onDragStart={move.start}
              onDragEnd={move.end}
              onOpen={onOpen}
            />
            {move.hint && move.hint.columnKey === day.date ? (
              <DropHintView hint={move.hint} pxPerMinute={PX_PER_MINUTE} />
            ) : null}
          </div>
        ))}
      </div>
    </div>
  )
}
