import { useState } from 'react'
import { windowStartMs } from '../../../core/src/booking/booking-window'
import {
  cycleBounds,
  DISTRIBUTION_METHODS,
  poolLedger,
  poolLedgerStats,
  roundRobinOrder,
} from '../../../core/src/distribution'
import type { PoolMemberStats } from '../../../core/src/distribution'
import type { Pool } from '../../../core/src/model/workspace'
import { memberColorFor } from '../../../core/src/schema/migrations'
import type { LiveWorkspace } from '../db/workspace-store'
import { dateText, dateTimeText, localZone } from '../format/datetime-format'
import { poolVerdictFor } from '../reports/pool-verdict'

const CYCLE_TEXT = { monthly: 'Monthly', quarterly: 'Quarterly', continuous: 'Continuous' } as const
/** What a pool's reporting cycle is, for the card's glossary. */
const CYCLE_MEANING = {
  monthly:
    'A calendar month: bookings are counted per month, each starting every member from nothing.',
  quarterly:
    'A calendar quarter: bookings are counted per quarter, each starting every member from nothing.',
  continuous: 'Continuous: bookings are counted since the pool began, never started again.',
} as const

/**
 * One pool's distribution for a reporting cycle (first the one holding `atMs`, then earlier or
 * later ones): in one sentence whether it is shared out as the method intends (`poolVerdict`), then
 * received, removed and net bookings per member as bars against the pool's average,
 * last assignment, and for round robin who is next in line (current cycle only). Counted by core from the pool's
 * ledger over all history: the baseline fetched from the sync server merged with this computer's
 * bookings; until a baseline was fetched, from this computer's bookings alone, and it says so.
 */
export function PoolStatsCard({
  pool,
  live,
  now,
  atMs: openAtMs,
}: {
  pool: Pool
  live: LiveWorkspace
  now: number
  /** An instant of the cycle shown first (the previous and next buttons move from it). */
  atMs: number
}) {
  const { workspace } = live
  // Cycles are cut in the workspace's zone; moments are shown on the desk's clock, as everywhere.
  const zone = workspace.timeZone ?? 'UTC'
  const deskZone = localZone()
  const [atMs, setAtMs] = useState(openAtMs)
  const cycle = cycleBounds(pool.reportingCycle, atMs, zone)
  const current = cycleBounds(pool.reportingCycle, now, zone)
  const isCurrent = cycle.start === current.start
  const ledger =
    workspace.poolLedgers?.[pool.id] ?? poolLedger(pool, workspace.bookings, workspace.panels)
  const stats = poolLedgerStats(pool, ledger, cycle)
  const names = new Map(workspace.members.map((m) => [m.id, m]))
  // The round-robin line as it stood at the cycle's end: next in line (current cycle) and verdict.
  const standings =
    pool.distribution === 'round-robin' ? roundRobinOrder(pool, stats, workspace.members) : []
  const line = isCurrent ? standings : []
  const verdict = poolVerdictFor(pool, stats, workspace.members, isCurrent, standings)
  const scale = Math.max(1, ...stats.members.map((m) => Math.max(m.received, m.removed)))
  const cycleText =
    cycle.start && cycle.end
      ? `${dateText(cycle.start, zone)} – ${dateText(Date.parse(cycle.end) - 1, zone)}`
      : 'all time'
  return (
    <article className="card stack" aria-label={`Pool ${pool.name}`}>
      <div className="toolbar">
        <h3>{pool.name}</h3>
        {cycle.start ? (
          <div className="row" role="group" aria-label={`${pool.name} cycle`}>
            <button
              type="button"
              className="btn"
              onClick={() => setAtMs(Date.parse(cycle.start!) - 1)}
            >
              ‹ Previous cycle
            </button>
            <button
              type="button"
              className="btn"
              disabled={isCurrent}
              onClick={() => setAtMs(Date.parse(cycle.end!))}
            >
              Next cycle ›
            </button>
          </div>
        ) : null}
      </div>
      <p className="small muted">
        {DISTRIBUTION_METHODS[pool.distribution].label} · {CYCLE_TEXT[pool.reportingCycle]} cycle (
        {cycleText}
        {isCurrent ? ', current' : ''}) · automatic correction{' '}
        {pool.automaticCorrection ? 'on' : 'off'} · net per member on average{' '}
        {stats.average.toFixed(1)}
        {line[0]
          ? ` · next in line: ${names.get(line[0].memberId)?.name ?? 'a former member'}`
          : ''}
      </p>
      <p className="pool-verdict">{verdict}</p>
      {live.baseline === null ? (
        <p className="history-notice small is-warning" role="note">
          Counted from the bookings on this computer only (meetings since{' '}
          {dateText(windowStartMs(live.windowStart), zone)}): the earlier history has not been
          loaded from the sync server yet.
        </p>
      ) : null}
      <p className="small muted">
        Per member: received, removed (cancelled, no-show or reassigned away) and net —{' '}
        {pool.automaticCorrection
          ? 'received minus removed'
          : 'the received alone, since automatic correction is off'}
        . A booking counts in the cycle it was made in, not the one its meeting falls in, and a
        booking removed counts in the cycle it is removed in, so a member may have more removed than
        received in one cycle. The bar shows received and removed; the line marks the average net.
      </p>
      <details className="pool-glossary small">
        <summary>What these words mean</summary>
        <dl className="definition">
          <dt>{DISTRIBUTION_METHODS[pool.distribution].label}</dt>
          <dd>{DISTRIBUTION_METHODS[pool.distribution].description}</dd>
          <dt>Cycle</dt>
          <dd>{CYCLE_MEANING[pool.reportingCycle]}</dd>
          <dt>Received</dt>
          <dd>
            Bookings this pool gave the member in the cycle, counted when each was made (a booking
            made on 30 November for 1 December counts in November).
          </dd>
          <dt>Removed</dt>
          <dd>
            Their bookings from this pool cancelled, marked as no-show or reassigned to someone else
            in the cycle.
          </dd>
          <dt>Net</dt>
          <dd>Received minus removed, with automatic correction on; received alone with it off.</dd>
          <dt>Automatic correction</dt>
          <dd>
            On: a member who falls behind through cancellations, no-shows or reassignments moves to
            the front of the line until they have caught up. Off: what was removed still counts as
            theirs.
          </dd>
          {pool.distribution === 'round-robin' ? (
            <>
              <dt>Next in line</dt>
              <dd>
                Who round robin gives the next booking to: the member with the lowest net (among
                equals, the one assigned longest ago), if they are free at the time asked; else the
                one after them.
              </dd>
            </>
          ) : null}
        </dl>
      </details>
      <ul className="pool-bars">
        {stats.members.map((row) => (
          <StatsRow
            key={row.memberId}
            row={row}
            name={names.get(row.memberId)?.name ?? 'a former member'}
            color={names.get(row.memberId)?.color ?? memberColorFor(row.memberId)}
            scale={scale}
            average={stats.average}
            isCorrected={pool.automaticCorrection}
            zone={deskZone}
          />
        ))}
      </ul>
    </article>
  )
}

/** One member's bars (exported for its test). */
export function StatsRow(props: {
  row: PoolMemberStats
  name: string
  color: string
  scale: number
  average: number
  /** Automatic correction on: the removed are subtracted (else they are shown, not counted). */
  isCorrected: boolean
  /** The desk's zone: "last assigned" is a moment on its clock. */
  zone: string
}) {
  const { row, name, color, scale, average, isCorrected, zone } = props
  const pct = (n: number) => `${(Math.max(0, n) / scale) * 100}%`
  // Not a member of the pool now: removed from it, or given a pool booking by a reassignment.
  const outside = row.isCurrentMember ? '' : ' (not in this pool)'
  const summary = `${name}${outside}: ${row.received} received, ${row.removed} removed, net ${row.net}`
  return (
    <li className="pool-row" aria-label={summary}>
      <span>
        {name}
        {outside}
      </span>
      <span className="pool-track" aria-hidden="true">
        <span
          className="pool-bar received"
          style={{ width: pct(row.received), background: color }}
        />
        <span className="pool-bar removed" style={{ width: pct(row.removed) }} />
        <span className="pool-average" style={{ left: pct(average) }} />
      </span>
      <span className="small">
        {row.received} received · {row.removed} removed
        {isCorrected || row.removed === 0 ? '' : ' (not subtracted)'} · net{' '}
        {row.net < 0 ? `−${-row.net}` : row.net}
      </span>
      <span className="pool-last">
        {row.lastAssignedAt
          ? `last assigned ${dateTimeText(row.lastAssignedAt, zone)}`
          : 'never assigned'}
      </span>
    </li>
  )
}
