import { describe, expect, it } from 'vitest'
import { pageRouteResolve } from './page-route'
import { fixtureEventType, fixturePage, fixtureWorkspace } from './test-fixtures'

const eventType = fixtureEventType({
  questions: [
    { id: 'region', label: 'Region', type: 'select', options: ['EMEA', 'AMER'], required: true },
  ],
})
const state = fixtureWorkspace({
  eventTypes: [eventType],
  masterPages: [
    fixturePage('mp-dyn', {
      type: 'dynamic',
      rules: [
        {
          eventTypeId: 'et-call',
          when: [{ questionId: 'region', op: 'equals', value: 'EMEA' }],
          target: { poolId: 'pool-emea' },
        },
        { eventTypeId: 'et-call', when: [], target: { panelId: 'panel-all' } },
      ],
      fallback: { bookingPageId: 'bp-ana' },
    }),
    fixturePage('mp-time', {
      type: 'customer-choice',
      flow: 'find-member-by-time',
      bookingPageIds: ['bp-ana', 'bp-nope', 'bp-ben'],
    }),
  ],
})

const request = (fields: object) => ({ masterPageId: 'mp-dyn', eventTypeId: 'et-call', ...fields })

describe('pageRouteResolve', () => {
  it.each([
    [
      'the first matching rule',
      { answers: { region: 'emea' } },
      { kind: 'rule', index: 0 },
      { poolId: 'pool-emea' },
    ],
    [
      'a rule without conditions',
      { answers: { region: 'AMER' } },
      { kind: 'rule', index: 1 },
      { panelId: 'panel-all' },
    ],
  ])('routes to %s', (_, fields, matched, target) => {
    const result = pageRouteResolve(state, request(fields), true)
    expect(result.ok && result.route).toMatchObject({ kind: 'target', matched, target })
  })

  it('lets availability go without required answers, but not a booking', () => {
    expect(pageRouteResolve(state, request({}), false).ok).toBe(true)
    expect(pageRouteResolve(state, request({}), true)).toMatchObject({
      ok: false,
      reason: 'invalid-answers',
      problems: [{ path: 'answers.region', message: 'required' }],
    })
  })

  it('routes find member by time to the existing booking pages in page order', () => {
    const result = pageRouteResolve(
      state,
      { masterPageId: 'mp-time', eventTypeId: 'et-call' },
      false,
    )
    expect(
      result.ok &&
        result.route.kind === 'find-member-by-time' &&
        result.route.bookingPages.map((p) => p.id),
    ).toEqual(['bp-ana', 'bp-ben'])
  })

  it('refuses an unknown page and an event type that is not on it', () => {
    expect(pageRouteResolve(state, request({ masterPageId: 'mp-x' }), false)).toMatchObject({
      reason: 'unknown-page',
    })
    expect(pageRouteResolve(state, request({ eventTypeId: 'et-x' }), false)).toMatchObject({
      reason: 'unknown-event-type',
    })
  })
})
