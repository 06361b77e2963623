import { describe, expect, it } from 'vitest'
import { routeApply, routeFormat, routeParse } from './app-route'

describe('routeParse', () => {
  it.each([
    ['', { view: 'calendar', params: {} }],
    ['#token=abc', { view: 'calendar', params: {} }],
    ['#/team', { view: 'team', params: {} }],
    ['#/nowhere?date=2027-03-15', { view: 'calendar', params: { date: '2027-03-15' } }],
    [
      '#/bookings?mode=list&q=lee%40example.org&status=',
      { view: 'bookings', params: { mode: 'list', q: 'lee@example.org' } },
    ],
  ])('reads %j', (hash, route) => {
    expect(routeParse(hash)).toEqual(route)
  })
})

describe('routeFormat', () => {
  it('writes the parameters sorted and round-trips', () => {
    const route = { view: 'calendar' as const, params: { group: 'pool', date: '2027-03-15' } }
    expect(routeFormat(route)).toBe('#/calendar?date=2027-03-15&group=pool')
    expect(routeParse(routeFormat(route))).toEqual(route)
  })
})

describe('routeApply', () => {
  const route = routeParse('#/calendar?date=2027-03-15&booking=bk-1&group=pool')
  it('keeps the date but drops the other view’s parameters when the view changes', () => {
    expect(routeApply(route, { view: 'bookings' })).toEqual({
      view: 'bookings',
      params: { date: '2027-03-15' },
    })
  })
  it('sets and removes parameters in the same view', () => {
    expect(routeApply(route, { params: { booking: null, date: '2027-03-16' } })).toEqual({
      view: 'calendar',
      params: { date: '2027-03-16', group: 'pool' },
    })
  })
})
