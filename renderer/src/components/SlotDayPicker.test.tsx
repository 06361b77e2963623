// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { PageSlot } from '../../../core/src/booking'
import { SlotDayPicker } from './SlotDayPicker'

afterEach(cleanup)

const DAY_MS = 86_400_000
const at = (iso: string) => Date.parse(iso)

/**
 * A round-robin page as core answers it with the desk's zone as `dayZone` (UTC here): each day
 * offers that day's next in line — Dev, only on 7 December (09:00), else Ana at 10:00 — and
 * nobody works on Sundays. A range gets what its days would get one by one.
 */
function roundRobinSlots(fromMs: number, toMs: number): readonly PageSlot[] {
  const slots: PageSlot[] = []
  for (let day = Math.floor(fromMs / DAY_MS) * DAY_MS; day < toMs; day += DAY_MS) {
    if (new Date(day).getUTCDay() === 0) continue
    const hour = day === at('2026-12-07T00:00:00Z') ? 9 : 10
    const start = day + hour * 3_600_000
    if (start < fromMs || start >= toMs) continue
    slots.push({
      start: new Date(start).toISOString(),
      end: new Date(start + 1_800_000).toISOString(),
    } as PageSlot)
  }
  return slots
}

function picker(turnsOf: readonly string[]) {
  return render(
    <SlotDayPicker
      zone="UTC"
      initialDate="2026-12-07"
      slotsIn={roundRobinSlots}
      selected={null}
      onSelect={() => undefined}
      turnsOf={turnsOf}
    />,
  )
}

describe('SlotDayPicker with round robin', () => {
  it('marks the days the month’s answer has a time on, and says the pool takes turns', () => {
    picker(['Sales'])
    // The 7th, opened: Dev's 09:00, the next in line's that day.
    expect(screen.getByRole('group', { name: /Free times on/ }).textContent).toMatch(/\b0?9:00/)
    const ninth = screen.getByRole('button', { name: /Wednesday, (9 December|December 9,) 2026/ })
    expect(ninth.getAttribute('aria-disabled')).not.toBe('true')
    const sunday = screen.getByRole('button', { name: /Sunday, (13 December|December 13,) 2026/ })
    expect(sunday.getAttribute('aria-disabled')).toBe('true')
    expect(screen.getByText(/Sales takes turns \(round robin\)/)).toBeTruthy()
  })
})
