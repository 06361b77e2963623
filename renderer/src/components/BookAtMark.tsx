import { useEffect, useRef, useState } from 'react'
import { boardMinuteAt, BOOK_AT_STEP_MIN } from '../calendar/book-at'
import { timeText } from '../format/datetime-format'

/** Whether a pointer event on a day-board column is on its empty part (not a booking, a count…). */
export function isEmptyBoardSpot(column: Element, target: EventTarget | null): boolean {
  return target === column || (target instanceof Element && target.classList.contains('board-work'))
}

/** The board minute (quarter hours, inside the day) under `clientY` in a day-board column. */
export function columnMinuteAt(
  column: Element,
  clientY: number,
  pxPerMinute: number,
  dayMinutes: number,
): number {
  return boardMinuteAt(clientY - column.getBoundingClientRect().top, pxPerMinute, dayMinutes)
}

/**
 * The hover mark of a day-board column: where a click would open New booking for this member
 * ("+ 10:15", a quarter hour high; in grey "+ 08:00 · passed" once that quarter hour has begun, and
 * "+ 18:00 · outside hours" outside their working hours — where New booking will say they are not
 * free), on the column's empty parts only and not while dragging. It listens on its column itself and keeps its own state, so moving the pointer
 * redraws the mark, not the board. Decorative: New booking is the way there for the keyboard.
 */
export function BookAtMark(props: {
  readonly dayFromMs: number
  readonly dayMinutes: number
  readonly pxPerMinute: number
  readonly zone: string
  /** The member's working hours on the board (`boardWorkingHours`). */
  readonly working: readonly (readonly [number, number])[]
  /** Now (epoch ms, the board's ticking clock): a quarter hour begun before it has passed. */
  readonly nowMs: number
  readonly isHidden: boolean
}) {
  const { dayFromMs, dayMinutes, pxPerMinute, zone, working, nowMs, isHidden } = props
  const ref = useRef<HTMLDivElement>(null)
  const [minute, setMinute] = useState<number | null>(null)
  useEffect(() => {
    const column = ref.current?.parentElement
    if (!column) return
    const move = (event: MouseEvent) => {
      if (!isEmptyBoardSpot(column, event.target)) {
        setMinute(null)
        return
      }
      setMinute(columnMinuteAt(column, event.clientY, pxPerMinute, dayMinutes))
    }
    const leave = () => setMinute(null)
    column.addEventListener('mousemove', move)
    column.addEventListener('mouseleave', leave)
    return () => {
      column.removeEventListener('mousemove', move)
      column.removeEventListener('mouseleave', leave)
    }
  }, [pxPerMinute, dayMinutes])
  const atMs = minute === null ? null : dayFromMs + minute * 60_000
  const hasPassed = atMs !== null && atMs < nowMs
  const isOutside = minute !== null && !isWorking(working, minute)
  const isOff = hasPassed || isOutside
  return (
    <div ref={ref} aria-hidden="true">
      {minute !== null && !isHidden ? (
        <div
          className={`board-book-at${isOff ? ' is-off' : ''}`}
          style={{ top: minute * pxPerMinute, height: BOOK_AT_STEP_MIN * pxPerMinute }}
        >
          + {timeText(atMs!, zone)}
          {hasPassed ? ' · passed' : isOutside ? ' · outside hours' : ''}
        </div>
      ) : null}
    </div>
  )
}

/** Whether the quarter hour from `minute` lies in the working hours. */
function isWorking(working: readonly (readonly [number, number])[], minute: number): boolean {
  return working.some(([top, bottom]) => top <= minute && minute < bottom)
}
