/**
 * Buffers (product.md edge case 18), checked on the slot generator and `memberCanTake` alike: an
 * existing booking `b` blocks a new meeting at `t` (duration `d`) exactly when
 * `[t − new.before, t + d + new.after)` overlaps `[b.start − b.before, b.end + b.after)`.
 * The new meeting's BEFORE-buffer keeps time free before it, so it matters after an existing
 * booking; its AFTER-buffer matters before one. Asymmetric buffers tell the two apart.
 */

import { describe, expect, it } from 'vitest'
import type { EventType } from '../model/workspace'
import { memberCanTake } from './member-can-take'
import {
  fixtureBooking,
  fixtureEventType,
  fixtureMember,
  fixtureSlots,
  fixtureState,
  fixtureWeekly,
} from './test-fixtures'

/** UTC, Monday 2027-03-15 08:00–17:00, so buffers before a 09:00 booking fit inside the hours. */
const member = fixtureMember({
  timeZone: 'UTC',
  weeklyHours: fixtureWeekly({ mon: [['08:00', '17:00']] }),
})
const day = '2027-03-15'
const window = { from: `${day}T00:00:00Z`, to: `${day}T23:59:00Z` }
const NOW = '2027-03-01T00:00:00Z'

interface BufferCase {
  readonly name: string
  /** The new meeting's event type buffers `[before, after]` (30 minutes, every 5). */
  readonly newBuffers: readonly [number, number]
  /** The existing 10:00–10:30 booking's own buffers, or `'same'` (it is of the new event type). */
  readonly existingBuffers: readonly [number, number] | 'same'
  /** HH:mm starts on 2027-03-15 (UTC) that must be offered and bookable. */
  readonly offered: readonly string[]
  /** HH:mm starts that must be neither offered nor bookable (reason `busy`). */
  readonly refused: readonly string[]
}

const CASES: readonly BufferCase[] = [
  {
    // Existing [10:00, 10:40) with its after-buffer; the new [t, t + 40) fits from 10:40 on.
    name: 'new 0/10 next to a booking of the same type',
    newBuffers: [0, 10],
    existingBuffers: 'same',
    offered: ['09:20', '10:40', '10:45'],
    refused: ['09:25', '09:30', '10:30', '10:35'],
  },
  {
    // Existing [10:00, 10:30); the new meeting's after-buffer only matters before it.
    name: 'new 0/10 next to an unbuffered booking of another type',
    newBuffers: [0, 10],
    existingBuffers: [0, 0],
    offered: ['09:20', '10:30'],
    refused: ['09:25', '10:25'],
  },
  {
    // New [t − 10, t + 30): ending at 10:00 before the booking is fine; after it, 10:40.
    name: 'new 10/0 next to an unbuffered booking of another type',
    newBuffers: [10, 0],
    existingBuffers: [0, 0],
    offered: ['09:30', '10:40'],
    refused: ['09:35', '10:30', '10:35'],
  },
  {
    // Existing [09:50, 10:30); new [t − 10, t + 30).
    name: 'new 10/0 next to a booking of the same type',
    newBuffers: [10, 0],
    existingBuffers: 'same',
    offered: ['09:20', '10:40'],
    refused: ['09:25', '10:30', '10:35'],
  },
  {
    // Existing [09:45, 10:35) with its own buffers; the new meeting has none.
    name: 'new 0/0 next to a booking with its own 15/5 buffers',
    newBuffers: [0, 0],
    existingBuffers: [15, 5],
    offered: ['09:15', '10:35'],
    refused: ['09:20', '10:30'],
  },
  {
    // Existing [09:45, 10:35); new [t − 10, t + 50): free up to 08:55 and from 10:45.
    name: 'new 10/20 next to a booking with its own 15/5 buffers',
    newBuffers: [10, 20],
    existingBuffers: [15, 5],
    offered: ['08:55', '10:45'],
    refused: ['09:00', '10:40'],
  },
  {
    // Existing [10:00, 10:30); a long before-buffer only pushes the new meeting away after it.
    name: 'new 30/0 next to an unbuffered booking of another type',
    newBuffers: [30, 0],
    existingBuffers: [0, 0],
    offered: ['09:30', '11:00'],
    refused: ['09:35', '10:55'],
  },
]

function setup(c: BufferCase) {
  const eventType = fixtureEventType({
    slotIntervalMinutes: 5,
    bufferBeforeMinutes: c.newBuffers[0],
    bufferAfterMinutes: c.newBuffers[1],
  })
  const other: EventType | null =
    c.existingBuffers === 'same'
      ? null
      : fixtureEventType({
          id: 'et-other',
          bufferBeforeMinutes: c.existingBuffers[0],
          bufferAfterMinutes: c.existingBuffers[1],
        })
  const booking = fixtureBooking({
    start: `${day}T10:00:00Z`,
    end: `${day}T10:30:00Z`,
    eventTypeId: other?.id ?? eventType.id,
  })
  return { eventType, other, booking }
}

function slotsOf(c: BufferCase): string[] {
  const { other, booking } = setup(c)
  return fixtureSlots({
    member,
    ...window,
    now: NOW,
    eventType: {
      slotIntervalMinutes: 5,
      bufferBeforeMinutes: c.newBuffers[0],
      bufferAfterMinutes: c.newBuffers[1],
    },
    bookings: [booking],
    otherEventTypes: other === null ? [] : [other],
  })
}

function canTake(c: BufferCase, startIso: string) {
  const { eventType, other, booking } = setup(c)
  const state = fixtureState([member], [booking], other === null ? [eventType] : [eventType, other])
  return memberCanTake(state, {
    memberId: member.id,
    eventTypeId: eventType.id,
    startMs: Date.parse(startIso),
    nowMs: Date.parse(NOW),
  })
}

const at = (hhmm: string): string => `${day}T${hhmm}:00Z`

describe('buffers next to an existing 10:00–10:30 booking (edge case 18)', () => {
  describe.each(CASES)('$name', (c) => {
    it('offers and accepts exactly the starts whose buffered spans do not overlap', () => {
      const slots = slotsOf(c)
      for (const hhmm of c.offered) {
        expect([hhmm, slots.includes(at(hhmm))]).toEqual([hhmm, true])
        expect([hhmm, canTake(c, at(hhmm))]).toEqual([hhmm, { ok: true }])
      }
      for (const hhmm of c.refused) {
        expect([hhmm, slots.includes(at(hhmm))]).toEqual([hhmm, false])
        expect([hhmm, canTake(c, at(hhmm))]).toEqual([
          hhmm,
          { ok: false, reason: 'busy', reasons: ['busy'] },
        ])
      }
    })

    it('agrees with memberCanTake on every 5-minute start of the day', () => {
      const slots = new Set(slotsOf(c))
      for (let minute = 0; minute < 24 * 60; minute += 5) {
        const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
        expect([hhmm, canTake(c, at(hhmm)).ok]).toEqual([hhmm, slots.has(at(hhmm))])
      }
    })

    it('states the rule: blocked exactly when the two buffered spans overlap', () => {
      const [newBefore, newAfter] = c.newBuffers
      const [ownBefore, ownAfter] = c.existingBuffers === 'same' ? c.newBuffers : c.existingBuffers
      const existingFrom = Date.parse(at('10:00')) - ownBefore * 60_000
      const existingTo = Date.parse(at('10:30')) + ownAfter * 60_000
      const isBlocked = (hhmm: string): boolean => {
        const t = Date.parse(at(hhmm))
        return t - newBefore * 60_000 < existingTo && existingFrom < t + (30 + newAfter) * 60_000
      }
      // The table itself follows the product rule (guards against a mistyped row).
      expect(c.offered.filter(isBlocked)).toEqual([])
      expect(c.refused.filter((hhmm) => !isBlocked(hhmm))).toEqual([])
    })
  })
})
