/**
 * A small valid workspace using every feature validation looks at, and a helper to derive broken
 * variants from it. Test-only (imported by `*.test.ts` files); pure data, no test framework.
 */

import type { Workspace } from '../model/workspace'

/** `T` with every `readonly` removed, deeply: tests edit a copy in place. */
export type DeepMutable<T> = T extends readonly [infer A, infer B]
  ? [DeepMutable<A>, DeepMutable<B>]
  : T extends readonly (infer U)[]
    ? DeepMutable<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
      : T

/** A copy of the valid fixture workspace after `change` edited it in place. */
export function fixtureEdited(change: (w: DeepMutable<Workspace>) => void): Workspace {
  const copy: DeepMutable<Workspace> = JSON.parse(JSON.stringify(fixtureWorkspace()))
  change(copy)
  return copy
}

/** Fresh arrays each time, so editing one day never edits another. */
function nineToFive(): [string, string][] {
  return [['09:00', '17:00']]
}

/**
 * Members Ana (Berlin, split Tuesday, an override), Ben (New York) and Dev (Kolkata, inactive,
 * works until midnight on Friday); intro (with questions) and demo event types; booking pages;
 * a round robin and a pooled-priority pool; a panel with a member seat and a pool seat; master
 * pages with dynamic rules, a static target and customer choice; bookings: a reassigned pool
 * booking, a cancelled one, a no-show and a panel booking.
 */
export function fixtureWorkspace(): Workspace {
  return {
    version: 1,
    timeZone: 'Europe/Berlin',
    members: [
      {
        id: 'm-ana',
        name: 'Ana Silva',
        email: 'ana@example.com',
        timeZone: 'Europe/Berlin',
        weeklyHours: {
          mon: nineToFive(),
          tue: [
            ['13:00', '17:00'],
            ['09:00', '12:00'],
          ],
          wed: [],
          thu: [
            ['09:00', '12:00'],
            ['12:00', '17:00'],
          ],
          fri: nineToFive(),
          sat: [],
          sun: [],
        },
        dateOverrides: [
          { date: '2027-03-19', hours: [] },
          { date: '2027-03-20', hours: [['10:00', '14:00']] },
        ],
        maxBookingsPerDay: 6,
        maxBookingsPerWeek: 25,
        active: true,
      },
      {
        id: 'm-ben',
        name: 'Ben Okafor',
        email: 'ben@example.com',
        timeZone: 'America/New_York',
        weeklyHours: {
          mon: nineToFive(),
          tue: nineToFive(),
          wed: nineToFive(),
          thu: nineToFive(),
          fri: nineToFive(),
          sat: [],
          sun: [],
        },
        dateOverrides: [],
        maxBookingsPerDay: null,
        active: true,
      },
      {
        id: 'm-dev',
        name: 'Dev Patel',
        email: 'dev@example.com',
        timeZone: 'Asia/Kolkata',
        weeklyHours: {
          mon: [],
          tue: [],
          wed: [],
          thu: [],
          fri: [['18:00', '24:00']],
          sat: [],
          sun: [],
        },
        dateOverrides: [{ date: '2028-02-29', hours: [['00:00', '24:00']] }],
        active: false,
      },
    ],
    eventTypes: [
      {
        id: 'et-intro',
        name: 'Intro call',
        durationMinutes: 30,
        slotIntervalMinutes: 15,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 10,
        minNoticeMinutes: 240,
        maxDaysAhead: 60,
        questions: [
          {
            id: 'region',
            label: 'Region',
            type: 'select',
            options: ['EMEA', 'AMER'],
            required: true,
          },
          { id: 'company', label: 'Company', type: 'text', required: false },
        ],
      },
      {
        id: 'et-demo',
        name: 'Product demo',
        durationMinutes: 60,
        slotIntervalMinutes: 30,
        bufferBeforeMinutes: 5,
        bufferAfterMinutes: 5,
        minNoticeMinutes: 0,
        maxDaysAhead: 30,
        questions: [],
      },
    ],
    bookingPages: [
      { id: 'bp-ana', slug: 'ana', memberId: 'm-ana', eventTypeIds: ['et-intro', 'et-demo'] },
      { id: 'bp-ben', slug: 'ben', memberId: 'm-ben', eventTypeIds: ['et-intro'] },
    ],
    pools: [
      {
        id: 'pool-sales',
        name: 'Sales',
        distribution: 'round-robin',
        members: [
          { memberId: 'm-ana', priority: 1 },
          { memberId: 'm-ben', priority: 1, addedAt: '2027-03-10T00:00:00.000Z' },
        ],
        reportingCycle: 'monthly',
        automaticCorrection: true,
      },
      {
        id: 'pool-experts',
        name: 'Experts',
        distribution: 'pooled-priority',
        members: [
          { memberId: 'm-ben', priority: 1 },
          { memberId: 'm-dev', priority: 2 },
        ],
        reportingCycle: 'quarterly',
        automaticCorrection: false,
      },
    ],
    panels: [
      {
        id: 'panel-review',
        name: 'Design review',
        seats: [{ memberId: 'm-ana' }, { poolId: 'pool-experts' }],
      },
    ],
    masterPages: [
      {
        id: 'mp-sales',
        slug: 'sales',
        title: 'Talk to sales',
        eventTypeIds: ['et-intro', 'et-demo'],
        assignment: {
          type: 'dynamic',
          rules: [
            {
              eventTypeId: 'et-intro',
              when: [
                { questionId: 'region', op: 'equals', value: 'emea' },
                { questionId: 'company', op: 'contains', value: 'GmbH' },
              ],
              target: { bookingPageId: 'bp-ana' },
            },
            {
              eventTypeId: 'et-intro',
              when: [{ questionId: 'region', op: 'in', value: ['EMEA', 'AMER'] }],
              target: { poolId: 'pool-sales' },
            },
            { eventTypeId: 'et-demo', when: [], target: { panelId: 'panel-review' } },
          ],
          fallback: { poolId: 'pool-sales' },
        },
      },
      {
        id: 'mp-experts',
        slug: 'experts',
        title: 'Ask an expert',
        eventTypeIds: ['et-demo'],
        assignment: { type: 'static', target: { poolId: 'pool-experts' } },
      },
      {
        id: 'mp-team',
        slug: 'team',
        title: 'Meet the team',
        eventTypeIds: ['et-intro'],
        assignment: {
          type: 'customer-choice',
          flow: 'booking-pages-first',
          bookingPageIds: ['bp-ana', 'bp-ben'],
        },
      },
    ],
    bookings: [
      {
        id: 'bk-1',
        eventTypeId: 'et-intro',
        masterPageId: 'mp-sales',
        start: '2027-03-15T09:00:00.000Z',
        end: '2027-03-15T09:30:00.000Z',
        hostMemberIds: ['m-ben'],
        poolId: 'pool-sales',
        panelId: null,
        status: 'rescheduled',
        customer: { name: 'Lee', email: 'lee@example.org', timeZone: 'America/New_York' },
        answers: { region: 'AMER' },
        createdVia: 'public',
        history: [
          { at: '2027-03-01T10:00:00.000Z', action: 'created', by: 'customer' },
          {
            at: '2027-03-02T10:00:00.000Z',
            action: 'reassigned',
            by: 'Maria',
            fromMemberId: 'm-ana',
            toMemberId: 'm-ben',
            forced: true,
            reason: 'Ana is ill',
          },
          {
            at: '2027-03-03T10:00:00.000Z',
            action: 'rescheduled',
            by: 'customer',
            previousStart: '2027-03-14T09:00:00.000Z',
          },
        ],
      },
      {
        id: 'bk-2',
        eventTypeId: 'et-intro',
        masterPageId: 'mp-sales',
        start: '2027-03-16T09:00:00.000Z',
        end: '2027-03-16T09:30:00.000Z',
        hostMemberIds: ['m-ana'],
        poolId: 'pool-sales',
        panelId: null,
        status: 'cancelled',
        customer: { name: 'Kim', email: 'kim@example.org', timeZone: 'Asia/Seoul' },
        answers: { region: 'EMEA' },
        createdVia: 'desktop',
        history: [
          { at: '2027-03-01T11:00:00.000Z', action: 'created', by: 'front desk' },
          { at: '2027-03-05T11:00:00.000Z', action: 'cancelled', by: 'customer', reason: null },
          { at: '2027-03-06T11:00:00.000Z', action: 'conflict-resolved', by: 'Maria' },
        ],
      },
      {
        id: 'bk-3',
        eventTypeId: 'et-demo',
        masterPageId: null,
        start: '2027-03-17T09:00:00.000Z',
        end: '2027-03-17T10:00:00.000Z',
        hostMemberIds: ['m-ana'],
        poolId: null,
        panelId: null,
        status: 'no-show',
        customer: { name: 'Sam', email: 'sam@example.org', timeZone: 'UTC' },
        answers: {},
        createdVia: 'desktop',
        history: [{ at: '2027-03-01T12:00:00.000Z', action: 'created', by: 'front desk' }],
      },
      {
        id: 'bk-4',
        eventTypeId: 'et-demo',
        masterPageId: 'mp-sales',
        start: '2027-03-18T09:00:00.000Z',
        end: '2027-03-18T10:00:00.000Z',
        hostMemberIds: ['m-ana', 'm-ben'],
        poolId: 'pool-experts',
        panelId: 'panel-review',
        status: 'completed',
        customer: { name: 'Noor', email: 'noor@example.org', timeZone: 'Asia/Kolkata' },
        answers: {},
        createdVia: 'public',
        history: [
          { at: '2027-03-01T13:00:00.000Z', action: 'created', by: 'customer' },
          {
            at: '2027-03-02T13:00:00.000Z',
            action: 'reassigned',
            by: 'Maria',
            fromMemberId: 'm-dev',
            toMemberId: 'm-ben',
          },
          { at: '2027-03-18T10:00:00.000Z', action: 'completed', by: 'system' },
        ],
      },
    ],
  }
}
