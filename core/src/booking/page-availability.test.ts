import { describe, expect, it } from 'vitest'
import type { Workspace } from '../model/workspace'
import { pageAvailability } from './page-availability'
import {
  FIXTURE_NOW,
  fixtureBooking,
  fixtureEventType,
  fixtureMember,
  fixturePage,
  fixturePool,
  fixtureWorkspace,
  isoShort,
  ms,
} from './test-fixtures'

const MONDAY = { fromMs: ms('2027-03-15T00:00:00Z'), toMs: ms('2027-03-16T00:00:00Z') }

function starts(state: Workspace, masterPageId: string, extra: object = {}): string[] {
  const result = pageAvailability(
    state,
    { masterPageId, eventTypeId: 'et-call', ...MONDAY, ...extra },
    FIXTURE_NOW,
  )
  if (!result.ok) throw new Error(`${result.reason}: ${result.message}`)
  return result.slots.map((slot) => isoShort(ms(slot.start)))
}

/** Monday 2027-03-15 in Berlin (UTC+1): 09:00–17:00 local is 08:00–16:00Z, 16 half-hour slots. */
const FULL_DAY = Array.from({ length: 16 }, (_, i) =>
  isoShort(ms('2027-03-15T08:00:00Z') + i * 1_800_000),
)

const dayOff = { dateOverrides: [{ date: '2027-03-15', hours: [] }] }

describe('pageAvailability', () => {
  const choice = fixtureWorkspace({
    masterPages: [
      fixturePage('mp-pick', {
        type: 'customer-choice',
        flow: 'booking-pages-first',
        bookingPageIds: ['bp-ana', 'bp-ben'],
      }),
      fixturePage('mp-time', {
        type: 'customer-choice',
        flow: 'find-member-by-time',
        bookingPageIds: ['bp-ana', 'bp-ben'],
      }),
    ],
    bookings: [fixtureBooking('bk-1', ['m-ana'], '2027-03-15T08:00:00Z')],
  })

  it.each([
    ['mp-nope', 'et-call', {}, 'unknown-page'],
    ['mp-pick', 'et-other', {}, 'unknown-event-type'],
    ['mp-pick', 'et-call', { bookingPageId: null }, 'booking-page-required'],
    ['mp-pick', 'et-call', { bookingPageId: 'bp-cleo' }, 'unknown-booking-page'],
    ['mp-pick', 'et-call', { answers: { nope: 'x' } }, 'invalid-answers'],
  ])('refuses page %s, event type %s, %j with %s', (masterPageId, eventTypeId, extra, reason) => {
    const result = pageAvailability(
      choice,
      { masterPageId, eventTypeId, ...MONDAY, bookingPageId: 'bp-ana', ...extra },
      FIXTURE_NOW,
    )
    expect(result.ok ? 'ok' : result.reason).toBe(reason)
  })

  it('refuses a booking page that does not offer the event type', () => {
    const state = {
      ...choice,
      bookingPages: choice.bookingPages.map((p) => ({ ...p, eventTypeIds: [] })),
    }
    const result = pageAvailability(
      state,
      { masterPageId: 'mp-pick', eventTypeId: 'et-call', ...MONDAY, bookingPageId: 'bp-ana' },
      FIXTURE_NOW,
    )
    expect(result.ok ? 'ok' : result.reason).toBe('unknown-event-type')
  })

  it("shows the chosen booking page's member for customer choice", () => {
    expect(starts(choice, 'mp-pick', { bookingPageId: 'bp-ana' })).toEqual(FULL_DAY.slice(1))
    expect(starts(choice, 'mp-pick', { bookingPageId: 'bp-ben' })).toEqual(FULL_DAY)
  })

  it('lists the booking pages free at each start for find member by time', () => {
    const result = pageAvailability(
      choice,
      { masterPageId: 'mp-time', eventTypeId: 'et-call', ...MONDAY },
      FIXTURE_NOW,
    )
    expect(result.ok && result.slots.slice(0, 2)).toEqual([
      {
        start: '2027-03-15T08:00:00.000Z',
        end: '2027-03-15T08:30:00.000Z',
        bookingPageIds: ['bp-ben'],
      },
      {
        start: '2027-03-15T08:30:00.000Z',
        end: '2027-03-15T09:00:00.000Z',
        bookingPageIds: ['bp-ana', 'bp-ben'],
      },
    ])
  })

  it('returns sorted unique starts inside [from, to) with end = start + duration', () => {
    const result = pageAvailability(
      choice,
      {
        masterPageId: 'mp-pick',
        eventTypeId: 'et-call',
        bookingPageId: 'bp-ben',
        fromMs: ms('2027-03-15T09:00:00Z'),
        toMs: ms('2027-03-15T10:00:00Z'),
      },
      FIXTURE_NOW,
    )
    expect(result.ok && result.slots).toEqual([
      { start: '2027-03-15T09:00:00.000Z', end: '2027-03-15T09:30:00.000Z' },
      { start: '2027-03-15T09:30:00.000Z', end: '2027-03-15T10:00:00.000Z' },
    ])
  })

  it('gives no slots for an empty range or one past the booking window', () => {
    expect(starts(choice, 'mp-pick', { bookingPageId: 'bp-ben', toMs: MONDAY.fromMs })).toEqual([])
    const far = { fromMs: ms('2027-05-03T00:00:00Z'), toMs: ms('2027-05-04T00:00:00Z') }
    expect(starts(choice, 'mp-pick', { bookingPageId: 'bp-ben', ...far })).toEqual([])
  })

  describe('round robin', () => {
    const pool = fixturePool('pool-rr', 'round-robin', ['m-ana', 'm-ben', 'm-cleo'])
    const page = fixturePage('mp-rr', { type: 'static', target: { poolId: 'pool-rr' } })

    it('shows only the next in line (ties broken by pool order)', () => {
      const state = fixtureWorkspace({
        pools: [pool],
        masterPages: [page],
        bookings: [
          fixtureBooking('bk-ben', ['m-ben'], '2027-03-15T12:00:00Z'),
          fixtureBooking('bk-cleo', ['m-cleo'], '2027-03-15T08:00:00Z'),
        ],
      })
      expect(starts(state, 'mp-rr')).toEqual(FULL_DAY)
    })

    it('falls through in line order when the next in line has no slot in the range (edge case 1)', () => {
      const state = fixtureWorkspace({
        members: [
          fixtureMember('m-ana', dayOff),
          fixtureMember('m-ben', dayOff),
          fixtureMember('m-cleo', {
            weeklyHours: { ...fixtureMember('x').weeklyHours, mon: [['13:00', '14:00']] },
          }),
        ],
        pools: [pool],
        masterPages: [page],
      })
      expect(starts(state, 'mp-rr')).toEqual(['2027-03-15T12:00:00Z', '2027-03-15T12:30:00Z'])
      // Tuesday: Ana is back and first in line again.
      const tuesday = { fromMs: ms('2027-03-16T00:00:00Z'), toMs: ms('2027-03-17T00:00:00Z') }
      expect(starts(state, 'mp-rr', tuesday)[0]).toBe('2027-03-16T08:00:00Z')
    })

    it('with a day zone, falls through per local day: a day the next in line is off offers the next after them', () => {
      // Ana (first in line) is off on Monday only; over Monday and Tuesday at once she has times,
      // so the range shows her Tuesday alone; day by day, Monday offers Ben.
      const state = fixtureWorkspace({
        members: [fixtureMember('m-ana', dayOff), fixtureMember('m-ben'), fixtureMember('m-cleo')],
        pools: [pool],
        masterPages: [page],
      })
      const twoDays = { fromMs: MONDAY.fromMs, toMs: ms('2027-03-17T00:00:00Z') }
      const tuesday = { fromMs: MONDAY.toMs, toMs: twoDays.toMs }
      const whole = starts(state, 'mp-rr', twoDays)
      expect(whole.filter((start) => start < '2027-03-16')).toEqual([])
      const perDay = starts(state, 'mp-rr', { ...twoDays, dayZone: 'Europe/Berlin' })
      expect(perDay).toEqual([
        ...starts(state, 'mp-rr', { ...MONDAY }),
        ...starts(state, 'mp-rr', tuesday),
      ])
      expect(perDay.slice(0, 16)).toEqual(FULL_DAY)
      // Who takes Monday's times: Ben, the first in line free then.
      const result = pageAvailability(
        state,
        { masterPageId: 'mp-rr', eventTypeId: 'et-call', ...twoDays, dayZone: 'Europe/Berlin' },
        FIXTURE_NOW,
      )
      expect(result.ok && result.slots.length).toBe(32)
    })

    it('a day zone changes nothing for pooled pages and refuses a zone it does not know', () => {
      const pooled = fixtureWorkspace({
        members: [fixtureMember('m-ana', dayOff), fixtureMember('m-ben')],
        pools: [fixturePool('pool-p', 'pooled', ['m-ana', 'm-ben'])],
        masterPages: [fixturePage('mp-p', { type: 'static', target: { poolId: 'pool-p' } })],
      })
      const week = { fromMs: MONDAY.fromMs, toMs: ms('2027-03-22T00:00:00Z') }
      expect(starts(pooled, 'mp-p', { ...week, dayZone: 'Asia/Kolkata' })).toEqual(
        starts(pooled, 'mp-p', week),
      )
      expect(() => starts(pooled, 'mp-p', { ...week, dayZone: 'Mars/Olympus' })).toThrow(RangeError)
    })

    it('shows nothing only when nobody in the pool is free', () => {
      const state = fixtureWorkspace({
        members: ['m-ana', 'm-ben', 'm-cleo'].map((id) => fixtureMember(id, dayOff)),
        pools: [pool],
        masterPages: [page],
      })
      expect(starts(state, 'mp-rr')).toEqual([])
    })
  })

  describe('pooled', () => {
    const morning = { ...fixtureMember('x').weeklyHours, mon: [['09:00', '12:00']] as const }
    const afternoon = { ...fixtureMember('x').weeklyHours, mon: [['13:00', '17:00']] as const }

    it('shows the union of the members (edge case 9: each in their own zone, never merged)', () => {
      const state = fixtureWorkspace({
        eventTypes: [fixtureEventType({ durationMinutes: 60 })],
        members: [
          fixtureMember('m-ana', { weeklyHours: morning }),
          fixtureMember('m-ben', {
            timeZone: 'Europe/London',
            weeklyHours: { ...morning, mon: [['11:00', '14:00']] },
          }),
        ],
        pools: [fixturePool('pool-p', 'pooled', ['m-ana', 'm-ben'])],
        masterPages: [fixturePage('mp-p', { type: 'static', target: { poolId: 'pool-p' } })],
      })
      // Ana 08:00–11:00Z, Ben 11:00–14:00Z: a one-hour meeting at 10:30Z fits neither.
      expect(starts(state, 'mp-p')).toEqual([
        '2027-03-15T08:00:00Z',
        '2027-03-15T08:30:00Z',
        '2027-03-15T09:00:00Z',
        '2027-03-15T09:30:00Z',
        '2027-03-15T10:00:00Z',
        '2027-03-15T11:00:00Z',
        '2027-03-15T11:30:00Z',
        '2027-03-15T12:00:00Z',
        '2027-03-15T12:30:00Z',
        '2027-03-15T13:00:00Z',
      ])
    })

    it('leaves out inactive members and members no longer in the pool (edge case 5)', () => {
      const state = fixtureWorkspace({
        members: [
          fixtureMember('m-ana', { weeklyHours: morning, active: false }),
          fixtureMember('m-ben', { weeklyHours: afternoon }),
          fixtureMember('m-cleo'),
        ],
        pools: [fixturePool('pool-p', 'pooled-priority', ['m-ana', 'm-ben'])],
        masterPages: [fixturePage('mp-p', { type: 'static', target: { poolId: 'pool-p' } })],
        bookings: [
          fixtureBooking('bk-old', ['m-cleo'], '2027-03-15T08:00:00Z', { poolId: 'pool-p' }),
        ],
      })
      expect(starts(state, 'mp-p')).toEqual(FULL_DAY.slice(8))
    })

    it('shrinks the union member by member as workload caps close days (edge case 14)', () => {
      const state = fixtureWorkspace({
        members: [
          fixtureMember('m-ana', { weeklyHours: morning, maxBookingsPerDay: 1 }),
          fixtureMember('m-ben', { weeklyHours: afternoon, maxBookingsPerWeek: 1 }),
        ],
        pools: [fixturePool('pool-p', 'pooled', ['m-ana', 'm-ben'])],
        masterPages: [fixturePage('mp-p', { type: 'static', target: { poolId: 'pool-p' } })],
      })
      expect(starts(state, 'mp-p')).toHaveLength(14)
      const anaFull = {
        ...state,
        bookings: [fixtureBooking('bk-a', ['m-ana'], '2027-03-15T08:00:00Z')],
      }
      expect(starts(anaFull, 'mp-p')).toEqual(FULL_DAY.slice(8))
      const bothFull = {
        ...anaFull,
        bookings: [...anaFull.bookings, fixtureBooking('bk-b', ['m-ben'], '2027-03-19T12:00:00Z')],
      }
      expect(starts(bothFull, 'mp-p')).toEqual([])
    })
  })

  describe('panels', () => {
    const base = fixtureWorkspace({
      pools: [
        fixturePool('pool-x', 'pooled', ['m-ana', 'm-ben']),
        fixturePool('pool-y', 'pooled', ['m-ana', 'm-cleo']),
        fixturePool('pool-rr', 'round-robin', ['m-ben', 'm-cleo', 'm-dev']),
      ],
      panels: [
        { id: 'panel-xy', name: 'XY', seats: [{ poolId: 'pool-x' }, { poolId: 'pool-y' }] },
        { id: 'panel-rr', name: 'RR', seats: [{ memberId: 'm-ana' }, { poolId: 'pool-rr' }] },
        { id: 'panel-twice', name: 'Twice', seats: [{ poolId: 'pool-rr' }, { poolId: 'pool-rr' }] },
      ],
      masterPages: [
        fixturePage('mp-xy', { type: 'static', target: { panelId: 'panel-xy' } }),
        fixturePage('mp-rr', { type: 'static', target: { panelId: 'panel-rr' } }),
        fixturePage('mp-twice', { type: 'static', target: { panelId: 'panel-twice' } }),
      ],
    })

    it('needs distinct members even when pools overlap (edge case 10)', () => {
      // Ben and Cleo are off: only Ana is left, and she cannot fill both seats.
      const state = {
        ...base,
        members: base.members.map((m) =>
          m.id === 'm-ben' || m.id === 'm-cleo' ? fixtureMember(m.id, dayOff) : m,
        ),
      }
      expect(starts(state, 'mp-xy')).toEqual([])
      const withBen = {
        ...state,
        members: state.members.map((m) => (m.id === 'm-ben' ? fixtureMember('m-ben') : m)),
      }
      expect(starts(withBen, 'mp-xy')).toEqual(FULL_DAY)
    })

    it("offers only a round-robin seat's next in line, falling through per range (edge case 11)", () => {
      // Ben is next in line; he is busy 08:00–12:00Z, so only his free starts are offered.
      const busy = ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '11:30'].map(
        (t, i) => fixtureBooking(`bk-${i}`, ['m-ben'], `2027-03-15T${t}:00Z`),
      )
      const state = { ...base, bookings: busy }
      expect(starts(state, 'mp-rr')).toEqual(FULL_DAY.slice(8))
      const benOff = {
        ...base,
        members: base.members.map((m) => (m.id === 'm-ben' ? fixtureMember('m-ben', dayOff) : m)),
      }
      expect(starts(benOff, 'mp-rr')).toEqual(FULL_DAY)
    })

    it('fills the same pool twice with two different members (edge case 12, robust anyway)', () => {
      const state = {
        ...base,
        members: base.members.map((m) =>
          m.id === 'm-cleo' || m.id === 'm-dev' ? fixtureMember(m.id, dayOff) : m,
        ),
      }
      expect(starts(state, 'mp-twice')).toEqual([])
      expect(starts(base, 'mp-twice')).toEqual(FULL_DAY)
    })
  })

  describe('dynamic rules', () => {
    const eventType = fixtureEventType({
      questions: [
        {
          id: 'region',
          label: 'Region',
          type: 'select',
          options: ['EMEA', 'AMER'],
          required: true,
        },
      ],
    })
    const state = fixtureWorkspace({
      eventTypes: [eventType],
      members: [fixtureMember('m-ana'), fixtureMember('m-ben', dayOff)],
      pools: [fixturePool('pool-emea', 'pooled', ['m-ben'])],
      masterPages: [
        fixturePage('mp-dyn', {
          type: 'dynamic',
          rules: [
            {
              eventTypeId: 'et-call',
              when: [{ questionId: 'region', op: 'equals', value: 'EMEA' }],
              target: { poolId: 'pool-emea' },
            },
          ],
          fallback: { bookingPageId: 'bp-ana' },
        }),
      ],
    })

    it('routes on the answers, else to the fallback', () => {
      expect(starts(state, 'mp-dyn', { answers: { region: 'EMEA' } })).toEqual([])
      expect(starts(state, 'mp-dyn', { answers: { region: 'AMER' } })).toEqual(FULL_DAY)
      expect(starts(state, 'mp-dyn')).toEqual(FULL_DAY)
    })

    it('refuses invalid answers with the problems', () => {
      const result = pageAvailability(
        state,
        { masterPageId: 'mp-dyn', eventTypeId: 'et-call', ...MONDAY, answers: { region: 'Mars' } },
        FIXTURE_NOW,
      )
      expect(result).toMatchObject({
        ok: false,
        reason: 'invalid-answers',
        problems: [{ path: 'answers.region' }],
      })
    })
  })
})
