import { describe, expect, it } from 'vitest'
import { demoWorkspace } from '../../../core/src/demo/demo-workspace'
import type { Workspace } from '../../../core/src/model/workspace'
import { bookAtRefusal, boardMinuteAt, memberBookingRoute, slotCovering } from './book-at'

const ws = demoWorkspace('2027-03-10T12:00:00.000Z')

describe('boardMinuteAt', () => {
  it('rounds down to the quarter hour under the pointer', () => {
    // 0.8 px per minute: 480 px is 10:00, 499 px is 10:23.75.
    expect(boardMinuteAt(480, 0.8, 1440)).toBe(600)
    expect(boardMinuteAt(499, 0.8, 1440)).toBe(615)
    expect(boardMinuteAt(0, 0.8, 1440)).toBe(0)
  })

  it('stays inside the day, short DST days too', () => {
    expect(boardMinuteAt(-5, 0.8, 1440)).toBe(0)
    expect(boardMinuteAt(1440 * 0.8, 0.8, 1440)).toBe(1425)
    expect(boardMinuteAt(1440 * 0.8, 0.8, 1380)).toBe(1365)
    // A 25-hour day (clocks back): its last hour is on the board too.
    expect(boardMinuteAt(1490 * 0.8, 0.8, 1500)).toBe(1485)
  })
})

describe('memberBookingRoute', () => {
  it("books a member through the page where the customer picks them, with the page's first event type they offer", () => {
    expect(memberBookingRoute(ws, 'm-ben')).toEqual({
      masterPageId: 'mp-team',
      bookingPageId: 'bp-ben',
      eventTypeId: 'et-intro',
    })
  })

  it('prefers a page that books the member alone', () => {
    const own: Workspace = {
      ...ws,
      masterPages: [
        ...ws.masterPages,
        {
          id: 'mp-ben',
          slug: 'ben-demo',
          title: 'Demo with Ben',
          eventTypeIds: ['et-demo'],
          assignment: { type: 'static', target: { bookingPageId: 'bp-ben' } },
        },
      ],
    }
    expect(memberBookingRoute(own, 'm-ben')).toEqual({
      masterPageId: 'mp-ben',
      bookingPageId: 'bp-ben',
      eventTypeId: 'et-demo',
    })
  })

  it('skips an event type the booking page does not offer', () => {
    const narrow: Workspace = {
      ...ws,
      bookingPages: ws.bookingPages.map((b) =>
        b.id === 'bp-ben' ? { ...b, eventTypeIds: ['et-demo'] } : b,
      ),
    }
    expect(memberBookingRoute(narrow, 'm-ben')?.eventTypeId).toBe('et-demo')
  })

  it('is null when no page books the member by name', () => {
    const none: Workspace = {
      ...ws,
      masterPages: ws.masterPages.filter((p) => p.assignment.type !== 'customer-choice'),
    }
    expect(memberBookingRoute(none, 'm-ben')).toBeNull()
    expect(memberBookingRoute(ws, 'm-nobody')).toBeNull()
  })
})

describe('slotCovering', () => {
  const slot = (start: string, end: string) => ({
    start: `2027-03-10T${start}:00.000Z`,
    end: `2027-03-10T${end}:00.000Z`,
  })
  const at = (time: string) => Date.parse(`2027-03-10T${time}:00.000Z`)
  const slots = [slot('10:00', '10:30'), slot('10:15', '10:45'), slot('11:00', '11:30')]

  it('picks the latest free time that covers the instant', () => {
    expect(slotCovering(slots, at('10:00'))).toBe(slots[0]!.start)
    expect(slotCovering(slots, at('10:20'))).toBe(slots[1]!.start)
    expect(slotCovering(slots, at('10:40'))).toBe(slots[1]!.start)
  })

  it('is null where no free time covers it (a time ends where the next begins)', () => {
    expect(slotCovering(slots, at('10:45'))).toBeNull()
    expect(slotCovering(slots, at('11:30'))).toBeNull()
    expect(slotCovering([], at('10:00'))).toBeNull()
  })
})

describe('bookAtRefusal', () => {
  // Wednesday 10 March 2027, 12:00 UTC; Ben works 09:00–17:00 in New York (14:00–22:00 UTC).
  const nowMs = Date.parse('2027-03-10T12:00:00.000Z')
  const template = ws.bookings[0]!
  const quiet: Workspace = {
    ...ws,
    bookings: [
      {
        ...template,
        id: 'bk-ben-1500',
        start: '2027-03-11T15:00:00.000Z',
        end: '2027-03-11T15:30:00.000Z',
        hostMemberIds: ['m-ben'],
        poolId: null,
        panelId: null,
        status: 'scheduled',
      },
    ],
  }
  const intro = ws.eventTypes.find((e) => e.id === 'et-intro')!
  const why = (at: string) => bookAtRefusal(quiet, 'm-ben', intro, Date.parse(at), nowMs)

  it("says why in core's own terms, for the grid start whose meeting covers the click", () => {
    expect(why('2027-03-09T15:00:00.000Z')).toBe('that time has passed')
    expect(why('2027-03-10T14:15:00.000Z')).toBe('Intro call must be booked at least 4 hours ahead')
    expect(why('2027-03-11T03:00:00.000Z')).toBe('it is outside Ben Okafor’s working hours')
    // 15:10 is covered by the 15:00 start (15-minute grid), which his booking takes.
    expect(why('2027-03-11T15:10:00.000Z')).toBe(
      'Ben Okafor has a booking then (with the buffers around it)',
    )
    expect(why('2027-05-20T15:00:00.000Z')).toBe('Intro call can be booked at most 60 days ahead')
  })

  it('is null where a start covering the click is free', () => {
    expect(why('2027-03-11T16:00:00.000Z')).toBeNull()
    expect(why('2027-03-11T16:20:00.000Z')).toBeNull()
  })
})
