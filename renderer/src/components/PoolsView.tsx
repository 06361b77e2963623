import { cycleBounds, poolStats, roundRobinOrder } from '../../../core/src/distribution'
import type { PoolMemberStats, PoolStats } from '../../../core/src/distribution'
import type { Pool, Workspace } from '../../../core/src/model/workspace'
import { memberColorFor } from '../../../core/src/schema/migrations'
import { useWorkspace } from '../db/use-workspace'
import { useNow } from '../hooks/use-now'

const METHOD_TEXT: Readonly<Record<Pool['distribution'], string>> = {
  'round-robin': 'Round robin',
  pooled: 'Pooled availability',
  'pooled-priority': 'Pooled availability with priority',
}

/**
 * Distribution per pool for the current reporting cycle: received, removed and net bookings per
 * member as bars against the pool's average, last assignment, and for round robin who is next in
 * line. Everything is derived from booking history by core (works offline on the local replica).
 */
export function PoolsView() {
  const live = useWorkspace()
  const now = useNow(60_000)
  if (!live) return <p>Loading pools…</p>
  const { workspace } = live
  return (
    <section aria-labelledby="pools-heading">
      <h2 id="pools-heading">Pools</h2>
      {workspace.pools.length === 0 ? <p>No resource pools yet.</p> : null}
      {workspace.pools.map((pool) => (
        <PoolCard key={pool.id} pool={pool} workspace={workspace} now={now} />
      ))}
    </section>
  )
}

function PoolCard({ pool, workspace, now }: { pool: Pool; workspace: Workspace; now: number }) {
  const cycle = cycleBounds(pool.reportingCycle, now, workspace.timeZone ?? 'UTC')
  const stats: PoolStats = poolStats(pool, workspace.bookings, workspace.panels, cycle)
  const names = new Map(workspace.members.map((m) => [m.id, m]))
  const line =
    pool.distribution === 'round-robin' ? roundRobinOrder(pool, stats, workspace.members) : []
  const scale = Math.max(1, ...stats.members.map((m) => Math.max(m.received, m.removed)))
  const cycleText =
    cycle.start && cycle.end
      ? `${new Date(cycle.start).toLocaleDateString()} – ${new Date(Date.parse(cycle.end) - 1).toLocaleDateString()}`
      : 'all time'
  return (
    <article className="pool-card" aria-label={`Pool ${pool.name}`}>
      <h3>{pool.name}</h3>
      <p className="pool-meta">
        {METHOD_TEXT[pool.distribution]} · {pool.reportingCycle} cycle ({cycleText}) · automatic
        correction {pool.automaticCorrection ? 'on' : 'off'} · average net{' '}
        {stats.average.toFixed(1)}
        {line[0] ? ` · next in line: ${names.get(line[0].memberId)?.name ?? line[0].memberId}` : ''}
      </p>
      <ul className="pool-bars">
        {stats.members.map((row) => (
          <StatsRow
            key={row.memberId}
            row={row}
            name={names.get(row.memberId)?.name ?? row.memberId}
            color={names.get(row.memberId)?.color ?? memberColorFor(row.memberId)}
            scale={scale}
            average={stats.average}
          />
        ))}
      </ul>
    </article>
  )
}

function StatsRow(props: {
  row: PoolMemberStats
  name: string
  color: string
  scale: number
  average: number
}) {
  const { row, name, color, scale, average } = props
  const pct = (n: number) => `${(Math.max(0, n) / scale) * 100}%`
  const summary = `${name}: ${row.received} received, ${row.removed} removed, net ${row.net}`
  return (
    <li className="pool-row" aria-label={summary}>
      <span className="pool-name">
        {name}
        {row.isCurrentMember ? '' : ' (former member)'}
      </span>
      <span className="pool-track" aria-hidden="true">
        <span
          className="pool-bar received"
          style={{ width: pct(row.received), background: color }}
        />
        <span className="pool-bar removed" style={{ width: pct(row.removed) }} />
        <span
          className="pool-average"
          style={{ left: pct(average) }}
          title={`average ${average.toFixed(1)}`}
        />
      </span>
      <span className="pool-numbers">
        {row.received} / −{row.removed} / net {row.net}
      </span>
      <span className="pool-last">
        {row.lastAssignedAt
          ? `last ${new Date(row.lastAssignedAt).toLocaleString()}`
          : 'never assigned'}
      </span>
    </li>
  )
}
