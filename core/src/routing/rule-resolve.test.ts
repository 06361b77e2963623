import { describe, expect, it } from 'vitest'
import type { MasterPage } from '../model/workspace'
import { ruleResolve } from './rule-resolve'

const dynamicPage: MasterPage = {
  id: 'mp-sales',
  slug: 'sales',
  title: 'Sales',
  eventTypeIds: ['et-intro', 'et-demo'],
  assignment: {
    type: 'dynamic',
    rules: [
      {
        eventTypeId: 'et-intro',
        when: [
          { questionId: 'region', op: 'equals', value: 'EMEA' },
          { questionId: 'company', op: 'contains', value: 'gmbh' },
        ],
        target: { poolId: 'pool-dach' },
      },
      {
        eventTypeId: 'et-intro',
        when: [{ questionId: 'region', op: 'in', value: ['EMEA', 'APAC'] }],
        target: { poolId: 'pool-emea-apac' },
      },
      { eventTypeId: 'et-demo', when: [], target: { panelId: 'panel-demo' } },
      { eventTypeId: 'et-intro', when: [], target: { bookingPageId: 'bp-catch-all' } },
    ],
    fallback: { bookingPageId: 'bp-ana' },
  },
}

const introOnlyRules: MasterPage = {
  ...dynamicPage,
  assignment: {
    type: 'dynamic',
    rules: [
      {
        eventTypeId: 'et-intro',
        when: [{ questionId: 'region', op: 'equals', value: 'AMER' }],
        target: { poolId: 'pool-amer' },
      },
    ],
    fallback: { bookingPageId: 'bp-ana' },
  },
}

const staticPage: MasterPage = {
  ...dynamicPage,
  assignment: { type: 'static', target: { poolId: 'pool-all' } },
}

const choicePage: MasterPage = {
  ...dynamicPage,
  assignment: {
    type: 'customer-choice',
    flow: 'booking-pages-first',
    bookingPageIds: ['bp-ana', 'bp-ben'],
  },
}

describe('ruleResolve', () => {
  const cases: readonly [
    string,
    MasterPage,
    string,
    Record<string, string>,
    string | null,
    unknown,
  ][] = [
    [
      'the first rule whose conditions all match wins',
      dynamicPage,
      'et-intro',
      { region: 'emea', company: 'Acme GmbH' },
      null,
      { ok: true, target: { poolId: 'pool-dach' }, matched: { kind: 'rule', index: 0 } },
    ],
    [
      'one failing condition skips the rule',
      dynamicPage,
      'et-intro',
      { region: 'EMEA', company: 'Acme Ltd' },
      null,
      { ok: true, target: { poolId: 'pool-emea-apac' }, matched: { kind: 'rule', index: 1 } },
    ],
    [
      'rules of other event types are skipped; a rule without conditions always matches',
      dynamicPage,
      'et-intro',
      { region: 'AMER' },
      null,
      { ok: true, target: { bookingPageId: 'bp-catch-all' }, matched: { kind: 'rule', index: 3 } },
    ],
    [
      'another event type finds its own rule',
      dynamicPage,
      'et-demo',
      {},
      null,
      { ok: true, target: { panelId: 'panel-demo' }, matched: { kind: 'rule', index: 2 } },
    ],
    [
      'no matching rule falls back',
      introOnlyRules,
      'et-intro',
      { region: 'APAC' },
      null,
      { ok: true, target: { bookingPageId: 'bp-ana' }, matched: { kind: 'fallback' } },
    ],
    [
      'an event type without rules falls back',
      introOnlyRules,
      'et-demo',
      { region: 'AMER' },
      null,
      { ok: true, target: { bookingPageId: 'bp-ana' }, matched: { kind: 'fallback' } },
    ],
    [
      'a static page always serves its target',
      staticPage,
      'et-demo',
      { region: 'AMER' },
      'bp-ben',
      { ok: true, target: { poolId: 'pool-all' }, matched: { kind: 'static' } },
    ],
    [
      'customer choice serves the chosen booking page',
      choicePage,
      'et-intro',
      {},
      'bp-ben',
      { ok: true, target: { bookingPageId: 'bp-ben' }, matched: { kind: 'customer-choice' } },
    ],
    [
      'customer choice without a choice is refused',
      choicePage,
      'et-intro',
      {},
      null,
      { ok: false, reason: 'booking-page-required' },
    ],
    [
      'customer choice of a booking page not on the page is refused',
      choicePage,
      'et-intro',
      {},
      'bp-zed',
      { ok: false, reason: 'unknown-booking-page' },
    ],
    [
      'an event type not on the page is refused',
      dynamicPage,
      'et-secret',
      {},
      null,
      { ok: false, reason: 'unknown-event-type' },
    ],
  ]

  it.each(cases)('%s', (_, page, eventTypeId, answers, bookingPageId, expected) => {
    expect(ruleResolve(page, eventTypeId, answers, bookingPageId)).toMatchObject(expected as object)
  })

  it('explains refusals in a message', () => {
    const result = ruleResolve(choicePage, 'et-intro', {})
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).not.toBe('')
  })
})
