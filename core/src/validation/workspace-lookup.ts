/**
 * Records of a workspace by id, built once per validation or reference query.
 */

import type {
  BookingPage,
  EventType,
  MasterPage,
  Member,
  Panel,
  Pool,
  Target,
  Workspace,
} from '../model/workspace'

/** Each collection by id; where an id is duplicated the first record wins. */
export interface WorkspaceLookup {
  readonly members: ReadonlyMap<string, Member>
  readonly eventTypes: ReadonlyMap<string, EventType>
  readonly bookingPages: ReadonlyMap<string, BookingPage>
  readonly pools: ReadonlyMap<string, Pool>
  readonly panels: ReadonlyMap<string, Panel>
  readonly masterPages: ReadonlyMap<string, MasterPage>
}

/** Indexes `workspace`'s collections by id (first occurrence wins). Does not mutate it. */
export function workspaceLookup(workspace: Workspace): WorkspaceLookup {
  return {
    members: byId(workspace.members),
    eventTypes: byId(workspace.eventTypes),
    bookingPages: byId(workspace.bookingPages),
    pools: byId(workspace.pools),
    panels: byId(workspace.panels),
    masterPages: byId(workspace.masterPages),
  }
}

function byId<T extends { readonly id: string }>(records: readonly T[]): Map<string, T> {
  const map = new Map<string, T>()
  for (const record of records) if (!map.has(record.id)) map.set(record.id, record)
  return map
}

/** A target's field name and id: `['poolId', 'pool-emea']`; null for a target naming nothing. */
export function targetField(
  target: Target,
): readonly ['poolId' | 'bookingPageId' | 'panelId', string] | null {
  if ('poolId' in target && typeof target.poolId === 'string') return ['poolId', target.poolId]
  if ('bookingPageId' in target && typeof target.bookingPageId === 'string') {
    return ['bookingPageId', target.bookingPageId]
  }
  if ('panelId' in target && typeof target.panelId === 'string') return ['panelId', target.panelId]
  return null
}
