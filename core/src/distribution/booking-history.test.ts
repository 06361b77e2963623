import { describe, expect, it } from 'vitest'
import type { Booking, HistoryEntry } from '../model/workspace'
import { historyOriginalHosts, historyReplay } from './booking-history'
import { fixtureBooking, fixtureCreated, fixtureReassigned } from './test-fixtures'

const T0 = '2027-03-01T10:00:00.000Z'
const T1 = '2027-03-02T10:00:00.000Z'
const T2 = '2027-03-03T10:00:00.000Z'
const T3 = '2027-03-04T10:00:00.000Z'

function booking(hosts: string[], history: HistoryEntry[], fields: Partial<Booking> = {}) {
  return fixtureBooking('bk', hosts, T0, { history, ...fields })
}

/** [kind, reason, seat, memberId, at, entryIndex] */
type Change = [string, string, number, string, string, number | null]

describe('historyReplay', () => {
  const cases: readonly [string, Booking, string[], Change[], string[]][] = [
    [
      'a created booking was received by its host',
      booking(['m-ana'], [fixtureCreated(T0)]),
      ['m-ana'],
      [['received', 'created', 0, 'm-ana', T0, 0]],
      [],
    ],
    [
      'a reassignment removes from one member and gives to the other',
      booking(['m-ben'], [fixtureCreated(T0), fixtureReassigned(T1, 'm-ana', 'm-ben')]),
      ['m-ana'],
      [
        ['received', 'created', 0, 'm-ana', T0, 0],
        ['removed', 'reassigned-away', 0, 'm-ana', T1, 1],
        ['received', 'reassigned-to', 0, 'm-ben', T1, 1],
      ],
      [],
    ],
    [
      'a chain of reassignments is undone back to the original host',
      booking(
        ['m-cy'],
        [
          fixtureCreated(T0),
          fixtureReassigned(T1, 'm-ana', 'm-ben'),
          fixtureReassigned(T2, 'm-ben', 'm-cy'),
        ],
      ),
      ['m-ana'],
      [
        ['received', 'created', 0, 'm-ana', T0, 0],
        ['removed', 'reassigned-away', 0, 'm-ana', T1, 1],
        ['received', 'reassigned-to', 0, 'm-ben', T1, 1],
        ['removed', 'reassigned-away', 0, 'm-ben', T2, 2],
        ['received', 'reassigned-to', 0, 'm-cy', T2, 2],
      ],
      [],
    ],
    [
      'a reschedule with the same member is not a removal',
      booking(
        ['m-ana'],
        [
          fixtureCreated(T0),
          { at: T1, action: 'rescheduled', by: 'customer', previousStart: '2027-03-19T09:00:00Z' },
        ],
        { status: 'rescheduled' },
      ),
      ['m-ana'],
      [['received', 'created', 0, 'm-ana', T0, 0]],
      [],
    ],
    [
      'a cancellation removes the booking from whoever holds it then',
      booking(
        ['m-ben'],
        [
          fixtureCreated(T0),
          fixtureReassigned(T1, 'm-ana', 'm-ben'),
          { at: T2, action: 'cancelled', by: 'customer' },
        ],
        { status: 'cancelled' },
      ),
      ['m-ana'],
      [
        ['received', 'created', 0, 'm-ana', T0, 0],
        ['removed', 'reassigned-away', 0, 'm-ana', T1, 1],
        ['received', 'reassigned-to', 0, 'm-ben', T1, 1],
        ['removed', 'cancelled', 0, 'm-ben', T2, 2],
      ],
      [],
    ],
    [
      'a no-show entry is a removal at its instant',
      booking(['m-ana'], [fixtureCreated(T0), { at: T3, action: 'no-show', by: 'm-ana' }], {
        status: 'no-show',
      }),
      ['m-ana'],
      [
        ['received', 'created', 0, 'm-ana', T0, 0],
        ['removed', 'no-show', 0, 'm-ana', T3, 1],
      ],
      [],
    ],
    [
      'a no-show status without an entry is a removal at the meeting end',
      booking(['m-ana'], [fixtureCreated(T0)], { status: 'no-show' }),
      ['m-ana'],
      [
        ['received', 'created', 0, 'm-ana', T0, 0],
        ['removed', 'no-show', 0, 'm-ana', '2027-03-20T09:30:00.000Z', null],
      ],
      [],
    ],
    [
      'a cancelled status without an entry is removed at the last history instant, and is an issue',
      booking(['m-ana'], [fixtureCreated(T0)], { status: 'cancelled' }),
      ['m-ana'],
      [
        ['received', 'created', 0, 'm-ana', T0, 0],
        ['removed', 'cancelled', 0, 'm-ana', T0, null],
      ],
      ['status'],
    ],
    [
      'a panel seat reassignment moves only that seat; a cancellation removes every seat',
      booking(
        ['m-ana', 'm-cy'],
        [
          fixtureCreated(T0),
          fixtureReassigned(T1, 'm-ben', 'm-cy'),
          { at: T2, action: 'cancelled', by: 'customer' },
        ],
        { status: 'cancelled', panelId: 'panel', poolId: null },
      ),
      ['m-ana', 'm-ben'],
      [
        ['received', 'created', 0, 'm-ana', T0, 0],
        ['received', 'created', 1, 'm-ben', T0, 0],
        ['removed', 'reassigned-away', 1, 'm-ben', T1, 1],
        ['received', 'reassigned-to', 1, 'm-cy', T1, 1],
        ['removed', 'cancelled', 0, 'm-ana', T2, 2],
        ['removed', 'cancelled', 1, 'm-cy', T2, 2],
      ],
      [],
    ],
    [
      'without a created entry nothing counts',
      booking(['m-ana'], [{ at: T1, action: 'cancelled', by: 'customer' }], {
        status: 'cancelled',
      }),
      ['m-ana'],
      [],
      ['history'],
    ],
    [
      'nothing but conflict resolution may follow a cancellation',
      booking(
        ['m-ana'],
        [
          fixtureCreated(T0),
          { at: T1, action: 'cancelled', by: 'customer' },
          { at: T2, action: 'no-show', by: 'm-ana' },
          { at: T3, action: 'conflict-resolved', by: 'manager' },
        ],
        { status: 'cancelled' },
      ),
      ['m-ana'],
      [
        ['received', 'created', 0, 'm-ana', T0, 0],
        ['removed', 'cancelled', 0, 'm-ana', T1, 1],
      ],
      ['2.action'],
    ],
    [
      'a reassignment without fromMemberId is skipped',
      booking(
        ['m-ben'],
        [fixtureCreated(T0), { at: T1, action: 'reassigned', by: 'x', toMemberId: 'm-ben' }],
      ),
      ['m-ben'],
      [['received', 'created', 0, 'm-ben', T0, 0]],
      ['1.fromMemberId'],
    ],
    [
      'a reassignment from someone who does not hold the booking is skipped',
      booking(['m-ana'], [fixtureCreated(T0), fixtureReassigned(T1, 'm-cy', 'm-ben')]),
      ['m-ana'],
      [['received', 'created', 0, 'm-ana', T0, 0]],
      ['1.fromMemberId'],
    ],
    [
      'entries out of order and a second created entry are issues',
      booking(['m-ana'], [fixtureCreated(T1), fixtureCreated(T0)]),
      ['m-ana'],
      [['received', 'created', 0, 'm-ana', T1, 0]],
      ['1.at', '1.action'],
    ],
  ]

  it.each(cases)('%s', (_, input, original, changes, issues) => {
    const replay = historyReplay(input)
    expect(replay.originalHosts).toEqual(original)
    expect(
      replay.changes.map((c) => [c.kind, c.reason, c.seat, c.memberId, c.at, c.entryIndex]),
    ).toEqual(changes)
    expect(
      replay.issues.map((i) => (i.entryIndex === null ? i.field : `${i.entryIndex}.${i.field}`)),
    ).toEqual(issues)
  })

  it('does not mutate the booking', () => {
    const input = booking(['m-ben'], [fixtureCreated(T0), fixtureReassigned(T1, 'm-ana', 'm-ben')])
    const copy = structuredClone(input)
    historyReplay(input)
    historyOriginalHosts(input)
    expect(input).toEqual(copy)
  })
})
