import { describe, expect, it } from 'vitest'
import { availabilityIndexBuild } from './availability-index'
import { memberCanTake, memberCanTakeFromIndex } from './member-can-take'
import { fixtureBooking, fixtureEventType, fixtureMember, fixtureState } from './test-fixtures'

const member = fixtureMember({ timeZone: 'UTC', maxBookingsPerDay: 2, maxBookingsPerWeek: 3 })
const eventType = fixtureEventType({
  bufferBeforeMinutes: 10,
  bufferAfterMinutes: 10,
  minNoticeMinutes: 60,
  maxDaysAhead: 10,
})
const booking = fixtureBooking({
  id: 'bk-10',
  start: '2027-03-15T10:00:00Z',
  end: '2027-03-15T10:30:00Z',
})
const state = fixtureState([member], [booking], [eventType])
const now = '2027-03-15T07:00:00Z'

function check(
  start: string,
  fields: { now?: string; excludeBookingId?: string; state?: typeof state } = {},
) {
  return memberCanTake(fields.state ?? state, {
    memberId: 'm-ana',
    eventTypeId: 'et-call',
    startMs: Date.parse(start),
    nowMs: Date.parse(fields.now ?? now),
    excludeBookingId: fields.excludeBookingId ?? null,
  })
}

describe('memberCanTake', () => {
  it('accepts a free grid time inside hours', () => {
    expect(check('2027-03-15T11:00:00Z')).toEqual({ ok: true })
  })

  it.each([
    ['2027-03-15T11:05:00Z', 'off-grid'],
    ['2027-03-15T11:00:30Z', 'off-grid'],
    ['2027-03-15T07:45:00Z', 'too-soon'],
    ['2027-03-25T09:00:00Z', 'too-far-ahead'],
    ['2027-03-15T16:45:00Z', 'outside-hours'],
    ['2027-03-20T10:00:00Z', 'outside-hours'],
    ['2027-03-15T09:15:00Z', 'busy'],
    ['2027-03-15T10:45:00Z', 'busy'],
  ])('refuses %s as %s', (start, reason) => {
    expect(check(start)).toMatchObject({ ok: false, reason })
  })

  it('accepts buffers that touch exactly on both sides', () => {
    expect(check('2027-03-15T09:10:00Z', {})).toMatchObject({ ok: false, reason: 'off-grid' })
    const fine = fixtureEventType({ ...eventType, slotIntervalMinutes: 5 })
    const fineState = fixtureState([member], [booking], [fine])
    expect(check('2027-03-15T09:10:00Z', { state: fineState })).toEqual({ ok: true })
    expect(check('2027-03-15T10:50:00Z', { state: fineState })).toEqual({ ok: true })
    expect(check('2027-03-15T10:45:00Z', { state: fineState })).toMatchObject({ reason: 'busy' })
  })

  it('counts a booking that ends one second past 11:00 as busy at 11:00', () => {
    const late = fixtureBooking({ start: '2027-03-15T10:30:00Z', end: '2027-03-15T11:00:01Z' })
    const lateState = fixtureState(
      [member],
      [late],
      [
        fixtureEventType({
          ...eventType,
          bufferBeforeMinutes: 0,
          bufferAfterMinutes: 0,
          slotIntervalMinutes: 5,
        }),
      ],
    )
    expect(check('2027-03-15T11:00:00Z', { state: lateState })).toMatchObject({ reason: 'busy' })
    expect(check('2027-03-15T11:05:00Z', { state: lateState })).toEqual({ ok: true })
  })

  it('lists every failing reason in check order', () => {
    expect(check('2027-03-15T10:05:00Z', { now: '2027-03-15T10:00:00Z' })).toEqual({
      ok: false,
      reason: 'off-grid',
      reasons: ['off-grid', 'too-soon', 'busy'],
    })
  })

  it('reports the daily and the weekly limit', () => {
    const second = fixtureBooking({ start: '2027-03-15T14:00:00Z', end: '2027-03-15T14:30:00Z' })
    const third = fixtureBooking({ start: '2027-03-16T14:00:00Z', end: '2027-03-16T14:30:00Z' })
    const capped = fixtureState([member], [booking, second, third], [eventType])
    expect(check('2027-03-15T12:00:00Z', { state: capped })).toMatchObject({
      reason: 'over-daily-limit',
      reasons: ['over-daily-limit', 'over-weekly-limit'],
    })
    expect(check('2027-03-17T12:00:00Z', { state: capped })).toMatchObject({
      reason: 'over-weekly-limit',
    })
    expect(check('2027-03-22T12:00:00Z', { state: capped })).toEqual({ ok: true })
  })

  it('frees the time of the excluded booking', () => {
    expect(check('2027-03-15T10:00:00Z', { excludeBookingId: 'bk-10' })).toEqual({ ok: true })
  })

  it('refuses an inactive member', () => {
    const inactive = fixtureState([{ ...member, active: false }], [], [eventType])
    expect(check('2027-03-15T11:00:00Z', { state: inactive })).toMatchObject({ reason: 'inactive' })
  })

  it('throws for an unknown member or event type', () => {
    expect(() =>
      memberCanTake(state, { memberId: 'm-x', eventTypeId: 'et-call', startMs: 0, nowMs: 0 }),
    ).toThrow(RangeError)
    expect(() =>
      memberCanTake(state, { memberId: 'm-ana', eventTypeId: 'et-x', startMs: 0, nowMs: 0 }),
    ).toThrow(RangeError)
  })
})

describe('memberCanTakeFromIndex', () => {
  const index = availabilityIndexBuild(state, {
    fromMs: Date.parse('2027-03-15T00:00:00Z'),
    toMs: Date.parse('2027-03-16T00:00:00Z'),
  })

  it('answers from a prebuilt index', () => {
    expect(
      memberCanTakeFromIndex(
        index,
        'm-ana',
        eventType,
        Date.parse(now),
        Date.parse('2027-03-15T11:00:00Z'),
      ),
    ).toEqual({ ok: true })
  })

  it('throws for an instant outside the index window', () => {
    expect(() =>
      memberCanTakeFromIndex(
        index,
        'm-ana',
        eventType,
        Date.parse(now),
        Date.parse('2027-03-16T11:00:00Z'),
      ),
    ).toThrow(RangeError)
  })
})
