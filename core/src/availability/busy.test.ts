import { describe, expect, it } from 'vitest'
import { bookingIsBusy, busyCollect } from './busy'
import { fixtureBooking, fixtureEventType } from './test-fixtures'

const minute = (iso: string): number => Date.parse(iso) / 60_000
const reach = { spanFrom: 0, spanTo: 1e9, startFrom: 0, startTo: 1e9 }

describe('bookingIsBusy', () => {
  it.each([
    ['scheduled', true],
    ['rescheduled', true],
    ['completed', true],
    ['no-show', true],
    ['cancelled', false],
  ] as const)('treats %s as busy: %s', (status, expected) => {
    expect(bookingIsBusy({ status })).toBe(expected)
  })
})

describe('busyCollect', () => {
  const eventTypes = [fixtureEventType({ bufferBeforeMinutes: 5, bufferAfterMinutes: 10 })]
  const positions = new Map([
    ['m-ana', 0],
    ['m-bo', 1],
  ])

  it("widens each booking by its own event type's buffers and rounds seconds outward", () => {
    const booking = fixtureBooking({ start: '2027-03-15T10:00:30Z', end: '2027-03-15T10:29:10Z' })
    const [ana] = busyCollect([booking], eventTypes, positions, reach, null)
    expect(ana?.spans).toEqual([minute('2027-03-15T09:55:00Z'), minute('2027-03-15T10:40:00Z')])
    expect(ana?.starts).toEqual([minute('2027-03-15T10:00:00Z')])
  })

  it('gives a booking of an unknown event type no buffers', () => {
    const booking = fixtureBooking({
      start: '2027-03-15T10:00:00Z',
      end: '2027-03-15T10:30:00Z',
      eventTypeId: 'et-deleted',
    })
    const [ana] = busyCollect([booking], eventTypes, positions, reach, null)
    expect(ana?.spans).toEqual([minute('2027-03-15T10:00:00Z'), minute('2027-03-15T10:30:00Z')])
  })

  it('assigns a panel booking to every host and skips the excluded and cancelled ones', () => {
    const panel = fixtureBooking({
      start: '2027-03-15T10:00:00Z',
      end: '2027-03-15T10:30:00Z',
      hostMemberIds: ['m-bo', 'm-ana', 'm-other'],
    })
    const cancelled = fixtureBooking({ ...panel, id: 'bk-c', status: 'cancelled' })
    const excluded = fixtureBooking({ ...panel, id: 'bk-x' })
    const [ana, bo] = busyCollect(
      [panel, cancelled, excluded],
      eventTypes,
      positions,
      reach,
      'bk-x',
    )
    expect(ana?.spans).toHaveLength(2)
    expect(bo?.spans).toHaveLength(2)
  })

  it('refuses a booking that ends before it starts', () => {
    const booking = fixtureBooking({ start: '2027-03-15T10:00:00Z', end: '2027-03-15T09:00:00Z' })
    expect(() => busyCollect([booking], eventTypes, positions, reach, null)).toThrow(/ends before/)
  })

  it('refuses an instant without a zone designator', () => {
    const booking = fixtureBooking({ start: '2027-03-15T10:00:00', end: '2027-03-15T11:00:00Z' })
    expect(() => busyCollect([booking], eventTypes, positions, reach, null)).toThrow(RangeError)
  })
})
