import { describe, expect, it } from 'vitest'
import { fixtureMember, fixtureSlots as slots, fixtureWeekly } from './test-fixtures'

const hourly = { durationMinutes: 60, slotIntervalMinutes: 60 }
const halfHourly = { durationMinutes: 30, slotIntervalMinutes: 30 }

describe('slotsForMember', () => {
  describe('DST in America/New_York', () => {
    it('keeps 09:00–17:00 local on the spring-forward day', () => {
      const member = fixtureMember({
        timeZone: 'America/New_York',
        weeklyHours: fixtureWeekly({ sun: [['09:00', '17:00']] }),
      })
      const found = slots({ member, from: '2027-03-14T00:00:00Z', to: '2027-03-15T12:00:00Z' })
      expect(found[0]).toBe('2027-03-14T13:00:00Z')
      expect(found.at(-1)).toBe('2027-03-14T20:30:00Z')
      expect(found).toHaveLength(31)
    })

    it('offers no slot in the skipped hour 02:00–03:00 on spring-forward day', () => {
      const member = fixtureMember({
        timeZone: 'America/New_York',
        weeklyHours: fixtureWeekly({ sun: [['00:00', '04:00']] }),
      })
      expect(
        slots({
          member,
          from: '2027-03-14T00:00:00Z',
          to: '2027-03-15T00:00:00Z',
          eventType: halfHourly,
        }),
      ).toEqual([
        '2027-03-14T05:00:00Z',
        '2027-03-14T05:30:00Z',
        '2027-03-14T06:00:00Z',
        '2027-03-14T06:30:00Z',
        '2027-03-14T07:00:00Z',
        '2027-03-14T07:30:00Z',
      ])
    })

    it('offers both passes of the repeated hour on fall-back day as distinct instants', () => {
      const member = fixtureMember({
        timeZone: 'America/New_York',
        weeklyHours: fixtureWeekly({ sun: [['00:00', '03:00']] }),
      })
      expect(
        slots({
          member,
          from: '2027-11-07T00:00:00Z',
          to: '2027-11-08T00:00:00Z',
          eventType: halfHourly,
        }),
      ).toEqual([
        '2027-11-07T04:00:00Z',
        '2027-11-07T04:30:00Z',
        '2027-11-07T05:00:00Z',
        '2027-11-07T05:30:00Z',
        '2027-11-07T06:00:00Z',
        '2027-11-07T06:30:00Z',
        '2027-11-07T07:00:00Z',
        '2027-11-07T07:30:00Z',
      ])
    })
  })

  describe('DST in Europe/Berlin', () => {
    const member = fixtureMember({
      weeklyHours: fixtureWeekly({ sun: [['01:00', '04:00']], mon: [['09:00', '17:00']] }),
    })

    it('skips 02:00 on the spring-forward night and keeps 01:00 and 03:00', () => {
      expect(
        slots({
          member,
          from: '2027-03-27T12:00:00Z',
          to: '2027-03-28T12:00:00Z',
          eventType: hourly,
        }),
      ).toEqual(['2027-03-28T00:00:00Z', '2027-03-28T01:00:00Z'])
    })

    it('offers 02:00 twice on the fall-back night', () => {
      expect(
        slots({
          member,
          from: '2027-10-30T12:00:00Z',
          to: '2027-10-31T12:00:00Z',
          eventType: hourly,
        }),
      ).toEqual([
        '2027-10-30T23:00:00Z', // 01:00 CEST
        '2027-10-31T00:00:00Z', // 02:00 CEST
        '2027-10-31T01:00:00Z', // 02:00 CET
        '2027-10-31T02:00:00Z', // 03:00 CET, ends at 04:00 close
      ])
    })

    it('keeps Monday 09:00–17:00 local on both sides of the change', () => {
      const before = slots({
        member,
        from: '2027-03-22T00:00:00Z',
        to: '2027-03-23T00:00:00Z',
        eventType: hourly,
      })
      const after = slots({
        member,
        from: '2027-03-29T00:00:00Z',
        to: '2027-03-30T00:00:00Z',
        eventType: hourly,
      })
      expect([before[0], before.at(-1)]).toEqual(['2027-03-22T08:00:00Z', '2027-03-22T15:00:00Z'])
      expect([after[0], after.at(-1)]).toEqual(['2027-03-29T07:00:00Z', '2027-03-29T14:00:00Z'])
    })
  })

  describe('DST in Australia/Sydney (southern)', () => {
    const member = fixtureMember({
      timeZone: 'Australia/Sydney',
      weeklyHours: fixtureWeekly({ sun: [['00:00', '04:00']], mon: [['09:00', '17:00']] }),
    })

    it('offers the repeated 02:00 twice when DST ends on the first Sunday of April', () => {
      expect(
        slots({
          member,
          from: '2027-04-03T00:00:00Z',
          to: '2027-04-04T00:00:00Z',
          eventType: hourly,
        }),
      ).toEqual([
        '2027-04-03T13:00:00Z',
        '2027-04-03T14:00:00Z',
        '2027-04-03T15:00:00Z',
        '2027-04-03T16:00:00Z',
        '2027-04-03T17:00:00Z',
      ])
    })

    it('skips 02:00 when DST starts on the first Sunday of October', () => {
      expect(
        slots({
          member,
          from: '2027-10-02T00:00:00Z',
          to: '2027-10-03T00:00:00Z',
          eventType: hourly,
        }),
      ).toEqual(['2027-10-02T14:00:00Z', '2027-10-02T15:00:00Z', '2027-10-02T16:00:00Z'])
    })

    it('keeps Monday 09:00 local at +11 before and +10 after the April change', () => {
      const before = slots({
        member,
        from: '2027-03-28T12:00:00Z',
        to: '2027-03-29T12:00:00Z',
        eventType: hourly,
      })
      const after = slots({
        member,
        from: '2027-04-04T12:00:00Z',
        to: '2027-04-05T12:00:00Z',
        eventType: hourly,
      })
      expect(before[0]).toBe('2027-03-28T22:00:00Z')
      expect(after[0]).toBe('2027-04-04T23:00:00Z')
    })
  })

  describe('half-hour zone Asia/Kolkata', () => {
    const member = fixtureMember({ timeZone: 'Asia/Kolkata' })

    it('aligns hourly slots to :00 local, which is :30 UTC', () => {
      expect(
        slots({
          member,
          from: '2027-03-15T00:00:00Z',
          to: '2027-03-16T00:00:00Z',
          eventType: hourly,
        }).slice(0, 3),
      ).toEqual(['2027-03-15T03:30:00Z', '2027-03-15T04:30:00Z', '2027-03-15T05:30:00Z'])
    })

    it('aligns 15-minute slots to :00/:15/:30/:45 local', () => {
      expect(
        slots({ member, from: '2027-03-15T00:00:00Z', to: '2027-03-16T00:00:00Z' }).slice(0, 3),
      ).toEqual(['2027-03-15T03:30:00Z', '2027-03-15T03:45:00Z', '2027-03-15T04:00:00Z'])
    })
  })
})
