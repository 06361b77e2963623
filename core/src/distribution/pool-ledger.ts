/**
 * A pool's ledger: every seat change of the bookings that count for the pool, per member, as
 * sorted instants. Pool statistics of any cycle, round-robin lines and idle times are counted from
 * it by binary search, so a ranking costs O(members × log events) instead of replaying every
 * booking's history. The ledger is derived from the bookings (`poolLedger`) and can be kept up to
 * date one booking change at a time (`poolLedgerApply`), or built from stored change rows
 * (`poolLedgerFromChanges`), with exactly the same result.
 */

import type { Booking, Panel, Pool } from '../model/workspace'
import type { HostChange, RemovalReason } from './booking-history'
import { historyReplay } from './booking-history'
import { ascendingLowerBound } from '../time/ascending'

/** One member's seat changes through one pool, each list ascending (epoch ms). */
export interface MemberLedger {
  readonly received: readonly number[]
  readonly removed: Readonly<Record<RemovalReason, readonly number[]>>
}

/** Every seat change of one pool's bookings, per member (current and former members alike). */
export interface PoolLedger {
  readonly poolId: string
  readonly members: Readonly<Record<string, MemberLedger>>
}

/** One seat change as stored rows carry it (see `bookingLedgerRows`). */
export interface LedgerChange {
  readonly memberId: string
  readonly kind: HostChange['kind']
  /** For removals: why; ignored for `received`. */
  readonly reason: HostChange['reason']
  readonly atMs: number
}

/** A booking's seat change with what decides which pool it counts for. */
export interface BookingLedgerRow extends LedgerChange {
  readonly bookingId: string
  readonly seat: number
  readonly poolId: string | null
  readonly panelId: string | null
}

const REMOVAL_REASONS: readonly RemovalReason[] = ['cancelled', 'no-show', 'reassigned-away']

/**
 * Every seat change of `booking` (its history read by `historyReplay`), with the booking's pool
 * and panel: the rows a store keeps to rebuild any pool's ledger without reading bookings.
 */
export function bookingLedgerRows(booking: Booking): BookingLedgerRow[] {
  return historyReplay(booking).changes.map((change) => ({
    bookingId: booking.id,
    seat: change.seat,
    memberId: change.memberId,
    kind: change.kind,
    reason: change.reason,
    atMs: change.atMs,
    poolId: booking.poolId,
    panelId: booking.panelId,
  }))
}

/**
 * Which seats of a booking with `poolId`/`panelId` count for `pool` (see `poolStats`): a panel
 * booking counts the seats its panel's CURRENT definition fills from the pool (a booking of a
 * panel missing from `panels` counts for no pool); any other booking counts when its `poolId` is
 * the pool (every seat).
 */
export function poolCountsSeat(
  poolId: string,
  row: Pick<BookingLedgerRow, 'seat' | 'poolId' | 'panelId'>,
  panelById: ReadonlyMap<string, Panel>,
): boolean {
  if (row.panelId !== null) {
    const seat = panelById.get(row.panelId)?.seats[row.seat]
    return seat !== undefined && 'poolId' in seat && seat.poolId === poolId
  }
  return row.poolId === poolId
}

/** The panels by id, for {@link poolCountsSeat}. */
export function panelsById(panels: readonly Panel[]): ReadonlyMap<string, Panel> {
  return new Map(panels.map((panel) => [panel.id, panel] as const))
}

/** Builds a ledger from seat changes in any order. */
export function poolLedgerFromChanges(poolId: string, changes: Iterable<LedgerChange>): PoolLedger {
  const members: Record<string, { received: number[]; removed: Record<RemovalReason, number[]> }> =
    {}
  for (const change of changes) {
    const entry = (members[change.memberId] ??= {
      received: [],
      removed: { cancelled: [], 'no-show': [], 'reassigned-away': [] },
    })
    if (change.kind === 'received') entry.received.push(change.atMs)
    else if (isRemovalReason(change.reason)) entry.removed[change.reason].push(change.atMs)
  }
  for (const entry of Object.values(members)) {
    entry.received.sort(ascending)
    for (const reason of REMOVAL_REASONS) entry.removed[reason].sort(ascending)
  }
  return { poolId, members }
}

/** Member ledgers being built: lists filled in any order, sorted once at the end. */
export type MemberLedgersBuilding = Record<
  string,
  { received: number[]; removed: Record<RemovalReason, number[]> }
>

/**
 * Adds a group's instants to its member's lists in `members` (the member's entry is made even
 * when the group's reason counts for no list, as `poolLedgerFromChanges` does).
 */
export function memberLedgersAdd(members: MemberLedgersBuilding, group: LedgerChangeGroup): void {
  const entry = (members[group.memberId] ??= {
    received: [],
    removed: { cancelled: [], 'no-show': [], 'reassigned-away': [] },
  })
  const into =
    group.kind === 'received'
      ? entry.received
      : isRemovalReason(group.reason)
        ? entry.removed[group.reason]
        : null
  if (into) for (const atMs of group.atMs) into.push(atMs)
}

/** `members` with every list sorted ascending (in place), as finished member ledgers. */
export function memberLedgersSorted(
  members: MemberLedgersBuilding,
): Readonly<Record<string, MemberLedger>> {
  for (const entry of Object.values(members)) {
    entry.received.sort(ascending)
    for (const reason of REMOVAL_REASONS) entry.removed[reason].sort(ascending)
  }
  return members
}

/**
 * The seat changes of one member through one seat kind, grouped: what a store can hand over in
 * one row per (member, kind, reason, pool or panel seat) instead of one row per change.
 */
export interface LedgerChangeGroup {
  readonly memberId: string
  readonly kind: HostChange['kind']
  readonly reason: HostChange['reason']
  readonly seat: number
  readonly poolId: string | null
  readonly panelId: string | null
  /** The changes' instants, in any order. */
  readonly atMs: readonly number[]
}

/**
 * The ledgers of `poolIds` from grouped seat changes: the same ledgers as
 * {@link poolLedgerFromChanges} of every change the groups hold that counts for each pool
 * ({@link poolCountsSeat} with `panels`), built without one object per change.
 */
export function poolLedgersFromGroups(
  poolIds: readonly string[],
  groups: Iterable<LedgerChangeGroup>,
  panels: readonly Panel[],
): Record<string, PoolLedger> {
  const byId = panelsById(panels)
  const members = new Map(poolIds.map((id) => [id, {} as MemberLedgersBuilding]))
  for (const group of groups) {
    for (const [poolId, ledger] of members) {
      if (poolCountsSeat(poolId, group, byId)) memberLedgersAdd(ledger, group)
    }
  }
  const ledgers: Record<string, PoolLedger> = {}
  for (const [poolId, ledger] of members)
    ledgers[poolId] = { poolId, members: memberLedgersSorted(ledger) }
  return ledgers
}

/** The ledger of `pool` from `bookings` (every booking that can count for it). */
export function poolLedger(
  pool: Pool,
  bookings: readonly Booking[],
  panels: readonly Panel[],
): PoolLedger {
  const byId = panelsById(panels)
  const changes: LedgerChange[] = []
  for (const booking of bookings) {
    if (booking.poolId !== pool.id && booking.panelId === null) continue
    for (const row of bookingLedgerRows(booking)) {
      if (poolCountsSeat(pool.id, row, byId)) changes.push(row)
    }
  }
  return poolLedgerFromChanges(pool.id, changes)
}

/**
 * One booking's change as the ledgers take it: its version `before` and `after` (either null for
 * a new or removed booking).
 */
export interface BookingVersions {
  readonly before: Booking | null
  readonly after: Booking | null
}

/**
 * `ledger` after one booking changed from `before` to `after` (either null for a new or removed
 * booking): the seat changes of `before` that count for the pool are taken out, those of `after`
 * put in. A new ledger object; only the touched members' lists are copied.
 */
export function poolLedgerApply(
  ledger: PoolLedger,
  pool: Pool,
  panels: readonly Panel[],
  before: Booking | null,
  after: Booking | null,
): PoolLedger {
  return poolLedgerApplyMany(ledger, pool, panels, [{ before, after }])
}

/**
 * `ledger` after `changes`, applied in order exactly as {@link poolLedgerApply} one at a time
 * would, but copying each touched list once for all of them: a list holds a member's whole
 * history in the pool, so a bulk write of n bookings (an import, a group commit, a desktop's
 * offline work pushed at once) costs one copy per touched list instead of n.
 */
export function poolLedgerApplyMany(
  ledger: PoolLedger,
  pool: Pool,
  panels: readonly Panel[],
  changes: readonly BookingVersions[],
): PoolLedger {
  const byId = panelsById(panels)
  const counted = (booking: Booking | null) =>
    booking === null || (booking.poolId !== pool.id && booking.panelId === null)
      ? []
      : bookingLedgerRows(booking).filter((row) => poolCountsSeat(pool.id, row, byId))
  // The members this call touched: their ledgers as they will be, with the lists it copied (edited
  // in place from then on) and those it has not touched yet (still shared with `ledger`).
  const touched = new Map<
    string,
    { received: number[]; removed: Record<RemovalReason, number[]> }
  >()
  const copies = new Set<number[]>()
  const EMPTY: readonly number[] = []
  const listOf = (memberId: string, key: 'received' | RemovalReason): number[] => {
    let entry = touched.get(memberId)
    if (entry === undefined) {
      const current = ledger.members[memberId]
      // Lists not copied yet are only read (`copies` tells them apart), never edited.
      const shared = (list: readonly number[] | undefined) => (list ?? EMPTY) as number[]
      entry = {
        received: shared(current?.received),
        removed: {
          cancelled: shared(current?.removed.cancelled),
          'no-show': shared(current?.removed['no-show']),
          'reassigned-away': shared(current?.removed['reassigned-away']),
        },
      }
      touched.set(memberId, entry)
    }
    const list = key === 'received' ? entry.received : entry.removed[key]
    if (copies.has(list)) return list
    const copy = [...list]
    copies.add(copy)
    if (key === 'received') entry.received = copy
    else entry.removed[key] = copy
    return copy
  }
  const edit = (change: LedgerChange, sign: 1 | -1) => {
    const key = change.kind === 'received' ? 'received' : change.reason
    if (key !== 'received' && !isRemovalReason(key)) return
    const list = listOf(change.memberId, key)
    const index = ascendingLowerBound(list, change.atMs)
    if (sign > 0) list.splice(index, 0, change.atMs)
    else if (list[index] === change.atMs) list.splice(index, 1)
  }
  for (const { before, after } of changes) {
    for (const change of counted(before)) edit(change, -1)
    for (const change of counted(after)) edit(change, 1)
  }
  if (touched.size === 0) return ledger
  return { poolId: ledger.poolId, members: { ...ledger.members, ...Object.fromEntries(touched) } }
}

/** How many of the ascending `times` lie in `[fromMs, toMs)`. */
export function ledgerCount(times: readonly number[], fromMs: number, toMs: number): number {
  if (fromMs >= toMs) return 0
  return ascendingLowerBound(times, toMs) - ascendingLowerBound(times, fromMs)
}

/** The latest of the ascending `times` before `toMs`, or null. */
export function ledgerLastBefore(times: readonly number[], toMs: number): number | null {
  const index = ascendingLowerBound(times, toMs) - 1
  return index >= 0 ? (times[index] ?? null) : null
}

/**
 * A member's net change in `[fromMs, toMs)`: received minus removed (every reason) with automatic
 * correction, received alone without.
 */
export function ledgerNet(
  member: MemberLedger | undefined,
  fromMs: number,
  toMs: number,
  automaticCorrection: boolean,
): number {
  if (member === undefined) return 0
  const received = ledgerCount(member.received, fromMs, toMs)
  if (!automaticCorrection) return received
  let removed = 0
  for (const reason of REMOVAL_REASONS) removed += ledgerCount(member.removed[reason], fromMs, toMs)
  return received - removed
}

function isRemovalReason(reason: HostChange['reason']): reason is RemovalReason {
  return reason === 'cancelled' || reason === 'no-show' || reason === 'reassigned-away'
}

function ascending(a: number, b: number): number {
  return a - b
}
