import type { Workspace } from '../../../core/src/model/workspace'
import { useRoute } from '../routing/use-route'

export interface BoardFiltersProps {
  readonly workspace: Workspace
  /** How many members the filters leave, of how many. */
  readonly shown: number
  readonly total: number
}

/**
 * Narrowing a large team on the day board: by pool, zone or name, and grouping by pool or zone.
 * Everything lives in the URL (back and refresh keep it).
 */
export function BoardFilters({ workspace, shown, total }: BoardFiltersProps) {
  const [route, navigate] = useRoute()
  const set = (key: string, value: string, replace = false) =>
    navigate({ params: { [key]: value || null } }, replace)
  const zones = [
    ...new Set(workspace.members.filter((m) => m.active).map((m) => m.timeZone)),
  ].sort()
  return (
    <div className="board-filters" role="group" aria-label="Filter members">
      <label className="field">
        <span>Pool</span>
        <select value={route.params['pool'] ?? ''} onChange={(e) => set('pool', e.target.value)}>
          <option value="">All pools</option>
          {workspace.pools.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Time zone</span>
        <select value={route.params['zone'] ?? ''} onChange={(e) => set('zone', e.target.value)}>
          <option value="">All zones</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Member</span>
        <input
          type="search"
          placeholder="Name"
          value={route.params['q'] ?? ''}
          onChange={(e) => set('q', e.target.value, true)}
        />
      </label>
      <label className="field">
        <span>Group by</span>
        <select value={route.params['group'] ?? ''} onChange={(e) => set('group', e.target.value)}>
          <option value="">Nothing</option>
          <option value="pool">Pool</option>
          <option value="zone">Time zone</option>
        </select>
      </label>
      <p className="small muted" aria-live="polite">
        {shown === total ? `${total} active members` : `${shown} of ${total} active members`}
      </p>
    </div>
  )
}
