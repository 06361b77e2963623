import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { historyReplay } from '../distribution/booking-history'
import { cycleBounds } from '../distribution/cycle-bounds'
import { poolStats } from '../distribution/pool-stats'
import type { Booking, Member, Workspace } from '../model/workspace'
import type { BookingChange, ReassignRequest } from './booking-types'
import {
  bookingsOutsideHours,
  hostsOutsideHours,
  reassignCandidates,
  reassignDecide,
} from './reassign'
import {
  FIXTURE_NOW,
  fixtureBooking,
  fixtureMember,
  fixturePool,
  fixtureStore,
  fixtureWorkspace,
  ms,
} from './test-fixtures'

const NINE = '2027-03-15T08:00:00Z'
const pool = fixturePool('pool-rr', 'round-robin', ['m-ben', 'm-cleo', 'm-ana'])

const base = fixtureWorkspace({
  members: [
    fixtureMember('m-ana'),
    fixtureMember('m-ben'),
    fixtureMember('m-cleo', { maxBookingsPerDay: 1 }),
    fixtureMember('m-dev', { timeZone: 'America/New_York' }),
    fixtureMember('m-eve', { active: false }),
  ],
  pools: [pool],
  panels: [{ id: 'panel-1', name: 'Panel', seats: [{ memberId: 'm-dev' }, { poolId: 'pool-rr' }] }],
  bookings: [
    fixtureBooking('bk-1', ['m-ana'], NINE, {
      poolId: 'pool-rr',
      createdAt: '2027-03-01T00:00:00.000Z',
    }),
    fixtureBooking('bk-ben', ['m-ben'], '2027-03-15T08:15:00Z'),
    fixtureBooking('bk-cleo', ['m-cleo'], '2027-03-15T14:00:00Z'),
    fixtureBooking('bk-panel', ['m-ana', 'm-cleo'], '2027-03-16T08:00:00Z', {
      panelId: 'panel-1',
    }),
  ],
})

const later = ms('2027-03-02T00:00:00Z')

const request = (fields: Partial<ReassignRequest>): ReassignRequest => ({
  bookingId: 'bk-1',
  toMemberId: 'm-dev',
  force: false,
  by: 'Maria',
  ...fields,
})

const changed = (change: BookingChange): Booking => {
  if (!change.ok) throw new Error(`${change.reason}: ${change.message}`)
  return change.booking
}

describe('reassignDecide', () => {
  it('moves the booking to a free member, keeping id, time, status and customer', () => {
    const state = {
      ...base,
      members: base.members.map((m) => (m.id === 'm-dev' ? fixtureMember('m-dev') : m)),
    }
    const booking = changed(reassignDecide(state, request({ reason: 'Ana is ill' }), later))
    const before = base.bookings[0]!
    expect(booking).toEqual({
      ...before,
      hostMemberIds: ['m-dev'],
      history: [
        ...before.history,
        {
          at: '2027-03-02T00:00:00.000Z',
          action: 'reassigned',
          by: 'Maria',
          reason: 'Ana is ill',
          fromMemberId: 'm-ana',
          toMemberId: 'm-dev',
          forced: false,
        },
      ],
    })
  })

  it('counts as removed from the old member and received by the new one', () => {
    const state = {
      ...base,
      members: base.members.map((m) => (m.id === 'm-dev' ? fixtureMember('m-dev') : m)),
    }
    const booking = changed(reassignDecide(state, request({ toMemberId: 'm-dev' }), later))
    const stats = poolStats(pool, [booking], [], cycleBounds('monthly', later))
    expect(stats.members.map((m) => [m.memberId, m.received, m.removed])).toEqual([
      ['m-ben', 0, 0],
      ['m-cleo', 0, 0],
      ['m-ana', 1, 1],
      ['m-dev', 1, 0],
    ])
  })

  it.each([
    ['busy', 'm-ben', ['busy']],
    ['outside hours (New York is asleep)', 'm-dev', ['outside-hours']],
    ['at the daily cap', 'm-cleo', ['over-daily-limit']],
    ['inactive', 'm-eve', ['inactive', 'outside-hours']],
  ])('refuses a target who is %s unless forced', (_, toMemberId, reasons) => {
    expect(reassignDecide(base, request({ toMemberId }), later)).toMatchObject({
      ok: false,
      reason: 'member-unavailable',
      memberReasons: reasons,
    })
    const forced = changed(reassignDecide(base, request({ toMemberId, force: true }), later))
    expect(forced.hostMemberIds).toEqual([toMemberId])
    expect(forced.history.at(-1)).toMatchObject({ forced: true, toMemberId })
  })

  it('records a forced reassignment onto a free member as not forced', () => {
    const booking = changed(
      reassignDecide(
        base,
        request({
          toMemberId: 'm-ben',
          bookingId: 'bk-panel',
          fromMemberId: 'm-cleo',
          force: true,
        }),
        later,
      ),
    )
    expect(booking.history.at(-1)).toMatchObject({ forced: false })
  })

  it('ignores notice, booking window and grid: a meeting starting in ten minutes can move', () => {
    const tenBefore = ms('2027-03-15T13:50:00Z')
    const booking = changed(
      reassignDecide(base, request({ toMemberId: 'm-ana', bookingId: 'bk-cleo' }), tenBefore),
    )
    expect(booking.hostMemberIds).toEqual(['m-ana'])
  })

  it('moves one panel seat, picked by fromMemberId, and keeps panel members distinct', () => {
    const booking = changed(
      reassignDecide(
        base,
        request({ bookingId: 'bk-panel', fromMemberId: 'm-cleo', toMemberId: 'm-ben' }),
        later,
      ),
    )
    expect(booking.hostMemberIds).toEqual(['m-ana', 'm-ben'])
    expect(historyReplay(booking).issues).toEqual([])
    expect(
      reassignDecide(
        base,
        request({ bookingId: 'bk-panel', fromMemberId: 'm-cleo', toMemberId: 'm-ana' }),
        later,
      ),
    ).toMatchObject({ reason: 'not-allowed' })
  })

  it.each([
    ['several hosts and no fromMemberId', { bookingId: 'bk-panel' }, 'not-allowed'],
    ['a fromMemberId that is not a host', { fromMemberId: 'm-ben' }, 'not-allowed'],
    ['the current host as target', { toMemberId: 'm-ana' }, 'not-allowed'],
    ['an unknown target', { toMemberId: 'm-zed' }, 'unknown-member'],
    ['an unknown booking', { bookingId: 'bk-nope' }, 'not-found'],
  ])('refuses %s', (_, fields, reason) => {
    expect(reassignDecide(base, request(fields), later)).toMatchObject({ ok: false, reason })
  })

  it.each(['cancelled', 'completed', 'no-show'] as const)('refuses a %s booking', (status) => {
    const state: Workspace = fixtureStore(base, { ...base.bookings[0]!, status })
    expect(reassignDecide(state, request({ force: true }), later)).toMatchObject({
      reason: 'not-allowed',
    })
  })

  it('frees the old member’s time at once', () => {
    const state = {
      ...base,
      members: base.members.map((m) => (m.id === 'm-dev' ? fixtureMember('m-dev') : m)),
    }
    const moved = fixtureStore(state, changed(reassignDecide(state, request({}), later)))
    const back = reassignDecide(
      moved,
      request({ bookingId: 'bk-ben', fromMemberId: 'm-ben', toMemberId: 'm-ana' }),
      later,
    )
    expect(back.ok).toBe(true)
  })
})

describe('reassignCandidates', () => {
  it('lists every active non-host, pool members first, free or with reasons', () => {
    expect(reassignCandidates(base, 'bk-1', undefined, later)).toEqual([
      { memberId: 'm-ben', isPoolMember: true, status: 'unavailable', reasons: ['busy'] },
      {
        memberId: 'm-cleo',
        isPoolMember: true,
        status: 'unavailable',
        reasons: ['over-daily-limit'],
      },
      { memberId: 'm-dev', isPoolMember: false, status: 'unavailable', reasons: ['outside-hours'] },
    ])
  })

  it('uses the pool of the chosen panel seat', () => {
    expect(reassignCandidates(base, 'bk-panel', 'm-cleo', later)).toEqual([
      { memberId: 'm-ben', isPoolMember: true, status: 'free' },
      { memberId: 'm-dev', isPoolMember: false, status: 'unavailable', reasons: ['outside-hours'] },
    ])
    expect(reassignCandidates(base, 'bk-panel', undefined, later)[0]).toMatchObject({
      isPoolMember: false,
    })
  })

  it('agrees with reassignDecide for every candidate', () => {
    for (const candidate of reassignCandidates(base, 'bk-1', undefined, later)) {
      const decided = reassignDecide(base, request({ toMemberId: candidate.memberId }), later)
      expect(decided.ok).toBe(candidate.status === 'free')
    }
  })

  it('checks the booking as long as it is, not as long as its event type is now', () => {
    // Ben is booked from 08:45; bk-1 (08:00–08:30) fits before that. The event type was
    // lengthened to an hour after bk-1 was made: bk-1 still ends at 08:30.
    const state: Workspace = {
      ...base,
      eventTypes: base.eventTypes.map((e) => ({ ...e, durationMinutes: 60 })),
      bookings: base.bookings.map((b) =>
        b.id === 'bk-ben'
          ? { ...b, start: '2027-03-15T08:45:00.000Z', end: '2027-03-15T09:15:00.000Z' }
          : b,
      ),
    }
    const ben = reassignCandidates(state, 'bk-1', undefined, later).find(
      (candidate) => candidate.memberId === 'm-ben',
    )
    expect(ben).toEqual({ memberId: 'm-ben', isPoolMember: true, status: 'free' })
    expect(reassignDecide(state, request({ toMemberId: 'm-ben' }), later).ok).toBe(true)
  })

  it('lists nobody for unknown or closed bookings', () => {
    expect(reassignCandidates(base, 'bk-nope', undefined, later)).toEqual([])
    const state = fixtureStore(base, { ...base.bookings[0]!, status: 'completed' })
    expect(reassignCandidates(state, 'bk-1', undefined, later)).toEqual([])
  })
})

describe('bookingsOutsideHours', () => {
  // Berlin members 09:00–17:00 on weekdays (08:00–16:00Z in March); Ana hosts three meetings.
  const bookings = [
    fixtureBooking('bk-wed-10', ['m-ana'], '2027-03-17T09:00:00Z'),
    fixtureBooking('bk-wed-13', ['m-ana', 'm-ben'], '2027-03-17T12:00:00Z'),
    fixtureBooking('bk-thu-10', ['m-ana'], '2027-03-18T09:00:00Z'),
    fixtureBooking('bk-wed-cancelled', ['m-ana'], '2027-03-17T14:00:00Z', { status: 'cancelled' }),
    fixtureBooking('bk-past', ['m-ana'], '2027-02-24T09:00:00Z'),
  ]
  const withAna = (fields: Partial<Member>) => {
    const ws = fixtureWorkspace({ bookings })
    return {
      ...ws,
      members: ws.members.map((m) => (m.id === 'm-ana' ? { ...m, ...fields } : m)),
    }
  }
  const ids = (found: readonly Booking[]) => found.map((booking) => booking.id)

  it('finds nothing while the hours hold every meeting', () => {
    expect(bookingsOutsideHours(withAna({}), 'm-ana', FIXTURE_NOW)).toEqual([])
  })

  it('names the open meetings still to come that a day off leaves outside the hours', () => {
    const dayOff = withAna({ dateOverrides: [{ date: '2027-03-17', hours: [] }] })
    expect(ids(bookingsOutsideHours(dayOff, 'm-ana', FIXTURE_NOW))).toEqual([
      'bk-wed-10',
      'bk-wed-13',
    ])
    // Ben's hours did not change: his part of the panel meeting is held.
    expect(bookingsOutsideHours(dayOff, 'm-ben', FIXTURE_NOW)).toEqual([])
  })

  it('follows shorter hours, another zone and being inactive', () => {
    const mornings = withAna({
      weeklyHours: { ...fixtureMember('x').weeklyHours, wed: [['09:00', '12:00']] },
    })
    expect(ids(bookingsOutsideHours(mornings, 'm-ana', FIXTURE_NOW))).toEqual(['bk-wed-13'])
    // The same hours in Kolkata are 03:30–11:30Z: the 12:00Z meeting falls outside.
    const kolkata = withAna({ timeZone: 'Asia/Kolkata' })
    expect(ids(bookingsOutsideHours(kolkata, 'm-ana', FIXTURE_NOW))).toEqual(['bk-wed-13'])
    const inactive = withAna({ active: false })
    expect(ids(bookingsOutsideHours(inactive, 'm-ana', FIXTURE_NOW))).toEqual([
      'bk-wed-10',
      'bk-wed-13',
      'bk-thu-10',
    ])
  })

  it('lists every host at once, leaving out a booking a manager gave a member knowingly', () => {
    const ws = withAna({ dateOverrides: [{ date: '2027-03-17', hours: [] }] })
    // Ben is off on Thursday too, and was given Ana's Thursday meeting by a forced reassignment.
    const forced = {
      ...ws,
      members: ws.members.map((m) =>
        m.id === 'm-ben' ? { ...m, dateOverrides: [{ date: '2027-03-18', hours: [] }] } : m,
      ),
      bookings: ws.bookings.map((b) =>
        b.id === 'bk-thu-10'
          ? {
              ...b,
              hostMemberIds: ['m-ben'],
              history: [
                ...b.history,
                {
                  at: '2027-03-02T10:00:00.000Z',
                  action: 'reassigned' as const,
                  by: 'Maya',
                  fromMemberId: 'm-ana',
                  toMemberId: 'm-ben',
                  forced: true,
                },
              ],
            }
          : b,
      ),
    }
    expect(
      hostsOutsideHours(forced, FIXTURE_NOW).map((f) => `${f.booking.id}:${f.memberId}`),
    ).toEqual(['bk-wed-10:m-ana', 'bk-wed-13:m-ana'])
    // Unforced, it is listed.
    const plain = {
      ...forced,
      bookings: forced.bookings.map((b) =>
        b.id === 'bk-thu-10' ? { ...b, history: b.history.slice(0, -1) } : b,
      ),
    }
    expect(hostsOutsideHours(plain, FIXTURE_NOW).map((f) => f.booking.id)).toEqual([
      'bk-wed-10',
      'bk-wed-13',
      'bk-thu-10',
    ])
  })

  it('remembers answers per member and booking record, never past a change (property)', () => {
    // Each step edits the workspace the way the desk does (a new record for what changed, the
    // rest kept) and asks again; the answer must equal a cold computation on a deep copy.
    const hours: Member['dateOverrides'][number][] = [
      { date: '2027-03-17', hours: [] },
      { date: '2027-03-18', hours: [['12:00', '13:00']] },
    ]
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant('member' as const),
        who: fc.constantFrom('m-ana', 'm-ben'),
        active: fc.boolean(),
        zone: fc.constantFrom('Europe/Berlin', 'Asia/Kolkata', 'America/New_York'),
        overrides: fc.subarray(hours),
      }),
      fc.record({
        kind: fc.constant('move' as const),
        booking: fc.integer({ min: 0, max: bookings.length - 1 }),
        hour: fc.integer({ min: 0, max: 23 }),
      }),
      fc.record({ kind: fc.constant('add' as const), hour: fc.integer({ min: 0, max: 23 }) }),
    )
    fc.assert(
      // Each step also asks at its own now (up to 18 days later, past some meetings): the minute tick.
      fc.property(fc.array(fc.tuple(edit, fc.nat(18 * 24)), { maxLength: 8 }), (edits) => {
        let ws: Workspace = fixtureWorkspace({ bookings })
        hostsOutsideHours(ws, FIXTURE_NOW)
        edits.forEach(([step, hoursLater], at) => {
          const now = FIXTURE_NOW + hoursLater * 3600_000
          if (step.kind === 'member') {
            ws = {
              ...ws,
              members: ws.members.map((m) =>
                m.id === step.who
                  ? {
                      ...m,
                      active: step.active,
                      timeZone: step.zone,
                      dateOverrides: step.overrides,
                    }
                  : m,
              ),
            }
          } else if (step.kind === 'move') {
            const start = `2027-03-17T${String(step.hour).padStart(2, '0')}:00:00.000Z`
            const end = `2027-03-17T${String(step.hour).padStart(2, '0')}:30:00.000Z`
            ws = {
              ...ws,
              bookings: ws.bookings.map((b, i) => (i === step.booking ? { ...b, start, end } : b)),
            }
          } else {
            const start = `2027-03-18T${String(step.hour).padStart(2, '0')}:00:00Z`
            ws = {
              ...ws,
              bookings: [...ws.bookings, fixtureBooking(`bk-added-${at}`, ['m-ben'], start)],
            }
          }
          const warm = hostsOutsideHours(ws, now)
          const cold = hostsOutsideHours(structuredClone(ws), now)
          expect(warm.map((f) => `${f.booking.id}:${f.memberId}`)).toEqual(
            cold.map((f) => `${f.booking.id}:${f.memberId}`),
          )
          // The same as asking member by member (its own path through the bookings).
          const cold2 = structuredClone(ws)
          expect(warm.map((f) => `${f.booking.id}:${f.memberId}`).toSorted()).toEqual(
            cold2.members
              .flatMap((m) => bookingsOutsideHours(cold2, m.id, now).map((b) => `${b.id}:${m.id}`))
              .toSorted(),
          )
          expect(bookingsOutsideHours(ws, 'm-ana', now).map((b) => b.id)).toEqual(
            bookingsOutsideHours(structuredClone(ws), 'm-ana', now).map((b) => b.id),
          )
        })
      }),
      { numRuns: 150 },
    )
  })

  it('leaves out meetings that have started and unknown members', () => {
    const dayOff = withAna({ dateOverrides: [{ date: '2027-03-17', hours: [] }] })
    expect(ids(bookingsOutsideHours(dayOff, 'm-ana', ms('2027-03-17T10:00:00Z')))).toEqual([
      'bk-wed-13',
    ])
    expect(bookingsOutsideHours(dayOff, 'm-nobody', FIXTURE_NOW)).toEqual([])
  })
})
