import { describe, expect, it } from 'vitest'
import { cycleBounds } from '../distribution/cycle-bounds'
import { historyReplay } from '../distribution/booking-history'
import { poolStats } from '../distribution/pool-stats'
import type { Booking, Workspace } from '../model/workspace'
import type { BookingChange } from './booking-types'
import { instantFormat } from '../time/instant'
import { RESCHEDULE_REFILL_REASON, rescheduleAvailability, rescheduleDecide } from './reschedule'
import {
  FIXTURE_NOW,
  fixtureBooking,
  fixtureEventType,
  fixtureMember,
  fixturePool,
  fixtureStore,
  fixtureWorkspace,
  isoShort,
  ms,
} from './test-fixtures'

const NINE = '2027-03-15T08:00:00Z'
const TUESDAY_NINE = '2027-03-16T08:00:00Z'

const pool = fixturePool('pool-rr', 'round-robin', ['m-ana', 'm-ben', 'm-cleo'])
const base = fixtureWorkspace({
  pools: [pool, fixturePool('pool-p', 'pooled', ['m-cleo', 'm-dev'])],
  panels: [{ id: 'panel-1', name: 'Panel', seats: [{ memberId: 'm-ana' }, { poolId: 'pool-p' }] }],
  bookings: [
    fixtureBooking('bk-pool', ['m-ana'], NINE, { poolId: 'pool-rr' }),
    fixtureBooking('bk-page', ['m-ben'], NINE),
    fixtureBooking('bk-panel', ['m-ana', 'm-cleo'], '2027-03-15T10:00:00Z', { panelId: 'panel-1' }),
  ],
})

const changed = (change: BookingChange): Booking => {
  if (!change.ok) throw new Error(`${change.reason}: ${change.message}`)
  return change.booking
}

const move = (state: Workspace, bookingId: string, start: string, nowMs = FIXTURE_NOW) =>
  rescheduleDecide(state, { bookingId, startMs: ms(start), by: 'customer' }, nowMs)

describe('rescheduleDecide', () => {
  it('keeps the host when free, with only a rescheduled entry (edge case 13)', () => {
    const booking = changed(move(base, 'bk-pool', TUESDAY_NINE))
    expect(booking).toMatchObject({
      id: 'bk-pool',
      start: '2027-03-16T08:00:00.000Z',
      end: '2027-03-16T08:30:00.000Z',
      hostMemberIds: ['m-ana'],
      status: 'rescheduled',
      poolId: 'pool-rr',
    })
    expect(booking.history.slice(1)).toEqual([
      {
        at: '2027-03-01T00:00:00.000Z',
        action: 'rescheduled',
        by: 'customer',
        previousStart: '2027-03-15T08:00:00.000Z',
      },
    ])
  })

  it('lets the booking move onto its own time (it is left out of busy time)', () => {
    expect(
      changed(move(base, 'bk-pool', '2027-03-15T08:15:00Z'.replace('15:00', '00:00')))
        .hostMemberIds,
    ).toEqual(['m-ana'])
  })

  it('is not a new distribution for a kept host (statistics unchanged)', () => {
    const stats = (state: Workspace) =>
      poolStats(pool, state.bookings, state.panels, cycleBounds('monthly', FIXTURE_NOW)).members
    const after = fixtureStore(base, changed(move(base, 'bk-pool', TUESDAY_NINE)))
    expect(stats(after)).toEqual(stats(base))
  })

  it('re-fills a pool seat from the pool when the host is not free, as a reassignment', () => {
    const busy = fixtureStore(base, fixtureBooking('bk-x', ['m-ana'], TUESDAY_NINE))
    const booking = changed(move(busy, 'bk-pool', TUESDAY_NINE))
    expect(booking.hostMemberIds).toEqual(['m-ben'])
    expect(booking.history.at(-1)).toEqual({
      at: '2027-03-01T00:00:00.000Z',
      action: 'reassigned',
      by: 'customer',
      reason: RESCHEDULE_REFILL_REASON,
      fromMemberId: 'm-ana',
      toMemberId: 'm-ben',
      forced: false,
    })
    expect(historyReplay(booking).issues).toEqual([])
    const stats = poolStats(pool, [booking], [], cycleBounds('monthly', FIXTURE_NOW))
    expect(stats.members.map((m) => [m.memberId, m.received, m.removed])).toEqual([
      ['m-ana', 0, 1],
      ['m-ben', 1, 0],
      ['m-cleo', 0, 0],
    ])
    // Ana received it in February (another cycle) and lost it in March; Ben received it in March.
  })

  it('refuses a fixed host who is not free, with alternatives', () => {
    const busy = fixtureStore(base, fixtureBooking('bk-x', ['m-ben'], TUESDAY_NINE))
    const change = move(busy, 'bk-page', TUESDAY_NINE)
    expect(change).toMatchObject({ ok: false, reason: 'slot-unavailable' })
    expect(!change.ok && change.alternatives?.map((s) => isoShort(ms(s.start)))).toEqual([
      '2027-03-16T08:30:00Z',
      '2027-03-16T09:00:00Z',
      '2027-03-16T09:30:00Z',
      '2027-03-16T10:00:00Z',
      '2027-03-16T10:30:00Z',
      '2027-03-16T11:00:00Z',
    ])
  })

  it('keeps free panel hosts and re-fills only the seat whose host is busy', () => {
    const busy = fixtureStore(base, fixtureBooking('bk-x', ['m-cleo'], TUESDAY_NINE))
    const booking = changed(move(busy, 'bk-panel', TUESDAY_NINE))
    expect(booking.hostMemberIds).toEqual(['m-ana', 'm-dev'])
    expect(booking.history.map((e) => e.action)).toEqual(['created', 'rescheduled', 'reassigned'])
    const anaBusy = fixtureStore(base, fixtureBooking('bk-y', ['m-ana'], TUESDAY_NINE))
    expect(move(anaBusy, 'bk-panel', TUESDAY_NINE)).toMatchObject({ reason: 'slot-unavailable' })
  })

  it.each([
    ['completed', 'not-allowed'],
    ['cancelled', 'not-allowed'],
    ['no-show', 'not-allowed'],
  ] as const)('refuses a %s booking', (status, reason) => {
    const state = fixtureStore(base, fixtureBooking('bk-s', ['m-ana'], NINE, { status }))
    expect(move(state, 'bk-s', TUESDAY_NINE)).toMatchObject({ ok: false, reason })
  })

  it('refuses a meeting that has already ended', () => {
    expect(move(base, 'bk-pool', TUESDAY_NINE, ms('2027-03-15T08:30:00Z'))).toMatchObject({
      reason: 'not-allowed',
    })
  })

  it('refuses an unknown booking, too little notice and a start past the window', () => {
    expect(move(base, 'bk-nope', TUESDAY_NINE)).toMatchObject({ reason: 'not-found' })
    const strict = {
      ...base,
      eventTypes: [fixtureEventType({ minNoticeMinutes: 120, maxDaysAhead: 20 })],
    }
    expect(move(strict, 'bk-pool', '2027-03-01T01:00:00Z')).toMatchObject({ reason: 'too-soon' })
    expect(move(strict, 'bk-pool', '2027-03-22T08:00:00Z')).toMatchObject({
      reason: 'too-far-ahead',
    })
  })

  it('offers the nearest free starts with a start within the notice or past the window', () => {
    const strict = {
      ...base,
      eventTypes: [fixtureEventType({ minNoticeMinutes: 120, maxDaysAhead: 20 })],
    }
    const earliest = FIXTURE_NOW + 120 * 60_000
    const latest = FIXTURE_NOW + 20 * 86_400_000
    const soon = move(strict, 'bk-pool', instantFormat(FIXTURE_NOW + 60 * 60_000))
    const late = move(strict, 'bk-pool', instantFormat(latest + 3_600_000))
    for (const [refusal, reason] of [
      [soon, 'too-soon'],
      [late, 'too-far-ahead'],
    ] as const) {
      expect(refusal).toMatchObject({ ok: false, reason })
      const starts = (!refusal.ok && refusal.alternatives?.map((slot) => ms(slot.start))) || []
      expect(starts).toHaveLength(6)
      expect(starts.every((at) => at >= earliest && at <= latest)).toBe(true)
      for (const at of starts) expect(move(strict, 'bk-pool', instantFormat(at)).ok).toBe(true)
    }
  })
})

describe('rescheduleAvailability', () => {
  const tuesday = [ms('2027-03-16T00:00:00Z'), ms('2027-03-17T00:00:00Z')] as const

  it('offers the host’s free starts, and pool members’ where the host is busy', () => {
    const busy = fixtureStore(base, fixtureBooking('bk-x', ['m-ana'], TUESDAY_NINE))
    const result = rescheduleAvailability(busy, 'bk-pool', ...tuesday, FIXTURE_NOW)
    expect(result.ok && result.slots.length).toBe(16)
    // Each start names the hosts the booking would have: another pool member where Ana is busy.
    const hostsAt = (start: string) =>
      result.ok ? result.slots.find((slot) => slot.start === start)?.hostMemberIds : undefined
    const nine = hostsAt(new Date(ms(TUESDAY_NINE)).toISOString())
    expect(nine).toHaveLength(1)
    expect(nine).not.toContain('m-ana')
    expect(hostsAt('2027-03-16T12:00:00.000Z')).toEqual(['m-ana'])
    const pageOnly = rescheduleAvailability(
      fixtureStore(base, fixtureBooking('bk-x', ['m-ben'], TUESDAY_NINE)),
      'bk-page',
      ...tuesday,
      FIXTURE_NOW,
    )
    expect(pageOnly.ok && pageOnly.slots.map((s) => s.start).includes(TUESDAY_NINE)).toBe(false)
    expect(pageOnly.ok && pageOnly.slots).toHaveLength(15)
  })

  it('offers exactly the starts rescheduleDecide accepts', () => {
    const state = {
      ...base,
      members: base.members.map((m) =>
        m.id === 'm-dev' ? fixtureMember('m-dev', { timeZone: 'Asia/Kolkata' }) : m,
      ),
      bookings: [
        ...base.bookings,
        fixtureBooking('bk-x', ['m-cleo'], TUESDAY_NINE),
        fixtureBooking('bk-y', ['m-ana'], '2027-03-16T12:00:00Z'),
      ],
    }
    const result = rescheduleAvailability(state, 'bk-panel', ...tuesday, FIXTURE_NOW)
    const offered = new Set(result.ok ? result.slots.map((s) => ms(s.start)) : [])
    expect(offered.size).toBeGreaterThan(0)
    for (let at = tuesday[0]; at < tuesday[1]; at += 15 * 60_000) {
      const decided = rescheduleDecide(
        state,
        { bookingId: 'bk-panel', startMs: at, by: 'c' },
        FIXTURE_NOW,
      )
      expect([isoShort(at), decided.ok]).toEqual([isoShort(at), offered.has(at)])
    }
  })

  it('does not offer the time the booking has now', () => {
    const state = fixtureStore(base, fixtureBooking('bk-t', ['m-ana'], TUESDAY_NINE))
    const result = rescheduleAvailability(state, 'bk-t', ...tuesday, FIXTURE_NOW)
    const offered = result.ok ? result.slots.map((s) => ms(s.start)) : []
    expect(offered.length).toBeGreaterThan(0)
    expect(offered).not.toContain(ms(TUESDAY_NINE))
    // Half an hour later is free (the booking itself no longer holds Ana then).
    expect(offered).toContain(ms(TUESDAY_NINE) + 30 * 60_000)
  })

  it('refuses unknown and closed bookings', () => {
    expect(rescheduleAvailability(base, 'bk-nope', ...tuesday, FIXTURE_NOW)).toMatchObject({
      reason: 'not-found',
    })
    const closed = fixtureStore(
      base,
      fixtureBooking('bk-c', ['m-ana'], NINE, { status: 'completed' }),
    )
    expect(rescheduleAvailability(closed, 'bk-c', ...tuesday, FIXTURE_NOW)).toMatchObject({
      reason: 'not-allowed',
    })
  })
})
