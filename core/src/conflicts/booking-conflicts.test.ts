import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Booking, HistoryEntry } from '../model/workspace'
import { bookingConflicts, conflictsByBooking } from './booking-conflicts'
import { bookingSupersede, conflictResolveDecide } from './conflict-resolve'

const CREATED: HistoryEntry = { at: '2027-03-01T10:00:00.000Z', action: 'created', by: 'customer' }

function booking(
  id: string,
  hosts: string[],
  start: string,
  end: string,
  history: HistoryEntry[] = [CREATED],
): Booking {
  return {
    id,
    eventTypeId: 'et',
    masterPageId: null,
    start,
    end,
    hostMemberIds: hosts,
    poolId: null,
    panelId: null,
    status: 'scheduled',
    customer: { name: 'C', email: 'c@example.com', timeZone: 'UTC' },
    answers: {},
    createdVia: 'desktop',
    history,
  }
}

const at = (hhmm: string) => `2027-03-15T${hhmm}:00.000Z`
const keepBoth = (when: string, ...ids: string[]): HistoryEntry => ({
  at: when,
  action: 'conflict-resolved',
  by: 'Maya',
  withBookingIds: ids,
})

describe('bookingConflicts', () => {
  it('lists each overlap of one member once, with every partner (not only the last)', () => {
    const all = [
      booking('b1', ['m'], at('09:00'), at('10:00')),
      booking('b2', ['m'], at('09:30'), at('10:30')),
      booking('b3', ['m'], at('09:45'), at('10:15')),
    ]
    expect(bookingConflicts(all)).toEqual([
      { kind: 'overlap', memberId: 'm', bookingIds: ['b1', 'b2'] },
      { kind: 'overlap', memberId: 'm', bookingIds: ['b1', 'b3'] },
      { kind: 'overlap', memberId: 'm', bookingIds: ['b2', 'b3'] },
    ])
    expect(conflictsByBooking(bookingConflicts(all)).get('b1')).toHaveLength(2)
  })

  it('leaves out a pair either booking acknowledged, and keeps other pairs', () => {
    const all = [
      booking('b1', ['m'], at('09:00'), at('10:00'), [
        CREATED,
        keepBoth('2027-03-14T10:00:00.000Z', 'b2'),
      ]),
      booking('b2', ['m'], at('09:30'), at('10:30')),
      booking('b3', ['m'], at('09:45'), at('10:15')),
    ]
    expect(bookingConflicts(all).map((c) => c.kind === 'overlap' && c.bookingIds)).toEqual([
      ['b1', 'b3'],
      ['b2', 'b3'],
    ])
  })

  it('flags an acknowledged pair again once either booking moved after the acknowledgement', () => {
    const moved: HistoryEntry = {
      at: '2027-03-14T11:00:00.000Z',
      action: 'rescheduled',
      by: 'Maya',
      previousStart: at('08:00'),
    }
    const all = [
      booking('b1', ['m'], at('09:00'), at('10:00'), [
        CREATED,
        keepBoth('2027-03-14T10:00:00.000Z', 'b2'),
      ]),
      booking('b2', ['m'], at('09:30'), at('10:30'), [CREATED, moved]),
    ]
    expect(bookingConflicts(all)).toHaveLength(1)
  })

  it('shows a superseded offline change until a person resolves it', () => {
    const superseded: HistoryEntry = {
      at: '2027-03-02T10:00:00.000Z',
      action: 'change-superseded',
      by: 'Ana at the desk',
      reason: 'Changed offline (reassigned) while it was changed elsewhere',
      supersededVersion: {
        start: at('09:00'),
        end: at('10:00'),
        hostMemberIds: ['m-ben'],
        status: 'scheduled',
      },
    }
    const open = booking('b1', ['m'], at('09:00'), at('10:00'), [CREATED, superseded])
    expect(bookingConflicts([open])).toEqual([
      {
        kind: 'superseded',
        bookingId: 'b1',
        entryIndex: 1,
        at: superseded.at,
        by: 'Ana at the desk',
        version: superseded.supersededVersion,
        note: superseded.reason,
      },
    ])
    const pairOnly = {
      ...open,
      history: [...open.history, keepBoth('2027-03-03T10:00:00.000Z', 'other')],
    }
    expect(bookingConflicts([pairOnly])).toHaveLength(1)
    const resolved = { ...open, history: [...open.history, keepBoth('2027-03-03T10:00:00.000Z')] }
    expect(bookingConflicts([resolved])).toEqual([])
  })

  it('limits the answer to conflicts involving the given bookings', () => {
    const all = [
      booking('a', ['m'], at('09:00'), at('10:00')),
      booking('b', ['m'], at('09:30'), at('10:30')),
      booking('c', ['n'], at('09:00'), at('10:00')),
      booking('d', ['n'], at('09:30'), at('10:30')),
    ]
    expect(bookingConflicts(all, new Set(['c']))).toEqual([
      { kind: 'overlap', memberId: 'n', bookingIds: ['c', 'd'] },
    ])
  })

  it('is a function of the bookings: any order gives the same conflicts', () => {
    const arb = fc.array(
      fc.record({
        host: fc.constantFrom('m1', 'm2'),
        start: fc.integer({ min: 0, max: 20 }),
        length: fc.integer({ min: 1, max: 6 }),
        acknowledged: fc.boolean(),
      }),
      { maxLength: 12 },
    )
    fc.assert(
      fc.property(arb, fc.integer(), (specs, seed) => {
        const bookings = specs.map((spec, i) => {
          const start = new Date(Date.UTC(2027, 2, 15, 9, spec.start * 10)).toISOString()
          const end = new Date(Date.UTC(2027, 2, 15, 9, (spec.start + spec.length) * 10))
          const history =
            spec.acknowledged && i > 0 ? [CREATED, keepBoth(at('08:00'), `b${i - 1}`)] : [CREATED]
          return booking(`b${i}`, [spec.host], start, end.toISOString(), history)
        })
        const shuffled = bookings.toSorted(
          (a, b) =>
            ((a.id.length * seed) % 7) - ((b.id.length * seed) % 7) || (a.id < b.id ? 1 : -1),
        )
        expect(bookingConflicts(shuffled)).toEqual(bookingConflicts(bookings))
        // Every overlap listed is a real overlap of one member, never acknowledged.
        for (const conflict of bookingConflicts(bookings)) {
          if (conflict.kind !== 'overlap') continue
          const [x, y] = conflict.bookingIds.map((id) => bookings.find((b) => b.id === id)!)
          expect(x!.start < y!.end && y!.start < x!.end).toBe(true)
        }
      }),
    )
  })
})

describe('conflictResolveDecide', () => {
  const all = [
    booking('b1', ['m'], at('09:00'), at('10:00')),
    booking('b2', ['m'], at('09:30'), at('10:30')),
    booking('b3', ['m'], at('09:45'), at('10:15')),
  ]
  const nowMs = Date.parse('2027-03-10T12:00:00.000Z')

  it('acknowledges every open overlap of the booking, so they are not shown again', () => {
    const decision = conflictResolveDecide(
      { bookings: all },
      { bookingId: 'b1', by: 'Maya', note: 'both fine' },
      nowMs,
    )
    expect(decision.ok).toBe(true)
    if (!decision.ok) return
    expect(decision.booking.history.at(-1)).toEqual({
      at: '2027-03-10T12:00:00.000Z',
      action: 'conflict-resolved',
      by: 'Maya',
      reason: 'both fine',
      withBookingIds: ['b2', 'b3'],
    })
    const after = all.map((b) => (b.id === 'b1' ? decision.booking : b))
    expect(bookingConflicts(after)).toEqual([
      { kind: 'overlap', memberId: 'm', bookingIds: ['b2', 'b3'] },
    ])
  })

  it('keeps exactly one pair when asked to', () => {
    const decision = conflictResolveDecide(
      { bookings: all },
      { bookingId: 'b1', by: 'Maya', withBookingIds: ['b3'] },
      nowMs,
    )
    expect(decision.ok && decision.booking.history.at(-1)?.withBookingIds).toEqual(['b3'])
    expect(
      conflictResolveDecide(
        { bookings: all },
        { bookingId: 'b1', by: 'Maya', withBookingIds: ['b9'] },
        nowMs,
      ),
    ).toMatchObject({ ok: false, reason: 'not-allowed' })
  })

  it('closes superseded notes and overlaps together by default, with one entry each', () => {
    const note: HistoryEntry = {
      at: '2027-03-02T10:00:00.000Z',
      action: 'change-superseded',
      by: 'Desk',
      supersededVersion: {
        start: at('09:00'),
        end: at('10:00'),
        hostMemberIds: ['x'],
        status: 'scheduled',
      },
    }
    const withNote = all.map((b) => (b.id === 'b1' ? { ...b, history: [...b.history, note] } : b))
    const decision = conflictResolveDecide(
      { bookings: withNote },
      { bookingId: 'b1', by: 'M' },
      nowMs,
    )
    expect(
      decision.ok && decision.booking.history.slice(-2).map((e) => e.withBookingIds ?? null),
    ).toEqual([['b2', 'b3'], null])
    const after = withNote.map((b) => (b.id === 'b1' && decision.ok ? decision.booking : b))
    expect(bookingConflicts(after, new Set(['b1']))).toEqual([])
  })

  it('refuses a booking without open conflicts, and unknown bookings', () => {
    const alone = [booking('x', ['m'], at('12:00'), at('13:00'))]
    expect(
      conflictResolveDecide({ bookings: alone }, { bookingId: 'x', by: 'M' }, nowMs),
    ).toMatchObject({
      ok: false,
      reason: 'not-allowed',
    })
    expect(
      conflictResolveDecide({ bookings: alone }, { bookingId: 'y', by: 'M' }, nowMs),
    ).toMatchObject({
      ok: false,
      reason: 'not-found',
    })
  })
})

describe('bookingSupersede', () => {
  const base = booking('b', ['m-ana'], at('09:00'), at('10:00'))
  const nowMs = Date.parse('2027-03-10T12:00:00.000Z')
  const localReassign = {
    ...base,
    hostMemberIds: ['m-ben'],
    history: [
      ...base.history,
      {
        at: '2027-03-09T09:00:00.000Z',
        action: 'reassigned' as const,
        by: 'Desk Ana',
        fromMemberId: 'm-ana',
        toMemberId: 'm-ben',
      },
    ],
  }
  const serverCancel = {
    ...base,
    status: 'cancelled' as const,
    history: [
      ...base.history,
      { at: '2027-03-09T10:00:00.000Z', action: 'cancelled' as const, by: 'customer' },
    ],
  }

  it('records what the losing version decided, by whoever decided it', () => {
    const kept = bookingSupersede(serverCancel, localReassign, nowMs)
    expect(kept.status).toBe('cancelled')
    expect(kept.history.at(-1)).toEqual({
      at: '2027-03-10T12:00:00.000Z',
      action: 'change-superseded',
      by: 'Desk Ana',
      reason: 'Changed offline (reassigned) while it was changed elsewhere',
      supersededVersion: {
        start: base.start,
        end: base.end,
        hostMemberIds: ['m-ben'],
        status: 'scheduled',
      },
    })
    expect(bookingConflicts([kept])).toHaveLength(1)
  })

  it('changes nothing when both versions decided the same', () => {
    expect(bookingSupersede(serverCancel, serverCancel, nowMs)).toBe(serverCancel)
  })
})

describe('calendar conflicts (members’ own calendars)', () => {
  const busy = { 'm-a': [[Date.parse(at('10:15')), Date.parse(at('11:00'))]] as const }

  it('finds an open booking whose meeting overlaps a host’s busy time, only with busy times given', () => {
    const b = booking('b1', ['m-a', 'm-b'], at('10:00'), at('10:30'))
    expect(bookingConflicts([b])).toEqual([])
    expect(bookingConflicts([b], undefined, busy)).toEqual([
      {
        kind: 'calendar',
        bookingId: 'b1',
        memberId: 'm-a',
        busyStart: at('10:15'),
        busyEnd: at('11:00'),
      },
    ])
  })

  it('ignores touching times, other members, cancelled and closed bookings', () => {
    const touching = booking('b1', ['m-a'], at('09:45'), at('10:15'))
    const other = booking('b2', ['m-b'], at('10:00'), at('10:30'))
    expect(bookingConflicts([touching, other], undefined, busy)).toEqual([])
    const cancelled = {
      ...booking('b3', ['m-a'], at('10:00'), at('10:30')),
      status: 'cancelled' as const,
    }
    const completed = {
      ...booking('b4', ['m-a'], at('10:00'), at('10:30')),
      status: 'completed' as const,
    }
    expect(bookingConflicts([cancelled], undefined, busy)).toEqual([])
    expect(bookingConflicts([completed], undefined, busy)).toEqual([])
  })

  it('is closed by "keep as is", and open again when the booking moves afterwards', () => {
    const b = booking('b1', ['m-a'], at('10:00'), at('10:30'))
    const kept = conflictResolveDecide(
      { bookings: [b], busy },
      { bookingId: 'b1', by: 'Maya', calendar: true },
      Date.parse(at('12:00')),
    )
    expect(kept.ok).toBe(true)
    if (!kept.ok) return
    expect(bookingConflicts([kept.booking], undefined, busy)).toEqual([])
    const moved: Booking = {
      ...kept.booking,
      start: at('10:30'),
      end: at('11:00'),
      history: [...kept.booking.history, { at: at('12:30'), action: 'rescheduled', by: 'Maya' }],
    }
    expect(bookingConflicts([moved], undefined, busy)).toHaveLength(1)
    expect(
      conflictResolveDecide(
        { bookings: [b] },
        { bookingId: 'b1', by: 'Maya', calendar: true },
        Date.parse(at('12:00')),
      ),
    ).toMatchObject({ ok: false, reason: 'not-allowed' })
  })
})
