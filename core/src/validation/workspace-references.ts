/**
 * Who references a record: the answer behind "you cannot delete this pool, master page Sales uses
 * it" (product edge case 16).
 */

import type { Booking, Target, Workspace } from '../model/workspace'
import { targetField } from './workspace-lookup'

/** A record that other records may reference. */
export type WorkspaceRef =
  | { readonly kind: 'member'; readonly id: string }
  | { readonly kind: 'event-type'; readonly id: string }
  | { readonly kind: 'booking-page'; readonly id: string }
  | { readonly kind: 'pool'; readonly id: string }
  | { readonly kind: 'panel'; readonly id: string }
  | { readonly kind: 'master-page'; readonly id: string }

/** Kinds of records that own references (bookings reference but are not referenced here). */
export type RecordKind = WorkspaceRef['kind'] | 'booking'

/** One place that references the record. */
export interface WorkspaceReference {
  /** Path of the referencing field, e.g. `masterPages.0.assignment.rules.2.target.poolId`. */
  readonly path: string
  readonly ownerKind: RecordKind
  readonly ownerId: string
  /** The owner as people know it: a member's or pool's name, a page title, a booking page slug. */
  readonly ownerName: string
  /** What the reference is for, numbered from 1 for people: `rule 3 target`, `seat 2`, `host`. */
  readonly role: string
}

/**
 * Every place in `workspace` that references `ref`, by collection (booking pages, pools, panels,
 * master pages, bookings), then record and field order. Direct references only: a master page
 * that routes to a member's booking page references the booking page, which references the member.
 * The record itself need not exist (dangling references are found too). Never throws.
 */
export function workspaceReferences(workspace: Workspace, ref: WorkspaceRef): WorkspaceReference[] {
  const is: RefTest = (kind, id) => ref.kind === kind && id === ref.id
  return [
    ...bookingPageReferences(workspace, is),
    ...poolAndPanelReferences(workspace, is),
    ...masterPageReferences(workspace, is),
    ...bookingReferences(workspace, is),
  ]
}

/** True when `(kind, id)` is the record asked about. */
type RefTest = (kind: WorkspaceRef['kind'], id: string | null | undefined) => boolean

function bookingPageReferences(workspace: Workspace, is: RefTest): WorkspaceReference[] {
  return workspace.bookingPages.flatMap((page, i) => {
    const owner = { ownerKind: 'booking-page', ownerId: page.id, ownerName: page.slug } as const
    const found: WorkspaceReference[] = []
    if (is('member', page.memberId)) {
      found.push({ ...owner, path: `bookingPages.${i}.memberId`, role: 'owner' })
    }
    page.eventTypeIds.forEach((id, e) => {
      const path = `bookingPages.${i}.eventTypeIds.${e}`
      if (is('event-type', id)) found.push({ ...owner, path, role: 'offered event type' })
    })
    return found
  })
}

function poolAndPanelReferences(workspace: Workspace, is: RefTest): WorkspaceReference[] {
  const found: WorkspaceReference[] = []
  workspace.pools.forEach((pool, i) => {
    const owner = { ownerKind: 'pool', ownerId: pool.id, ownerName: pool.name } as const
    pool.members.forEach((entry, m) => {
      const path = `pools.${i}.members.${m}.memberId`
      if (is('member', entry.memberId)) found.push({ ...owner, path, role: 'pool member' })
    })
  })
  workspace.panels.forEach((panel, i) => {
    const owner = { ownerKind: 'panel', ownerId: panel.id, ownerName: panel.name } as const
    panel.seats.forEach((seat, s) => {
      const field =
        'poolId' in seat
          ? is('pool', seat.poolId)
            ? 'poolId'
            : null
          : is('member', seat.memberId)
            ? 'memberId'
            : null
      if (field !== null) {
        found.push({ ...owner, path: `panels.${i}.seats.${s}.${field}`, role: `seat ${s + 1}` })
      }
    })
  })
  return found
}

function masterPageReferences(workspace: Workspace, is: RefTest): WorkspaceReference[] {
  /** The field name of `target` when it names the record asked about. */
  const targetHit = (target: Target | undefined) => {
    const field = target === undefined ? null : targetField(target)
    if (field === null) return null
    const kind = field[0] === 'poolId' ? 'pool' : field[0] === 'panelId' ? 'panel' : 'booking-page'
    return is(kind, field[1]) ? field[0] : null
  }
  return workspace.masterPages.flatMap((page, i) => {
    const owner = { ownerKind: 'master-page', ownerId: page.id, ownerName: page.title } as const
    const found: WorkspaceReference[] = []
    const add = (path: string, role: string) =>
      found.push({ ...owner, path: `masterPages.${i}.${path}`, role })
    page.eventTypeIds.forEach((id, e) => {
      if (is('event-type', id)) add(`eventTypeIds.${e}`, 'offered event type')
    })
    const assignment = page.assignment
    if (assignment.type === 'customer-choice') {
      assignment.bookingPageIds.forEach((id, b) => {
        if (is('booking-page', id)) add(`assignment.bookingPageIds.${b}`, 'customer choice')
      })
    } else if (assignment.type === 'static') {
      const field = targetHit(assignment.target)
      if (field !== null) add(`assignment.target.${field}`, 'static target')
    } else {
      assignment.rules.forEach((rule, r) => {
        if (is('event-type', rule.eventTypeId)) {
          add(`assignment.rules.${r}.eventTypeId`, `rule ${r + 1} event type`)
        }
        const field = targetHit(rule.target)
        if (field !== null) add(`assignment.rules.${r}.target.${field}`, `rule ${r + 1} target`)
      })
      const field = targetHit(assignment.fallback as Target | undefined)
      if (field !== null) add(`assignment.fallback.${field}`, 'fallback target')
    }
    return found
  })
}

function bookingReferences(workspace: Workspace, is: RefTest): WorkspaceReference[] {
  return workspace.bookings.flatMap((booking, i) => {
    const owner = { ownerKind: 'booking', ownerId: booking.id, ownerName: booking.id } as const
    return bookingReferenceList(booking)
      .filter((reference) => is(reference.kind, reference.id))
      .map(({ path, role }) => ({ ...owner, path: `bookings.${i}.${path}`, role }))
  })
}

/** One reference a booking holds: where, to what, and in which role. */
export interface BookingReference {
  readonly path: string
  readonly kind: WorkspaceRef['kind']
  readonly id: string
  readonly role: string
}

/**
 * Every record a booking references, in field order: event type, master page, pool, panel, hosts,
 * and the members its history reassigned from and to.
 */
export function bookingReferenceList(booking: Booking): BookingReference[] {
  const found: BookingReference[] = []
  const add = (
    path: string,
    kind: WorkspaceRef['kind'],
    id: string | null | undefined,
    role: string,
  ) => {
    if (typeof id === 'string') found.push({ path, kind, id, role })
  }
  add('eventTypeId', 'event-type', booking.eventTypeId, 'event type')
  add('masterPageId', 'master-page', booking.masterPageId, 'booked through')
  add('poolId', 'pool', booking.poolId, 'assigned through')
  add('panelId', 'panel', booking.panelId, 'panel')
  booking.hostMemberIds.forEach((id, h) => add(`hostMemberIds.${h}`, 'member', id, 'host'))
  booking.history.forEach((entry, h) => {
    add(`history.${h}.fromMemberId`, 'member', entry.fromMemberId, 'reassigned from')
    add(`history.${h}.toMemberId`, 'member', entry.toMemberId, 'reassigned to')
  })
  return found
}
