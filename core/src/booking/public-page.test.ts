import { describe, expect, it } from 'vitest'
import { bookingDecide } from './booking-decide'
import { pageAvailability } from './page-availability'
import {
  BOOKING_PAGE_LINK_PREFIX,
  masterPageFind,
  memberFirstName,
  publicPageBySlug,
} from './public-page'
import {
  FIXTURE_NOW,
  fixtureEventType,
  fixtureMember,
  fixturePage,
  fixtureRequest,
  fixtureWorkspace,
  ms,
} from './test-fixtures'

const state = fixtureWorkspace({
  members: [fixtureMember('m-ana', { name: 'Ana Maria Silva' }), fixtureMember('m-ben')],
  eventTypes: [fixtureEventType(), fixtureEventType({ id: 'et-long', durationMinutes: 60 })],
  bookingPages: [
    { id: 'bp-ana', slug: 'ana', memberId: 'm-ana', eventTypeIds: ['et-call', 'et-long'] },
    { id: 'bp-ben', slug: 'ben', memberId: 'm-ben', eventTypeIds: ['et-call'] },
  ],
  masterPages: [fixturePage('mp-team', { type: 'static', target: { bookingPageId: 'bp-ben' } })],
})
const ANA_LINK = `${BOOKING_PAGE_LINK_PREFIX}bp-ana`

describe('publicPageBySlug', () => {
  it('finds a master page by its slug', () => {
    expect(publicPageBySlug(state, 'team')).toMatchObject({
      kind: 'master-page',
      page: { id: 'mp-team' },
    })
  })

  it('finds a booking page as its link page: the member’s event types, routed to that page', () => {
    expect(publicPageBySlug(state, 'ana')).toEqual({
      kind: 'booking-page',
      bookingPage: state.bookingPages[0],
      page: {
        id: ANA_LINK,
        slug: 'ana',
        title: 'Ana',
        eventTypeIds: ['et-call', 'et-long'],
        assignment: { type: 'static', target: { bookingPageId: 'bp-ana' } },
        branding: null,
      },
    })
  })

  it('knows no other slug', () => {
    expect(publicPageBySlug(state, 'nobody')).toBeUndefined()
  })
})

describe('masterPageFind', () => {
  it.each([
    ['a stored master page', 'mp-team', 'mp-team'],
    ['a booking page’s link page', ANA_LINK, ANA_LINK],
    ['nothing for an unknown booking page', `${BOOKING_PAGE_LINK_PREFIX}bp-zoe`, undefined],
    ['nothing for an unknown master page', 'mp-none', undefined],
  ])('finds %s', (_, id, expected) => {
    expect(masterPageFind(state, id)?.id).toBe(expected)
  })
})

describe('a booking page link in decisions', () => {
  it('offers the member’s free starts', () => {
    const result = pageAvailability(
      state,
      {
        masterPageId: ANA_LINK,
        eventTypeId: 'et-long',
        fromMs: ms('2027-03-15T00:00:00Z'),
        toMs: ms('2027-03-16T00:00:00Z'),
      },
      FIXTURE_NOW,
    )
    // Ana works 09:00–17:00 in Berlin (UTC+1 in March): 60-minute meetings every 30 minutes.
    expect(result.ok && result.slots.map((slot) => slot.start)).toHaveLength(15)
    expect(result.ok && result.slots[0]).toEqual({
      start: '2027-03-15T08:00:00.000Z',
      end: '2027-03-15T09:00:00.000Z',
    })
  })

  it('refuses an event type the booking page does not offer', () => {
    const result = pageAvailability(
      state,
      {
        masterPageId: `${BOOKING_PAGE_LINK_PREFIX}bp-ben`,
        eventTypeId: 'et-long',
        fromMs: ms('2027-03-15T00:00:00Z'),
        toMs: ms('2027-03-16T00:00:00Z'),
      },
      FIXTURE_NOW,
    )
    expect(result).toMatchObject({ ok: false, reason: 'unknown-event-type' })
  })

  it('books the member and records no master page', () => {
    const decision = bookingDecide(state, fixtureRequest(ANA_LINK, '2027-03-15T08:00:00Z'), {
      nowMs: FIXTURE_NOW,
      bookingId: 'bk-1',
    })
    expect(decision.ok && decision.booking).toMatchObject({
      hostMemberIds: ['m-ana'],
      masterPageId: null,
      poolId: null,
      panelId: null,
    })
  })
})

describe('memberFirstName', () => {
  it.each([
    ['Ana Maria Silva', 'Ana'],
    ['  Ben ', 'Ben'],
    ['', 'Host'],
    [undefined, 'Host'],
  ])('%j → %s', (name, expected) => {
    expect(memberFirstName(name)).toBe(expected)
  })
})
