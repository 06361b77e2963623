/**
 * Seat plans: who may fill each seat of a target, most preferred first. A pool target is one
 * seat, a booking page one seat, a panel one seat per panel seat (seat 0 is the primary).
 *
 * Preference per seat method (rankings come from the distribution module, computed at `nowMs`
 * over the pool's current reporting cycle in the workspace zone):
 * - `round-robin`: the line (`roundRobinOrder`: fewest net bookings incl. the newcomer rule, then
 *   longest since last assigned, then pool list order);
 * - `pooled`: longest idle first (`pooledRanking`; idle counts from the creation or reassignment
 *   instant of the last booking received through the pool), then pool list order;
 * - `pooled-priority`: priority 1 first, then longest idle, then pool list order;
 * - `booking-page` / `specific-member`: that one member.
 * Only eligible members appear (active, listed in the pool now, known). A target or seat that
 * names a record that does not exist has nobody (the validation module refuses such workspaces;
 * decisions just offer nothing rather than fail).
 */

import { cycleBounds, cycleEndMs } from '../distribution/cycle-bounds'
import { type EligiblePoolMember, poolEligibleMembers } from '../distribution/pool-eligible'
import type { PoolLedger } from '../distribution/pool-ledger'
import { ledgerLastBefore } from '../distribution/pool-ledger'
import { poolLedgerStats, poolStats } from '../distribution/pool-stats'
import { DISTRIBUTION_METHODS } from '../distribution/distribution-methods'
import { type PooledPlace, pooledOrderCompare } from '../distribution/pooled-ranking'
import { partitionPoint } from '../model/partition-point'
import type { PanelSeat, Pool, Target, Workspace } from '../model/workspace'
import type { AssignmentExplanation, DecisionState, RankedCandidate } from './booking-types'

export type SeatMethod = AssignmentExplanation['seats'][number]['method']

/** One seat to fill. */
export interface PlannedSeat {
  readonly seat: PanelSeat | { readonly bookingPageId: string }
  readonly method: SeatMethod
  /** The pool behind the seat, if any. */
  readonly poolId: string | null
  /** Eligible members, most preferred first (`isFree` is false here; decisions fill it in). */
  readonly ranking: readonly RankedCandidate[]
}

/** Every seat of a target, in seat order, and what a booking through it records. */
export interface SeatPlan {
  readonly target: Target
  /** `Booking.poolId`: the pool of a pool target, else null. */
  readonly poolId: string | null
  /** `Booking.panelId`: the panel of a panel target, else null. */
  readonly panelId: string | null
  readonly seats: readonly PlannedSeat[]
}

interface RankingMemo {
  readonly members: Workspace['members']
  readonly panels: Workspace['panels']
  readonly cycleKey: string
  readonly ranking: readonly RankedCandidate[]
}

/** What a ranking is counted from: the pool's ledger when the state has one, else the bookings. */
function rankingSource(state: DecisionState, pool: Pool): object {
  return state.poolLedgers?.[pool.id] ?? state.bookings
}

/**
 * Rankings already computed for the same records (the same bookings, pool, members and panels
 * objects) and cycle. Records are immutable values, so an equal key means an equal answer; this
 * saves replaying every pool booking's history for each availability request and decision while
 * nothing changed (the sync server keeps the same record objects between requests).
 */
const RANKINGS = new WeakMap<object, WeakMap<Pool, RankingMemo[]>>()
/** Memo entries kept per (bookings, pool): a few cycles and member/panel versions. */
const RANKING_MEMO_LIMIT = 4

/** The ranking of one pool's eligible members at `nowMs`, most preferred first. */
export function seatPoolRanking(
  state: DecisionState,
  pool: Pool,
  nowMs: number,
): readonly RankedCandidate[] {
  const cycle = cycleBounds(pool.reportingCycle, nowMs, state.timeZone ?? 'UTC')
  const cycleKey = `${cycle.start ?? ''}/${cycle.end ?? ''}`
  const source = rankingSource(state, pool)
  let byPool = RANKINGS.get(source)
  if (byPool === undefined) {
    byPool = new WeakMap()
    RANKINGS.set(source, byPool)
  }
  const memos = byPool.get(pool) ?? []
  const hit = memos.find(
    (m) => m.members === state.members && m.panels === state.panels && m.cycleKey === cycleKey,
  )
  if (hit) return hit.ranking
  const ledger = state.poolLedgers?.[pool.id]
  const last = LAST_LEDGER_RANKING.get(pool)
  const isSameSetup =
    last !== undefined &&
    ledger !== undefined &&
    last.members === state.members &&
    last.panels === state.panels &&
    last.cycleKey === cycleKey
  const ranking =
    (isSameSetup ? pooledRankingFollow(pool, state.members, cycle, last, ledger) : null) ??
    seatPoolRankingCompute(state, pool, cycle)
  if (ledger !== undefined && pool.distribution !== 'round-robin') {
    const { members, panels } = state
    LAST_LEDGER_RANKING.set(pool, { ledger, members, panels, cycleKey, ranking })
  }
  byPool.set(
    pool,
    [{ members: state.members, panels: state.panels, cycleKey, ranking }, ...memos].slice(
      0,
      RANKING_MEMO_LIMIT,
    ),
  )
  return ranking
}

/** A pooled pool's last ranking counted from a ledger, with what it was counted for. */
interface LedgerRanking {
  readonly ledger: PoolLedger
  readonly members: Workspace['members']
  readonly panels: Workspace['panels']
  readonly cycleKey: string
  readonly ranking: readonly RankedCandidate[]
}

/** Per pool object: the last ranking of a pooled method counted from a ledger. */
const LAST_LEDGER_RANKING = new WeakMap<Pool, LedgerRanking>()

/** Eligible members by id, per `poolEligibleMembers` answer (kept while pool and members are). */
const ELIGIBLE_BY_ID = new WeakMap<
  readonly EligiblePoolMember[],
  ReadonlyMap<string, EligiblePoolMember>
>()

function eligibleById(
  eligible: readonly EligiblePoolMember[],
): ReadonlyMap<string, EligiblePoolMember> {
  let byId = ELIGIBLE_BY_ID.get(eligible)
  if (byId === undefined) {
    byId = new Map(eligible.map((member) => [member.memberId, member] as const))
    ELIGIBLE_BY_ID.set(eligible, byId)
  }
  return byId
}

/** At most this many members' entries changed for {@link pooledRankingFollow} to follow them. */
const FOLLOW_CHANGES_MAX = 32

/**
 * The ranking of a pooled pool (`pooled`, `pooled-priority`) counted from `ledger`, from the last
 * one (`last`: same pool, members, panels and cycle, an earlier ledger): only the members whose
 * ledger entries changed are taken out and put back in their place. A member's place depends on
 * that member alone (priority, last assignment before the cycle's end, pool order), and the order
 * is total, so this is exactly the ranking `seatPoolRankingCompute` gives (a booking changes one
 * or two members' entries; recomputing ranks all 100 members of a big pool after each). Null when
 * it cannot follow (round robin, whose newcomer rule ties members together; too many changes; an
 * eligible member's entry gone).
 */
function pooledRankingFollow(
  pool: Pool,
  members: Workspace['members'],
  cycle: ReturnType<typeof cycleBounds>,
  last: LedgerRanking,
  ledger: PoolLedger,
): readonly RankedCandidate[] | null {
  if (pool.distribution === 'round-robin') return null
  if (ledger === last.ledger) return last.ranking
  // Only eligible members are ranked, so only their entries can move one (keyed reads: walking a
  // ledger's 100 keys with `for…in` cost more than the rest of this function).
  const eligibleMembers = poolEligibleMembers(pool, members)
  const changed = new Set<string>()
  for (const { memberId } of eligibleMembers) {
    const now = ledger.members[memberId]
    const before = last.ledger.members[memberId]
    if (now === before) continue
    if (now === undefined) return null
    changed.add(memberId)
    if (changed.size > FOLLOW_CHANGES_MAX) return null
  }
  if (changed.size === 0) return last.ranking
  const byPriority = pool.distribution === 'pooled-priority'
  const endMs = cycleEndMs(cycle)
  const places = eligibleById(eligibleMembers)
  /** A ranked member's place, as `pooledRanking` orders them (`pooledOrderCompare`). */
  const placeOf = (candidate: RankedCandidate): PooledPlace => ({
    priority: candidate.priority ?? 0,
    lastMs: candidate.lastAssignedAt == null ? null : Date.parse(candidate.lastAssignedAt),
    order: places.get(candidate.memberId)?.order ?? 0,
  })
  const ranking = last.ranking.filter((candidate) => !changed.has(candidate.memberId))
  for (const memberId of changed) {
    const eligible = places.get(memberId)
    if (eligible === undefined) continue
    const lastMs = ledgerLastBefore(ledger.members[memberId]?.received ?? [], endMs)
    const moved: RankedCandidate = {
      memberId,
      priority: eligible.priority,
      lastAssignedAt: lastMs === null ? null : new Date(lastMs).toISOString(),
      isFree: false,
    }
    const place: PooledPlace = { priority: eligible.priority, lastMs, order: eligible.order }
    const at = partitionPoint(
      ranking.length,
      (i) => pooledOrderCompare(placeOf(ranking[i]!), place, byPriority) < 0,
    )
    ranking.splice(at, 0, moved)
  }
  return ranking
}

function seatPoolRankingCompute(
  state: DecisionState,
  pool: Pool,
  cycle: ReturnType<typeof cycleBounds>,
): readonly RankedCandidate[] {
  const ledger = state.poolLedgers?.[pool.id]
  const stats = ledger
    ? poolLedgerStats(pool, ledger, cycle)
    : // Only pool and panel bookings can count for a pool (see `poolStats`): skip the rest early.
      poolStats(
        pool,
        state.bookings.filter((b) => b.poolId === pool.id || b.panelId !== null),
        state.panels,
        cycle,
      )
  // The standings with `isFree` (written out: this runs for every pool member per decision).
  return DISTRIBUTION_METHODS[pool.distribution]
    .rank(pool, stats, state.members)
    .map(({ memberId, priority, lastAssignedAt, net }) =>
      net === undefined
        ? { memberId, priority, lastAssignedAt, isFree: false }
        : { memberId, priority, lastAssignedAt, net, isFree: false },
    )
}

function memberSeat(
  state: Workspace,
  seat: PlannedSeat['seat'],
  method: SeatMethod,
  memberId: string | undefined,
): PlannedSeat {
  const isKnown = memberId !== undefined && state.members.some((member) => member.id === memberId)
  return {
    seat,
    method,
    poolId: null,
    ranking: isKnown ? [{ memberId, isFree: false }] : [],
  }
}

function poolSeat(
  state: Workspace,
  seat: PlannedSeat['seat'],
  poolId: string,
  nowMs: number,
  rankings: Map<string, readonly RankedCandidate[]>,
): PlannedSeat {
  const pool = state.pools.find((candidate) => candidate.id === poolId)
  if (pool === undefined) return { seat, method: 'round-robin', poolId, ranking: [] }
  let ranking = rankings.get(poolId)
  if (ranking === undefined) {
    ranking = seatPoolRanking(state, pool, nowMs)
    rankings.set(poolId, ranking)
  }
  return { seat, method: pool.distribution, poolId, ranking }
}

/**
 * The seat plan of `target` at `nowMs`. Throws a `RangeError` only for an invalid workspace zone
 * (see `cycleBounds`).
 */
export function seatPlanFor(state: Workspace, target: Target, nowMs: number): SeatPlan {
  const rankings = new Map<string, readonly RankedCandidate[]>()
  if ('poolId' in target) {
    const seat = poolSeat(state, target, target.poolId, nowMs, rankings)
    return { target, poolId: target.poolId, panelId: null, seats: [seat] }
  }
  if ('bookingPageId' in target) {
    const page = state.bookingPages.find((candidate) => candidate.id === target.bookingPageId)
    const seat = memberSeat(state, target, 'booking-page', page?.memberId)
    return { target, poolId: null, panelId: null, seats: [seat] }
  }
  const panel = state.panels.find((candidate) => candidate.id === target.panelId)
  const seats = (panel?.seats ?? []).map((seat) =>
    'poolId' in seat
      ? poolSeat(state, seat, seat.poolId, nowMs, rankings)
      : memberSeat(state, seat, 'specific-member', seat.memberId),
  )
  return { target, poolId: null, panelId: target.panelId, seats }
}
