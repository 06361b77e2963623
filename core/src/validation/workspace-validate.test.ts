import { describe, expect, it } from 'vitest'
import { demoWorkspace } from '../demo/demo-workspace'
import type { Workspace } from '../model/workspace'
import type { DeepMutable } from './test-fixtures'
import { fixtureEdited, fixtureWorkspace } from './test-fixtures'
import { workspaceParse } from './record-validate'
import { workspaceValidate } from './workspace-validate'

type Edit = (w: DeepMutable<Workspace>) => void
/** [rule, edit of the valid fixture, expected problems as [path, part of the message]]. */
type Case = readonly [string, Edit, readonly (readonly [string, string])[]]

/** The import's validation: shape first (formats, ranges, zones), then semantics. */
function check([, edit, expected]: Case): void {
  const parsed = workspaceParse(fixtureEdited(edit))
  const problems = parsed.ok ? [] : parsed.problems
  expect(problems.map((p) => p.path)).toEqual(expected.map(([path]) => path))
  problems.forEach((problem, i) => expect(problem.message).toContain(expected[i]?.[1] ?? ''))
}

/** Edits rule `r` of the dynamic master page (masterPages.0). */
function rule(r: number, w: DeepMutable<Workspace>) {
  const assignment = w.masterPages[0]!.assignment
  if (assignment.type !== 'dynamic') throw new Error('fixture changed')
  return assignment.rules[r]!
}

describe('workspaceValidate', () => {
  it('finds nothing wrong with the valid fixture', () => {
    expect(workspaceValidate(fixtureWorkspace())).toEqual([])
  })

  it('finds nothing wrong with the demo workspace', () => {
    expect(workspaceValidate(demoWorkspace('2027-03-17T12:00:00.000Z'))).toEqual([])
  })

  const workspaceCases: readonly Case[] = [
    [
      'an unknown workspace zone',
      (w) => void (w.timeZone = 'Europe/Atlantis'),
      [['timeZone', 'unknown IANA time zone']],
    ],
    ['no workspace zone (UTC)', (w) => void delete w.timeZone, []],
    [
      'a duplicate id within a collection, reported at the repeat',
      (w) => void (w.bookings[3]!.id = 'bk-1'),
      [['bookings.3.id', 'id "bk-1" repeats bookings.0.id']],
    ],
    [
      'the same id in two collections is fine',
      (w) => {
        w.panels[0]!.id = 'pool-sales'
        w.bookings[3]!.panelId = 'pool-sales'
        rule(2, w).target = { panelId: 'pool-sales' }
      },
      [],
    ],
    [
      'duplicate booking page slugs',
      (w) => void (w.bookingPages[1]!.slug = 'ana'),
      [['bookingPages.1.slug', 'slug "ana" repeats bookingPages.0.slug']],
    ],
    [
      'duplicate master page slugs',
      (w) => void (w.masterPages[2]!.slug = 'sales'),
      [['masterPages.2.slug', 'repeats masterPages.0.slug']],
    ],
    [
      'a master page with a booking page slug: both are public pages at /book/{slug}',
      (w) => void (w.masterPages[2]!.slug = 'ben'),
      [['masterPages.2.slug', 'slug "ben" is already the link of bookingPages.1']],
    ],
  ]

  const memberCases: readonly Case[] = [
    [
      'an unknown member zone',
      (w) => void (w.members[1]!.timeZone = 'EST5EDT-ish'),
      [['members.1.timeZone', 'unknown IANA time zone']],
    ],
    [
      'a range that ends before it starts',
      (w) => void (w.members[1]!.weeklyHours.tue[0] = ['17:00', '09:00']),
      [['members.1.weeklyHours.tue.0', 'does not start before it ends']],
    ],
    [
      'an empty range',
      (w) => void (w.members[1]!.weeklyHours.wed[0] = ['09:00', '09:00']),
      [['members.1.weeklyHours.wed.0', 'does not start before it ends']],
    ],
    [
      '24:00 as a start',
      (w) => void (w.members[2]!.weeklyHours.fri[0] = ['24:00', '24:00']),
      [['members.2.weeklyHours.fri.0', '"24:00" can only end a range']],
    ],
    [
      'a malformed time',
      (w) => void (w.members[1]!.weeklyHours.mon[0] = ['9:00', '17:00']),
      [['members.1.weeklyHours.mon.0', 'HH:mm']],
    ],
    [
      'overlapping ranges, reported at the later-starting one',
      (w) => void w.members[0]!.weeklyHours.tue.push(['11:00', '13:30']),
      [
        ['members.0.weeklyHours.tue.0', 'overlaps members.0.weeklyHours.tue.2'],
        ['members.0.weeklyHours.tue.2', 'overlaps members.0.weeklyHours.tue.1'],
      ],
    ],
    [
      'a range inside another',
      (w) => void w.members[1]!.weeklyHours.mon.push(['10:00', '11:00']),
      [['members.1.weeklyHours.mon.1', 'overlaps members.1.weeklyHours.mon.0']],
    ],
    [
      'an override date that does not exist',
      (w) => void (w.members[0]!.dateOverrides[0]!.date = '2027-02-29'),
      [['members.0.dateOverrides.0.date', 'not a calendar date']],
    ],
    [
      'two overrides for one date',
      (w) => void (w.members[0]!.dateOverrides[1]!.date = '2027-03-19'),
      [['members.0.dateOverrides.1.date', 'repeats members.0.dateOverrides.0.date']],
    ],
    [
      'overlapping override hours',
      (w) => void w.members[0]!.dateOverrides[1]!.hours.push(['13:00', '15:00']),
      [['members.0.dateOverrides.1.hours.1', 'overlaps members.0.dateOverrides.1.hours.0']],
    ],
    [
      'a zero workload cap',
      (w) => void (w.members[0]!.maxBookingsPerDay = 0),
      [['members.0.maxBookingsPerDay', 'whole number']],
    ],
    [
      'a fractional workload cap',
      (w) => void (w.members[0]!.maxBookingsPerWeek = 2.5),
      [['members.0.maxBookingsPerWeek', 'whole number']],
    ],
  ]

  const eventTypeCases: readonly Case[] = [
    [
      'a zero duration',
      (w) => void (w.eventTypes[0]!.durationMinutes = 0),
      [['eventTypes.0.durationMinutes', 'from 1 to 1440']],
    ],
    [
      'a duration over a day',
      (w) => void (w.eventTypes[0]!.durationMinutes = 1441),
      [['eventTypes.0.durationMinutes', 'from 1 to 1440']],
    ],
    [
      'a zero interval',
      (w) => void (w.eventTypes[0]!.slotIntervalMinutes = 0),
      [['eventTypes.0.slotIntervalMinutes', 'from 1']],
    ],
    [
      'a negative buffer',
      (w) => void (w.eventTypes[1]!.bufferBeforeMinutes = -5),
      [['eventTypes.1.bufferBeforeMinutes', 'from 0']],
    ],
    [
      'a fractional notice',
      (w) => void (w.eventTypes[1]!.minNoticeMinutes = 1.5),
      [['eventTypes.1.minNoticeMinutes', 'whole number']],
    ],
    [
      'a booking window of 0 days',
      (w) => void (w.eventTypes[1]!.maxDaysAhead = 0),
      // Shape problems come first; semantics run once the shape is right.
      [['eventTypes.1.maxDaysAhead', 'from 1 to 730']],
    ],
    [
      'a notice as long as the window',
      (w) => void (w.eventTypes[0]!.minNoticeMinutes = 60 * 1440),
      [['eventTypes.0.minNoticeMinutes', 'no slot could be offered']],
    ],
    [
      'duplicate question ids',
      (w) => void (w.eventTypes[0]!.questions[1]!.id = 'region'),
      [
        ['eventTypes.0.questions.1.id', 'repeats eventTypes.0.questions.0.id'],
        ['masterPages.0.assignment.rules.0.when.1.questionId', '"company" is not a question'],
      ],
    ],
    [
      'a select question without options',
      (w) => {
        w.eventTypes[0]!.questions[0]!.options = []
        w.masterPages[0]!.assignment = { type: 'static', target: { poolId: 'pool-sales' } }
      },
      [['eventTypes.0.questions.0.options', 'at least one option']],
    ],
    [
      'options equal after trimming and case',
      (w) => void w.eventTypes[0]!.questions[0]!.options!.push(' emea'),
      [['eventTypes.0.questions.0.options.2', 'repeats eventTypes.0.questions.0.options.0']],
    ],
    [
      'a blank option',
      (w) => void w.eventTypes[0]!.questions[0]!.options!.push('  '),
      [['eventTypes.0.questions.0.options.2', 'an option is required']],
    ],
    [
      'a non-boolean required',
      (w) => void ((w.eventTypes[0]!.questions[1] as { required: unknown }).required = 'yes'),
      [['eventTypes.0.questions.1.required', 'true or false']],
    ],
  ]

  const pageCases: readonly Case[] = [
    [
      'a booking page of an unknown member',
      (w) => void (w.bookingPages[1]!.memberId = 'm-zed'),
      [['bookingPages.1.memberId', 'unknown member "m-zed"']],
    ],
    [
      'a booking page offering an unknown event type',
      (w) => void w.bookingPages[1]!.eventTypeIds.push('et-zed'),
      [['bookingPages.1.eventTypeIds.1', 'unknown event type']],
    ],
    [
      'a booking page listing an event type twice',
      (w) => void w.bookingPages[1]!.eventTypeIds.push('et-intro'),
      [['bookingPages.1.eventTypeIds.1', 'repeats']],
    ],
  ]

  const poolCases: readonly Case[] = [
    [
      'a pool without members',
      (w) => {
        w.pools[1]!.members = []
      },
      [['pools.1.members', 'at least one member']],
    ],
    [
      'a pool with an unknown member',
      (w) => void (w.pools[0]!.members[1]!.memberId = 'm-zed'),
      [['pools.0.members.1.memberId', 'unknown member']],
    ],
    [
      'a member twice in a pool',
      (w) => void (w.pools[0]!.members[1]!.memberId = 'm-ana'),
      [['pools.0.members.1.memberId', 'repeats pools.0.members.0.memberId']],
    ],
    [
      'priority 0',
      (w) => void (w.pools[1]!.members[0]!.priority = 0),
      [['pools.1.members.0.priority', 'from 1 (highest)']],
    ],
    [
      'a fractional priority',
      (w) => void (w.pools[1]!.members[0]!.priority = 1.5),
      [['pools.1.members.0.priority', 'whole number']],
    ],
    [
      'a bad addedAt',
      (w) => void (w.pools[0]!.members[1]!.addedAt = '2027-02-30T00:00:00Z'),
      [['pools.0.members.1.addedAt', 'UTC instant']],
    ],
  ]

  const panelCases: readonly Case[] = [
    [
      'a panel without seats',
      (w) => {
        w.panels[0]!.seats = []
      },
      [['panels.0.seats', 'at least one seat']],
    ],
    [
      'a seat of an unknown member',
      (w) => void (w.panels[0]!.seats[0] = { memberId: 'm-zed' }),
      [['panels.0.seats.0.memberId', 'unknown member']],
    ],
    [
      'a seat of an unknown pool',
      (w) => void (w.panels[0]!.seats[1] = { poolId: 'pool-zed' }),
      [['panels.0.seats.1.poolId', 'unknown pool']],
    ],
    [
      'one pool as primary and additional seat (edge case 12)',
      (w) => {
        w.panels[0]!.seats = [{ poolId: 'pool-experts' }, { poolId: 'pool-experts' }]
      },
      [['panels.0.seats.1.poolId', 'pool "pool-experts" already fills seats.0']],
    ],
    [
      'one member in two seats',
      (w) => {
        w.panels[0]!.seats = [{ memberId: 'm-ana' }, { memberId: 'm-ana' }]
        w.bookings[3]!.hostMemberIds = ['m-ana', 'm-ben']
      },
      [['panels.0.seats.1.memberId', 'member "m-ana" already fills seats.0']],
    ],
    [
      'seats that distinct members cannot fill',
      (w) => {
        w.pools[1]!.members = [{ memberId: 'm-ana', priority: 1 }]
        w.bookings[3]!.history.splice(1, 1)
      },
      [['panels.0.seats', 'no set of distinct members can fill every seat']],
    ],
  ]

  const masterPageCases: readonly Case[] = [
    [
      'a master page without event types',
      (w) => {
        w.masterPages[1]!.eventTypeIds = []
      },
      [['masterPages.1.eventTypeIds', 'at least one event type']],
    ],
    [
      'a master page with an unknown event type',
      (w) => void w.masterPages[1]!.eventTypeIds.push('et-zed'),
      [['masterPages.1.eventTypeIds.1', 'unknown event type']],
    ],
    [
      'a master page listing an event type twice',
      (w) => void w.masterPages[1]!.eventTypeIds.push('et-demo'),
      [['masterPages.1.eventTypeIds.1', 'repeats']],
    ],
    [
      'a static target that does not exist',
      (w) =>
        void (w.masterPages[1]!.assignment = { type: 'static', target: { panelId: 'panel-zed' } }),
      [['masterPages.1.assignment.target.panelId', 'unknown panel "panel-zed"']],
    ],
    [
      'customer choice of an unknown, a repeated and no booking page',
      (w) => {
        w.masterPages[2]!.assignment = {
          type: 'customer-choice',
          flow: 'event-types-first',
          bookingPageIds: ['bp-zed', 'bp-ana', 'bp-ana'],
        }
        w.masterPages[1]!.assignment = {
          type: 'customer-choice',
          flow: 'find-member-by-time',
          bookingPageIds: [],
        }
      },
      [
        ['masterPages.1.assignment.bookingPageIds', 'at least one booking page'],
        ['masterPages.2.assignment.bookingPageIds.0', 'unknown booking page'],
        ['masterPages.2.assignment.bookingPageIds.2', 'repeats'],
      ],
    ],
  ]

  const dynamicCases: readonly Case[] = [
    [
      'a rule for an event type not on the page',
      (w) => void (rule(2, w).eventTypeId = 'et-zed'),
      [['masterPages.0.assignment.rules.2.eventTypeId', 'not on this page']],
    ],
    [
      'a rule target pool that does not exist',
      (w) => void (rule(1, w).target = { poolId: 'pool-zed' }),
      [['masterPages.0.assignment.rules.1.target.poolId', 'unknown pool']],
    ],
    [
      'a rule target booking page that does not exist',
      (w) => void (rule(1, w).target = { bookingPageId: 'bp-zed' }),
      [['masterPages.0.assignment.rules.1.target.bookingPageId', 'unknown booking page']],
    ],
    [
      'a rule target booking page without the rule’s event type',
      (w) => void (rule(2, w).target = { bookingPageId: 'bp-ben' }),
      [
        [
          'masterPages.0.assignment.rules.2.target.bookingPageId',
          'does not offer event type "et-demo"',
        ],
      ],
    ],
    [
      'a condition on a question of another event type',
      (w) => void (rule(2, w).when = [{ questionId: 'region', op: 'equals', value: 'EMEA' }]),
      [['masterPages.0.assignment.rules.2.when.0.questionId', 'not a question']],
    ],
    [
      'a condition on an unknown question',
      (w) => void (rule(0, w).when[1]!.questionId = 'budget'),
      [['masterPages.0.assignment.rules.0.when.1.questionId', 'not a question']],
    ],
    [
      '"in" with a single string',
      (w) => void (rule(1, w).when[0]!.value = 'EMEA'),
      [['masterPages.0.assignment.rules.1.when.0.value', 'needs a list']],
    ],
    [
      '"in" with an empty list',
      (w) => void (rule(1, w).when[0]!.value = []),
      [['masterPages.0.assignment.rules.1.when.0.value', 'at least one value']],
    ],
    [
      '"equals" with a list',
      (w) => void (rule(0, w).when[0]!.value = ['EMEA']),
      [['masterPages.0.assignment.rules.0.when.0.value', 'single value']],
    ],
    [
      '"contains" with a blank value',
      (w) => void (rule(0, w).when[1]!.value = ' '),
      [['masterPages.0.assignment.rules.0.when.1.value', 'blank value']],
    ],
    [
      'a select value that is no option',
      (w) => void (rule(1, w).when[0]!.value = ['EMEA', 'APAC']),
      [['masterPages.0.assignment.rules.1.when.0.value.1', '"APAC" is not an option']],
    ],
    [
      '"not-equals" with a select value that is no option',
      (w) => void (rule(0, w).when[0] = { questionId: 'region', op: 'not-equals', value: 'EMAE' }),
      [['masterPages.0.assignment.rules.0.when.0.value', 'not an option']],
    ],
    [
      '"contains" on a select question is free text',
      (w) => void (rule(0, w).when[0] = { questionId: 'region', op: 'contains', value: 'M' }),
      [],
    ],
    [
      'a fallback that does not exist',
      (w) => {
        const a = w.masterPages[0]!.assignment
        if (a.type === 'dynamic') a.fallback = { panelId: 'panel-zed' }
      },
      [['masterPages.0.assignment.fallback.panelId', 'unknown panel']],
    ],
    [
      'a missing fallback',
      (w) => {
        const a = w.masterPages[0]!.assignment
        if (a.type === 'dynamic') delete (a as { fallback?: unknown }).fallback
      },
      [['masterPages.0.assignment.fallback', 'required']],
    ],
    [
      'a target naming nothing',
      (w) => void (rule(0, w).target = {} as { poolId: string }),
      [['masterPages.0.assignment.rules.0.target', 'names a pool, booking page or panel']],
    ],
  ]

  const bookingCases: readonly Case[] = [
    [
      'an unknown event type',
      (w) => void (w.bookings[2]!.eventTypeId = 'et-zed'),
      [['bookings.2.eventTypeId', 'unknown event type']],
    ],
    [
      'an unknown master page',
      (w) => void (w.bookings[0]!.masterPageId = 'mp-zed'),
      [['bookings.0.masterPageId', 'unknown master page']],
    ],
    [
      'an unknown pool',
      (w) => void (w.bookings[0]!.poolId = 'pool-zed'),
      [['bookings.0.poolId', 'unknown pool']],
    ],
    [
      'an unknown panel',
      (w) => void (w.bookings[3]!.panelId = 'panel-zed'),
      [['bookings.3.panelId', 'unknown panel']],
    ],
    [
      'an unknown host',
      (w) => void (w.bookings[2]!.hostMemberIds = ['m-zed']),
      [['bookings.2.hostMemberIds.0', 'unknown member']],
    ],
    [
      'start after end',
      (w) => void (w.bookings[2]!.end = '2027-03-17T08:00:00.000Z'),
      [['bookings.2.end', 'ends after it starts']],
    ],
    [
      'start equal to end',
      (w) => void (w.bookings[2]!.end = w.bookings[2]!.start),
      [['bookings.2.end', 'ends after it starts']],
    ],
    [
      'an impossible instant',
      (w) => void (w.bookings[2]!.start = '2027-02-30T09:00:00.000Z'),
      [['bookings.2.start', 'UTC instant']],
    ],
    [
      'a length in seconds',
      (w) => void (w.bookings[2]!.end = '2027-03-17T09:59:30.000Z'),
      [['bookings.2.end', 'whole minutes']],
    ],
    [
      'a length that differs from the event type’s current duration is kept',
      (w) => void (w.bookings[2]!.end = '2027-03-17T09:45:00.000Z'),
      [],
    ],
    [
      'a customer with an unknown zone',
      (w) => void (w.bookings[1]!.customer.timeZone = 'Asia/Nowhere'),
      [['bookings.1.customer.timeZone', 'unknown IANA time zone']],
    ],
    [
      // A booking keeps the hosts it was booked with when the panel's seats change later.
      'a panel booking with fewer hosts than the panel has seats now',
      (w) => {
        w.bookings[3]!.hostMemberIds = ['m-ana']
        w.bookings[3]!.history.splice(1, 1)
      },
      [],
    ],
    [
      'a single booking with two hosts',
      (w) => void w.bookings[2]!.hostMemberIds.push('m-ben'),
      [['bookings.2.hostMemberIds', 'expected 1 host']],
    ],
    [
      'the same host twice on a panel',
      (w) => {
        w.bookings[3]!.hostMemberIds = ['m-ana', 'm-ana']
        w.bookings[3]!.history.splice(1, 1)
      },
      [['bookings.3.hostMemberIds.1', 'repeats bookings.3.hostMemberIds.0']],
    ],
    [
      'a panel booking through a pool that no longer fills a seat',
      (w) => void (w.bookings[3]!.poolId = 'pool-sales'),
      [],
    ],
    [
      'history without a created entry',
      (w) => void w.bookings[2]!.history.shift(),
      [['bookings.2.history', 'begin with a created entry']],
    ],
    [
      'history out of order',
      (w) => void (w.bookings[0]!.history[2]!.at = '2027-02-01T00:00:00.000Z'),
      [['bookings.0.history.2.at', 'chronological']],
    ],
    [
      'a reassignment from someone who does not hold the booking',
      (w) => {
        w.bookings[0]!.history[1]!.toMemberId = 'm-dev'
      },
      [['bookings.0.history.1.fromMemberId', 'does not hold the booking']],
    ],
    [
      'a reassignment to an unknown member',
      (w) => void (w.bookings[0]!.history[1]!.toMemberId = 'm-zed'),
      [
        ['bookings.0.history.1.toMemberId', 'unknown member'],
        ['bookings.0.history.1.fromMemberId', 'does not hold'],
      ],
    ],
    [
      'a reassignment without its from member',
      (w) => void (w.bookings[0]!.history[1]!.fromMemberId = null),
      [['bookings.0.history.1.fromMemberId', 'names who it moved from']],
    ],
    [
      'a reassignment after a cancellation',
      (w) =>
        void w.bookings[1]!.history.push({
          at: '2027-03-07T00:00:00.000Z',
          action: 'reassigned',
          by: 'Maria',
          fromMemberId: 'm-ana',
          toMemberId: 'm-ben',
        }),
      [['bookings.1.history.3.action', 'already ended as cancelled']],
    ],
    [
      'a cancelled status without a cancelled entry',
      (w) => void (w.bookings[2]!.status = 'cancelled'),
      [['bookings.2.status', 'records its cancellation']],
    ],
  ]

  describe('workspace-wide rules', () => it.each(workspaceCases)('%s', (...c) => check(c)))
  describe('members', () => it.each(memberCases)('%s', (...c) => check(c)))
  describe('event types', () => it.each(eventTypeCases)('%s', (...c) => check(c)))
  describe('booking pages', () => it.each(pageCases)('%s', (...c) => check(c)))
  describe('pools', () => it.each(poolCases)('%s', (...c) => check(c)))
  describe('panels', () => it.each(panelCases)('%s', (...c) => check(c)))
  describe('master pages', () => it.each(masterPageCases)('%s', (...c) => check(c)))
  describe('dynamic rules', () => it.each(dynamicCases)('%s', (...c) => check(c)))
  describe('bookings', () => it.each(bookingCases)('%s', (...c) => check(c)))

  it('does not mutate the workspace', () => {
    const workspace = fixtureWorkspace()
    const copy = structuredClone(workspace)
    workspaceValidate(workspace)
    expect(workspace).toEqual(copy)
  })
})
