/**
 * What a booking's history means for distribution: who received the booking when, and who lost it
 * when and why. Pool statistics count exactly these changes, and the booking decisions must write
 * history entries so that they come out right. The semantics, entry by entry (history is read in
 * array order, which must be chronological):
 *
 * - `created` (exactly one, the first entry): at `at` every seat's original host received the
 *   booking. Original hosts are `hostMemberIds` with every reassignment undone from the last to the
 *   first, so a booking without reassignments was received by its current hosts.
 * - `reassigned` with `fromMemberId` and `toMemberId` (both required; `fromMemberId` picks the seat
 *   of a panel booking): at `at` the seat moves, `fromMemberId` loses it ("reassigned-away") and
 *   `toMemberId` receives it. `forced`, `reason` and `by` do not change counting. A reschedule that
 *   moves the booking to another member is written as `rescheduled` followed by such a `reassigned`
 *   entry; it then counts like any reassignment.
 * - `cancelled`: at `at` every current host loses the booking ("cancelled").
 * - `no-show`: at `at` every current host loses the booking ("no-show"). A booking whose status is
 *   `no-show` without such an entry loses it at its `end` (the meeting is over when a no-show is
 *   known); a booking whose status is `cancelled` without an entry loses it at its last history
 *   instant (an inconsistency `workspaceValidate` reports).
 * - `rescheduled` (same hosts), `completed`, `conflict-resolved` and `change-superseded`: no
 *   change of hands. A reschedule with the same member is never a removal (product edge case 7).
 *
 * After `cancelled` or `no-show` the booking has ended: later reassignments, cancellations,
 * no-shows, reschedules or completions are issues and change nothing; the conflict notes
 * (`conflict-resolved`, `change-superseded`) may follow.
 */

import type { Booking } from '../model/workspace'

/** Why a member lost a booking in pool statistics (product edge case 7). */
export type RemovalReason = 'cancelled' | 'no-show' | 'reassigned-away'

/** One seat changing hands. `seat` indexes `hostMemberIds` (panel seat order; 0 for one host). */
export interface HostChange {
  readonly kind: 'received' | 'removed'
  readonly reason: 'created' | 'reassigned-to' | RemovalReason
  readonly seat: number
  readonly memberId: string
  /** ISO UTC instant of the history entry (or the booking's `end` for a status-only no-show). */
  readonly at: string
  /** `at` in epoch ms. */
  readonly atMs: number
  /** The history entry that caused it; `null` when it comes from the status alone. */
  readonly entryIndex: number | null
}

/** Something in the history that contradicts the semantics above. */
export interface HistoryIssue {
  /** Index into `history`, or `null` for the booking as a whole. */
  readonly entryIndex: number | null
  /** Field of that entry (or of the booking when `entryIndex` is null). */
  readonly field: string
  readonly message: string
}

/** The outcome of `historyReplay`. */
export interface HistoryReplay {
  /** Hosts at creation, one per seat. */
  readonly originalHosts: readonly string[]
  /** Changes in history order; empty when the history has no `created` entry. */
  readonly changes: readonly HostChange[]
  readonly issues: readonly HistoryIssue[]
  /** How the booking ended for distribution, if it did. */
  readonly endedAs: 'cancelled' | 'no-show' | null
}

/**
 * Replays `booking.history` under the semantics in this module's comment. Lenient: entries that
 * contradict them are reported as issues and skipped, never thrown. Does not check that member ids
 * exist (that is `workspaceValidate`'s job).
 */
export function historyReplay(booking: Booking): HistoryReplay {
  const originalHosts = historyOriginalHosts(booking)
  const current = [...originalHosts]
  const changes: HostChange[] = []
  const issues: HistoryIssue[] = []
  const issue = (entryIndex: number | null, field: string, message: string): void => {
    issues.push({ entryIndex, field, message })
  }
  const change = (
    kind: HostChange['kind'],
    reason: HostChange['reason'],
    seat: number,
    at: string,
    entryIndex: number | null,
  ): void => {
    const memberId = current[seat]
    if (memberId !== undefined) {
      changes.push({ kind, reason, seat, memberId, at, atMs: Date.parse(at), entryIndex })
    }
  }
  let isCreated = false
  let endedAs: 'cancelled' | 'no-show' | null = null
  let previousMs = -Infinity
  booking.history.forEach((entry, i) => {
    const atMs = Date.parse(entry.at)
    if (atMs < previousMs) issue(i, 'at', 'history entries must be in chronological order')
    previousMs = Math.max(previousMs, atMs)
    if (entry.action === 'created') {
      if (isCreated) return issue(i, 'action', 'a booking is created only once')
      if (i !== 0) issue(i, 'action', 'the created entry must come first')
      isCreated = true
      current.forEach((_, seat) => change('received', 'created', seat, entry.at, i))
      return
    }
    if (entry.action === 'conflict-resolved' || entry.action === 'change-superseded') return
    if (endedAs !== null) {
      return issue(
        i,
        'action',
        `the booking already ended as ${endedAs}; it cannot be ${entry.action}`,
      )
    }
    if (entry.action === 'cancelled' || entry.action === 'no-show') {
      current.forEach((_, seat) =>
        change('removed', entry.action as RemovalReason, seat, entry.at, i),
      )
      endedAs = entry.action
    } else if (entry.action === 'reassigned') {
      const from = entry.fromMemberId ?? null
      const to = entry.toMemberId ?? null
      if (from === null) return issue(i, 'fromMemberId', 'a reassignment names who it moved from')
      if (to === null) return issue(i, 'toMemberId', 'a reassignment names who it moved to')
      const seat = current.indexOf(from)
      if (seat < 0) return issue(i, 'fromMemberId', `${from} does not hold the booking then`)
      if (current.includes(to)) return issue(i, 'toMemberId', `${to} already holds the booking`)
      change('removed', 'reassigned-away', seat, entry.at, i)
      current[seat] = to
      change('received', 'reassigned-to', seat, entry.at, i)
    }
  })
  if (!isCreated) {
    issue(null, 'history', 'the history must begin with a created entry')
    return { originalHosts, changes: [], issues, endedAs }
  }
  if (issues.length === 0 && !sameHosts(current, booking.hostMemberIds)) {
    issue(null, 'hostMemberIds', 'the hosts do not match the reassignments in the history')
  }
  if (endedAs === null && (booking.status === 'no-show' || booking.status === 'cancelled')) {
    const last = booking.history[booking.history.length - 1]
    const at = booking.status === 'no-show' ? booking.end : (last?.at ?? booking.end)
    if (booking.status === 'cancelled') {
      issue(null, 'status', 'a cancelled booking records its cancellation in the history')
    }
    current.forEach((_, seat) => change('removed', booking.status as RemovalReason, seat, at, null))
    endedAs = booking.status
  }
  return { originalHosts, changes, issues, endedAs }
}

/**
 * The hosts a booking was created with, one per seat: `hostMemberIds` with every `reassigned`
 * entry (that names both members) undone from the last to the first. Entries whose `toMemberId`
 * does not hold a seat at that point are skipped.
 */
export function historyOriginalHosts(booking: Booking): string[] {
  const hosts = [...booking.hostMemberIds]
  for (let i = booking.history.length - 1; i >= 0; i--) {
    const entry = booking.history[i]
    if (entry?.action !== 'reassigned') continue
    const from = entry.fromMemberId ?? null
    const to = entry.toMemberId ?? null
    if (from === null || to === null) continue
    const seat = hosts.indexOf(to)
    if (seat >= 0 && !hosts.includes(from)) hosts[seat] = from
  }
  return hosts
}

function sameHosts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i])
}
