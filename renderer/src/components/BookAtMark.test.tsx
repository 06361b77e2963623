// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { BookAtMark } from './BookAtMark'

afterEach(cleanup)

const DAY = Date.parse('2027-03-10T00:00:00.000Z')
/** 0.8 px per minute, as the board: 09:00–17:00 worked. */
function column(isHidden = false, nowMs = DAY - 86_400_000) {
  const { container } = render(
    <div className="board-column">
      <div className="board-work" />
      <BookAtMark
        dayFromMs={DAY}
        dayMinutes={1440}
        pxPerMinute={0.8}
        zone="UTC"
        working={[[540, 1020]]}
        nowMs={nowMs}
        isHidden={isHidden}
      />
    </div>,
  )
  const element = container.querySelector('.board-column')!
  const move = (minute: number, target: Element = element) =>
    act(() => {
      target.dispatchEvent(
        new MouseEvent('mousemove', { bubbles: true, clientY: minute * 0.8 + 1 }),
      )
    })
  return { element, move, mark: () => container.querySelector('.board-book-at') }
}

describe('BookAtMark', () => {
  it('marks the quarter hour under the pointer, and says when it is outside working hours', () => {
    const { move, mark } = column()
    expect(mark()).toBeNull()
    move(10 * 60 + 20)
    expect(mark()?.textContent).toMatch(/^\+ 10:15( AM)?$/)
    expect(mark()?.classList.contains('is-off')).toBe(false)
    move(18 * 60)
    expect(mark()?.textContent).toMatch(/^\+ (18:00|6:00 PM) · outside hours$/)
    expect(mark()?.classList.contains('is-off')).toBe(true)
  })

  it('says a quarter hour has passed once it has begun, before working hours are considered', () => {
    // Now: 10:05 on the board's day.
    const { move, mark } = column(false, DAY + (10 * 60 + 5) * 60_000)
    move(9 * 60 + 50)
    expect(mark()?.textContent).toMatch(/^\+ (09:45|9:45 AM) · passed$/)
    expect(mark()?.classList.contains('is-off')).toBe(true)
    move(10 * 60 + 10)
    expect(mark()?.textContent).toMatch(/^\+ 10:00( AM)? · passed$/)
    move(10 * 60 + 20)
    expect(mark()?.textContent).toMatch(/^\+ 10:15( AM)?$/)
    expect(mark()?.classList.contains('is-off')).toBe(false)
    move(7 * 60)
    expect(mark()?.textContent).toMatch(/^\+ (07:00|7:00 AM) · passed$/)
  })

  it('shows nothing over what is not an empty place, or once the pointer left', () => {
    const { element, move, mark } = column()
    move(10 * 60)
    expect(mark()).not.toBeNull()
    const block = document.createElement('button')
    element.appendChild(block)
    move(11 * 60, block)
    expect(mark()).toBeNull()
    move(10 * 60)
    act(() => {
      element.dispatchEvent(new MouseEvent('mouseleave'))
    })
    expect(mark()).toBeNull()
  })

  it('shows nothing while a booking is dragged', () => {
    const { move, mark } = column(true)
    move(10 * 60)
    expect(mark()).toBeNull()
  })
})
