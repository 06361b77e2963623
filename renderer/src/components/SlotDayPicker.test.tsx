// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { PageSlot } from '../../../core/src/booking'
import { SlotDayPicker } from './SlotDayPicker'

afterEach(cleanup)

const DAY_MS = 86_400_000
const at = (iso: string) => Date.parse(iso)

/**
 * A round-robin page as core answers it: Dev is next in line and has a time only on 7 December;
 * any range holding that day gets Dev's time alone, any other range falls through to Ana, free
 * at 10:00 every day of it.
 */
function roundRobinSlots(fromMs: number, toMs: number): readonly PageSlot[] {
  const devDay = at('2026-12-07T00:00:00Z')
  if (fromMs <= devDay && devDay < toMs) {
    return [{ start: '2026-12-07T09:00:00.000Z', end: '2026-12-07T09:30:00.000Z' }] as PageSlot[]
  }
  const slots: PageSlot[] = []
  for (let day = Math.ceil(fromMs / DAY_MS) * DAY_MS; day < toMs; day += DAY_MS) {
    const start = new Date(day + 10 * 3_600_000).toISOString()
    slots.push({ start, end: new Date(day + 10.5 * 3_600_000).toISOString() } as PageSlot)
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
  it('marks a day free when its own list has a time, asking day by day', () => {
    picker(['Sales'])
    // The 7th, opened: Dev's 09:00, the next in line's.
    expect(screen.getByRole('group', { name: /Free times on/ }).textContent).toMatch(/\b0?9:00/)
    // The 9th has Ana's 10:00 when opened; the month asked as one range would give Dev's 7th
    // alone and strike the 9th through.
    const ninth = screen.getByRole('button', { name: /Wednesday, (9 December|December 9,) 2026/ })
    expect(ninth.getAttribute('aria-disabled')).not.toBe('true')
    expect(screen.getByText(/Sales takes turns \(round robin\)/)).toBeTruthy()
  })

  it('without round robin, one range for the month (every member answers for itself)', () => {
    picker([])
    const ninth = screen.getByRole('button', { name: /Wednesday, (9 December|December 9,) 2026/ })
    expect(ninth.getAttribute('aria-disabled')).toBe('true')
  })
})
