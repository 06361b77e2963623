import { describe, expect, it } from 'vitest'
import { cycleBounds } from '../distribution/cycle-bounds'
import { poolStats } from '../distribution/pool-stats'
import type { BookingStatus, Workspace } from '../model/workspace'
import { bookingDecide } from './booking-decide'
import { cancelDecide, completedDue, noShowDecide } from './booking-status'
import type { BookingChange } from './booking-types'
import {
  FIXTURE_NOW,
  fixtureBooking,
  fixturePage,
  fixturePool,
  fixtureRequest,
  fixtureStore,
  fixtureWorkspace,
  ms,
} from './test-fixtures'

const NINE = '2027-03-15T08:00:00Z'

const pool = fixturePool('pool-rr', 'round-robin', ['m-ana', 'm-ben'])
const state = fixtureWorkspace({
  pools: [pool],
  masterPages: [
    fixturePage('mp-ana', { type: 'static', target: { bookingPageId: 'bp-ana' } }),
    fixturePage('mp-rr', { type: 'static', target: { poolId: 'pool-rr' } }),
  ],
  bookings: [
    fixtureBooking('bk-1', ['m-ana'], NINE, {
      poolId: 'pool-rr',
      createdAt: '2027-03-01T00:00:00.000Z',
    }),
    fixtureBooking('bk-done', ['m-ana'], '2027-02-15T08:00:00Z', { status: 'completed' }),
    fixtureBooking('bk-gone', ['m-ana'], '2027-03-16T08:00:00Z', { status: 'cancelled' }),
    fixtureBooking('bk-ns', ['m-ana'], '2027-02-16T08:00:00Z', { status: 'no-show' }),
    fixtureBooking('bk-moved', ['m-ben'], '2027-02-17T08:00:00Z', { status: 'rescheduled' }),
  ],
})

const changed = (change: BookingChange) => {
  if (!change.ok) throw new Error(`${change.reason}: ${change.message}`)
  return change.booking
}

const statsOf = (workspace: Workspace) =>
  poolStats(
    pool,
    workspace.bookings,
    workspace.panels,
    cycleBounds('monthly', FIXTURE_NOW),
  ).members.map((m) => [m.memberId, m.received, m.removed, m.net])

describe('cancelDecide', () => {
  it('cancels with a history entry and frees the time at once (edge case 15)', () => {
    const booking = changed(
      cancelDecide(state, { bookingId: 'bk-1', by: 'customer', reason: 'ill' }, FIXTURE_NOW),
    )
    expect(booking.status).toBe('cancelled')
    expect(booking.history.at(-1)).toEqual({
      at: '2027-03-01T00:00:00.000Z',
      action: 'cancelled',
      by: 'customer',
      reason: 'ill',
    })
    const request = fixtureRequest('mp-ana', NINE)
    const ctx = { nowMs: FIXTURE_NOW, bookingId: 'bk-again' }
    expect(bookingDecide(state, request, ctx).ok).toBe(false)
    expect(bookingDecide(fixtureStore(state, booking), request, ctx).ok).toBe(true)
  })

  it('counts the cancellation as removed from the host (edge case 7)', () => {
    expect(statsOf(state)).toEqual([
      ['m-ana', 1, 0, 1],
      ['m-ben', 0, 0, 0],
    ])
    const booking = changed(cancelDecide(state, { bookingId: 'bk-1', by: 'customer' }, FIXTURE_NOW))
    expect(statsOf(fixtureStore(state, booking))).toEqual([
      ['m-ana', 1, 1, 0],
      ['m-ben', 0, 0, 0],
    ])
  })

  it.each([
    ['bk-done', 'not-allowed'],
    ['bk-gone', 'not-allowed'],
    ['bk-ns', 'not-allowed'],
    ['bk-nope', 'not-found'],
  ])('refuses %s with %s', (bookingId, reason) => {
    expect(cancelDecide(state, { bookingId, by: 'customer' }, FIXTURE_NOW)).toMatchObject({
      ok: false,
      reason,
    })
  })

  it('refuses a meeting that has already ended, allows one under way', () => {
    const during = ms('2027-03-15T08:10:00Z')
    expect(cancelDecide(state, { bookingId: 'bk-1', by: 'desk' }, during).ok).toBe(true)
    const after = ms('2027-03-15T08:30:00Z')
    expect(cancelDecide(state, { bookingId: 'bk-1', by: 'desk' }, after)).toMatchObject({
      reason: 'not-allowed',
    })
  })

  it('never dates an entry before the last one (a clock running behind)', () => {
    const booking = changed(
      cancelDecide(state, { bookingId: 'bk-1', by: 'desk' }, ms('2027-01-01T00:00:00Z')),
    )
    expect(booking.history.at(-1)?.at).toBe('2027-03-01T00:00:00.000Z')
  })
})

describe('noShowDecide', () => {
  const started = ms('2027-03-15T08:05:00Z')

  it('marks a begun meeting as a no-show and counts it as removed (edge case 7)', () => {
    const booking = changed(noShowDecide(state, { bookingId: 'bk-1', by: 'Maria' }, started))
    expect(booking.status).toBe('no-show')
    expect(booking.history.at(-1)).toEqual({
      at: '2027-03-15T08:05:00.000Z',
      action: 'no-show',
      by: 'Maria',
      reason: null,
    })
    expect(statsOf(fixtureStore(state, booking))).toEqual([
      ['m-ana', 1, 1, 0],
      ['m-ben', 0, 0, 0],
    ])
  })

  it.each([
    ['bk-1', FIXTURE_NOW, 'not-allowed'],
    ['bk-gone', started, 'not-allowed'],
    ['bk-ns', started, 'not-allowed'],
    ['bk-nope', started, 'not-found'],
  ])('refuses %s at %d with %s', (bookingId, nowMs, reason) => {
    expect(noShowDecide(state, { bookingId, by: 'Maria' }, nowMs)).toMatchObject({ reason })
  })

  it('accepts a completed booking (no-shows are often noticed later)', () => {
    expect(noShowDecide(state, { bookingId: 'bk-done', by: 'Maria' }, started).ok).toBe(true)
  })
})

describe('completedDue', () => {
  it('lists ended scheduled and rescheduled bookings, dated at their end', () => {
    const due = completedDue(state, ms('2027-03-15T08:30:00Z'))
    expect(due.map((b) => [b.id, b.status, b.history.at(-1)])).toEqual([
      ['bk-1', 'completed', { at: '2027-03-15T08:30:00.000Z', action: 'completed', by: 'system' }],
      [
        'bk-moved',
        'completed',
        { at: '2027-02-17T08:30:00.000Z', action: 'completed', by: 'system' },
      ],
    ])
  })

  it('leaves meetings still under way, cancelled and no-show bookings alone', () => {
    const due = completedDue(state, ms('2027-03-15T08:29:59Z'))
    expect(due.map((b) => b.id)).toEqual(['bk-moved'])
    const statuses = new Set<BookingStatus>(due.map((b) => b.status))
    expect([...statuses]).toEqual(['completed'])
  })

  it('does not change pool statistics (a completion is no change of hands)', () => {
    const due = completedDue(state, ms('2027-03-16T00:00:00Z'))
    const after = due.reduce(fixtureStore, state)
    expect(statsOf(after)).toEqual(statsOf(state))
  })
})
