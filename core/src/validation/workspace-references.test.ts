import { describe, expect, it } from 'vitest'
import { deletionCheck } from './deletion-check'
import { fixtureEdited, fixtureWorkspace } from './test-fixtures'
import type { WorkspaceRef } from './workspace-references'
import { workspaceReferences } from './workspace-references'

const workspace = fixtureWorkspace()

describe('workspaceReferences', () => {
  const cases: readonly [string, WorkspaceRef, [string, string, string][]][] = [
    [
      'a pool: panel seats, rule targets, fallback, static target, bookings',
      { kind: 'pool', id: 'pool-experts' },
      [
        ['panels.0.seats.1.poolId', 'Design review', 'seat 2'],
        ['masterPages.1.assignment.target.poolId', 'Ask an expert', 'static target'],
        ['bookings.3.poolId', 'bk-4', 'assigned through'],
      ],
    ],
    [
      'the round robin pool',
      { kind: 'pool', id: 'pool-sales' },
      [
        ['masterPages.0.assignment.rules.1.target.poolId', 'Talk to sales', 'rule 2 target'],
        ['masterPages.0.assignment.fallback.poolId', 'Talk to sales', 'fallback target'],
        ['bookings.0.poolId', 'bk-1', 'assigned through'],
        ['bookings.1.poolId', 'bk-2', 'assigned through'],
      ],
    ],
    [
      'a member: booking page, pools, panel seat, hosts, history',
      { kind: 'member', id: 'm-ben' },
      [
        ['bookingPages.1.memberId', 'ben', 'owner'],
        ['pools.0.members.1.memberId', 'Sales', 'pool member'],
        ['pools.1.members.0.memberId', 'Experts', 'pool member'],
        ['bookings.0.hostMemberIds.0', 'bk-1', 'host'],
        ['bookings.0.history.1.toMemberId', 'bk-1', 'reassigned to'],
        ['bookings.3.hostMemberIds.1', 'bk-4', 'host'],
        ['bookings.3.history.1.toMemberId', 'bk-4', 'reassigned to'],
      ],
    ],
    [
      'an event type: booking pages, master pages, rules, bookings',
      { kind: 'event-type', id: 'et-demo' },
      [
        ['bookingPages.0.eventTypeIds.1', 'ana', 'offered event type'],
        ['masterPages.0.eventTypeIds.1', 'Talk to sales', 'offered event type'],
        ['masterPages.0.assignment.rules.2.eventTypeId', 'Talk to sales', 'rule 3 event type'],
        ['masterPages.1.eventTypeIds.0', 'Ask an expert', 'offered event type'],
        ['bookings.2.eventTypeId', 'bk-3', 'event type'],
        ['bookings.3.eventTypeId', 'bk-4', 'event type'],
      ],
    ],
    [
      'a booking page: rule target and customer choice',
      { kind: 'booking-page', id: 'bp-ana' },
      [
        ['masterPages.0.assignment.rules.0.target.bookingPageId', 'Talk to sales', 'rule 1 target'],
        ['masterPages.2.assignment.bookingPageIds.0', 'Meet the team', 'customer choice'],
      ],
    ],
    [
      'a panel',
      { kind: 'panel', id: 'panel-review' },
      [
        ['masterPages.0.assignment.rules.2.target.panelId', 'Talk to sales', 'rule 3 target'],
        ['bookings.3.panelId', 'bk-4', 'panel'],
      ],
    ],
    ['a master page', { kind: 'master-page', id: 'mp-experts' }, []],
    ['an id nobody uses', { kind: 'member', id: 'm-zed' }, []],
    ['a pool id asked as a panel', { kind: 'panel', id: 'pool-sales' }, []],
  ]

  it.each(cases)('%s', (_, ref, expected) => {
    expect(workspaceReferences(workspace, ref).map((r) => [r.path, r.ownerName, r.role])).toEqual(
      expected,
    )
  })

  it('names the owner by kind and id', () => {
    expect(workspaceReferences(workspace, { kind: 'panel', id: 'panel-review' })[0]).toEqual({
      path: 'masterPages.0.assignment.rules.2.target.panelId',
      ownerKind: 'master-page',
      ownerId: 'mp-sales',
      ownerName: 'Talk to sales',
      role: 'rule 3 target',
    })
  })
})

describe('deletionCheck', () => {
  it('allows deleting what nothing references', () => {
    expect(deletionCheck(workspace, { kind: 'master-page', id: 'mp-experts' })).toEqual({
      ok: true,
    })
    const unused = fixtureEdited((w) => {
      w.masterPages[0]!.eventTypeIds = ['et-intro']
      const a = w.masterPages[0]!.assignment
      if (a.type === 'dynamic') a.rules.pop()
      w.masterPages.splice(1, 1)
      w.bookings.splice(3, 1)
      w.panels = []
    })
    expect(deletionCheck(unused, { kind: 'pool', id: 'pool-experts' })).toEqual({ ok: true })
  })

  it('refuses to delete a pool that master pages use, naming them (edge case 16)', () => {
    const result = deletionCheck(workspace, { kind: 'pool', id: 'pool-sales' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.references).toHaveLength(4)
    expect(result.message).toBe(
      'Cannot delete pool "Sales": it is used by master page "Talk to sales" (rule 2 target, ' +
        'fallback target) and 2 bookings. Bookings keep their history, so it stays while ' +
        'bookings refer to it; change the other references to stop using it.',
    )
  })

  it('refuses to delete a referenced panel or event type without bookings in the message', () => {
    const noBookings = fixtureEdited((w) => void (w.bookings = []))
    const result = deletionCheck(noBookings, { kind: 'panel', id: 'panel-review' })
    expect(result).toMatchObject({
      ok: false,
      message:
        'Cannot delete panel "Design review": it is used by master page "Talk to sales" ' +
        '(rule 3 target). Change or remove those references first.',
    })
    const eventType = deletionCheck(noBookings, { kind: 'event-type', id: 'et-intro' })
    expect(eventType.ok ? '' : eventType.message).toContain(
      'used by booking page "ana" (offered event type), booking page "ben" (offered event type), ' +
        'master page "Talk to sales" (offered event type, rule 1 event type, rule 2 event type) and ' +
        'master page "Meet the team" (offered event type).',
    )
  })

  it('suggests deactivating a member instead', () => {
    const result = deletionCheck(workspace, { kind: 'member', id: 'm-dev' })
    expect(result.ok ? '' : result.message).toBe(
      'Cannot delete member "Dev Patel": it is used by pool "Experts" (pool member) and 1 booking. ' +
        'Deactivate the member instead: they get no new bookings and their history stays.',
    )
  })

  it('counts stored bookings it is told about instead of reading the workspace bookings', () => {
    const noBookings = fixtureEdited((w) => void (w.bookings = []))
    const member = { kind: 'member', id: 'm-ben' } as const
    // Ben is in a pool too; with 40 stored bookings the message says so, without scanning any.
    const result = deletionCheck(noBookings, member, { count: 40 })
    expect(result.ok ? '' : result.message).toContain('and 40 bookings.')
    const unused = fixtureEdited((w) => {
      w.bookings = []
      w.pools = []
      w.panels = []
      w.masterPages = []
      w.bookingPages = []
    })
    expect(deletionCheck(unused, member, { count: 0 })).toEqual({ ok: true })
    expect(deletionCheck(unused, member, { count: 1 })).toMatchObject({ ok: false })
    // The workspace's own bookings are not read when a count is given.
    expect(deletionCheck(workspace, { kind: 'member', id: 'm-dev' }, { count: 0 })).toMatchObject({
      ok: false,
      message: expect.not.stringContaining('1 booking'),
    })
  })
})
