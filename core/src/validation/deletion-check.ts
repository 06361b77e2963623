/**
 * Whether a record may be deleted: refused, with a message naming the references, while anything
 * references it (product edge case 16: rules are never left dangling).
 */

import type { Workspace } from '../model/workspace'
import type { RecordKind, WorkspaceRef, WorkspaceReference } from './workspace-references'
import { workspaceReferences } from './workspace-references'

/** The answer of `deletionCheck`: allowed, or refused with the references and a message. */
export type DeletionCheck =
  | { readonly ok: true }
  | {
      readonly ok: false
      readonly references: readonly WorkspaceReference[]
      /** One paragraph for a person, naming every referencing record (bookings as a count). */
      readonly message: string
    }

const KIND_LABEL: Readonly<Record<RecordKind, string>> = {
  member: 'member',
  'event-type': 'event type',
  'booking-page': 'booking page',
  pool: 'pool',
  panel: 'panel',
  'master-page': 'master page',
  booking: 'booking',
}

/**
 * `{ ok: true }` when nothing in `workspace` references `ref` (see `workspaceReferences`), else the
 * references and a message such as: `Cannot delete pool "Sales EMEA": it is used by master page
 * "Talk to sales" (rule 1 target, fallback target), panel "Design review" (seat 2) and 3 bookings.`
 * followed by what to do. Bookings count as references because they keep their history (a member
 * is deactivated instead, product edge case 5). Nothing cascades. Never throws; never mutates.
 *
 * `storedBookings`, when given, is how many stored bookings reference `ref` (a store that keeps
 * bookings out of memory counts them through an index); `workspace.bookings` is then not read.
 */
export function deletionCheck(
  workspace: Workspace,
  ref: WorkspaceRef,
  storedBookings?: { readonly count: number },
): DeletionCheck {
  const scanned = storedBookings ? { ...workspace, bookings: [] } : workspace
  const references = workspaceReferences(scanned, ref)
  const counted = storedBookings?.count ?? 0
  if (references.length === 0 && counted === 0) return { ok: true }
  const owners = new Map<string, { label: string; roles: string[] }>()
  const bookingIds = new Set<string>()
  for (const reference of references) {
    if (reference.ownerKind === 'booking') {
      bookingIds.add(reference.ownerId)
      continue
    }
    const key = `${reference.ownerKind}:${reference.ownerId}`
    const owner = owners.get(key) ?? {
      label: `${KIND_LABEL[reference.ownerKind]} ${JSON.stringify(reference.ownerName)}`,
      roles: [],
    }
    if (!owner.roles.includes(reference.role)) owner.roles.push(reference.role)
    owners.set(key, owner)
  }
  const parts = [...owners.values()].map((o) => `${o.label} (${o.roles.join(', ')})`)
  const bookingCount = bookingIds.size + counted
  if (bookingCount > 0) {
    parts.push(`${bookingCount} booking${bookingCount === 1 ? '' : 's'}`)
  }
  const advice =
    ref.kind === 'member'
      ? 'Deactivate the member instead: they get no new bookings and their history stays.'
      : bookingCount > 0
        ? 'Bookings keep their history, so it stays while bookings refer to it; change the other references to stop using it.'
        : 'Change or remove those references first.'
  const name = JSON.stringify(recordName(workspace, ref))
  const message = `Cannot delete ${KIND_LABEL[ref.kind]} ${name}: it is used by ${listJoin(parts)}. ${advice}`
  return { ok: false, references, message }
}

/** The record's name as people know it; its id when it has none or is missing. */
function recordName(workspace: Workspace, ref: WorkspaceRef): string {
  const find = <T extends { readonly id: string }>(records: readonly T[]) =>
    records.find((r) => r.id === ref.id)
  switch (ref.kind) {
    case 'member':
      return find(workspace.members)?.name ?? ref.id
    case 'event-type':
      return find(workspace.eventTypes)?.name ?? ref.id
    case 'booking-page':
      return find(workspace.bookingPages)?.slug ?? ref.id
    case 'pool':
      return find(workspace.pools)?.name ?? ref.id
    case 'panel':
      return find(workspace.panels)?.name ?? ref.id
    case 'master-page':
      return find(workspace.masterPages)?.title ?? ref.id
  }
}

/** `a`, `a and b`, `a, b and c`. */
function listJoin(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}
