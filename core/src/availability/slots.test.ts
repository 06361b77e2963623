import { describe, expect, it } from 'vitest'
import { availabilityIndexBuild } from './availability-index'
import { slotsFromIndex } from './slots'
import {
  fixtureBooking,
  fixtureEventType,
  fixtureIso,
  fixtureMember,
  fixtureSlots as slots,
  fixtureState,
  fixtureWeekly,
} from './test-fixtures'

const hourly = { durationMinutes: 60, slotIntervalMinutes: 60 }

describe('slotsForMember', () => {
  describe('hours and overrides', () => {
    const window = { from: '2027-03-15T00:00:00Z', to: '2027-03-16T00:00:00Z' }

    it('offers nothing on a day-off override', () => {
      const member = fixtureMember({ dateOverrides: [{ date: '2027-03-15', hours: [] }] })
      expect(slots({ member, ...window })).toEqual([])
    })

    it('uses an override with other hours instead of the weekly hours', () => {
      const member = fixtureMember({
        dateOverrides: [{ date: '2027-03-15', hours: [['13:00', '14:00']] }],
      })
      expect(slots({ member, ...window })).toEqual([
        '2027-03-15T12:00:00Z',
        '2027-03-15T12:15:00Z',
        '2027-03-15T12:30:00Z',
      ])
    })

    it('never lets a meeting cross the break of a split day', () => {
      const member = fixtureMember({
        timeZone: 'UTC',
        weeklyHours: fixtureWeekly({
          mon: [
            ['09:00', '12:00'],
            ['13:00', '17:00'],
          ],
        }),
      })
      const found = slots({ member, ...window })
      expect(found).toContain('2027-03-15T11:30:00Z')
      expect(found).not.toContain('2027-03-15T11:45:00Z')
      expect(found).not.toContain('2027-03-15T12:45:00Z')
      expect(found).toContain('2027-03-15T13:00:00Z')
    })

    it('joins two touching ranges into one', () => {
      const member = fixtureMember({
        timeZone: 'UTC',
        weeklyHours: fixtureWeekly({
          mon: [
            ['09:00', '12:00'],
            ['12:00', '13:00'],
          ],
        }),
      })
      expect(slots({ member, ...window })).toContain('2027-03-15T11:45:00Z')
    })

    it('offers the last slot of the day ending exactly at close', () => {
      const member = fixtureMember({ timeZone: 'UTC' })
      expect(slots({ member, ...window }).at(-1)).toBe('2027-03-15T16:30:00Z')
      expect(slots({ member, ...window, eventType: { durationMinutes: 45 } }).at(-1)).toBe(
        '2027-03-15T16:15:00Z',
      )
    })

    it('lets a meeting run through midnight when 24:00 meets the next day at 00:00', () => {
      const member = fixtureMember({
        timeZone: 'UTC',
        weeklyHours: fixtureWeekly({ mon: [['23:00', '24:00']], tue: [['00:00', '01:00']] }),
      })
      expect(slots({ member, ...window, eventType: hourly })).toEqual(['2027-03-15T23:00:00Z'])
    })

    it('offers nothing for an inactive member', () => {
      expect(slots({ member: fixtureMember({ active: false }), ...window })).toEqual([])
    })
  })

  describe('busy time and buffers', () => {
    const member = fixtureMember({ timeZone: 'UTC' })
    const window = { from: '2027-03-15T00:00:00Z', to: '2027-03-16T00:00:00Z' }
    const buffered = { bufferBeforeMinutes: 10, bufferAfterMinutes: 10, slotIntervalMinutes: 1 }
    const booking = fixtureBooking({ start: '2027-03-15T10:00:00Z', end: '2027-03-15T10:30:00Z' })

    it('allows buffers that touch exactly and refuses an overlap of one minute', () => {
      const found = slots({ member, ...window, eventType: buffered, bookings: [booking] })
      // Existing [09:50, 10:40) with its buffers; the new meeting needs 10 more minutes each side.
      expect(found).toContain('2027-03-15T09:10:00Z')
      expect(found).not.toContain('2027-03-15T09:11:00Z')
      expect(found).not.toContain('2027-03-15T10:49:00Z')
      expect(found).toContain('2027-03-15T10:50:00Z')
    })

    it('offers a 09:00 meeting when hours start at 09:00 although the buffer lies before', () => {
      expect(slots({ member, ...window, eventType: buffered })[0]).toBe('2027-03-15T09:00:00Z')
    })

    it("widens an existing booking by its own event type's buffers", () => {
      const long = fixtureEventType({ id: 'et-long', bufferAfterMinutes: 60 })
      const found = slots({
        member,
        ...window,
        otherEventTypes: [long],
        bookings: [fixtureBooking({ ...booking, eventTypeId: 'et-long' })],
      })
      expect(found).not.toContain('2027-03-15T11:15:00Z')
      expect(found).toContain('2027-03-15T11:30:00Z')
    })

    it('frees the time of a cancelled booking at once', () => {
      const cancelled = fixtureBooking({ ...booking, status: 'cancelled' })
      expect(slots({ member, ...window, bookings: [cancelled] })).toContain('2027-03-15T10:00:00Z')
    })

    it.each(['scheduled', 'rescheduled', 'completed', 'no-show'] as const)(
      'keeps a %s booking busy',
      (status) => {
        const found = slots({
          member,
          ...window,
          bookings: [fixtureBooking({ ...booking, status })],
        })
        expect(found).not.toContain('2027-03-15T10:00:00Z')
        expect(found).toContain('2027-03-15T10:30:00Z')
      },
    )

    it('ignores the excluded booking (rescheduling it)', () => {
      expect(
        slots({ member, ...window, bookings: [booking], excludeBookingId: booking.id }),
      ).toContain('2027-03-15T10:00:00Z')
    })

    it('keeps every host of a panel booking busy', () => {
      const panel = fixtureBooking({ ...booking, hostMemberIds: ['m-bo', 'm-ana'] })
      expect(slots({ member, ...window, bookings: [panel] })).not.toContain('2027-03-15T10:00:00Z')
    })

    it("ignores other members' bookings", () => {
      const other = fixtureBooking({ ...booking, hostMemberIds: ['m-bo'] })
      expect(slots({ member, ...window, bookings: [other] })).toContain('2027-03-15T10:00:00Z')
    })
  })

  describe('minimum notice and booking window', () => {
    const member = fixtureMember({ timeZone: 'UTC' })

    it('starts the day after at now + notice when the notice crosses midnight', () => {
      const found = slots({
        member,
        from: '2027-03-15T00:00:00Z',
        to: '2027-03-17T00:00:00Z',
        now: '2027-03-15T22:30:00Z',
        eventType: { minNoticeMinutes: 12 * 60 },
      })
      expect(found[0]).toBe('2027-03-16T10:30:00Z')
    })

    it('moves to the next grid time when now has seconds', () => {
      const found = slots({
        member,
        from: '2027-03-15T00:00:00Z',
        to: '2027-03-16T00:00:00Z',
        now: '2027-03-15T10:00:01Z',
        eventType: { minNoticeMinutes: 0 },
      })
      expect(found[0]).toBe('2027-03-15T10:15:00Z')
    })

    it('offers a start exactly maxDaysAhead × 24 h after now and nothing later', () => {
      const found = slots({
        member,
        from: '2027-03-15T00:00:00Z',
        to: '2027-03-18T00:00:00Z',
        now: '2027-03-15T10:00:00Z',
        eventType: { maxDaysAhead: 1 },
      })
      expect(found.at(-1)).toBe('2027-03-16T10:00:00Z')
    })
  })

  describe('workload caps', () => {
    const sydney = fixtureMember({
      timeZone: 'Australia/Sydney',
      maxBookingsPerDay: 1,
    })

    it('closes the whole LOCAL day once the daily cap is reached', () => {
      // 2027-03-15T22:00Z is Tuesday 2027-03-16 09:00 in Sydney.
      const found = slots({
        member: sydney,
        from: '2027-03-14T12:00:00Z',
        to: '2027-03-17T12:00:00Z',
        bookings: [fixtureBooking({ start: '2027-03-15T22:00:00Z', end: '2027-03-15T22:30:00Z' })],
      })
      expect(found).toContain('2027-03-14T22:00:00Z')
      expect(found.filter((slot) => slot.startsWith('2027-03-15T2'))).toEqual([])
      expect(found.filter((slot) => slot.startsWith('2027-03-16T0'))).toEqual([])
      expect(found).toContain('2027-03-16T22:00:00Z')
    })

    it('does not count a cancelled booking toward the cap', () => {
      const found = slots({
        member: sydney,
        from: '2027-03-15T12:00:00Z',
        to: '2027-03-16T12:00:00Z',
        bookings: [
          fixtureBooking({
            start: '2027-03-15T22:00:00Z',
            end: '2027-03-15T22:30:00Z',
            status: 'cancelled',
          }),
        ],
      })
      expect(found).toContain('2027-03-15T23:00:00Z')
    })

    it('closes the whole local ISO week once the weekly cap is reached', () => {
      const member = fixtureMember({ timeZone: 'Australia/Sydney', maxBookingsPerWeek: 2 })
      // Monday 2027-03-15 10:00 and Friday 2027-03-19 10:00 Sydney time.
      const bookings = [
        fixtureBooking({ start: '2027-03-14T23:00:00Z', end: '2027-03-14T23:30:00Z' }),
        fixtureBooking({ start: '2027-03-18T23:00:00Z', end: '2027-03-18T23:30:00Z' }),
      ]
      const found = slots({
        member,
        from: '2027-03-14T12:00:00Z',
        to: '2027-03-23T12:00:00Z',
        bookings,
      })
      // Nothing in the local week 03-15..03-21; Monday 03-22 09:00 local opens again.
      expect(found[0]).toBe('2027-03-21T22:00:00Z')
    })

    it('counts a booking in the week of its LOCAL start date', () => {
      const member = fixtureMember({ timeZone: 'Australia/Sydney', maxBookingsPerWeek: 1 })
      // Sunday 2027-03-21 14:00Z is Monday 03-22 01:00 in Sydney: it closes the next week.
      const bookings = [
        fixtureBooking({ start: '2027-03-21T14:00:00Z', end: '2027-03-21T14:30:00Z' }),
      ]
      const found = slots({
        member,
        from: '2027-03-18T12:00:00Z',
        to: '2027-03-23T12:00:00Z',
        bookings,
      })
      expect(found).toContain('2027-03-18T22:00:00Z')
      expect(found.filter((slot) => slot >= '2027-03-21T13:00:00Z')).toEqual([])
    })
  })
})

describe('slotsFromIndex', () => {
  const member = fixtureMember({ timeZone: 'UTC' })
  const state = fixtureState([member])
  const index = availabilityIndexBuild(state, {
    fromMs: Date.parse('2027-03-15T00:00:00Z'),
    toMs: Date.parse('2027-03-20T00:00:00Z'),
  })

  it('answers a narrower range from the same index', () => {
    const found = slotsFromIndex(
      index,
      'm-ana',
      fixtureEventType(),
      Date.parse('2027-01-01T00:00:00Z'),
      {
        fromMs: Date.parse('2027-03-16T00:00:00Z'),
        toMs: Date.parse('2027-03-17T00:00:00Z'),
      },
    )
    expect(found.map(fixtureIso)[0]).toBe('2027-03-16T09:00:00Z')
    expect(found).toHaveLength(31)
  })

  it('refuses a range outside the index window', () => {
    expect(() =>
      slotsFromIndex(index, 'm-ana', fixtureEventType(), 0, {
        fromMs: Date.parse('2027-03-14T00:00:00Z'),
        toMs: Date.parse('2027-03-16T00:00:00Z'),
      }),
    ).toThrow(RangeError)
  })

  it('refuses a member that is not in the index', () => {
    expect(() => slotsFromIndex(index, 'm-nobody', fixtureEventType(), 0)).toThrow(RangeError)
  })

  it('refuses an event type with a zero duration', () => {
    expect(() =>
      slotsFromIndex(index, 'm-ana', fixtureEventType({ durationMinutes: 0 }), 0),
    ).toThrow(RangeError)
  })
})
