import { nameOrder } from '../format/datetime-format'
import type { Member, Workspace } from '../../../core/src/model/workspace'

/** How the day board narrows and orders its columns (from the URL). */
export interface BoardFilter {
  /** Only members of this pool. */
  readonly poolId?: string | undefined
  /** Only members in this time zone. */
  readonly zone?: string | undefined
  /** Only members whose name contains this text (case-insensitive). */
  readonly query?: string | undefined
  /** Columns grouped by their first pool, or by zone. */
  readonly groupBy?: 'pool' | 'zone' | undefined
}

export interface BoardGroup {
  readonly key: string
  /** `null` when the board is not grouped. */
  readonly label: string | null
  readonly members: readonly Member[]
}

/**
 * The active members the board shows, filtered, grouped and sorted by name within a group.
 * Grouped by pool, a member appears under the first pool (workspace order) that lists them;
 * members in no pool come last under "No pool". Grouped by zone, groups are sorted by zone name.
 */
export function boardMembers(workspace: Workspace, filter: BoardFilter): readonly BoardGroup[] {
  const query = filter.query?.trim().toLowerCase() ?? ''
  const pool = filter.poolId ? workspace.pools.find((p) => p.id === filter.poolId) : undefined
  const inPool = pool ? new Set(pool.members.map((m) => m.memberId)) : null
  const members = workspace.members
    .filter((m) => m.active)
    .filter((m) => inPool === null || inPool.has(m.id))
    .filter((m) => !filter.zone || m.timeZone === filter.zone)
    .filter((m) => query === '' || m.name.toLowerCase().includes(query))
    .toSorted((a, b) => nameOrder(a.name, b.name))
  if (filter.groupBy === 'zone') {
    const zones = [...new Set(members.map((m) => m.timeZone))].sort()
    return zones.map((zone) => ({
      key: `zone:${zone}`,
      label: zone,
      members: members.filter((m) => m.timeZone === zone),
    }))
  }
  if (filter.groupBy === 'pool') {
    const firstPool = new Map<string, string>()
    for (const p of workspace.pools) {
      for (const entry of p.members)
        if (!firstPool.has(entry.memberId)) firstPool.set(entry.memberId, p.id)
    }
    const groups: BoardGroup[] = workspace.pools
      .map((p) => ({
        key: `pool:${p.id}`,
        label: p.name,
        members: members.filter((m) => firstPool.get(m.id) === p.id),
      }))
      .filter((g) => g.members.length > 0)
    const rest = members.filter((m) => !firstPool.has(m.id))
    return rest.length > 0
      ? [...groups, { key: 'pool:none', label: 'No pool', members: rest }]
      : groups
  }
  return [{ key: 'all', label: null, members }]
}
